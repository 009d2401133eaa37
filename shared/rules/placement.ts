/**
 * The history of a child's foster-care placements (art. 10 ust. 4: work with the family goes on
 * while a child is temporarily placed; issue 13 item 6: the report counts children and families
 * in foster care as of the period, never by today's flag). The registry keeps the current
 * placement and, server-side, the ended ones: when a child leaves foster care (the placement
 * becomes "home", with the day of the return), the episode moves into `history`. A changed
 * placement date of a child still in care is a correction, not a new episode.
 */
import type { IsoDate } from './types';
import { isIsoDate } from './isoDate';

export interface PlacementEpisode {
  /** Placed on (null: not recorded). */
  since: IsoDate | null;
  /** Returned home on. */
  until: IsoDate;
  form?: string;
  pcpr?: string;
}

/** The placement JSON of a child in the registry (registrySchemas.placementSchema). */
export interface PlacementRecord {
  kind: 'home' | 'foster-care';
  since?: IsoDate | null;
  /** At home again: the day the child came back from foster care (optional). */
  returnedOn?: IsoDate | null;
  form?: string;
  pcpr?: string;
  krpz?: { name?: string; phone?: string; email?: string; address?: string } | null;
  /** Ended foster-care episodes (kept by the main process). */
  history?: PlacementEpisode[];
}

const date = (d: unknown): IsoDate | null => (isIsoDate(d) ? d : null);

/**
 * The placement to store when a child's placement changes from `stored` to `incoming` on
 * `today`: the stored history is kept (the client's copy is ignored); a child leaving foster
 * care closes the episode on the return date given (not before the placement, not after today),
 * else today.
 */
export function mergePlacement(stored: PlacementRecord | null | undefined, incoming: PlacementRecord | null | undefined, today: IsoDate): PlacementRecord | null {
  const history: PlacementEpisode[] = [...(stored?.history ?? [])];
  if (stored?.kind === 'foster-care' && (!incoming || incoming.kind === 'home')) {
    const since = date(stored.since);
    let until = date(incoming?.returnedOn) ?? today;
    if (until > today) until = today;
    if (since && until < since) until = since;
    history.push({ since, until, ...(stored.form ? { form: stored.form } : {}), ...(stored.pcpr ? { pcpr: stored.pcpr } : {}) });
  }
  if (!incoming) return history.length ? { kind: 'home', history } : null;
  const { history: _clientHistory, ...rest } = incoming;
  const out: PlacementRecord = { ...rest };
  if (out.kind === 'foster-care') delete out.returnedOn;
  else if (!date(out.returnedOn)) {
    const kept = stored?.kind === 'home' ? date(stored.returnedOn) : history.length ? history[history.length - 1]!.until : null;
    if (kept) out.returnedOn = kept;
    else delete out.returnedOn;
  }
  if (history.length) out.history = history;
  return out;
}

/** Every foster-care episode of a child: the ended ones and the current one (until null). */
export function fosterCareEpisodes(p: PlacementRecord | null | undefined): Array<{ since: IsoDate | null; until: IsoDate | null }> {
  const out: Array<{ since: IsoDate | null; until: IsoDate | null }> = (p?.history ?? []).map((e) => ({ since: date(e.since), until: date(e.until) }));
  if (p?.kind === 'foster-care') out.push({ since: date(p.since), until: null });
  return out;
}

/** Whether an episode with a known start overlaps [from, to]. */
export function episodeOverlaps(e: { since: IsoDate | null; until: IsoDate | null }, p: { from: IsoDate; to: IsoDate }): boolean {
  return e.since !== null && e.since <= p.to && (e.until === null || e.until >= p.from);
}

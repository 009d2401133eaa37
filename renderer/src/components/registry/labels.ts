/** Short Polish labels of the registry screens (the long ones come from shared/rules). */
import { warsawDate } from '../../../../shared/dates';
import {
  CASE_SOURCES,
  CASE_STATES,
  CLOSURE_REASONS,
  EARLY_CLOSURE_REASONS,
  TRANSITIONS,
  type CaseSource,
  type CaseState,
} from '../../../../shared/rules';
import { formatDate } from '../../format';

export const TRACK_SHORT: Record<'general' | 'za-zyciem', string> = {
  general: 'wsparcie ogólne',
  'za-zyciem': 'Za życiem',
};

export function stateLabel(state: string): string {
  return (CASE_STATES as Record<string, { label: string } | undefined>)[state]?.label ?? state;
}

/** The referral source in words (the S1–S7 codes of domain.md §2.1 are for the rules, not for the screen). */
export function sourceLabel(source: string): string {
  const s = (CASE_SOURCES as Record<string, { code: string; label: string } | undefined>)[source];
  return s ? s.label : source;
}

export const STATE_OPTIONS = (Object.keys(CASE_STATES) as CaseState[]).map((s) => ({ value: s, label: CASE_STATES[s].label }));

export const GENERAL_SOURCES = (Object.keys(CASE_SOURCES) as CaseSource[])
  .filter((s) => CASE_SOURCES[s].track === 'general')
  .sort((a, b) => CASE_SOURCES[a].code.localeCompare(CASE_SOURCES[b].code));

/** Today's date in Europe/Warsaw as YYYY-MM-DD (what the main process calls "today"). */
export function todayIso(): string {
  return warsawDate(new Date())!;
}

/** "07.03.2025" or "—". */
export function dateOrDash(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '—';
}

/** The submit button of a case action's dialog (the dialog's title names the action): "Zapisz
 *  decyzję" for the head's decisions, else "Zapisz" — short, so it never wraps under "Anuluj". */
export function saveButtonLabel(actionLabel: string): string {
  return /^Decyzja\b/.test(actionLabel) ? 'Zapisz decyzję' : 'Zapisz';
}

/** Case-event action names in Polish (history tables). */
export const HISTORY_ACTIONS: Record<string, string> = {
  intake: 'Zgłoszenie',
  zzRequest: 'Wniosek „Za życiem”',
  recordInterview: 'Wywiad środowiskowy',
  recordAnalysis: 'Analiza sytuacji rodziny',
  concludeNoAssistantNeeded: 'Brak przesłanek do asystenta',
  submitRequest: 'Wniosek o przydzielenie asystenta',
  assign: 'Przydzielenie asystenta',
  forward: 'Skierowanie do innego podmiotu',
  waitlist: 'Lista oczekujących',
  refuse: 'Odmowa przydzielenia asystenta',
  recordFirstContact: 'Pierwszy kontakt',
  recordConsent: 'Zgoda na współpracę',
  recordRefusal: 'Brak zgody rodziny',
  verifyZz: 'Weryfikacja wniosku „Za życiem”',
  refuseZz: 'Odmowa (wniosek „Za życiem”)',
};

/** Polish name of a case-history action: the intake steps above, else the lifecycle's own label. */
export function historyActionLabel(action: string): string {
  if (HISTORY_ACTIONS[action]) return HISTORY_ACTIONS[action]!;
  for (const list of Object.values(TRANSITIONS)) {
    const t = list.find((x) => x.action === action);
    if (t) return t.label;
  }
  return action;
}

/** Polish name of a closure reason (early closures and the closure reasons of domain.md §2.5). */
export function closureReasonLabel(code: string): string {
  return (
    (EARLY_CLOSURE_REASONS as Record<string, string>)[code] ?? CLOSURE_REASONS.find((r) => r.code === code)?.label ?? code
  );
}

/**
 * "1 234,56" / "1234.56" / "12" -> grosze (integer), or null when the text is not an amount.
 * Spaces (also non-breaking) group thousands; comma or dot separates grosze (at most two digits).
 */
export function parseZlote(text: string): number | null {
  const t = text.replace(/[\s\u00a0]/g, '').replace(/zł$/i, '');
  const m = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const zl = Number(m[1]);
  const gr = m[2] ? Number(m[2].padEnd(2, '0')) : 0;
  const v = zl * 100 + gr;
  return Number.isSafeInteger(v) ? v : null;
}

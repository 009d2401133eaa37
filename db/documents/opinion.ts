/**
 * The opinion for the court (art. 15 ust. 1 pkt 17) from the record: which sections the court
 * asked for (ticked with the request, else read from the scope it wrote), the facts the record
 * holds for each as of the opinion's date (assessments, visits, the plan), the assistant's own
 * text where the record is silent (court_requests.opinion), and the basis of the work as it stood
 * on each date (a court order only from its own date).
 */
import { ASSESSMENT_AREAS, RATING_LABELS, type Rating } from '../../shared/rules/assessment';
import { workBasesOn, type WorkBasis } from '../../shared/rules/acts';
import type { IsoDate } from '../../shared/rules/types';
import { countOf, institutionGenitive, NOUNS } from '../../shared/grammar';
import { signedRating } from '../../shared/print/chart';
import { formatDate } from '../../shared/print/format';
import { OPINION_SCOPES, type CourtOpinionView, type OpinionScope, type OpinionSectionView } from '../../shared/print/documents/courtOpinion';
import type { AssessmentRow, CaseData, CourtRequestRow } from './data';

const KEYS: Record<OpinionScope, RegExp> = {
  housing: /mieszka|lokal/,
  finances: /materialn|finans|dochod|bytow/,
  health: /zdrow|uzależn|alkohol/,
  parenting: /opiek|wychow|rodzicielsk|kompetencj/,
  relations: /relacj|funkcjonowan|więzi|konflikt/,
  children: /dzieci|dziecka|małolet/,
  cooperation: /współprac/,
  plan: /plan|cel[óeu]/,
  trend: /ocen|zmian|postęp/,
};

/** The sections the court asked for: as ticked with the request, else recognised in the scope the
 *  court wrote; all of them when neither says (an empty or unrecognised scope). */
export function opinionScopes(q: Pick<CourtRequestRow, 'scope' | 'opinion'>): OpinionScope[] {
  const ticked = (q.opinion?.scopes ?? []).filter((s): s is OpinionScope => (OPINION_SCOPES as readonly string[]).includes(s));
  if (ticked.length) return OPINION_SCOPES.filter((k) => ticked.includes(k));
  const scope = q.scope.toLocaleLowerCase('pl');
  const found = OPINION_SCOPES.filter((k) => KEYS[k].test(scope));
  return found.length ? found : [...OPINION_SCOPES];
}

const KIND_GEN = { initial: 'wstępnej', periodic: 'okresowej', final: 'końcowej' } as const;
const KIND_LABEL = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' } as const;
/** Ends a sentence with one full stop ("… 15.04.2025 r." keeps its own). */
export const sentence = (s: string): string => (s.trimEnd().endsWith('.') ? s.trimEnd() : `${s.trimEnd()}.`);
const t = (s: unknown): string | null => (typeof s === 'string' && s.trim() !== '' ? s.trim() : null);

function areaFacts(it: AssessmentRow | undefined, codes: string[]): string[] {
  if (!it) return [];
  const out: string[] = [];
  for (const code of codes) {
    const e = it.areas[code];
    const label = ASSESSMENT_AREAS.find((x) => x.code === code)?.label ?? code;
    if (!e || typeof e.rating !== 'number') continue;
    const r = e.rating as Rating;
    const just = t(e.justification);
    out.push(`W ocenie ${KIND_GEN[it.kind]} z dnia ${formatDate(it.assessedOn as IsoDate)} obszar „${label}” oceniono na ${signedRating(r)} (${RATING_LABELS[r]}).${just ? ` ${just.replace(/\.$/, '')}.` : ''}`);
  }
  return out;
}

/** "postanowienia Sądu Rejonowego w Toruniu z dnia 02.02.2026 r., sygn. akt III Nsm 245/25". */
function basisText(b: WorkBasis): string {
  switch (b.kind) {
    case 'court-order': {
      const court = b.court ? (institutionGenitive(b.court.split(',')[0]!.trim()) ?? 'sądu') : 'sądu';
      return `postanowienia ${court}${b.since ? ` z dnia ${formatDate(b.since)}` : ''}${b.caseRef ? `, sygn. akt ${b.caseRef}` : ''}`;
    }
    case 'art-11-1a':
      return `art. 11 ust. 1a ustawy o wspieraniu rodziny i systemie pieczy zastępczej (od dnia ${formatDate(b.since)})`;
    case 'consent':
      return `pisemnej zgody rodziny wyrażonej dnia ${formatDate(b.since)}`;
    case 'za-zyciem-request':
      return `wniosku rodziny z dnia ${formatDate(b.since)} (ustawa „Za życiem”)`;
  }
}

/** The basis of the work as it stood from `since` to `on`: what applied at the start, and a court
 *  order that came later only from its own date. */
export function workBasisText(facts: Parameters<typeof workBasesOn>[0], since: IsoDate | null, on: IsoDate, orderIsSource: boolean): string {
  const start = since ? workBasesOn(facts, since, orderIsSource) : [];
  const now = workBasesOn(facts, on, orderIsSource);
  const first = start[0] ?? now.find((b) => b.kind !== 'court-order');
  const laterOrder = now.find((b) => b.kind === 'court-order' && !start.some((s) => s.kind === 'court-order'));
  if (!first) return laterOrder ? basisText(laterOrder) : 'decyzji kierownika ośrodka o przydzieleniu asystenta rodziny';
  if (first.kind === 'court-order' || !laterOrder) return basisText(first);
  return `${basisText(first)}, a od dnia ${formatDate(laterOrder.since)} także ${basisText(laterOrder)}`;
}

export interface OpinionInput {
  c: CaseData;
  q: CourtRequestRow;
  /** The opinion's date. */
  on: IsoDate;
  familyName: string;
  members: CourtOpinionView['members'];
  author: CourtOpinionView['author'];
  workBasis: string;
}

/** The parts of the view the record fills (everything but the header and the signatures). */
export function opinionContent(x: OpinionInput): Pick<CourtOpinionView, 'sections' | 'children' | 'trend' | 'sources' | 'conclusions' | 'attachments' | 'requestNumber' | 'scopeRequested'> {
  const { c, q, on } = x;
  const draft = q.opinion ?? {};
  const assessments = c.assessments.filter((it) => it.assessedOn <= on);
  const last = assessments[assessments.length - 1];
  const entries = c.entries.filter((e) => e.onDate <= on);
  const visits = entries.filter((e) => e.kind === 'visit');
  const failed = entries.filter((e) => e.kind === 'failed-visit');
  const cancelledByFamily = failed.filter((e) => e.body.failedReason === 'cancelled-by-family' || e.body.failedReason === 'nobody-home').length;
  const refusedSignature = visits.filter((e) => e.body.familySignatory?.refused === true).length;
  const plan = [...c.plans].filter((p) => p.drawnUpOn <= on).pop();
  const own = (k: OpinionScope) => t(draft.sections?.[k]);
  const facts: Record<OpinionScope, () => string[]> = {
    housing: () => [`Rodzina mieszka pod adresem: ${[c.family.address, [c.family.postalCode, c.family.place].filter(Boolean).join(' ')].filter(Boolean).join(', ')}.`, ...areaFacts(last, ['HOUSING', 'HOUSEHOLD'])],
    finances: () => areaFacts(last, ['FINANCES', 'WORK']),
    health: () => areaFacts(last, ['ADULT_HEALTH']),
    parenting: () => areaFacts(last, ['PARENTING', 'CHILD_SAFETY']),
    relations: () => areaFacts(last, ['FAMILY_RELATIONS', 'SUPPORT_NETWORK']),
    children: () => areaFacts(last, ['CHILD_FUNCTIONING', 'CHILDREN_LEGAL_SITUATION']),
    cooperation: () => {
      const since = c.row.assignedOn;
      const out = [
        `${sentence(`Asystent rodziny pracuje z rodziną od dnia ${formatDate(since as IsoDate)}${c.row.closedOn && c.row.closedOn <= on ? ` do dnia ${formatDate(c.row.closedOn as IsoDate)}` : ''}`)} Do dnia sporządzenia opinii odbyto ${countOf(visits.length, NOUNS.spotkanie)} z rodziną${failed.length ? `; liczba wizyt, które nie doszły do skutku: ${failed.length}${cancelledByFamily ? `, w tym z przyczyn leżących po stronie rodziny: ${cancelledByFamily}` : ''}` : ''}.`.replace(/\u00a0/g, ' '),
      ];
      if (refusedSignature) out.push(`Członek rodziny odmówił podpisania karty wizyty ${refusedSignature === 1 ? 'jeden raz' : `${refusedSignature} razy`}.`);
      const coop = last ? t(last.body.cooperation) : null;
      if (coop) out.push(`Współpracę rodziny z asystentem w ocenie ${KIND_GEN[last!.kind]} z dnia ${formatDate(last!.assessedOn as IsoDate)} określono jako: ${coop.replace(/\.$/, '')}.`);
      return out;
    },
    plan: () => {
      if (!plan) return ['Plan pracy z rodziną nie został jeszcze opracowany.'];
      const attained = new Map(
        (Array.isArray(last?.body.goalAttainment) ? (last!.body.goalAttainment as Array<{ goalId?: string; goal?: string; status?: string }>) : []).map((g) => [g.goalId ?? g.goal ?? '', g.status]),
      );
      const STATUS: Record<string, string> = { achieved: 'osiągnięty', partly: 'osiągnięty częściowo', 'not-achieved': 'nieosiągnięty' };
      return [
        `Plan pracy z rodziną (wersja ${plan.versionNo} z dnia ${formatDate(plan.drawnUpOn as IsoDate)}) obejmuje ${countOf((plan.content.goals ?? []).length, NOUNS.cel)}.`.replace(/\u00a0/g, ' '),
        ...(plan.content.goals ?? []).map((g, i) => {
          const st = attained.get(g.id) ?? attained.get(g.title);
          return `Cel ${i + 1}: ${g.title.replace(/\.$/, '')} – ${st && STATUS[st] ? `w ostatniej ocenie: ${STATUS[st]}` : 'bez oceny realizacji'}.`;
        }),
      ];
    },
    trend: () => (assessments.length < 2 ? ['W dokumentacji jest tylko jedna ocena sytuacji rodziny – zmian nie można jeszcze porównać.'] : []),
  };
  const scopes = opinionScopes(q);
  const sections: Partial<Record<OpinionScope, OpinionSectionView>> = {};
  for (const k of scopes) sections[k] = { facts: facts[k](), text: own(k) };
  const children = scopes.includes('children')
    ? c.members
        .filter((m) => m.isChild === 1)
        .map((m) => {
          const name = `${m.firstName} ${m.lastName}`.trim();
          let placement: string | null = null;
          try {
            const p = m.placement ? (JSON.parse(m.placement) as { kind?: string; since?: string; form?: string }) : null;
            if (p?.kind === 'foster-care') placement = `Dziecko przebywa w pieczy zastępczej${p.form ? ` (${p.form})` : ''}${p.since ? ` od dnia ${formatDate(p.since as IsoDate)}` : ''}.`;
          } catch {
            placement = null;
          }
          const obs = Array.isArray(last?.body.children)
            ? (last!.body.children as Array<{ name?: string; memberId?: string; observations?: string }>)
                .filter((ch) => ch.memberId === m.id || (ch.name ?? '').trim() === name || (ch.name ?? '').trim() === m.firstName)
                .map((ch) => t(ch.observations))
                .filter((x): x is string => !!x)
            : [];
          return { name, birthDate: (m.birthDate as IsoDate) ?? null, facts: [placement ?? 'Dziecko wychowuje się w domu rodzinnym.', ...obs] };
        })
    : undefined;
  const trend =
    scopes.includes('trend') && assessments.length >= 2
      ? {
          labels: assessments.map((it) => `${KIND_LABEL[it.kind]} ${formatDate(it.assessedOn as IsoDate, { suffix: false })}`),
          rows: ASSESSMENT_AREAS.map((ar) => ({
            area: ar.label,
            ratings: assessments.map((it) => (typeof it.areas[ar.code]?.rating === 'number' ? (it.areas[ar.code]!.rating as Rating) : null)),
          })).filter((r) => r.ratings.some((x) => x !== null)),
        }
      : null;
  const sources = [
    'dokumentacja pracy z rodziną prowadzona przez asystenta rodziny',
    ...(visits.length ? [`${countOf(visits.length, NOUNS.wizyta)} w miejscu zamieszkania rodziny`.replace(/\u00a0/g, ' ')] : []),
    ...assessments.map((it) => `ocena ${KIND_LABEL[it.kind]} sytuacji rodziny z dnia ${formatDate(it.assessedOn as IsoDate)}`),
    ...(plan ? [`plan pracy z rodziną (wersja ${plan.versionNo})`] : []),
  ];
  return {
    sections,
    children,
    trend,
    sources,
    conclusions: t(draft.conclusions) ?? (last ? t(last.body.recommendationNote) : null) ?? '',
    attachments: (draft.attachments ?? []).map((it) => it.trim()).filter(Boolean),
    requestNumber: t(draft.requestNumber),
    scopeRequested: q.scope,
  };
}

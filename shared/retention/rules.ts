/**
 * Retention (okresy przechowywania) as data and small pure functions (domain.md §7.3).
 *
 * Per document type the office sets its JRWA symbol and archival category: 'A' (materiały
 * archiwalne, kept for ever), 'B' with a number of years (dokumentacja niearchiwalna, e.g. B10),
 * or 'BE' with years (after the period the state archive's expert review decides). The clock of a
 * case starts on 1 January of the year after the end of post-closure monitoring (or after the
 * closure when there was no monitoring) and ends on 31 December of the last year of the period:
 * monitoring ended 2016-03-31, B10 -> starts 2017-01-01, ends 2026-12-31, the file may be
 * processed from 2027-01-01. Nothing here touches a database.
 */
import { formatDate } from '../dates';
import { z } from 'zod';
import type { Finding, IsoDate } from '../rules/types';
import { isIsoDate } from '../rules/isoDate';

// ---- Legal and office basis (only citations that were checked) --------------------------------

/** Ustawa z dnia 14 lipca 1983 r. o narodowym zasobie archiwalnym i archiwach. */
const ARCHIVES_ACT = 'ustawy z dnia 14 lipca 1983 r. o narodowym zasobie archiwalnym i archiwach';

export const RETENTION_BASIS = {
  /** Non-archival documentation may be disposed of after the JRWA period, with the state archive's consent. */
  disposal: `art. 5 ust. 1 pkt 2 ${ARCHIVES_ACT}; jednolity rzeczowy wykaz akt ośrodka`,
  /** Archival materials are kept for ever and handed over to the state archive. */
  archival: `art. 3 i art. 5 ust. 1 pkt 1 ${ARCHIVES_ACT}; jednolity rzeczowy wykaz akt ośrodka`,
  /** The office's own rules (the JRWA and its instrukcja kancelaryjna). */
  office: 'jednolity rzeczowy wykaz akt i instrukcja kancelaryjna ośrodka',
  /** Erasure does not apply while the law requires keeping the data. */
  gdprErasure: 'art. 17 ust. 3 lit. b RODO',
} as const;

// ---- Document types and settings ----------------------------------------------------------------

export const RETENTION_DOC_TYPES = {
  'case-file': { label: 'Akta sprawy asystenta rodziny (teczka rodziny)', kind: 'case' },
  'case-file-zz': { label: 'Akta koordynacji „Za życiem”', kind: 'case' },
  court: { label: 'Opinie i korespondencja z sądem', kind: 'case' },
  'supporting-family': { label: 'Rodzina wspierająca (akty, umowy, zwrot kosztów)', kind: 'case' },
  'report-half-year': { label: 'Sprawozdania okresowe (półroczne)', kind: 'report' },
  'report-annual': { label: 'Sprawozdania roczne', kind: 'report' },
} as const;
export type RetentionDocType = keyof typeof RETENTION_DOC_TYPES;
export const RETENTION_DOC_TYPE_CODES = Object.keys(RETENTION_DOC_TYPES) as RetentionDocType[];

export const ARCHIVAL_CATEGORIES = {
  A: 'materiały archiwalne (przechowywane wieczyście, przekazywane do archiwum państwowego)',
  B: 'dokumentacja niearchiwalna (brakowana po upływie okresu, za zgodą archiwum państwowego)',
  BE: 'dokumentacja niearchiwalna podlegająca po upływie okresu ekspertyzie archiwum państwowego',
} as const;
export type ArchivalCategory = keyof typeof ARCHIVAL_CATEGORIES;

export const retentionRuleSchema = z
  .object({
    jrwaSymbol: z.string().trim().max(20, { error: 'Symbol JRWA: najwyżej 20 znaków.' }),
    category: z.enum(['A', 'B', 'BE'], { error: 'Kategoria archiwalna: wybierz A, B albo BE.' }),
    /** Years of the period (B, BE); null for category A. */
    years: z.number().int().min(1, { error: 'Okres przechowywania: co najmniej 1 rok.' }).max(100, { error: 'Okres przechowywania: najwyżej 100 lat.' }).nullable(),
  })
  .refine((r) => (r.category === 'A' ? r.years === null : r.years !== null), {
    error: 'Kategoria B i BE wymaga liczby lat; kategoria A nie ma okresu (przechowywanie wieczyste).',
    path: ['years'],
  });
export type RetentionRule = z.output<typeof retentionRuleSchema>;

export const retentionRulesSchema = z.object({
  rules: z.object(
    Object.fromEntries(RETENTION_DOC_TYPE_CODES.map((k) => [k, retentionRuleSchema])) as Record<RetentionDocType, typeof retentionRuleSchema>,
  ),
});
export type RetentionRules = z.output<typeof retentionRulesSchema>;

/** The office_settings key of the rules. */
export const RETENTION_SETTINGS_KEY = 'retention.rules';

/**
 * Defaults (domain.md §7.3, [INFERENCE] where the category of assistant files was not found):
 * the assistant's case file B10, statistical reports B5 (half-year) and B25 (annual) as in the
 * JRWA of GOPS Oleśnica. The JRWA symbols are the office's own: left empty to be filled in.
 */
export const DEFAULT_RETENTION_RULES: RetentionRules = {
  rules: {
    'case-file': { jrwaSymbol: '', category: 'B', years: 10 },
    'case-file-zz': { jrwaSymbol: '', category: 'B', years: 10 },
    court: { jrwaSymbol: '', category: 'B', years: 10 },
    'supporting-family': { jrwaSymbol: '', category: 'B', years: 10 },
    'report-half-year': { jrwaSymbol: '', category: 'B', years: 5 },
    'report-annual': { jrwaSymbol: '', category: 'B', years: 25 },
  },
};

/** 'B10', 'BE5', 'A'. */
export function categoryLabel(rule: Pick<RetentionRule, 'category' | 'years'>): string {
  return rule.category === 'A' ? 'A' : `${rule.category}${rule.years ?? ''}`;
}

// ---- The clock ------------------------------------------------------------------------------------

/** What the clock needs to know about a case (no names, no contents). */
export interface RetentionCaseFacts {
  track: 'general' | 'za-zyciem';
  state: string;
  closedOn: IsoDate | null;
  /** The day monitoring actually ended (the archive step), if the case went through monitoring. */
  monitoringEndedOn: IsoDate | null;
  /** Planned end of monitoring (set at closure). */
  monitoringEndsOn: IsoDate | null;
  hasCourtRequests: boolean;
  hasSupportingFamily: boolean;
}

export type RetentionStatus = 'open' | 'monitoring' | 'running' | 'ended' | 'archival' | 'expert-review';

export interface RetentionClock {
  status: RetentionStatus;
  /** True when the case may go to an anonymisation run (closed, monitoring over, period ended, category B). */
  eligible: boolean;
  /** The end of the work the period counts from (monitoring end or closure). */
  closedOrMonitoringEndOn: IsoDate | null;
  /** 1 January of the year after `closedOrMonitoringEndOn`. */
  startsOn: IsoDate | null;
  /** Last day of the period (31 December); null for category A or an open case. */
  endsOn: IsoDate | null;
  /** The first day on which the file may be processed (endsOn + 1 day). */
  eligibleFrom: IsoDate | null;
  /** The governing category ('B10'), the longest of the document types the case holds. */
  category: string | null;
  jrwaSymbol: string;
  /** Which document type set the period. */
  docType: RetentionDocType;
  basis: 'monitoring-end' | 'closure' | null;
  findings: Finding[];
}

export const CLOSED_STATES: ReadonlyArray<string> = ['ZAMKNIETA', 'ARCHIWUM'];

const year = (d: IsoDate) => Number(d.slice(0, 4));
const pad4 = (n: number) => String(n).padStart(4, '0');

function f(code: string, severity: Finding['severity'], message: string, basis: string): Finding {
  return { code, severity, message, basis };
}

/** The document types a case holds (their rules together set its period). */
export function docTypesOf(c: Pick<RetentionCaseFacts, 'track' | 'hasCourtRequests' | 'hasSupportingFamily'>): RetentionDocType[] {
  const out: RetentionDocType[] = [c.track === 'za-zyciem' ? 'case-file-zz' : 'case-file'];
  if (c.hasCourtRequests) out.push('court');
  if (c.hasSupportingFamily) out.push('supporting-family');
  return out;
}

/** Period of one rule counted from the end date: startsOn, endsOn (null for A). */
export function periodOf(endOfWork: IsoDate, rule: RetentionRule): { startsOn: IsoDate; endsOn: IsoDate | null; eligibleFrom: IsoDate | null } {
  const y = year(endOfWork);
  const startsOn = `${pad4(y + 1)}-01-01`;
  if (rule.category === 'A' || rule.years === null) return { startsOn, endsOn: null, eligibleFrom: null };
  return { startsOn, endsOn: `${pad4(y + rule.years)}-12-31`, eligibleFrom: `${pad4(y + rule.years + 1)}-01-01` };
}

/**
 * The retention clock of one case on `asOf`. A case counts only when it is closed (ZAMKNIETA) or
 * archived after monitoring (ARCHIWUM); the period is the longest among the document types the
 * case holds; category A never ends; BE needs the state archive's expert review first.
 */
export function retentionOf(c: RetentionCaseFacts, rules: RetentionRules, asOf: IsoDate): RetentionClock {
  const types = docTypesOf(c);
  const base = { jrwaSymbol: rules.rules[types[0]!].jrwaSymbol, docType: types[0]!, category: null, startsOn: null, endsOn: null, eligibleFrom: null };
  if (c.state === 'MONITORING') {
    return {
      ...base,
      status: 'monitoring',
      eligible: false,
      closedOrMonitoringEndOn: null,
      basis: null,
      findings: [
        f(
          'RETENTION_MONITORING',
          'info',
          c.monitoringEndsOn
            ? `Trwa monitoring po zakończeniu pracy (planowo do ${formatDate(c.monitoringEndsOn)}); okres przechowywania zacznie biec od 1 stycznia roku następnego po jego zakończeniu.`
            : 'Trwa monitoring po zakończeniu pracy; okres przechowywania zacznie biec od 1 stycznia roku następnego po jego zakończeniu.',
          RETENTION_BASIS.office,
        ),
      ],
    };
  }
  if (!CLOSED_STATES.includes(c.state)) {
    return {
      ...base,
      status: 'open',
      eligible: false,
      closedOrMonitoringEndOn: null,
      basis: null,
      findings: [f('RETENTION_CASE_OPEN', 'info', 'Sprawa jest w toku — okres przechowywania jeszcze nie biegnie.', RETENTION_BASIS.office)],
    };
  }
  const monitoringEnd = c.state === 'ARCHIWUM' ? (c.monitoringEndedOn ?? c.monitoringEndsOn) : null;
  const end = [monitoringEnd, c.closedOn].find((d): d is IsoDate => !!d && isIsoDate(d)) ?? null;
  if (!end) {
    return {
      ...base,
      status: 'open',
      eligible: false,
      closedOrMonitoringEndOn: null,
      basis: null,
      findings: [f('RETENTION_NO_END_DATE', 'warning', 'Brak daty zakończenia sprawy — nie można ustalić okresu przechowywania.', RETENTION_BASIS.office)],
    };
  }
  const basis = monitoringEnd && end === monitoringEnd ? 'monitoring-end' : 'closure';
  // The governing rule: A beats everything, then BE, then the latest end.
  const evaluated = types.map((t) => ({ t, rule: rules.rules[t], p: periodOf(end, rules.rules[t]) }));
  const archival = evaluated.find((e) => e.rule.category === 'A');
  const startsOn = evaluated[0]!.p.startsOn;
  const from = basis === 'monitoring-end' ? `zakończenia monitoringu (${formatDate(end)})` : `zamknięcia sprawy (${formatDate(end)})`;
  if (archival) {
    return {
      status: 'archival',
      eligible: false,
      closedOrMonitoringEndOn: end,
      startsOn,
      endsOn: null,
      eligibleFrom: null,
      category: 'A',
      jrwaSymbol: archival.rule.jrwaSymbol,
      docType: archival.t,
      basis,
      findings: [
        f(
          'RETENTION_ARCHIVAL',
          'info',
          `${RETENTION_DOC_TYPES[archival.t].label}: kategoria A — materiały archiwalne przechowuje się wieczyście i przekazuje do archiwum państwowego; nie podlegają anonimizacji.`,
          RETENTION_BASIS.archival,
        ),
      ],
    };
  }
  const governing = evaluated.reduce((a, b) => ((b.p.endsOn ?? '') > (a.p.endsOn ?? '') || (b.p.endsOn === a.p.endsOn && b.rule.category === 'BE') ? b : a));
  // Any BE document type holds the whole file until the state archive has reviewed it.
  const expert = evaluated.find((e) => e.rule.category === 'BE');
  const label = categoryLabel(governing.rule);
  const endsOn = governing.p.endsOn!;
  const eligibleFrom = governing.p.eligibleFrom!;
  const common = {
    closedOrMonitoringEndOn: end,
    startsOn,
    endsOn,
    eligibleFrom,
    category: label,
    jrwaSymbol: governing.rule.jrwaSymbol,
    docType: governing.t,
    basis,
  } as const;
  const counted = f(
    'RETENTION_COUNTED_FROM',
    'info',
    `Okres przechowywania (${label}) liczy się od 1 stycznia roku następnego po dacie ${from}: od ${formatDate(startsOn)} do ${formatDate(endsOn)}.`,
    RETENTION_BASIS.office,
  );
  if (asOf < eligibleFrom) {
    return {
      ...common,
      status: 'running',
      eligible: false,
      findings: [
        counted,
        f(
          'RETENTION_RUNNING',
          'info',
          `Okres przechowywania trwa do ${formatDate(endsOn)}. Do tego dnia dane muszą być przechowywane — prawo do usunięcia danych nie ma zastosowania.`,
          `${RETENTION_BASIS.gdprErasure}; ${RETENTION_BASIS.office}`,
        ),
      ],
    };
  }
  if (expert) {
    return {
      ...common,
      category: categoryLabel(expert.rule),
      docType: expert.t,
      jrwaSymbol: expert.rule.jrwaSymbol,
      status: 'expert-review',
      eligible: false,
      findings: [
        counted,
        f(
          'RETENTION_EXPERT_REVIEW',
          'warning',
          `${RETENTION_DOC_TYPES[expert.t].label}: kategoria ${categoryLabel(expert.rule)} — po upływie okresu dokumentację ocenia archiwum państwowe. Jeśli archiwum zgodzi się na brakowanie, zmień kategorię w ustawieniach na B.`,
          RETENTION_BASIS.office,
        ),
      ],
    };
  }
  return {
    ...common,
    status: 'ended',
    eligible: true,
    findings: [
      counted,
      f(
        'RETENTION_ENDED',
        'warning',
        `Okres przechowywania upłynął ${formatDate(endsOn)}. Dokumentację niearchiwalną brakuje się za zgodą dyrektora właściwego archiwum państwowego; dane identyfikujące w programie można zanonimizować.`,
        RETENTION_BASIS.disposal,
      ),
    ],
  };
}

/** A family may be anonymised only when every one of its cases is eligible. */
export function familyEligible(clocks: ReadonlyArray<Pick<RetentionClock, 'eligible'>>): boolean {
  return clocks.length > 0 && clocks.every((c) => c.eligible);
}

/** Retention of a filed statistical report ('2026-H1' half-year; the annual report of year Y). */
export function reportRetention(period: string, rules: RetentionRules): { docType: RetentionDocType; category: string; startsOn: IsoDate; endsOn: IsoDate | null } | null {
  const m = /^(\d{4})-(H1|H2|Y)$/.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  const docType: RetentionDocType = m[2] === 'Y' ? 'report-annual' : 'report-half-year';
  const rule = rules.rules[docType];
  const p = periodOf(`${pad4(y)}-12-31`, rule);
  return { docType, category: categoryLabel(rule), startsOn: p.startsOn, endsOn: p.endsOn };
}

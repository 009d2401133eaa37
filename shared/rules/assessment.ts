import type { Finding, IsoDate } from './types';
import { finding } from './findings';
import { assertIsoDate } from './isoDate';

/** Areas of the Polish assessment grid (domain.md §5.3), in display order. */
export const ASSESSMENT_AREAS: ReadonlyArray<{ code: string; label: string }> = Object.freeze([
  { code: 'HOUSING', label: 'Warunki mieszkaniowe i bytowe' },
  { code: 'FINANCES', label: 'Sytuacja materialna, gospodarowanie budżetem' },
  { code: 'WORK', label: 'Praca i kwalifikacje dorosłych' },
  { code: 'PARENTING', label: 'Kompetencje opiekuńczo-wychowawcze' },
  { code: 'ADULT_HEALTH', label: 'Zdrowie i uzależnienia dorosłych' },
  { code: 'FAMILY_RELATIONS', label: 'Relacje i komunikacja w rodzinie' },
  { code: 'CHILD_SAFETY', label: 'Bezpieczeństwo dziecka / przemoc' },
  { code: 'CHILD_FUNCTIONING', label: 'Funkcjonowanie dziecka' },
  { code: 'SUPPORT_NETWORK', label: 'Sieć wsparcia i aktywność społeczna' },
  { code: 'CHILDREN_LEGAL_SITUATION', label: 'Sytuacja prawna dzieci / powrót z pieczy' },
  { code: 'HOUSEHOLD', label: 'Gospodarstwo domowe i sprawy urzędowe' },
].map((a) => Object.freeze(a)));

/** Extra guidance per area (domain.md §5.3): the NCFAS-G domain it loosely maps to, examples. */
export const ASSESSMENT_AREA_DETAILS: Readonly<Record<string, { mapsTo: string; examples: string }>> = {
  HOUSING: { mapsTo: 'Environment', examples: 'stabilność i standard mieszkania, zagrożenia, miejsce do spania i nauki' },
  FINANCES: { mapsTo: 'Environment / Self-sufficiency', examples: 'źródła dochodu, zadłużenie, opłacanie rachunków, świadczenia' },
  WORK: { mapsTo: 'Self-sufficiency', examples: 'zatrudnienie, szkolenia' },
  PARENTING: { mapsTo: 'Parental capabilities', examples: 'nadzór, dyscyplina, rytm dnia, kontakt ze szkołą' },
  ADULT_HEALTH: { mapsTo: 'Parental capabilities / Family health', examples: 'zdrowie psychiczne i fizyczne, alkohol lub narkotyki' },
  FAMILY_RELATIONS: { mapsTo: 'Family interactions', examples: 'więzi, konflikty, relacja partnerów' },
  CHILD_SAFETY: { mapsTo: 'Family safety', examples: 'zaniedbanie, przemoc, procedura „Niebieskie Karty”' },
  CHILD_FUNCTIONING: { mapsTo: 'Child well-being', examples: 'zdrowie, rozwój, edukacja, zachowanie (dla każdego dziecka)' },
  SUPPORT_NETWORK: { mapsTo: 'Social/community life', examples: 'krewni, sąsiedzi, organizacje' },
  CHILDREN_LEGAL_SITUATION: { mapsTo: 'Readiness for reunification', examples: 'ograniczenie władzy rodzicielskiej, piecza, kontakty' },
  HOUSEHOLD: { mapsTo: 'Environment', examples: 'higiena, obowiązki domowe, pisma urzędowe' },
};

/** Ratings from -3 (serious problem) to +2 (clear strength); 0 = adequate. */
export type Rating = -3 | -2 | -1 | 0 | 1 | 2;

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  2: 'wyraźna mocna strona',
  1: 'umiarkowana mocna strona',
  0: 'poziom wystarczający',
  [-1]: 'niewielki problem',
  [-2]: 'umiarkowany problem',
  [-3]: 'poważny problem',
} as Record<Rating, string>;

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= -3 && value <= 2;
}

export type AssessmentAreaEntry = { rating: Rating; justification: string } | { notAssessedReason: string };

export interface AssessmentDraft {
  kind: 'initial' | 'periodic' | 'final';
  assessedOn: IsoDate;
  /** Area code -> rating and justification; an area may be left out only with a reason. */
  areas: Record<string, AssessmentAreaEntry>;
}

const labelOf = (code: string): string => ASSESSMENT_AREAS.find((a) => a.code === code)?.label ?? code;
const isRated = (e: unknown): e is { rating: unknown; justification?: unknown } =>
  typeof e === 'object' && e !== null && 'rating' in e;

/** Blockers: unknown area code; rating outside the scale; a rated area with an empty
 *  justification; an area neither rated nor given a reason. */
export function validateAssessment(a: AssessmentDraft): Finding[] {
  assertIsoDate(a.assessedOn, 'assessedOn');
  const findings: Finding[] = [];
  const known = new Set(ASSESSMENT_AREAS.map((x) => x.code));
  for (const code of Object.keys(a.areas)) {
    if (!known.has(code)) findings.push(finding('ASSESSMENT_UNKNOWN_AREA', { code }));
  }
  for (const { code, label } of ASSESSMENT_AREAS) {
    const entry: unknown = Object.prototype.hasOwnProperty.call(a.areas, code) ? a.areas[code] : undefined;
    if (isRated(entry)) {
      if (!isRating(entry.rating)) findings.push(finding('ASSESSMENT_RATING_OUT_OF_SCALE', { label, rating: String(entry.rating) }));
      if (typeof entry.justification !== 'string' || entry.justification.trim() === '') {
        findings.push(finding('ASSESSMENT_JUSTIFICATION_MISSING', { label }));
      }
    } else {
      const reason =
        typeof entry === 'object' && entry !== null && 'notAssessedReason' in entry
          ? (entry as { notAssessedReason: unknown }).notAssessedReason
          : undefined;
      if (typeof reason !== 'string' || reason.trim() === '') findings.push(finding('ASSESSMENT_AREA_NOT_ASSESSED', { label }));
    }
  }
  return findings;
}

/** Per-area change between two assessments (only areas rated in both), and the counts.
 *  Areas follow ASSESSMENT_AREAS order; codes outside the grid come last, alphabetically. */
export function compareAssessments(
  previous: AssessmentDraft,
  current: AssessmentDraft,
): {
  changes: Array<{ code: string; from: Rating; to: Rating; delta: number }>;
  improved: number;
  worsened: number;
  unchanged: number;
} {
  assertIsoDate(previous.assessedOn, 'previous.assessedOn');
  assertIsoDate(current.assessedOn, 'current.assessedOn');
  const order = ASSESSMENT_AREAS.map((x) => x.code);
  const extra = [...new Set([...Object.keys(previous.areas), ...Object.keys(current.areas)])]
    .filter((c) => !order.includes(c))
    .sort();
  const changes: Array<{ code: string; from: Rating; to: Rating; delta: number }> = [];
  for (const code of [...order, ...extra]) {
    const p: unknown = Object.prototype.hasOwnProperty.call(previous.areas, code) ? previous.areas[code] : undefined;
    const c: unknown = Object.prototype.hasOwnProperty.call(current.areas, code) ? current.areas[code] : undefined;
    if (isRated(p) && isRated(c) && isRating(p.rating) && isRating(c.rating)) {
      changes.push({ code, from: p.rating, to: c.rating, delta: c.rating - p.rating });
    }
  }
  return {
    changes,
    improved: changes.filter((x) => x.delta > 0).length,
    worsened: changes.filter((x) => x.delta < 0).length,
    unchanged: changes.filter((x) => x.delta === 0).length,
  };
}

export { labelOf as assessmentAreaLabel };

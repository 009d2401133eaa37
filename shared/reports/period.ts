/**
 * Reporting periods (domain.md §6.1–6.2): the half-years of the sprawozdanie rzeczowo-finansowe
 * ('2026-H1' = 1.01–30.06, due 31 July; '2026-H2' = 1.07–31.12, due 31 January of the next year)
 * and the calendar year of the annual report to the rada gminy ('2026', due 31 March of the next
 * year — the date is [UNVERIFIED] in domain.md §6.2). Pure functions.
 */
import type { IsoDate } from '../rules/types';

export type PeriodKind = 'half-year' | 'year';

export interface ReportPeriod {
  /** '2026-H1', '2026-H2' or '2026'. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** First day (inclusive). */
  from: IsoDate;
  /** Last day (inclusive). */
  to: IsoDate;
  /** When the report is due. */
  dueOn: IsoDate;
  /** Polish label, e.g. "I półrocze 2026 r. (1.01–30.06.2026)". */
  label: string;
}

export const HALF_YEAR_PATTERN = /^(\d{4})-H([12])$/;
export const YEAR_PATTERN = /^(\d{4})$/;

/** Parses '2026-H1' / '2026-H2' / '2026'; throws RangeError with a Polish message otherwise. */
export function parsePeriod(id: string): ReportPeriod {
  const h = HALF_YEAR_PATTERN.exec(id);
  if (h) {
    const year = Number(h[1]);
    if (year < 2000 || year > 2999) throw new RangeError(`Nieprawidłowy rok okresu: ${id}`);
    const first = h[2] === '1';
    return {
      id,
      kind: 'half-year',
      year,
      from: first ? `${year}-01-01` : `${year}-07-01`,
      to: first ? `${year}-06-30` : `${year}-12-31`,
      dueOn: first ? `${year}-07-31` : `${year + 1}-01-31`,
      label: first ? `I półrocze ${year} r. (1.01–30.06.${year})` : `II półrocze ${year} r. (1.07–31.12.${year})`,
    };
  }
  const y = YEAR_PATTERN.exec(id);
  if (y) {
    const year = Number(y[1]);
    if (year < 2000 || year > 2999) throw new RangeError(`Nieprawidłowy rok okresu: ${id}`);
    return { id, kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31`, dueOn: `${year + 1}-03-31`, label: `rok ${year}` };
  }
  throw new RangeError(`Okres sprawozdania ma postać „2026-H1”, „2026-H2” albo „2026”, podano „${id}”.`);
}

export function isPeriodId(id: string): boolean {
  return HALF_YEAR_PATTERN.test(id) || YEAR_PATTERN.test(id);
}

/** The half-year containing `date`. */
export function halfYearOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The half-year the office reports next on `today`: the last finished half-year (the one due
 *  soonest), e.g. on 2026-11-22 -> '2026-H1' (due 31.07.2026, the last one ended), on 2027-01-10 -> '2026-H2'. */
export function lastFinishedHalfYear(today: IsoDate): string {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 6 ? `${year - 1}-H2` : `${year}-H1`;
}

/** Recent half-years for a picker, newest first (the current one included). */
export function recentHalfYears(today: IsoDate, count = 6): string[] {
  const out: string[] = [];
  let year = Number(today.slice(0, 4));
  let half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  for (let i = 0; i < count; i++) {
    out.push(`${year}-H${half}`);
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }
  return out;
}

/** Whether [start .. end] (end null = still open) overlaps the period. */
export function overlaps(start: IsoDate, end: IsoDate | null, p: { from: IsoDate; to: IsoDate }): boolean {
  return start <= p.to && (end === null || end >= p.from);
}

export function inside(date: IsoDate | null | undefined, p: { from: IsoDate; to: IsoDate }): boolean {
  return !!date && date >= p.from && date <= p.to;
}

/** A calendar date in Europe/Warsaw, 'YYYY-MM-DD'. Functions throw RangeError on anything else
 *  (including impossible dates such as '2026-02-30'). */
export type IsoDate = string;

export type FindingSeverity = 'blocker' | 'warning' | 'info';

export interface Finding {
  /** Stable machine code, SCREAMING_SNAKE_CASE, e.g. 'CASELOAD_LIMIT_REACHED'. */
  code: string;
  /** 'blocker' prevents the action; 'warning' must be shown; 'info' is advice. */
  severity: FindingSeverity;
  /** Polish sentence for the UI. */
  message: string;
  /** Where the rule comes from, e.g. 'art. 15 ust. 4 ustawy o wspieraniu rodziny'. */
  basis: string;
}

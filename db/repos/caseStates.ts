/**
 * Case states as SQL lists, for lookups through the state index (cases_state_idx). A town keeps
 * 10–20 years of cases and nearly all of them are closed: `state IN (<open states>)` reads only
 * the open ones, while `state NOT IN ('ZAMKNIETA','ARCHIWUM')` reads every case ever recorded.
 */
import { CASE_STATES, type CaseState } from '../../shared/rules/lifecycle';

const sqlList = (states: readonly string[]) => `(${states.map((s) => `'${s}'`).join(',')})`;

/** Every state that is not closed (intake to monitoring), as `('ZGLOSZENIE', …)`. */
export const OPEN_CASE_STATES_SQL = sqlList((Object.keys(CASE_STATES) as CaseState[]).filter((s) => CASE_STATES[s].phase !== 'closed'));

/**
 * The "Za życiem" support catalogue (katalog wsparcia, art. 8 ustawy „Za życiem”; domain.md
 * §4.17): the date on which a support was obtained or refused. Pure functions.
 */
import type { Finding, IsoDate } from './types';
import { finding } from './findings';
import { isIsoDate } from './isoDate';

export type CatalogueStatus = 'proposed' | 'applied' | 'obtained' | 'refused';

const STATUS_LABELS: Record<CatalogueStatus, string> = {
  proposed: 'zaproponowane',
  applied: 'złożono wniosek',
  obtained: 'uzyskane',
  refused: 'odmowa',
};

export interface CatalogueDecisionFacts {
  status: CatalogueStatus;
  /** Date the application was filed (optional). */
  appliedOn?: IsoDate | null;
  /** Date the support was obtained or refused ("Data uzyskania / odmowy"). */
  decidedOn?: IsoDate | null;
  asOf: IsoDate;
}

/**
 * The decision date of a catalogue item:
 * - only an obtained or refused support has one (blocker otherwise: the date is refused);
 * - it is not in the future and not before the application date (blockers);
 * - an obtained or refused support without it is a warning (items recorded before the date
 *   existed, or a result learned later, can still be saved; the date belongs in its field,
 *   not in the notes).
 */
export function checkCatalogueDecision(f: CatalogueDecisionFacts): Finding[] {
  const decided = f.status === 'obtained' || f.status === 'refused';
  const decidedOn = f.decidedOn && isIsoDate(f.decidedOn) ? f.decidedOn : null;
  if (!decided) {
    return decidedOn ? [finding('CATALOGUE_DECIDED_ON_WRONG_STATUS', { status: STATUS_LABELS[f.status] })] : [];
  }
  if (!decidedOn) return [finding('CATALOGUE_DECIDED_ON_MISSING', { status: STATUS_LABELS[f.status] })];
  const out: Finding[] = [];
  if (decidedOn > f.asOf) out.push(finding('CATALOGUE_DECIDED_ON_IN_FUTURE', { date: decidedOn, asOf: f.asOf }));
  if (f.appliedOn && isIsoDate(f.appliedOn) && decidedOn < f.appliedOn) {
    out.push(finding('CATALOGUE_DECIDED_BEFORE_APPLIED', { decidedOn, appliedOn: f.appliedOn }));
  }
  return out;
}

/** The form field of a catalogue finding (for field errors), else null. */
export function catalogueFieldOf(code: string): 'decidedOn' | null {
  return code.startsWith('CATALOGUE_DECIDED_') ? 'decidedOn' : null;
}

import fc from 'fast-check';
import { addDays, daysBetween } from '../../../shared/rules/index';

const EPOCH = '1970-01-01';

/** Any IsoDate between `from` and `to` inclusive. */
export function isoDateArb(from = '1990-01-01', to = '2099-12-31'): fc.Arbitrary<string> {
  return fc.integer({ min: daysBetween(EPOCH, from), max: daysBetween(EPOCH, to) }).map((n) => addDays(EPOCH, n));
}

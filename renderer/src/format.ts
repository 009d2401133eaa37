/**
 * Dates on screen come from the app's one formatter (shared/dates.ts): "07.12.2026",
 * "07.12.2026, 14:05" (Europe/Warsaw).
 */
import { formatDateTime as formatInstant } from '../../shared/dates';

export { formatDate } from '../../shared/dates';

/** "07.03.2025, 14:05" (or with seconds). */
export function formatDateTime(iso: string | Date, withSeconds = false): string {
  return formatInstant(iso, { seconds: withSeconds, fallback: typeof iso === 'string' ? iso : '' });
}

/** Polish plural (Intl.PluralRules('pl')): plural(5, 'rodzina', 'rodziny', 'rodzin') -> 'rodzin'.
 *  The one implementation lives in shared/grammar, used by the documents too. */
export { plural } from '../../shared/grammar/plural';

/** Group a recovery key as XXXX-XXXX-… whatever the input looks like. */
export function formatRecoveryKey(key: string): string {
  const clean = key.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return (clean.match(/.{1,4}/g) ?? []).join('-');
}

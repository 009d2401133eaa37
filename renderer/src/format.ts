import { format, isValid, parseISO } from 'date-fns';
import { pl } from 'date-fns/locale';

/** "7.03.2025, 14:05" */
export function formatDateTime(iso: string | Date, withSeconds = false): string {
  const d = typeof iso === 'string' ? parseISO(iso) : iso;
  if (!isValid(d)) return typeof iso === 'string' ? iso : '';
  return format(d, withSeconds ? 'd.MM.yyyy, HH:mm:ss' : 'd.MM.yyyy, HH:mm', { locale: pl });
}

/** "7.03.2025" (for birth dates given as YYYY-MM-DD). */
export function formatDate(iso: string): string {
  const d = parseISO(iso);
  if (!isValid(d)) return iso;
  return format(d, 'd.MM.yyyy', { locale: pl });
}

/** Polish plural: plural(5, 'rodzina', 'rodziny', 'rodzin') -> 'rodzin'. */
export function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const last = n % 10;
  const lastTwo = n % 100;
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return few;
  return many;
}

/** Group a recovery key as XXXX-XXXX-… whatever the input looks like. */
export function formatRecoveryKey(key: string): string {
  const clean = key.toUpperCase().replace(/[^A-Z2-7]/g, '');
  return (clean.match(/.{1,4}/g) ?? []).join('-');
}

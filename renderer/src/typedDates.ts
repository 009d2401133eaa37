/**
 * Dates and times as a Polish worker types them (issue 14): "07.12.2026", "7.12.2026",
 * "07122026" or ISO; "16:30", "16.30", "1630", "16". Parsed with the one formatter of
 * shared/dates.ts; messages in Polish. Pure, for DateField / TimeField and their tests.
 */
import { parseDate } from '../../shared/dates';

/** "07122026" → "07.12.2026" (digits only, as typed on a numeric keypad); other text unchanged. */
function normalise(text: string): string {
  const t = text.trim();
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  return digits ? `${digits[1]}.${digits[2]}.${digits[3]}` : t;
}

/** The ISO date of a typed text, '' for an empty text, null when the text is no date. */
export function parseTypedDate(text: string): string | null {
  const t = normalise(text);
  if (t === '') return '';
  return parseDate(t);
}

/** Why a typed text is no date, in Polish (null when it is one, or empty). */
export function typedDateProblem(text: string): string | null {
  const t = normalise(text);
  if (t === '' || parseDate(t)) return null;
  const m = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(t);
  if (m) return `Nie ma takiego dnia: ${t}. Sprawdź dzień i miesiąc.`;
  return 'Wpisz datę jako dd.mm.rrrr, np. 07.12.2026.';
}

/** "16:00" from "16:00", "16.00", "1600" or "16"; "" for no text; null when the text is no time of day. */
export function parseTypedTime(text: string): string | null {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2})(?:[:.\s]?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * Wyciąg z dziennika zdarzeń (for an inspection): the office, the filter, when and by whom it was
 * made, the chain verification result (with the last entry's number and hash as an anchor to
 * keep on paper), and the entries as a table with Polish action labels. The audit details carry
 * ids and codes only, so the extract holds no personal data beyond staff logins.
 */
import { auditActionLabel, entityLabel } from '../auditLabels';
import { formatDateTime } from '../dates';
import type { OfficeProfile } from '../schemas';
import { formatDate } from './format';
import { countOf } from '../grammar';
import { html, raw, type SafeHtml } from './html';
import { fields, section, table, type DocumentPart } from './layout';

const ENTRIES = { one: 'wpis', few: 'wpisy', many: 'wpisów' };

export interface ChainResultView {
  ok: boolean;
  checked: number;
  head: { id: number; hash: string | null } | null;
  firstBroken?: { id: number; at: string | null; reason: 'hash' | 'prev' | 'gap' | 'anchor' } | undefined;
}

const REASONS: Record<'hash' | 'prev' | 'gap' | 'anchor', string> = {
  hash: 'treść wpisu nie zgadza się z jego skrótem (wpis zmieniono)',
  prev: 'wpis nie łączy się z poprzednim (poprzedni wpis usunięto lub podmieniono)',
  gap: 'brakuje wpisu o tym numerze (wpis usunięto)',
  anchor: 'wpis różni się od stanu dziennika zapisanego na tym komputerze przy wcześniejszej kontroli lub kopii zapasowej (dziennik przeliczono od nowa albo usunięto jego koniec)',
};

/** Polish one-line verdict, as on screen. */
export function chainVerdict(v: ChainResultView): string {
  if (v.ok) return `Dziennik jest spójny: sprawdzono ${countOf(v.checked, ENTRIES)}.`;
  const b = v.firstBroken!;
  return `Naruszona spójność: pierwszy błędny wpis nr ${b.id}${b.at ? ` z ${formatDateTime(b.at)}` : ''} — ${REASONS[b.reason]}.`;
}

export interface AuditExtractEntry {
  id: number;
  at: string;
  userLogin: string | null;
  userName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditExtractView {
  office: OfficeProfile;
  /** Today ('YYYY-MM-DD'), the document's date. */
  date: string;
  /** When it was generated (ISO). */
  generatedAt: string;
  /** Who generated it ("Imię Nazwisko (login)"). */
  generatedBy: string;
  /** The filter in words, one line per criterion (empty: the whole log). */
  filter: ReadonlyArray<readonly [string, string]>;
  entries: ReadonlyArray<AuditExtractEntry>;
  /** Entries matching the filter (may exceed the printed ones). */
  total: number;
  verification: ChainResultView;
}

/** Details (ids and codes) as short "key: value" text. */
export function detailsText(d: Record<string, unknown> | null): string {
  if (!d) return '';
  return Object.entries(d)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

export function auditExtractDocument(v: AuditExtractView): DocumentPart {
  const truncated = v.total > v.entries.length;
  const body: SafeHtml = html`
${section('Zakres wyciągu', fields([...(v.filter.length ? v.filter : [['Kryteria', 'cały dziennik zdarzeń'] as const]), ['Liczba wpisów spełniających kryteria', String(v.total)], ['Wygenerowano', `${formatDateTime(v.generatedAt, { seconds: true })} (${v.generatedBy})`]]))}
${section(
  'Spójność dziennika (łańcuch skrótów SHA-256)',
  html`<p><b>${chainVerdict(v.verification)}</b></p>
${v.verification.head ? html`<p class="small">Ostatni wpis w dzienniku: nr ${v.verification.head.id}, skrót: <span class="fill">${v.verification.head.hash ?? '—'}</span>. Zachowanie tego numeru i skrótu pozwala przy następnej kontroli sprawdzić, że wcześniejsze wpisy nie zostały zmienione.</p>` : ''}
<p class="small muted">Każdy wpis zawiera skrót poprzedniego wpisu; zmiana, usunięcie lub przestawienie wpisu przerywa łańcuch. Łańcuch nie chroni przed osobą znającą klucz danych, która przeliczyłaby wszystkie dalsze skróty — przed tym chroni porównanie z zachowanym wydrukiem.</p>`,
)}
${section(
  'Wpisy',
  html`${truncated ? html`<p class="small">Wydruk obejmuje pierwsze ${v.entries.length} z ${v.total} wpisów; zawęź kryteria, aby wydrukować pozostałe.</p>` : ''}
${table(
  [
    { header: 'Nr', width: 6, align: 'num' },
    { header: 'Data i godzina', width: 14 },
    { header: 'Użytkownik', width: 16 },
    { header: 'Czynność', width: 25 },
    { header: 'Dotyczy', width: 15 },
    { header: 'Szczegóły (identyfikatory)' },
  ],
  v.entries.map((e) => [
    String(e.id),
    formatDateTime(e.at, { seconds: true }),
    e.userLogin ? (e.userName ? `${e.userName} (${e.userLogin})` : e.userLogin) : 'system',
    auditActionLabel(e.action),
    entityLabel(e.entityType, e.entityId),
    detailsText(e.details),
  ]),
  { small: true, empty: 'brak wpisów spełniających kryteria' },
)}`,
)}
${raw('')}`;
  return {
    kind: 'audit-extract',
    title: 'Wyciąg z dziennika zdarzeń',
    subtitle: `${countOf(v.entries.length, ENTRIES)}, stan na ${formatDate(v.date)}`,
    header: { office: v.office, caseNumber: 'none', date: v.date },
    legalBasis: 'art. 5 ust. 2, art. 24 i art. 32 RODO (rozliczalność, bezpieczeństwo przetwarzania)',
    body,
  };
}

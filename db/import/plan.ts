/**
 * From sheet rows to families (issue 16): which column means what (the mapping), rows grouped by
 * the family key (a blank key continues the family above; blank family and case cells inherit the
 * family's first row, as merged cells do), each cell read by db/import/values.ts into what the
 * family form would send. Problems of reading are row issues here; the rules themselves are
 * checked by the services (db/import/execute.ts).
 */
import { IMPORT_FIELD_BY_KEY, IMPORT_FIELDS, fieldForHeader, sameHeader, type ImportFieldKey, type ImportMapping } from '../../shared/import/fields';
import type { CaseSource, CaseTrack } from '../../shared/rules/lifecycle';
import type { ZaZyciemCategory } from '../../shared/rules/labels';
import { ageOn, isIsoDate } from '../../shared/rules/isoDate';
import { parsePesel } from '../../shared/rules/pesel';
import { AGE_OF_MAJORITY } from '../../shared/rules/generalEligibility';
import { formatDateInText as formatDate } from '../../shared/dates';
import type { SheetData } from './read';
import { cellText, parseSex, parseSheetDate, parseSheetPesel, parseSource, parseTrack, parseYesNo, parseZzCategory, roleKind, type CellValue } from './values';

export type IssueSeverity = 'error' | 'warning';
export interface RowIssue {
  row: number;
  severity: IssueSeverity;
  message: string;
}

export interface PlannedMember {
  row: number;
  firstName: string;
  lastName: string;
  pesel: string | null;
  birthDate: string | null;
  isChild: boolean;
  relation: string;
  phone: string;
}

export interface CasePlan {
  /** The first row with any case cell (service refusals of the case are reported there). */
  row: number;
  track: CaseTrack;
  source: CaseSource;
  learnedOn: string | null;
  assistant: string;
  assignedOn: string | null;
  consentOn: string | null;
  courtOrder: { court: string; caseRef: string; date: string } | null;
  zzCategory: ZaZyciemCategory | null;
  pregnancyDocument: boolean;
}

export interface FamilyPlan {
  key: string;
  /** Sheet rows of the family, in order. */
  rows: number[];
  address: string;
  postalCode: string;
  place: string;
  gmina: string;
  area: string;
  phone: string;
  members: PlannedMember[];
  casePlan: CasePlan | null;
  issues: RowIssue[];
}

// ---- Mapping -----------------------------------------------------------------------------------

/** The remembered mapping: for each field, the header text it was mapped to last time. */
export type RememberedMapping = Partial<Record<ImportFieldKey, string>>;

export type MappingSource = 'given' | 'remembered' | 'detected';

/**
 * The mapping to use: the one given (from the mapping screen), else each field from the remembered
 * mapping when the sheet has that header, else detected from the header's name.
 */
export function resolveMapping(
  headers: string[],
  given: ImportMapping | undefined,
  remembered: RememberedMapping | null,
): { mapping: Record<ImportFieldKey, number | null>; source: MappingSource } {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, null])) as Record<ImportFieldKey, number | null>;
  if (given) {
    for (const f of IMPORT_FIELDS) {
      const i = given[f.key];
      mapping[f.key] = typeof i === 'number' && i >= 0 && i < headers.length ? i : null;
    }
    return { mapping, source: 'given' };
  }
  const used = new Set<number>();
  let fromMemory = false;
  if (remembered) {
    for (const f of IMPORT_FIELDS) {
      const h = remembered[f.key];
      if (!h) continue;
      const i = headers.findIndex((x, j) => !used.has(j) && sameHeader(x, h));
      if (i >= 0) {
        mapping[f.key] = i;
        used.add(i);
        fromMemory = true;
      }
    }
  }
  headers.forEach((h, i) => {
    if (used.has(i)) return;
    const key = fieldForHeader(h);
    if (key && mapping[key] === null) {
      mapping[key] = i;
      used.add(i);
    }
  });
  return { mapping, source: fromMemory ? 'remembered' : 'detected' };
}

/** Required fields the mapping leaves without a column. */
export function missingRequired(mapping: Record<ImportFieldKey, number | null>): ImportFieldKey[] {
  return IMPORT_FIELDS.filter((f) => f.required && mapping[f.key] === null).map((f) => f.key);
}

/** The mapping as it is remembered: field -> header text. */
export function rememberable(headers: string[], mapping: Record<ImportFieldKey, number | null>): RememberedMapping {
  const out: RememberedMapping = {};
  for (const f of IMPORT_FIELDS) {
    const i = mapping[f.key];
    if (i !== null && headers[i]) out[f.key] = headers[i];
  }
  return out;
}

// ---- Families ----------------------------------------------------------------------------------

type FamilyField = 'address' | 'postalCode' | 'place' | 'gmina' | 'area' | 'familyPhone';
const CASE_FIELDS = [
  'track',
  'source',
  'learnedOn',
  'assistant',
  'assignedOn',
  'consentOn',
  'courtDate',
  'court',
  'courtCaseRef',
  'zzCategory',
  'pregnancyDocument',
] as const;

const label = (k: ImportFieldKey) => IMPORT_FIELD_BY_KEY[k].header;

/** Groups the rows into families and reads every cell; `today` for the age of an unknown role. */
export function planFamilies(
  sheet: Pick<SheetData, 'rows' | 'formulasWithoutValue'>,
  mapping: Record<ImportFieldKey, number | null>,
  opts: { today: string; officeGmina: string },
): FamilyPlan[] {
  const get = (cells: CellValue[], k: ImportFieldKey): CellValue => {
    const i = mapping[k];
    return i === null ? null : (cells[i] ?? null);
  };
  const byKey = new Map<string, { rows: typeof sheet.rows; plan: FamilyPlan }>();
  const order: string[] = [];
  const orphanIssues: RowIssue[] = [];
  let lastKey: string | null = null;
  const noValue = new Set(sheet.formulasWithoutValue);

  for (const r of sheet.rows) {
    let key = cellText(get(r.cells, 'familyKey'));
    if (!key) {
      if (!lastKey) {
        orphanIssues.push({ row: r.row, severity: 'error', message: `${label('familyKey')}: pole jest wymagane (w pierwszym wierszu nie ma rodziny, do której można dołączyć osobę).` });
        continue;
      }
      key = lastKey;
    }
    lastKey = key;
    let g = byKey.get(key);
    if (!g) {
      g = {
        rows: [],
        plan: { key, rows: [], address: '', postalCode: '', place: '', gmina: '', area: '', phone: '', members: [], casePlan: null, issues: [] },
      };
      byKey.set(key, g);
      order.push(key);
    }
    g.rows.push(r);
    g.plan.rows.push(r.row);
    if (noValue.has(r.row)) {
      g.plan.issues.push({ row: r.row, severity: 'warning', message: 'Wiersz zawiera formułę bez obliczonej wartości — przyjęto puste pole. Otwórz plik w arkuszu, zapisz go i zaimportuj ponownie, jeśli to pole było potrzebne.' });
    }
  }

  const plans = order.map((key) => {
    const { rows, plan } = byKey.get(key)!;
    // Family-level and case-level cells: the first filled value; a different one later is an error.
    const firstOf = (k: ImportFieldKey): { value: CellValue; row: number } | null => {
      let first: { value: CellValue; row: number } | null = null;
      for (const r of rows) {
        const v = get(r.cells, k);
        const t = cellText(v);
        if (!t) continue;
        if (!first) first = { value: v, row: r.row };
        else if (t !== cellText(first.value)) {
          plan.issues.push({
            row: r.row,
            severity: 'error',
            message: `${label(k)}: „${t}” różni się od wartości z wiersza ${first.row} („${cellText(first.value)}”) tej samej rodziny (${key}). Pozostaw pole puste albo wpisz tę samą wartość.`,
          });
        }
      }
      return first;
    };
    const famText = (k: FamilyField) => cellText(firstOf(k)?.value ?? null);
    plan.address = famText('address');
    plan.postalCode = famText('postalCode');
    plan.place = famText('place');
    plan.gmina = famText('gmina') || opts.officeGmina;
    plan.area = famText('area');
    plan.phone = famText('familyPhone');

    for (const r of rows) plan.members.push(readMember(r.row, r.cells, get, opts.today, plan.issues));

    const caseCells = Object.fromEntries(CASE_FIELDS.map((k) => [k, firstOf(k)])) as Record<(typeof CASE_FIELDS)[number], { value: CellValue; row: number } | null>;
    plan.casePlan = readCase(caseCells, rows[0]!.row, plan.issues, opts.today);
    return plan;
  });
  if (orphanIssues.length) {
    plans.unshift({ key: '', rows: orphanIssues.map((i) => i.row), address: '', postalCode: '', place: '', gmina: '', area: '', phone: '', members: [], casePlan: null, issues: orphanIssues });
  }
  return plans;
}

function readMember(
  row: number,
  cells: CellValue[],
  get: (cells: CellValue[], k: ImportFieldKey) => CellValue,
  today: string,
  issues: RowIssue[],
): PlannedMember {
  const warn = (message: string) => issues.push({ row, severity: 'warning', message });
  const err = (message: string) => issues.push({ row, severity: 'error', message });
  const p = parseSheetPesel(get(cells, 'pesel'));
  if (p.restoredFrom) {
    warn(`PESEL zapisany w arkuszu jako liczba (${p.restoredFrom}) stracił zero na początku — przywrócono ${p.pesel} (cyfra kontrolna się zgadza).`);
  }
  let birthDate: string | null = null;
  const bd = parseSheetDate(get(cells, 'birthDate'), label('birthDate'));
  if (bd && !bd.ok) err(bd.message);
  else if (bd?.ok) birthDate = bd.date;
  const peselInfo = p.pesel && /^\d{11}$/.test(p.pesel) ? parsePesel(p.pesel) : null;
  if (peselInfo?.valid && birthDate && birthDate !== peselInfo.birthDate) {
    // The PESEL (its check digit holds) is the record; the typed date goes, and the user is told.
    warn(`Data urodzenia w arkuszu (${formatDate(birthDate)}) różni się od daty zapisanej w numerze PESEL (${formatDate(peselInfo.birthDate)}) — przyjęto datę z numeru PESEL; sprawdź oba zapisy.`);
    birthDate = null;
  }
  const sex = parseSex(get(cells, 'sex'));
  if (sex.invalid) warn(`${label('sex')}: „${cellText(get(cells, 'sex'))}” — wpisz K albo M; pole pominięto.`);
  else if (sex.sex && peselInfo?.valid && sex.sex !== peselInfo.sex) {
    warn(`Płeć w arkuszu (${sex.sex === 'F' ? 'K' : 'M'}) nie zgadza się z numerem PESEL (${peselInfo.sex === 'F' ? 'K' : 'M'}) — w kartotece płeć wynika z numeru PESEL; sprawdź oba zapisy.`);
  }
  const relation = cellText(get(cells, 'role'));
  let kind = roleKind(relation);
  if (kind === 'unknown' && relation) {
    const born = peselInfo?.valid ? peselInfo.birthDate : birthDate;
    if (born && isIsoDate(born) && born <= today) {
      kind = ageOn(born, today) < AGE_OF_MAJORITY ? 'child' : 'adult';
      warn(`Rola „${relation}” nie wskazuje, czy to dziecko — według wieku przyjęto: ${kind === 'child' ? 'dziecko' : 'osoba dorosła'}.`);
    } else {
      kind = 'adult';
      warn(`Rola „${relation}” nie wskazuje, czy to dziecko — przyjęto: osoba dorosła.`);
    }
  }
  return {
    row,
    firstName: cellText(get(cells, 'firstName')),
    lastName: cellText(get(cells, 'lastName')),
    pesel: p.pesel,
    birthDate,
    isChild: kind === 'child',
    relation,
    phone: cellText(get(cells, 'phone')),
  };
}

function readCase(
  c: Record<(typeof CASE_FIELDS)[number], { value: CellValue; row: number } | null>,
  firstRow: number,
  issues: RowIssue[],
  today: string,
): CasePlan | null {
  const at = (k: (typeof CASE_FIELDS)[number]) => c[k]?.row ?? firstRow;
  const err = (k: (typeof CASE_FIELDS)[number], message: string) => issues.push({ row: at(k), severity: 'error', message });
  const date = (k: 'learnedOn' | 'assignedOn' | 'consentOn' | 'courtDate'): string | null => {
    const d = parseSheetDate(c[k]?.value ?? null, label(k));
    if (d && !d.ok) err(k, d.message);
    // The services refuse a future date too; here the message names the sheet's own column.
    if (d?.ok && d.date > today) err(k, `${label(k)}: ${formatDate(d.date)} jest późniejsza niż dzisiejsza (${formatDate(today)}).`);
    return d?.ok ? d.date : null;
  };
  const anyCase = CASE_FIELDS.some((k) => c[k] !== null);
  if (!anyCase) return null;
  const track = parseTrack(c.track?.value ?? null);
  if (track === undefined) {
    err('track', `${label('track')}: „${cellText(c.track!.value)}” — wpisz „wspieranie rodziny” albo „Za życiem”.`);
    return null;
  }
  if (track === null) {
    err('track', `${label('track')}: wypełniono dane sprawy (np. asystenta lub daty), ale nie wskazano rodzaju wsparcia — wpisz „wspieranie rodziny” albo „Za życiem”.`);
    return null;
  }
  const learnedOn = date('learnedOn');
  const assignedOn = date('assignedOn');
  const consentOn = date('consentOn');
  const courtDate = date('courtDate');
  const assistant = cellText(c.assistant?.value ?? null);
  const court = cellText(c.court?.value ?? null);
  const courtCaseRef = cellText(c.courtCaseRef?.value ?? null);
  let source = parseSource(c.source?.value ?? null);
  if (source === undefined) {
    err('source', `${label('source')}: „${cellText(c.source!.value)}” — wpisz kod S1–S7 (np. S1, S2, S4).`);
    source = null;
  }
  const zz = parseZzCategory(c.zzCategory?.value ?? null);
  if (zz === undefined) err('zzCategory', `${label('zzCategory')}: „${cellText(c.zzCategory!.value)}” — wpisz ZZ1, ZZ2, ZZ3, ZZ4 albo ZZ5.`);
  const preg = parseYesNo(c.pregnancyDocument?.value ?? null);
  if (preg === undefined) err('pregnancyDocument', `${label('pregnancyDocument')}: wpisz „tak” albo „nie”.`);

  const courtGiven = !!(courtDate || court || courtCaseRef);
  if (assistant && !assignedOn) err('assistant', `${label('assignedOn')}: podano asystenta — wpisz też datę przydzielenia.`);
  if (assignedOn && !assistant) err('assignedOn', `${label('assistant')}: podano datę przydzielenia — wpisz też asystenta (login albo imię i nazwisko).`);
  if (consentOn && !assignedOn) err('consentOn', `${label('consentOn')}: zgodę rodziny odbiera przydzielony asystent — wpisz też asystenta i datę przydzielenia.`);
  if (learnedOn && assignedOn && learnedOn > assignedOn) {
    err('learnedOn', `${label('learnedOn')} (${formatDate(learnedOn)}) jest późniejsza niż ${label('assignedOn').toLowerCase()} (${formatDate(assignedOn)}) — asystenta przydziela się po zgłoszeniu.`);
  }
  if (!learnedOn && !assignedOn) {
    err(track === 'za-zyciem' ? 'learnedOn' : 'track', `${label('learnedOn')}: wpisz datę zgłoszenia (wpływu wniosku) albo datę przydzielenia asystenta — bez niej sprawy nie można zarejestrować.`);
  }
  if (track === 'za-zyciem') {
    if (!zz) err('zzCategory', `${label('zzCategory')}: sprawa „Za życiem” wymaga kategorii ZZ1–ZZ5.`);
    if (courtGiven) err('courtDate', 'Postanowienie sądu dotyczy sprawy „wspieranie rodziny”, nie „Za życiem”.');
    if (source && source !== 'za-zyciem') err('source', `${label('source')}: sprawa „Za życiem” ma zawsze źródło S6 (wniosek rodziny „Za życiem”).`);
  } else if (zz || preg) {
    err(zz ? 'zzCategory' : 'pregnancyDocument', `${label('zzCategory')} i ${label('pregnancyDocument')} dotyczą tylko spraw „Za życiem”.`);
  }
  if (track === 'general' && source === 'za-zyciem') err('source', `${label('source')}: S6 dotyczy tylko spraw „Za życiem”.`);
  const effectiveSource: CaseSource = track === 'za-zyciem' ? 'za-zyciem' : (source ?? (courtGiven ? 'court-order' : 'social-worker'));
  if (track === 'general' && courtGiven && effectiveSource !== 'court-order') {
    err('source', `${label('source')}: podano postanowienie sądu — źródłem zgłoszenia jest S4 (postanowienie sądu); popraw źródło albo usuń dane postanowienia.`);
  }
  const caseRow = Math.min(...CASE_FIELDS.map((k) => c[k]?.row ?? Number.POSITIVE_INFINITY));
  return {
    row: Number.isFinite(caseRow) ? caseRow : firstRow,
    track,
    source: effectiveSource,
    learnedOn,
    assistant,
    assignedOn,
    consentOn,
    courtOrder: courtGiven ? { court, caseRef: courtCaseRef, date: courtDate ?? '' } : null,
    zzCategory: zz ?? null,
    pregnancyDocument: preg === true,
  };
}

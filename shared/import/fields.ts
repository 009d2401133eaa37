/**
 * Import from spreadsheets (issue 16): the columns Asysta understands, as data. The template's
 * headers and its explanation sheet, the automatic column mapping (by header, Polish letters
 * optional) and the mapping screen all read this list. One row of a sheet is one person; rows
 * with the same family key form one family; the family and case columns may be filled on the
 * family's first row only (blank cells below inherit them, as merged cells do).
 */
import { foldPolish } from '../text';

export type ImportFieldLevel = 'family' | 'member' | 'case';

export interface ImportField {
  key: ImportFieldKey;
  /** The header in the template. */
  header: string;
  level: ImportFieldLevel;
  required: boolean;
  /** Other headers meaning the same (compared without Polish letters and case). */
  aliases: ReadonlyArray<string>;
  /** One sentence for the explanation sheet and the mapping screen. */
  help: string;
  /** The template's example value. */
  example: string;
}

export const IMPORT_FIELD_KEYS = [
  'familyKey',
  'address',
  'postalCode',
  'place',
  'gmina',
  'area',
  'familyPhone',
  'firstName',
  'lastName',
  'pesel',
  'birthDate',
  'sex',
  'role',
  'phone',
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
export type ImportFieldKey = (typeof IMPORT_FIELD_KEYS)[number];

export const IMPORT_FIELDS: ReadonlyArray<ImportField> = [
  {
    key: 'familyKey',
    header: 'Klucz rodziny',
    level: 'family',
    required: true,
    aliases: ['klucz', 'nr rodziny', 'numer rodziny', 'id rodziny', 'kod rodziny', 'rodzina'],
    help: 'Ten sam klucz w kilku wierszach łączy osoby w jedną rodzinę (np. R1, R2 albo numer z dotychczasowego rejestru). Puste pole oznacza tę samą rodzinę co w wierszu powyżej.',
    example: 'R1',
  },
  {
    key: 'address',
    header: 'Adres',
    level: 'family',
    required: true,
    aliases: ['ulica', 'ulica i numer', 'adres zamieszkania', 'adres rodziny'],
    help: 'Ulica i numer domu (mieszkania) rodziny; wystarczy w pierwszym wierszu rodziny.',
    example: 'ul. Polna 3/2',
  },
  {
    key: 'postalCode',
    header: 'Kod pocztowy',
    level: 'family',
    required: false,
    aliases: ['kod'],
    help: 'W formacie 00-000.',
    example: '87-122',
  },
  {
    key: 'place',
    header: 'Miejscowość',
    level: 'family',
    required: true,
    aliases: ['miasto', 'wies', 'miejscowosc zamieszkania'],
    help: 'Miejscowość zamieszkania rodziny.',
    example: 'Grębocin',
  },
  {
    key: 'gmina',
    header: 'Gmina',
    level: 'family',
    required: false,
    aliases: [],
    help: 'Puste pole: gmina ośrodka (z ustawień).',
    example: 'Lubicz',
  },
  {
    key: 'area',
    header: 'Rejon',
    level: 'family',
    required: false,
    aliases: ['rejon opiekunczy', 'rejon pracownika socjalnego'],
    help: 'Rejon pracownika socjalnego, jeśli ośrodek je prowadzi.',
    example: 'Rejon 1',
  },
  {
    key: 'familyPhone',
    header: 'Telefon rodziny',
    level: 'family',
    required: false,
    aliases: ['telefon domowy'],
    help: 'Telefon kontaktowy rodziny.',
    example: '600 100 200',
  },
  {
    key: 'firstName',
    header: 'Imię',
    level: 'member',
    required: true,
    aliases: ['imie osoby', 'imiona'],
    help: 'Imię członka rodziny.',
    example: 'Anna',
  },
  {
    key: 'lastName',
    header: 'Nazwisko',
    level: 'member',
    required: true,
    aliases: ['nazwisko osoby'],
    help: 'Nazwisko członka rodziny.',
    example: 'Nowak',
  },
  {
    key: 'pesel',
    header: 'PESEL',
    level: 'member',
    required: false,
    aliases: ['nr pesel', 'numer pesel'],
    help: '11 cyfr. Najlepiej w kolumnie sformatowanej jako tekst; numer zapisany jako liczba, który stracił zero na początku, zostanie uzupełniony, jeśli cyfra kontrolna się zgadza. Puste pole: osoba bez numeru PESEL (wtedy podaj datę urodzenia).',
    example: '85031512344',
  },
  {
    key: 'birthDate',
    header: 'Data urodzenia',
    level: 'member',
    required: false,
    aliases: ['data ur', 'data ur.', 'urodzony', 'urodzona'],
    help: 'Wymagana, gdy osoba nie ma numeru PESEL. Format dd.mm.rrrr (np. 05.03.2019), rrrr-mm-dd albo data programu Excel.',
    example: '15.03.1985',
  },
  {
    key: 'sex',
    header: 'Płeć',
    level: 'member',
    required: false,
    aliases: ['plec'],
    help: 'K albo M. Tylko do sprawdzenia z numerem PESEL (płeć zapisuje się z numeru PESEL).',
    example: 'K',
  },
  {
    key: 'role',
    header: 'Rola w rodzinie',
    level: 'member',
    required: true,
    aliases: ['rola', 'pokrewienstwo', 'stopien pokrewienstwa', 'relacja', 'pokrewienstwo / rola w rodzinie'],
    help: 'Np. matka, ojciec, opiekun prawny, babcia, syn, córka. Syn, córka, dziecko, wnuk, wnuczka, pasierb, pasierbica i wychowanek to dzieci; pozostałe role to osoby dorosłe.',
    example: 'matka',
  },
  {
    key: 'phone',
    header: 'Telefon',
    level: 'member',
    required: false,
    aliases: ['telefon osoby', 'tel', 'tel.'],
    help: 'Telefon członka rodziny.',
    example: '600 100 201',
  },
  {
    key: 'track',
    header: 'Rodzaj wsparcia',
    level: 'case',
    required: false,
    aliases: ['sciezka', 'rodzaj sprawy', 'tryb'],
    help: '„wspieranie rodziny” (ustawa z 9 czerwca 2011 r.) albo „Za życiem”. Puste pole: rodzina bez bieżącej sprawy (tylko kartoteka).',
    example: 'wspieranie rodziny',
  },
  {
    key: 'source',
    header: 'Źródło zgłoszenia',
    level: 'case',
    required: false,
    aliases: ['zrodlo', 'zgloszenie'],
    help: 'S1–S7 albo słownie (np. „wniosek rodziny”, „postanowienie sądu”). Puste pole: S1 (ośrodek powziął informację), a przy postanowieniu sądu S4.',
    example: 'S1',
  },
  {
    key: 'learnedOn',
    header: 'Data zgłoszenia',
    level: 'case',
    required: false,
    aliases: ['data wplywu', 'data wplywu wniosku', 'data powziecia informacji'],
    help: 'Kiedy ośrodek dowiedział się o potrzebie wsparcia (przy „Za życiem”: data wpływu wniosku). Puste pole: data przydzielenia asystenta.',
    example: '10.01.2026',
  },
  {
    key: 'assistant',
    header: 'Asystent rodziny',
    level: 'case',
    required: false,
    aliases: ['asystent', 'login asystenta'],
    help: 'Login albo imię i nazwisko asystenta z kont użytkowników Asysty (rola: asystent rodziny). Puste pole: sprawa czeka na zgłoszeniu, bez asystenta.',
    example: '',
  },
  {
    key: 'assignedOn',
    header: 'Data przydzielenia asystenta',
    level: 'case',
    required: false,
    aliases: ['data przydzielenia', 'przydzielony od'],
    help: 'Data decyzji kierownika o przydzieleniu asystenta (wymagana, gdy podano asystenta).',
    example: '',
  },
  {
    key: 'consentOn',
    header: 'Data zgody na współpracę',
    level: 'case',
    required: false,
    aliases: ['data zgody', 'zgoda rodziny'],
    help: 'Data pisemnej zgody rodziny; sprawa przejdzie do etapu „Zgoda na współpracę”. Nie wcześniejsza niż data przydzielenia.',
    example: '',
  },
  {
    key: 'courtDate',
    header: 'Data postanowienia sądu',
    level: 'case',
    required: false,
    aliases: ['postanowienie sadu', 'data postanowienia'],
    help: 'Gdy sąd zobowiązał rodzinę do pracy z asystentem (art. 109 § 2 pkt 1 KRO) — wtedy wypełnij też sąd i sygnaturę; postanowienie zastępuje zgodę rodziny.',
    example: '',
  },
  {
    key: 'court',
    header: 'Sąd',
    level: 'case',
    required: false,
    aliases: ['nazwa sadu'],
    help: 'Np. Sąd Rejonowy w Toruniu, III Wydział Rodzinny i Nieletnich.',
    example: '',
  },
  {
    key: 'courtCaseRef',
    header: 'Sygnatura akt',
    level: 'case',
    required: false,
    aliases: ['sygnatura', 'sygn. akt', 'sygn akt'],
    help: 'Sygnatura postanowienia sądu, np. III Nsm 123/25.',
    example: '',
  },
  {
    key: 'zzCategory',
    header: 'Kategoria „Za życiem”',
    level: 'case',
    required: false,
    aliases: ['kategoria za zyciem', 'kategoria zz', 'kategoria'],
    help: 'Tylko przy „Za życiem”: ZZ1 kobieta w ciąży, ZZ2 ciąża powikłana, ZZ3 niepomyślna diagnoza, ZZ4 dziecko z zaświadczeniem (art. 4 ust. 3), ZZ5 niepowodzenie położnicze.',
    example: '',
  },
  {
    key: 'pregnancyDocument',
    header: 'Dokument potwierdzający ciążę',
    level: 'case',
    required: false,
    aliases: ['dokument ciazy', 'zaswiadczenie o ciazy'],
    help: 'Tylko przy „Za życiem” ZZ1–ZZ3: „tak”, gdy dokument jest w aktach. Przy ZZ4 dane zaświadczenia wpisuje się na karcie sprawy — arkusz ich nie obejmuje.',
    example: '',
  },
];

export const IMPORT_FIELD_BY_KEY: Readonly<Record<ImportFieldKey, ImportField>> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f.key, f]),
) as Record<ImportFieldKey, ImportField>;

/** Column index (0-based) of each field in the sheet, or null when the sheet has no such column. */
export type ImportMapping = Partial<Record<ImportFieldKey, number | null>>;

/** Limits stated to the user (and enforced before a sheet is parsed in full). */
export const IMPORT_LIMITS = {
  /** Largest file read (bytes). */
  maxFileBytes: 10 * 1024 * 1024,
  /** Most data rows (people) in one import. */
  maxRows: 5000,
  /** Most columns read. */
  maxColumns: 100,
} as const;

/** "10 MB", "5 000 wierszy": the limits as the screens and errors say them. */
export const IMPORT_LIMITS_TEXT = `najwyżej ${IMPORT_LIMITS.maxRows.toLocaleString('pl-PL')} wierszy (osób) i ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB`;

const norm = (s: string) =>
  foldPolish(s)
    .replace(/[„”"'’*:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The field a header means (by the template header or an alias), or null. */
export function fieldForHeader(header: string): ImportFieldKey | null {
  const h = norm(header);
  if (!h) return null;
  for (const f of IMPORT_FIELDS) {
    if (norm(f.header) === h || f.aliases.some((a) => norm(a) === h)) return f.key;
  }
  return null;
}

/** Headers compared the way the automatic mapping compares them. */
export function sameHeader(a: string, b: string): boolean {
  return norm(a) === norm(b) && norm(a) !== '';
}

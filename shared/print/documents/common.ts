/** Types and blocks shared by the document templates. */
import type { IsoDate } from '../../rules/types';
import { ageOn } from '../../rules/isoDate';
import { isIsoDate } from '../../rules/isoDate';
import { DASH, formatAge, formatDate, isPresent, postalPlace, text } from '../format';
import { countOf, headTitle, nameIn, nominative, NOUNS, PAN, PANI, PANSTWO, sexOf, titledNameIn, type GrammaticalCase, type NameForms, type Sex } from '../../grammar';
import type { Signatory } from '../layout';
import { html, type SafeHtml } from '../html';
import { table, type DocumentHeader } from '../layout';
import { DEFAULT_TEXTS, type TextTemplates } from '../texts';

/** The head of every view model: office, znak sprawy, place and date. */
export type DocBase = DocumentHeader;

export interface Person {
  firstName: string;
  lastName: string;
  /** As recorded; null → from the PESEL, then the first name (shared/grammar/gender.ts). */
  sex?: Sex | null;
  pesel?: string | null;
  /** The person's own declension where the rules are wrong. */
  nameForms?: NameForms | null;
}

export interface FamilyMember extends Person {
  birthDate?: IsoDate | null;
  /** Role in the family, e.g. "matka", "syn", "partner matki". */
  relation?: string | null;
  pesel?: string | null;
}

export interface Address {
  /** "ul. Leśna 4/2" or "Grębocin 15". */
  street: string;
  postalCode?: string | null;
  place: string;
}

/** A staff member (assistant, social worker, head). */
export interface Staff {
  name: string;
  /** From the staff register's form of address (Pani/Pan). */
  sex?: Sex | null;
  nameForms?: NameForms | null;
  position?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Court data for court-ordered cases and opinions. */
export interface CourtRef {
  /** "Sąd Rejonowy w Toruniu" */
  name: string;
  /** "III Wydział Rodzinny i Nieletnich" */
  department?: string | null;
  /** Sygnatura akt, e.g. "III Nsm 412/26". */
  signature: string;
  address?: Address | null;
}

export interface RenderContext {
  /** The office's texts (defaults with overrides applied, see texts.ts). */
  texts?: TextTemplates;
}

export const textsOf = (ctx: RenderContext | undefined): TextTemplates => ctx?.texts ?? DEFAULT_TEXTS;

export const fullName = (p: Person | null | undefined, fallback?: string): string => {
  const n = p ? nominative(p) : '';
  return n !== '' ? n : (fallback ?? DASH);
};

/** The sex a person's words agree with (recorded, PESEL, first name). */
export const personSex = (p: Person | null | undefined): Sex => sexOf(p ?? null);
/** The sex a staff member's words agree with (form of address, then the first name). */
export const staffSex = (s: Staff | null | undefined): Sex => sexOf(s ? { sex: s.sex ?? null, fullName: s.name } : null);

/** A staff member's name in the case the sentence needs ("z asystentem rodziny Agnieszką Śliwińską"). */
export const staffIn = (s: Staff, c: GrammaticalCase): string => nameIn({ fullName: s.name, sex: staffSex(s), nameForms: s.nameForms ?? null }, c);
/** "Panią Agnieszkę Śliwińską" */
export const staffTitledIn = (s: Staff, c: GrammaticalCase): string => titledNameIn({ fullName: s.name, sex: staffSex(s), nameForms: s.nameForms ?? null }, c);
/** A family member's name in the case the sentence needs. */
export const personIn = (p: Person, c: GrammaticalCase): string => nameIn({ ...p, sex: personSex(p) }, c);
/** "Panu Janowi Kowalskiemu" */
export const personTitledIn = (p: Person, c: GrammaticalCase): string => titledNameIn({ ...p, sex: personSex(p) }, c);

/** The head's signature: the name and the title under it ("Kierownik Gminnego Ośrodka Pomocy
 *  Społecznej w …", or the position written in the staff register). */
export function headSignatory(office: { name: string }, name: string | null | undefined, position?: string | null): Signatory {
  return { role: isPresent(position) ? position.trim() : headTitle(office.name), name: isPresent(name) ? name.trim() : null, caption: 'pieczęć i podpis' };
}

/** How a letter speaks to its addressee(s): one form for the whole letter. */
export interface Addressing {
  /** "Szanowna Pani," / "Szanowny Panie," / "Szanowni Państwo," */
  salutation: string;
  /** "Pani"/"Pan"/"Państwo" in each case ("skontaktuje się z Panią", "Pani rodzinie"). */
  you: Readonly<Record<GrammaticalCase, string>>;
}

export function addressing(people: ReadonlyArray<Person>): Addressing {
  if (people.length === 1) {
    const f = personSex(people[0]) === 'F';
    return { salutation: f ? 'Szanowna Pani,' : 'Szanowny Panie,', you: f ? PANI : PAN };
  }
  return { salutation: 'Szanowni Państwo,', you: PANSTWO };
}

export function formatAddress(a: Address | null | undefined, fallback: string = DASH): string {
  if (!a) return fallback;
  const parts = [text(a.street, ''), postalPlace(a.postalCode, a.place, '')].filter((x) => x !== '');
  return parts.length ? parts.join(', ') : fallback;
}

/** "Sąd Rejonowy w Toruniu, III Wydział Rodzinny i Nieletnich" */
export function courtName(c: CourtRef | null | undefined): string {
  if (!c) return DASH;
  return [c.name, c.department].filter(isPresent).map((x) => x.trim()).join(', ') || DASH;
}

export function staffContact(s: Staff | null | undefined): string {
  if (!s) return DASH;
  const xs = [isPresent(s.phone) ? `tel. ${s.phone.trim()}` : '', isPresent(s.email) ? `e-mail: ${s.email.trim()}` : ''].filter(Boolean);
  return xs.length ? xs.join(', ') : DASH;
}

/** Date of birth with the age on `asOf`, "03.02.2019 (7 lat)". */
export function birthWithAge(birth: IsoDate | null | undefined, asOf: IsoDate | null | undefined): string {
  if (!isPresent(birth) || !isIsoDate(birth)) return DASH;
  const d = formatDate(birth, { suffix: false });
  if (!isPresent(asOf) || !isIsoDate(asOf) || asOf < birth) return d;
  const years = ageOn(birth, asOf);
  if (years >= 1) return `${d} (${formatAge(years)})`;
  // Infants: full months ("11 miesięcy"), or "poniżej miesiąca".
  const months = (Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(birth.slice(5, 7)) - (asOf.slice(8) < birth.slice(8) ? 1 : 0);
  return `${d} (${months >= 1 ? countOf(months, NOUNS.miesiac) : 'poniżej miesiąca'})`;
}

/** Members of the family as a table. */
export function membersTable(
  members: ReadonlyArray<FamilyMember>,
  asOf: IsoDate | null | undefined,
  opts: { pesel?: boolean } = {},
): SafeHtml {
  const cols = [
    { header: 'Lp.', width: 5, align: 'num' as const },
    { header: 'Imię i nazwisko', width: 35 },
    { header: 'Data urodzenia (wiek)', width: 25 },
    { header: 'Pokrewieństwo (rola w rodzinie)' },
    ...(opts.pesel ? [{ header: 'PESEL', width: 15 }] : []),
  ];
  return table(
    cols,
    members.map((m, i) => [
      `${i + 1}.`,
      fullName(m),
      birthWithAge(m.birthDate, asOf),
      text(m.relation),
      ...(opts.pesel ? [text(m.pesel)] : []),
    ]),
    { empty: 'brak danych o członkach rodziny' },
  );
}

/** "Kowalska Anna, Kowalski Jan" → "Anna Kowalska i Jan Kowalski" */
export function namesList(people: ReadonlyArray<Person>): string {
  const xs = people.map((p) => fullName(p, '')).filter(Boolean);
  if (xs.length === 0) return '';
  if (xs.length === 1) return xs[0]!;
  return `${xs.slice(0, -1).join(', ')} i ${xs[xs.length - 1]}`;
}

/** "Haliny Dąbrowskiej i Józefa Dąbrowskiego" — people in the case the sentence needs. */
export function namesIn(people: ReadonlyArray<Person>, c: GrammaticalCase): string {
  const xs = people.map((p) => personIn(p, c)).filter(Boolean);
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} i ${xs[xs.length - 1]}`;
}

/** Small print under a document: "Sporządzono: …". */
export function madeBy(label: string, who: string | null | undefined): SafeHtml {
  return html`<p class="small muted">${label}: ${text(who)}</p>`;
}

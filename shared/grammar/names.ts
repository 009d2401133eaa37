/**
 * Declension of Polish personal names for generated text: "przydzielam Panią Agnieszkę
 * Śliwińską" (acc.), "z asystentem rodziny Agnieszką Śliwińską" (ins.), "wniosek Pani Anny
 * Baran" (gen.), "Panu Janowi Kowalskiemu" (dat.).
 *
 * Hand-written on purpose. There is no maintained JavaScript library that declines Polish names
 * (the npm packages found are abandoned single-author experiments without tests, or need a
 * morphological dictionary such as Morfeusz/PoliMorf — hundreds of megabytes, GPL/BSD data and
 * native code — which a small office PC neither needs nor should ship). The rules below are the
 * textbook ones (Nowy słownik poprawnej polszczyzny PWN; Rada Języka Polskiego on surnames):
 *
 * - masculine surnames and first names in -ski/-cki/-dzki, -y, -i decline like adjectives
 *   (Kowalskiego, Jerzego, Antoniemu); feminine -ska/-cka/-dzka and -owa likewise (Kowalskiej);
 * - masculine names ending in a consonant decline like nouns (Nowaka, Nowakowi, Nowakiem,
 *   Nowaku), with the fleeting e (Marek → Marka, Paweł → Pawła, Wróbel → Wróbla, Adamiec →
 *   Adamca) and the locative alternations (Piotrze, Dawidzie, Michale, Koźle);
 * - names ending in -a decline like feminine nouns for both sexes (Anny, Annie, Annę, Anną;
 *   Kuba, Zaręba), -ia/-ja with the -ii/-i/-ji genitive (Marii, Kasi, Mai, Alicji); masculine
 *   surnames in -o like them (Kościuszki, Fredrze);
 * - feminine surnames ending in a consonant or -o do not decline (Anna Baran, Maria Nowak);
 *   foreign names whose ending is not pronounced as written (-ou, -eau, -ois, -u, letters with
 *   foreign diacritics) do not decline either;
 * - double-barrelled surnames decline part by part (Kowalskiej-Nowak, Nowaka-Jeziorańskiego).
 *
 * When a rule is wrong for a real person (Gołąb → Gołębia, Kocieł → Kotła, a name the family
 * wants undeclined) the person carries an override (`NameForms`) stored with the account or the
 * family member, which wins over the rules.
 */
import { sexOf, type Sex, type SexSources } from './gender';

export type GrammaticalCase = 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'loc';
export type ObliqueCase = Exclude<GrammaticalCase, 'nom'>;
export const OBLIQUE_CASES: ReadonlyArray<ObliqueCase> = ['gen', 'dat', 'acc', 'ins', 'loc'];

/** Polish names of the cases (for the override form). */
export const CASE_LABELS: Readonly<Record<GrammaticalCase, string>> = {
  nom: 'mianownik (kto?)',
  gen: 'dopełniacz (kogo?)',
  dat: 'celownik (komu?)',
  acc: 'biernik (kogo?)',
  ins: 'narzędnik (z kim?)',
  loc: 'miejscownik (o kim?)',
};

/** A per-person override: the full name ("Agnieszki Śliwińskiej") in the cases the rules get
 *  wrong; a missing case falls back to the rules. */
export type NameForms = Partial<Record<ObliqueCase, string>>;

type Forms = Record<GrammaticalCase, string>;

const same = (w: string): Forms => ({ nom: w, gen: w, dat: w, acc: w, ins: w, loc: w });

const VOWELS = 'aeiouyąęó';
const syllables = (w: string) => (w.toLowerCase().match(/[aeiouyąęó]+/g) ?? []).length;

/** Letters and endings that mark a foreign name whose written ending is not pronounced. */
const FOREIGN_LETTERS = /[éèêëüöäçñøåáíúàâîôûýÿæœ]/i;
const SILENT_ENDINGS = /(?:u|ou|eau|ois|aux|oux|ault|é)$/i;

/** Hard consonant (cluster) at the end of a stem → the locative/dative ending with its
 *  alternation (Piotr-ze, Dawid-zie, Michal-e, Erne-ście, Barbar-ze, Wandz-ie). Longest first. */
const LOCATIVE: ReadonlyArray<[string, string]> = [
  ['st', 'ście'],
  ['zd', 'ździe'],
  ['sł', 'śle'],
  ['zł', 'źle'],
  ['sn', 'śnie'],
  ['zn', 'źnie'],
  ['ł', 'le'],
  ['r', 'rze'],
  ['t', 'cie'],
  ['d', 'dzie'],
  ['s', 'sie'],
  ['z', 'zie'],
  ['n', 'nie'],
  ['m', 'mie'],
  ['b', 'bie'],
  ['p', 'pie'],
  ['w', 'wie'],
  ['f', 'fie'],
  ['v', 'vie'],
  ['x', 'ksie'],
];

/** Stems ending in a (functionally) soft consonant take -u in the masculine locative and -y/-i
 *  in the feminine dative. */
const SOFT_END = /(?:i|j|l|c|cz|sz|rz|ż|dz|dż)$/;

function hardLocative(stem: string): string | null {
  for (const [end, repl] of LOCATIVE) if (stem.endsWith(end)) return stem.slice(0, -end.length) + repl;
  return null;
}

/** Softened final consonants written with -i- before a vowel: Łoś → Łosi-a, Stępień → Stępni-a. */
const SOFTEN: ReadonlyArray<[string, string]> = [
  ['dź', 'dzi'],
  ['ś', 'si'],
  ['ć', 'ci'],
  ['ń', 'ni'],
  ['ź', 'zi'],
];

/** First names whose -er has a fleeting e (Aleksander → Aleksandra). */
const FLEETING_ER = new Set(['aleksander', 'kacper', 'ksawer', 'lysander']);

/** The stem of the oblique cases of a masculine noun-like name (fleeting e, soft consonants). */
function obliqueStem(w: string, kind: 'first' | 'last'): string {
  const lw = w.toLowerCase();
  if (kind === 'first' && FLEETING_ER.has(lw)) return w.slice(0, -2) + w.slice(-1);
  const many = syllables(w) >= 2;
  if (many && /pień$/.test(lw)) return w.slice(0, -3) + 'ni'; // Stępień → Stępnia
  if (many && /(?:s|c|z|n)iek$/.test(lw)) {
    // Stasiek → Staśka, Maciek → Maćka
    const soft = { s: 'ś', c: 'ć', z: 'ź', n: 'ń' }[lw.at(-4) as 's' | 'c' | 'z' | 'n'];
    return w.slice(0, -4) + soft + 'k';
  }
  if (many && /ek$/.test(lw)) return w.slice(0, -2) + 'k'; // Marek → Mark-a, Dudek → Dudk-a
  if (many && /ieł$/.test(lw)) return w.slice(0, -3) + 'ł'; // Kozieł → Kozł-a
  if (many && /eł$/.test(lw)) return w.slice(0, -2) + 'ł'; // Paweł → Pawł-a
  if (many && /iec$/.test(lw)) return w.slice(0, -3) + 'c'; // Adamiec → Adamc-a, Niemiec → Niemc-a
  if (many && /rzec$/.test(lw)) return w.slice(0, -4) + 'rc'; // Marzec → Marc-a
  if (many && /[^aeiouyąęó]ec$/.test(lw)) return w.slice(0, -2) + 'c'; // Kowalec → Kowalc-a
  if (many && /(?:bel|giel)$/.test(lw)) return w.slice(0, lw.endsWith('giel') ? -3 : -2) + 'l'; // Wróbel → Wróbl-a, Węgiel → Węgl-a
  for (const [end, repl] of SOFTEN) if (lw.endsWith(end)) return w.slice(0, -end.length) + repl;
  return w;
}

/** Masculine noun declension: Nowak, Jan, Paweł, Łoś, Wróbel. */
function masculineNoun(w: string, kind: 'first' | 'last'): Forms {
  const s = obliqueStem(w, kind);
  const ls = s.toLowerCase();
  const velar = /[kg]$/.test(ls);
  const loc = velar || /(?:ch|h)$/.test(ls) || SOFT_END.test(ls) ? s + 'u' : (hardLocative(s) ?? s + 'ie');
  return { nom: w, gen: s + 'a', dat: s + 'owi', acc: s + 'a', ins: s + (velar ? 'iem' : 'em'), loc };
}

/** Adjectival masculine: Kowalski, Jerzy, Antoni, Biały, (foreign) Linde → Lindego. */
function masculineAdjective(w: string): Forms {
  const lw = w.toLowerCase();
  if (lw.endsWith('e')) return { nom: w, gen: w + 'go', dat: w + 'mu', acc: w + 'go', ins: w + 'm', loc: w + 'm' };
  const stem = lw.endsWith('y') ? w.slice(0, -1) : w; // Jerz-ego; Kowalski-ego, Antoni-ego
  return { nom: w, gen: stem + 'ego', dat: stem + 'emu', acc: stem + 'ego', ins: w + 'm', loc: w + 'm' };
}

/** Adjectival feminine: Kowalska, Nowakowa. */
function feminineAdjective(w: string): Forms {
  const stem = w.slice(0, -1);
  const ej = /[kg]$/i.test(stem) ? 'iej' : 'ej';
  return { nom: w, gen: stem + ej, dat: stem + ej, acc: stem + 'ą', ins: stem + 'ą', loc: stem + ej };
}

/** The -a (and masculine surname -o) noun declension: Anna, Agnieszka, Maria, Kasia, Maja,
 *  Alicja, Urszula, Kuba, Zaręba, Kościuszko. */
function aNoun(w: string): Forms {
  const stem = w.slice(0, -1);
  const ls = stem.toLowerCase();
  let gen: string;
  let dat: string;
  if (ls.endsWith('i')) {
    // Kasia, Ania, Kania → Kasi; Maria, Zofia, Apolonia → Marii
    const softDigraph = /(?:[csz]|dz|n)i$/.test(ls) && !(/oni$/.test(ls) && w.length >= 7);
    gen = dat = softDigraph ? stem : stem + 'i';
  } else if (ls.endsWith('j')) {
    // Maja → Mai; Alicja → Alicji
    gen = dat = VOWELS.includes(ls.at(-2) ?? '') ? stem.slice(0, -1) + 'i' : stem + 'i';
  } else if (ls.endsWith('l')) {
    gen = dat = stem + 'i'; // Urszuli, Izabeli
  } else if (ls.endsWith('k')) {
    gen = stem + 'i';
    dat = stem.slice(0, -1) + 'ce'; // Agnieszce, Monice
  } else if (ls.endsWith('g')) {
    gen = stem + 'i';
    dat = stem.slice(0, -1) + 'dze'; // Jadwidze, Kindze
  } else if (ls.endsWith('ch')) {
    gen = stem + 'y';
    dat = stem.slice(0, -2) + 'sze'; // Mucha → Musze
  } else if (SOFT_END.test(ls)) {
    gen = dat = stem + 'y'; // Kasza → Kaszy, Zawisza → Zawiszy
  } else {
    gen = stem + 'y';
    dat = hardLocative(stem) ?? stem + 'ie'; // Barbarze, Małgorzacie, Wandzie, Halinie
  }
  return { nom: w, gen, dat, acc: stem + 'ę', ins: stem + 'ą', loc: dat };
}

/** A masculine first name in -o takes -on- in the oblique cases (Bruno → Brunona, Hugo → Hugona). */
function masculineFirstInO(w: string): Forms {
  return { ...masculineNoun(w + 'n', 'first'), nom: w };
}

function isIndeclinable(w: string): boolean {
  return w.length < 2 || FOREIGN_LETTERS.test(w) || SILENT_ENDINGS.test(w) || !/[a-ząćęłńóśźż]$/i.test(w);
}

/** Feminine adjectival surnames: -ska/-cka/-dzka, and the old wife's form -owa (Nowakowa; not
 *  Sowa). */
const isFeminineAdjective = (lw: string) => /(?:sk|ck|dzk)a$/.test(lw) || (/owa$/.test(lw) && lw.length >= 6);

/** The forms of one word of a name (a first name, or one part of a surname). */
function wordForms(w: string, sex: Sex, kind: 'first' | 'last'): Forms {
  if (isIndeclinable(w)) return same(w);
  const lw = w.toLowerCase();
  if (sex === 'F') {
    if (kind === 'last' && isFeminineAdjective(lw)) return feminineAdjective(w);
    if (lw.endsWith('a')) return aNoun(w);
    return same(w); // Baran, Nowak, Kościuszko (a woman), Noemi, Miriam
  }
  if (lw.endsWith('a')) return aNoun(w); // Kuba, Zaręba
  if (lw.endsWith('o') && kind === 'first') return /ko$/.test(lw) ? { ...masculineNoun(w.slice(0, -1), 'first'), nom: w } : masculineFirstInO(w); // Mieszko; Bruno
  if (lw.endsWith('o')) return aNoun(w); // Kościuszko, Fredro
  if (/[iye]$/.test(lw)) return masculineAdjective(w); // Kowalski, Jerzy, Antoni, Linde
  return masculineNoun(w, kind);
}

function inCase(w: string, sex: Sex, kind: 'first' | 'last', c: GrammaticalCase): string {
  if (c === 'nom') return w;
  const upper = w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  const base = upper ? w.charAt(0) + w.slice(1).toLowerCase() : w;
  const out = wordForms(base, sex, kind)[c];
  return upper ? out.toUpperCase() : out;
}

/** A first name (or several: "Anna Maria") in the given case. */
export function declineFirstName(firstName: string, sex: Sex, c: GrammaticalCase): string {
  return firstName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('-').map((part) => inCase(part, sex, 'first', c)).join('-'))
    .join(' ');
}

/** A surname (double-barrelled parts declined one by one) in the given case. */
export function declineSurname(lastName: string, sex: Sex, c: GrammaticalCase): string {
  return lastName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.split('-').map((part) => inCase(part, sex, 'last', c)).join('-'))
    .join(' ');
}

/** A person as the grammar needs them: separate names (family members) or one full name
 *  (accounts: the last word is the surname), the sex sources and the override. */
export interface NamedPerson extends SexSources {
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  nameForms?: NameForms | null;
}

function partsOf(p: NamedPerson): { first: string; last: string } {
  if (typeof p.firstName === 'string' || typeof p.lastName === 'string') return { first: (p.firstName ?? '').trim(), last: (p.lastName ?? '').trim() };
  const words = (p.fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { first: '', last: words[0] ?? '' };
  return { first: words.slice(0, -1).join(' '), last: words.at(-1)! };
}

/** "Agnieszka Śliwińska" in the nominative. */
export function nominative(p: NamedPerson): string {
  const { first, last } = partsOf(p);
  return [first, last].filter(Boolean).join(' ');
}

/** The person's full name in the case the sentence needs; the override wins. */
export function nameIn(p: NamedPerson, c: GrammaticalCase): string {
  if (c !== 'nom') {
    const o = p.nameForms?.[c];
    if (typeof o === 'string' && o.trim() !== '') return o.trim();
  }
  const { first, last } = partsOf(p);
  const sex = sexOf({ ...p, firstName: p.firstName ?? first });
  return [first && declineFirstName(first, sex, c), last && declineSurname(last, sex, c)].filter(Boolean).join(' ');
}

/** "Pani"/"Pan" in each case. */
export const PANI: Readonly<Forms> = { nom: 'Pani', gen: 'Pani', dat: 'Pani', acc: 'Panią', ins: 'Panią', loc: 'Pani' };
export const PAN: Readonly<Forms> = { nom: 'Pan', gen: 'Pana', dat: 'Panu', acc: 'Pana', ins: 'Panem', loc: 'Panu' };

/** "Pani"/"Pan" for the person, in the case. */
export function titleIn(p: NamedPerson, c: GrammaticalCase): string {
  const { first } = partsOf(p);
  return (sexOf({ ...p, firstName: p.firstName ?? first }) === 'F' ? PANI : PAN)[c];
}

/** "Panią Agnieszkę Śliwińską", "Panu Janowi Kowalskiemu". */
export function titledNameIn(p: NamedPerson, c: GrammaticalCase): string {
  const name = nameIn(p, c);
  return name ? `${titleIn(p, c)} ${name}` : '';
}

/** Every oblique form the rules give (the override form starts from these). */
export function ruleForms(p: NamedPerson): Record<ObliqueCase, string> {
  const bare: NamedPerson = { ...p, nameForms: null };
  return Object.fromEntries(OBLIQUE_CASES.map((c) => [c, nameIn(bare, c)])) as Record<ObliqueCase, string>;
}

// ---------------------------------------------------------------- internal, for family names

/** The masculine base of a surname for the plural (Kowalska → Kowalski, Nowakowa → Nowak). */
export function surnameLemma(lastName: string, sex: Sex): string {
  const w = lastName.trim();
  if (sex !== 'F') return w;
  return w
    .split('-')
    .map((part) => {
      const lp = part.toLowerCase();
      if (/(?:sk|ck|dzk)a$/.test(lp)) return part.slice(0, -1) + 'i';
      if (/owa$/.test(lp) && part.length >= 6) return part.slice(0, -3);
      return part;
    })
    .join('-');
}

/** The plural of a surname as a family name (from its masculine base): Nowakowie/Nowaków,
 *  Wiśniewscy/Wiśniewskich, Zarębowie/Zarębów; foreign undeclined names stay as they are. */
export function surnamePlural(lemma: string, c: GrammaticalCase): string {
  const one = (w: string): string => {
    if (isIndeclinable(w)) return w;
    const lw = w.toLowerCase();
    if (/[kg]i$/.test(lw)) {
      const nom = lw.endsWith('ski') ? w.slice(0, -3) + 'scy' : lw.endsWith('cki') ? w.slice(0, -3) + 'ccy' : lw.endsWith('dzki') ? w.slice(0, -4) + 'dzcy' : lw.endsWith('ki') ? w.slice(0, -2) + 'cy' : w.slice(0, -2) + 'dzy';
      return { nom, gen: w + 'ch', dat: w + 'm', acc: w + 'ch', ins: w + 'mi', loc: w + 'ch' }[c];
    }
    if (lw.endsWith('y')) {
      const stem = w.slice(0, -1);
      const soft: ReadonlyArray<[string, string]> = [['ł', 'li'], ['ch', 'si'], ['r', 'rzy'], ['t', 'ci'], ['d', 'dzi'], ['n', 'ni'], ['w', 'wi'], ['b', 'bi'], ['p', 'pi'], ['m', 'mi'], ['s', 'si'], ['z', 'zi']];
      const hit = soft.find(([e]) => stem.toLowerCase().endsWith(e));
      const nom = hit ? stem.slice(0, -hit[0].length) + hit[1] : w;
      return { nom, gen: stem + 'ych', dat: stem + 'ym', acc: stem + 'ych', ins: stem + 'ymi', loc: stem + 'ych' }[c];
    }
    if (lw.endsWith('i')) return { nom: w, gen: w + 'ch', dat: w + 'm', acc: w + 'ch', ins: w + 'mi', loc: w + 'ch' }[c];
    const stem = /[aoe]$/.test(lw) ? w.slice(0, -1) : obliqueStem(w, 'last');
    return { nom: stem + 'owie', gen: stem + 'ów', dat: stem + 'om', acc: stem + 'ów', ins: stem + 'ami', loc: stem + 'ach' }[c];
  };
  return lemma.trim().split('-').map(one).join('-');
}

/**
 * Deterministic generator of synthetic families (a seeded PRNG, so benchmarks compare like with
 * like). PESELs get valid checksums and encode the generated birth date and sex.
 */
import { randomUUID } from 'node:crypto';
import { foldPolish } from '../../shared/text';
import { CHILD_FEMALE, CHILD_MALE, FEMALE_FIRST, MALE_FIRST, PLACES, STREETS, SURNAMES } from './data';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** A PESEL with a valid check digit for this birth date and sex. */
export function makePesel(birthDate: string, sex: 'F' | 'M', serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const monthCode = m + (y >= 2000 ? 20 : 0);
  const serial3 = String(serial % 1000).padStart(3, '0');
  const sexDigit = (serial % 5) * 2 + (sex === 'M' ? 1 : 0);
  const body = `${String(y % 100).padStart(2, '0')}${String(monthCode).padStart(2, '0')}${String(d).padStart(2, '0')}${serial3}${sexDigit}`;
  const sum = body.split('').reduce((acc, ch, i) => acc + Number(ch) * PESEL_WEIGHTS[i]!, 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

export interface GeneratedMember {
  id: string;
  firstName: string;
  lastName: string;
  lastNameFolded: string;
  pesel: string | null;
  birthDate: string;
  sex: 'F' | 'M';
  relation: string;
  isChild: boolean;
  isHead: boolean;
  sortOrder: number;
}

export interface GeneratedFamily {
  id: string;
  caseNumber: string;
  address: string;
  postalCode: string;
  place: string;
  gmina: string;
  phone: string;
  searchText: string;
  members: GeneratedMember[];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function date(r: () => number, fromYear: number, toYear: number): string {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  const m = 1 + Math.floor(r() * 12);
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = 1 + Math.floor(r() * dim);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function generateFamilies(count: number, opts: { seed?: number; gmina?: string; year?: number } = {}): GeneratedFamily[] {
  const r = prng(opts.seed ?? 2026);
  const gmina = opts.gmina ?? 'Lubicz';
  const year = opts.year ?? 2026;
  let serial = 0;
  const out: GeneratedFamily[] = [];
  for (let i = 0; i < count; i++) {
    const [surM, surF] = pick(r, SURNAMES);
    const place = pick(r, PLACES);
    const street = pick(r, STREETS);
    const address = `ul. ${street} ${1 + Math.floor(r() * 80)}${r() < 0.2 ? `/${1 + Math.floor(r() * 12)}` : ''}`;
    const members: GeneratedMember[] = [];
    const add = (firstName: string, sex: 'F' | 'M', birthDate: string, relation: string, isChild: boolean, isHead = false) => {
      const lastName = sex === 'F' ? surF : surM;
      members.push({
        id: randomUUID(),
        firstName,
        lastName,
        lastNameFolded: foldPolish(lastName),
        pesel: r() < 0.95 ? makePesel(birthDate, sex, serial++) : null,
        birthDate,
        sex,
        relation,
        isChild,
        isHead,
        sortOrder: members.length,
      });
    };
    const singleParent = r() < 0.35;
    // Children first, so that the parents' ages are plausible (19–34 at the eldest child's
    // birth) and siblings have distinct first names (the rules check both: shared/rules/records.ts).
    const children = 1 + Math.floor(r() * (r() < 0.2 ? 6 : 3));
    const kids: Array<{ sex: 'F' | 'M'; birthDate: string; firstName: string }> = [];
    for (let c = 0; c < children; c++) {
      const sex: 'F' | 'M' = r() < 0.5 ? 'F' : 'M';
      const names = (sex === 'F' ? CHILD_FEMALE : CHILD_MALE).filter((n) => !kids.some((k) => k.firstName === n));
      kids.push({ sex, birthDate: date(r, year - 17, year - 1), firstName: pick(r, names) });
    }
    kids.sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1));
    const eldest = Number(kids[0]!.birthDate.slice(0, 4));
    add(pick(r, FEMALE_FIRST), 'F', date(r, eldest - 34, eldest - 19), 'matka', false, true);
    if (!singleParent) add(pick(r, MALE_FIRST), 'M', date(r, eldest - 38, eldest - 20), 'ojciec', false);
    for (const k of kids) add(k.firstName, k.sex, k.birthDate, k.sex === 'F' ? 'córka' : 'syn', true);
    const caseNumber = `GOPS.4011.${1 + (i % 400)}.${year - Math.floor(i / 400)}`;
    out.push({
      id: randomUUID(),
      caseNumber,
      address,
      postalCode: place.postalCode,
      place: place.name,
      gmina,
      phone: r() < 0.8 ? `${500 + Math.floor(r() * 300)} ${String(Math.floor(r() * 1000)).padStart(3, '0')} ${String(Math.floor(r() * 1000)).padStart(3, '0')}` : '',
      searchText: foldPolish(`${surM} ${surF} ${address} ${place.name} ${caseNumber}`),
      members,
    });
  }
  return out;
}

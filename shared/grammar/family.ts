/**
 * A family named by its surname: "rodzina Baranów", "rodzina Wiśniewskich", "Państwo
 * Nowakowie", "Państwu Wiśniewskim" — never "rodzina rodzina …" nor a person's name where the
 * family is meant. When the adults do not share a surname, the family is named after its head:
 * "rodzina Pani Jadwigi Jabłońskiej".
 */
import { sexOf, type Sex } from './gender';
import { nameIn, surnameLemma, surnamePlural, titledNameIn, type GrammaticalCase, type NamedPerson } from './names';

/** "rodzina" in each case (the surname after it is always in the genitive plural). */
export const RODZINA: Readonly<Record<GrammaticalCase, string>> = {
  nom: 'rodzina',
  gen: 'rodziny',
  dat: 'rodzinie',
  acc: 'rodzinę',
  ins: 'rodziną',
  loc: 'rodzinie',
};

/** "Państwo" in each case. */
export const PANSTWO: Readonly<Record<GrammaticalCase, string>> = {
  nom: 'Państwo',
  gen: 'Państwa',
  dat: 'Państwu',
  acc: 'Państwa',
  ins: 'Państwem',
  loc: 'Państwu',
};

export interface FamilyPerson extends NamedPerson {
  lastName?: string | null;
  isHead?: boolean | number | null;
  isChild?: boolean | number | null;
}

const truthy = (x: boolean | number | null | undefined) => x === true || x === 1;

/** The head of the family: the member marked as head, else the first adult, else the first. */
export function familyHead<T extends FamilyPerson>(members: ReadonlyArray<T>): T | null {
  return members.find((m) => truthy(m.isHead)) ?? members.find((m) => !truthy(m.isChild)) ?? members[0] ?? null;
}

const lastOf = (m: FamilyPerson): string => (m.lastName ?? m.fullName?.trim().split(/\s+/).at(-1) ?? '').trim();
/** Masculine and feminine forms of one surname compare equal: Kowalski = Kowalska,
 *  Biały = Biała, Nowak = Nowak. */
const keyOf = (m: FamilyPerson): string => surnameLemma(lastOf(m), sexOf(m) as Sex).toLowerCase().replace(/[aiy]$/, '');

/** The surname the family shares (its masculine form when a man of the family carries it, for
 *  the plural: Biały → Białych), or null when the members' surnames differ. */
export function sharedSurname(members: ReadonlyArray<FamilyPerson>): string | null {
  const head = familyHead(members);
  if (!head || lastOf(head) === '') return null;
  const named = members.filter((m) => lastOf(m) !== '');
  const key = keyOf(head);
  if (!named.every((m) => keyOf(m) === key)) return null;
  const man = named.find((m) => sexOf(m) === 'M');
  return man ? lastOf(man) : surnameLemma(lastOf(head), sexOf(head));
}

/** What follows "rodzina": "Baranów", "Wiśniewskich", or (no shared surname) "Pani Jadwigi
 *  Jabłońskiej"; '' without any named member. Printed after a "Rodzina" label it reads as the
 *  family's name. */
export function familyOf(members: ReadonlyArray<FamilyPerson>): string {
  const shared = sharedSurname(members);
  if (shared) return surnamePlural(shared, 'gen');
  const head = familyHead(members);
  if (!head || nameIn(head, 'nom') === '') return '';
  return titledNameIn(head, 'gen');
}

/** "rodzina Baranów" (in the case of "rodzina"); without a shared surname "rodzina Pani
 *  Jadwigi Jabłońskiej"; without any member "rodzina". */
export function familyName(members: ReadonlyArray<FamilyPerson>, c: GrammaticalCase = 'nom'): string {
  return familyPhrase(familyOf(members), c);
}

/** "rodzina" in the case, with the family's complement (familyOf). */
export function familyPhrase(of: string, c: GrammaticalCase = 'nom'): string {
  return of.trim() ? `${RODZINA[c]} ${of.trim()}` : RODZINA[c];
}

/** "Państwo Nowakowie", "Państwa Wiśniewskich", "Państwu Nowakom" — a couple or the family's
 *  adults addressed together; null when they do not share a surname. */
export function panstwo(members: ReadonlyArray<FamilyPerson>, c: GrammaticalCase = 'nom'): string | null {
  const shared = sharedSurname(members);
  return shared ? `${PANSTWO[c]} ${surnamePlural(shared, c)}` : null;
}

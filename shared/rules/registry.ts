/**
 * Registry rules for a family record: members' PESEL and birth dates, at least one adult,
 * "a minor as the only adult", children's placement details, and duplicate findings. Pure: the
 * caller passes today's date and, for duplicates, the candidate matches it found.
 */
import type { Finding, IsoDate } from './types';
import { finding, findingsBlock } from './findings';
import { ageOn, assertIsoDate, isIsoDate } from './isoDate';
import { parsePesel } from './pesel';
import { AGE_OF_MAJORITY } from './generalEligibility';
import { memberPlausibilityFindings } from './records';

export interface MemberDraft {
  firstName: string;
  lastName: string;
  pesel?: string | null;
  birthDate?: IsoDate | null;
  /** false = adult member (parent, guardian, other adult), true = child. */
  isChild: boolean;
  /** Relation within the family ("matka", "syn"…): parents' ages at the children's births. */
  relation?: string | null;
  placement?: {
    kind: 'home' | 'foster-care';
    since?: IsoDate | null;
    form?: string | null;
    pcpr?: string | null;
    krpz?: { name?: string | null; phone?: string | null; email?: string | null; address?: string | null } | null;
    returnedOn?: IsoDate | null;
  } | null;
}

export interface ValidatedMember {
  birthDate: IsoDate;
  sex: 'F' | 'M' | null;
  age: number;
}

export const PESEL_REASON_LABELS = {
  format: 'musi mieć dokładnie 11 cyfr',
  checksum: 'cyfra kontrolna się nie zgadza (błąd przepisania?)',
  date: 'zawiera niemożliwą datę urodzenia',
} as const;

/** "Anna Nowak" or "członek rodziny nr 2" when the name is empty. */
export function memberDisplayName(m: Pick<MemberDraft, 'firstName' | 'lastName'>, index: number): string {
  const n = `${m.firstName ?? ''} ${m.lastName ?? ''}`.trim();
  return n || `członek rodziny nr ${index + 1}`;
}

export interface FamilyValidation {
  /** Blockers and warnings, in member order, then family-level. */
  findings: Finding[];
  /** Form field path (`members.2.pesel`) -> Polish message, for the blockers. */
  fields: Record<string, string>;
  /** Derived facts per member (null where the member is invalid). */
  members: Array<ValidatedMember | null>;
  valid: boolean;
}

/**
 * Validates the members of a family on `asOf` (today):
 *  - PESEL (if given) passes `parsePesel`; the birth date and sex come from it; a birth date
 *    typed beside it must agree;
 *  - without PESEL, a birth date is required; no birth date is in the future;
 *  - at least one member is an adult; a member marked adult who is under 18 cannot be the only
 *    adult (art. 10 § 1 KC);
 *  - a child in foster care should have the placement date, form and PCPR (warning);
 *  - plausible ages and names: a parent under 14 at a child's birth, two children with the same
 *    name (warnings, records.ts).
 */
export function validateFamilyMembers(members: ReadonlyArray<MemberDraft>, asOf: IsoDate): FamilyValidation {
  assertIsoDate(asOf, 'asOf');
  const findings: Finding[] = [];
  const fields: Record<string, string> = {};
  const out: Array<ValidatedMember | null> = [];
  const seenPesel = new Map<string, number>();
  const block = (f: Finding, field: string) => {
    findings.push(f);
    if (!fields[field]) fields[field] = f.message;
  };

  members.forEach((m, i) => {
    const name = memberDisplayName(m, i);
    const pesel = m.pesel?.trim() || null;
    let birthDate: IsoDate | null = m.birthDate?.trim() || null;
    let sex: 'F' | 'M' | null = null;
    if (birthDate !== null && !isIsoDate(birthDate)) {
      block(finding('DATE_MISSING', { field: `${name}: data urodzenia` }), `members.${i}.birthDate`);
      out.push(null);
      return;
    }
    if (pesel) {
      const p = parsePesel(pesel);
      if (!p.valid) {
        block(finding('MEMBER_PESEL_INVALID', { name, pesel, reason: PESEL_REASON_LABELS[p.reason] }), `members.${i}.pesel`);
        out.push(null);
        return;
      }
      const prev = seenPesel.get(pesel);
      if (prev !== undefined) block(finding('MEMBER_PESEL_REPEATED', { pesel }), `members.${i}.pesel`);
      seenPesel.set(pesel, i);
      if (birthDate && birthDate !== p.birthDate) {
        block(
          finding('MEMBER_BIRTH_DATE_PESEL_MISMATCH', { name, birthDate, peselDate: p.birthDate }),
          `members.${i}.birthDate`,
        );
        out.push(null);
        return;
      }
      birthDate = p.birthDate;
      sex = p.sex;
    }
    if (!birthDate) {
      block(finding('MEMBER_BIRTH_DATE_MISSING', { name }), `members.${i}.birthDate`);
      out.push(null);
      return;
    }
    if (birthDate > asOf) {
      block(
        finding('MEMBER_BIRTH_DATE_IN_FUTURE', { name, birthDate, asOf }),
        pesel ? `members.${i}.pesel` : `members.${i}.birthDate`,
      );
      out.push(null);
      return;
    }
    const age = ageOn(birthDate, asOf);
    if (m.isChild && age >= AGE_OF_MAJORITY) findings.push(finding('MEMBER_CHILD_OF_AGE', { name, age }));
    if (m.isChild && m.placement?.kind === 'foster-care') {
      const missing: string[] = [];
      if (!m.placement.since) missing.push('datę umieszczenia');
      if (!m.placement.form?.trim()) missing.push('formę pieczy');
      if (!m.placement.pcpr?.trim()) missing.push('PCPR');
      if (!m.placement.krpz?.name?.trim()) missing.push('koordynatora rodzinnej pieczy zastępczej');
      if (missing.length) findings.push(finding('PLACEMENT_DETAILS_MISSING', { name, missing: missing.join(', ') }));
      if (m.placement.since && isIsoDate(m.placement.since) && m.placement.since > asOf) {
        block(
          finding('DATE_IN_FUTURE', { field: `${name}: data umieszczenia w pieczy`, date: m.placement.since, asOf }),
          `members.${i}.placement.since`,
        );
      }
    }
    if (m.isChild && m.placement?.kind === 'home' && m.placement.returnedOn && isIsoDate(m.placement.returnedOn) && m.placement.returnedOn > asOf) {
      block(
        finding('DATE_IN_FUTURE', { field: `${name}: data powrotu z pieczy`, date: m.placement.returnedOn, asOf }),
        `members.${i}.placement.returnedOn`,
      );
    }
    out.push({ birthDate, sex, age });
  });

  // At least one adult; a minor cannot be the only adult.
  const adults = members.map((m, i) => ({ m, i, v: out[i] })).filter((x) => !x.m.isChild);
  if (adults.length === 0) {
    block(finding('FAMILY_NO_ADULT'), 'members');
  } else if (adults.every((a) => a.v !== null)) {
    const grownUps = adults.filter((a) => (a.v as ValidatedMember).age >= AGE_OF_MAJORITY);
    if (grownUps.length === 0) {
      const first = adults[0]!;
      block(
        finding('FAMILY_MINOR_ONLY_ADULT', { name: memberDisplayName(first.m, first.i), age: (first.v as ValidatedMember).age }),
        `members.${first.i}.isChild`,
      );
    }
  }
  findings.push(
    ...memberPlausibilityFindings(
      members.map((m, i) => ({ firstName: m.firstName, lastName: m.lastName, isChild: m.isChild, relation: m.relation ?? null, birthDate: out[i]?.birthDate ?? null })),
    ),
  );
  return { findings, fields, members: out, valid: !findingsBlock(findings) };
}

/** A possible duplicate found in the registry (by the caller's query). */
export interface DuplicateCandidate {
  kind: 'pesel' | 'name-birth';
  familyId: string;
  familyLabel: string;
  memberName: string;
  pesel?: string | null;
  birthDate: IsoDate;
  /**
   * The match is in a family the caller may not see: name, PESEL, birth date, family and id
   * are left empty; the finding says only that the person is registered and whom to ask.
   */
  outsideScope?: boolean;
}

/** PESEL matches block; name + birth date matches warn (must be acknowledged). */
export function duplicateFindings(cands: ReadonlyArray<DuplicateCandidate>): Finding[] {
  return cands.map((c) => {
    if (c.outsideScope) return finding(c.kind === 'pesel' ? 'FAMILY_DUPLICATE_PESEL_ELSEWHERE' : 'FAMILY_DUPLICATE_NAME_BIRTH_ELSEWHERE');
    return c.kind === 'pesel'
      ? finding('FAMILY_DUPLICATE_PESEL', { pesel: c.pesel ?? '', name: c.memberName, family: c.familyLabel })
      : finding('FAMILY_DUPLICATE_NAME_BIRTH', { name: c.memberName, birthDate: c.birthDate, family: c.familyLabel });
  });
}

/**
 * The staff register against art. 12 of the 2011 law (who may be an assistant, domain.md §1.5)
 * and against what the documents and the report need. Pure: a register entry and the account's
 * role in, findings out. Nothing here blocks saving — the head records what the office has, and
 * the warnings say what is still missing (a qualification the office has not documented is not a
 * reason to refuse the record).
 *
 * Art. 12 ust. 1 (as quoted in domain.md §1.5; the numbering of points is UNVERIFIED against the
 * consolidated text): pkt 1 — lit. a a degree in pedagogy, psychology, sociology, family studies
 * or social work; lit. b any degree with training in work with children or families (or
 * postgraduate studies with that programme) and at least one year of documented work with
 * children or families; lit. c secondary education with that training and at least three years
 * of such work; pkt 2 — parental authority never removed, suspended or limited; pkt 3 — maintenance
 * paid when an enforcement title obliges; pkt 4 — no final conviction for an intentional crime or
 * intentional fiscal crime.
 */
import type { Finding, IsoDate } from './types';
import { finding } from './findings';
import { isIsoDate } from './isoDate';
import type { StaffFields, StaffQualification, StudyField } from '../staff';

const QUALIFYING_FIELDS: ReadonlySet<StudyField> = new Set(['pedagogy', 'psychology', 'sociology', 'family-studies', 'social-work']);

export type QualificationPath = 'degree-in-field' | 'degree-training-experience' | 'secondary-training-experience';

export const QUALIFICATION_PATH_LABELS: Readonly<Record<QualificationPath, string>> = {
  'degree-in-field': 'wykształcenie wyższe na kierunku wskazanym w ustawie (art. 12 ust. 1 pkt 1 lit. a)',
  'degree-training-experience': 'wykształcenie wyższe, szkolenie i co najmniej roczny staż pracy z dziećmi lub rodziną (art. 12 ust. 1 pkt 1 lit. b)',
  'secondary-training-experience': 'wykształcenie średnie, szkolenie i co najmniej 3-letni staż pracy z dziećmi lub rodziną (art. 12 ust. 1 pkt 1 lit. c)',
};

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Days of documented work with children or families up to `asOf` (overlapping periods counted
 *  once; an open period runs to `asOf`). */
export function experienceDays(q: StaffQualification | null | undefined, asOf: IsoDate): number {
  const spans = (q?.experience ?? [])
    .filter((e) => e.from && isIsoDate(e.from) && e.from <= asOf)
    .map((e) => [toTime(e.from!), toTime(e.to && e.to < asOf ? e.to : asOf) + DAY] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of spans) {
    const start = Math.max(s, end);
    if (e > start) total += e - start;
    end = Math.max(end, e);
  }
  return Math.round(total / DAY);
}

/** Full years of experience (365 days each) — "co najmniej roczny / 3-letni staż". */
export const experienceYears = (q: StaffQualification | null | undefined, asOf: IsoDate): number => Math.floor(experienceDays(q, asOf) / 365);

const hasTraining = (q: StaffQualification | null | undefined) => !!q?.training && (q.training.name.trim() !== '' || q.training.postgraduate);

/** The art. 12 ust. 1 pkt 1 path the recorded qualification meets on `asOf`, or null. */
export function qualificationPath(q: StaffQualification | null | undefined, asOf: IsoDate): QualificationPath | null {
  const ed = q?.education;
  if (!ed?.level) return null;
  if (ed.level === 'higher' && ed.fieldKind && QUALIFYING_FIELDS.has(ed.fieldKind)) return 'degree-in-field';
  const years = experienceYears(q, asOf);
  if (ed.level === 'higher' && hasTraining(q) && years >= 1) return 'degree-training-experience';
  if (hasTraining(q) && years >= 3) return 'secondary-training-experience';
  return null;
}

/**
 * Findings of one register entry on `asOf`. Every account that signs documents needs the form of
 * address (the documents agree with it); an assistant also needs the employment (the report), a
 * contact for the assignment letter, the art. 12 qualification with its documents and the three
 * declarations.
 */
export function staffRegisterFindings(entry: StaffFields, role: string, asOf: IsoDate): Finding[] {
  const out: Finding[] = [];
  if (role !== 'dpo' && !entry.salutation) out.push(finding('STAFF_SALUTATION_MISSING'));
  if (role !== 'assistant') return out;

  if (!entry.phone.trim() && !entry.email.trim()) out.push(finding('STAFF_CONTACT_MISSING'));
  if (!entry.employmentForm) out.push(finding('STAFF_EMPLOYMENT_FORM_MISSING'));
  if (!entry.employedFrom) out.push(finding('STAFF_EMPLOYMENT_FROM_MISSING'));
  if (entry.employmentForm === 'employment-contract' && entry.fte === null) out.push(finding('STAFF_FTE_MISSING'));

  const q = entry.qualification;
  if (!q || !q.education.level) {
    out.push(finding('STAFF_QUALIFICATION_MISSING'));
  } else {
    const path = qualificationPath(q, asOf);
    if (!path) {
      const years = experienceYears(q, asOf);
      const training = hasTraining(q);
      const detail =
        q.education.level === 'higher'
          ? !training
            ? 'wykształcenie wyższe na innym kierunku wymaga szkolenia z zakresu pracy z dziećmi lub rodziną i co najmniej rocznego stażu'
            : `wykształcenie wyższe i szkolenie wymagają co najmniej rocznego stażu pracy z dziećmi lub rodziną (udokumentowano ${years} pełnych lat)`
          : !training
            ? 'wykształcenie średnie wymaga szkolenia z zakresu pracy z dziećmi lub rodziną i co najmniej 3-letniego stażu'
            : `wykształcenie średnie i szkolenie wymagają co najmniej 3-letniego stażu pracy z dziećmi lub rodziną (udokumentowano ${years} pełnych lat)`;
      out.push(finding('STAFF_QUALIFICATION_NOT_MET', { detail }));
    } else {
      const missing: string[] = [];
      if (!q.education.document.trim()) missing.push('dyplomu lub świadectwa');
      if (path !== 'degree-in-field') {
        if (!q.training?.document.trim()) missing.push('zaświadczenia o szkoleniu');
        if (q.experience.some((e) => !e.document.trim())) missing.push('dokumentu stażu pracy');
      }
      if (missing.length) out.push(finding('STAFF_QUALIFICATION_DOCUMENT_MISSING', { documents: missing.join(', ') }));
    }
  }

  const d = entry.declarations;
  const absent: string[] = [];
  if (!d?.parentalAuthorityOn) absent.push('o władzy rodzicielskiej (pkt 2)');
  if (!d?.maintenanceOn) absent.push('o wypełnianiu obowiązku alimentacyjnego (pkt 3)');
  if (!d?.noConvictionOn) absent.push('o niekaralności (pkt 4)');
  if (absent.length) out.push(finding('STAFF_DECLARATION_MISSING', { declarations: absent.join(', ') }));
  const future = [d?.parentalAuthorityOn, d?.maintenanceOn, d?.noConvictionOn].filter((x): x is string => !!x && x > asOf);
  if (future.length) out.push(finding('STAFF_DECLARATION_IN_FUTURE'));
  return out;
}

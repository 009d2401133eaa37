/**
 * Art. 12 of the 2011 law — who may be an assistant — and what the staff register must hold for
 * the documents and the report (domain.md §1.5; scenario T46).
 */
import { describe, expect, it } from 'vitest';
import { experienceYears, qualificationPath, staffRegisterFindings } from '../../../shared/rules/staff';
import { EMPTY_STAFF, staffFieldsSchema, type StaffFields, type StaffQualification } from '../../../shared/staff';

const ASOF = '2026-11-22';
const edu = (level: 'higher' | 'secondary', fieldKind: StaffQualification['education']['fieldKind'] = null): StaffQualification['education'] => ({
  level,
  fieldKind,
  field: '',
  school: 'Uniwersytet Mikołaja Kopernika',
  completedOn: '2015-06-30',
  document: 'dyplom nr 123/2015',
});
const training = { name: 'Szkolenie dla asystentów rodziny', postgraduate: false, hours: 230, completedOn: '2016-05-20', document: 'zaświadczenie nr 7/2016' };
const work = (from: string, to: string | null) => ({ employer: 'Placówka wsparcia dziennego', description: 'wychowawca', from, to, document: 'świadectwo pracy' });

const codes = (f: StaffFields, role = 'assistant') => staffRegisterFindings(f, role, ASOF).map((x) => x.code);

describe('art. 12 ust. 1 pkt 1: the three qualification paths', () => {
  it('lit. a: a master’s degree in pedagogy qualifies without training or experience', () => {
    expect(qualificationPath({ education: edu('higher', 'pedagogy'), training: null, experience: [] }, ASOF)).toBe('degree-in-field');
    for (const f of ['psychology', 'sociology', 'family-studies', 'social-work'] as const)
      expect(qualificationPath({ education: edu('higher', f), training: null, experience: [] }, ASOF)).toBe('degree-in-field');
  });
  it('lit. b: another degree needs the training and at least a year of work with children or families', () => {
    const q = (exp: StaffQualification['experience']) => ({ education: edu('higher', 'other'), training, experience: exp });
    expect(qualificationPath(q([work('2025-01-01', '2025-11-30')]), ASOF)).toBeNull();
    expect(qualificationPath(q([work('2025-01-01', '2025-12-31')]), ASOF)).toBe('degree-training-experience');
    expect(qualificationPath({ ...q([work('2020-01-01', null)]), training: null }, ASOF)).toBeNull();
  });
  it('lit. c (T46): secondary education + training + 2 years is not enough; 3 years is', () => {
    const q = (to: string) => ({ education: edu('secondary'), training, experience: [work('2022-01-01', to)] });
    expect(experienceYears(q('2023-12-31'), ASOF)).toBe(2);
    expect(qualificationPath(q('2023-12-31'), ASOF)).toBeNull();
    expect(qualificationPath(q('2024-12-31'), ASOF)).toBe('secondary-training-experience');
  });
  it('overlapping periods of work count once; an open period runs to today', () => {
    const q = { education: edu('secondary'), training, experience: [work('2022-01-01', '2023-12-31'), work('2023-01-01', '2024-06-30')] };
    expect(experienceYears(q, ASOF)).toBe(2);
    expect(experienceYears({ ...q, experience: [work('2023-11-22', null)] }, ASOF)).toBe(3);
  });
});

describe('warnings of the staff register', () => {
  const complete: StaffFields = {
    ...EMPTY_STAFF,
    salutation: 'Pani',
    phone: '56 678 12 40',
    employmentForm: 'employment-contract',
    taskBasedTime: true,
    fte: 1,
    employedFrom: '2024-02-01',
    qualification: { education: edu('higher', 'pedagogy'), training: null, experience: [] },
    declarations: { parentalAuthorityOn: '2024-01-25', maintenanceOn: '2024-01-25', noConvictionOn: '2024-01-25' },
  };
  it('a complete assistant has none', () => expect(codes(complete)).toEqual([]));
  it('an empty assistant: every missing item, each with its legal basis', () => {
    const f = staffRegisterFindings(EMPTY_STAFF, 'assistant', ASOF);
    expect(f.map((x) => x.code)).toEqual([
      'STAFF_SALUTATION_MISSING',
      'STAFF_CONTACT_MISSING',
      'STAFF_EMPLOYMENT_FORM_MISSING',
      'STAFF_EMPLOYMENT_FROM_MISSING',
      'STAFF_QUALIFICATION_MISSING',
      'STAFF_DECLARATION_MISSING',
    ]);
    expect(f.find((x) => x.code === 'STAFF_QUALIFICATION_MISSING')!.basis).toMatch(/^art\. 12 ust\. 1 pkt 1 ustawy o wspieraniu rodziny/);
    expect(f.find((x) => x.code === 'STAFF_DECLARATION_MISSING')!.message).toContain('o niekaralności (pkt 4)');
  });
  it('qualification short of the path names what is missing; documents are asked for', () => {
    const short = { ...complete, qualification: { education: edu('secondary'), training, experience: [work('2022-01-01', '2023-12-31')] } };
    const m = staffRegisterFindings(short, 'assistant', ASOF).find((x) => x.code === 'STAFF_QUALIFICATION_NOT_MET')!.message;
    expect(m).toContain('co najmniej 3-letniego stażu');
    expect(m).toContain('udokumentowano 2 pełnych lat');
    const undocumented = { ...complete, qualification: { education: { ...edu('higher', 'pedagogy'), document: '' }, training: null, experience: [] } };
    expect(codes(undocumented)).toEqual(['STAFF_QUALIFICATION_DOCUMENT_MISSING']);
  });
  it('a social worker or the head needs only the form of address; the DPO nothing', () => {
    expect(codes(EMPTY_STAFF, 'social_worker')).toEqual(['STAFF_SALUTATION_MISSING']);
    expect(codes(EMPTY_STAFF, 'admin')).toEqual(['STAFF_SALUTATION_MISSING']);
    expect(codes(EMPTY_STAFF, 'dpo')).toEqual([]);
  });
  it('a contract for services has no FTE; an employment contract without one is flagged', () => {
    expect(codes({ ...complete, fte: null })).toEqual(['STAFF_FTE_MISSING']);
    expect(staffFieldsSchema.safeParse({ ...complete, employmentForm: 'service-contract', taskBasedTime: false }).success).toBe(false);
    expect(staffFieldsSchema.safeParse({ ...complete, employmentForm: 'service-contract', taskBasedTime: false, fte: null }).success).toBe(true);
  });
  it('the form refuses dates in the wrong order and task-based time without an employment contract', () => {
    const r = staffFieldsSchema.safeParse({ ...complete, employedTo: '2024-01-01', employmentForm: 'service-contract', fte: null });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual([
      'Zatrudnienie do: data wcześniejsza niż data rozpoczęcia zatrudnienia.',
      'Zadaniowy czas pracy dotyczy tylko umowy o pracę.',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  availableTransitions,
  CASE_STATES,
  caseloadPhaseOf,
  checkIntake,
  checkReimbursement,
  checkSupportingFamily,
  checkTransition,
  checkZzRequest,
  FINDING_DEFINITIONS,
  formatGrosze,
  GENERAL_TRANSITIONS,
  validateFamilyMembers,
  ZZ_TRANSITIONS,
  type CaseFacts,
  type CaseloadPhase,
  type Finding,
  type TransitionContext,
} from '../../../shared/rules/index';
import { makePesel } from '../../../db/demo/generate';

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const HEAD = { role: 'admin' as const, userId: 'head' };
const PS = { role: 'social_worker' as const, userId: 'ps' };
const AR = { role: 'assistant' as const, userId: 'ar1' };
const ctx: TransitionContext = { asOf: '2026-03-02' };
const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({ track: 'general', state: 'WNIOSEK_PS', source: 'social-worker', assistantId: null, ...over });
const active = (n: number) => Array.from({ length: n }, (_, i) => ({ familyId: `F${i}`, phase: 'active' as const }));
const assistant = (cases: Array<{ familyId: string; phase: CaseloadPhase }> = active(0), personalLimit: number | null = null) => ({ id: 'ar1', name: 'A', role: 'assistant' as const, active: true, personalLimit, cases });

describe('the machines are data (domain.md §2.2–2.3)', () => {
  it('every transition names states of its own track, roles and a legal basis', () => {
    for (const t of [...GENERAL_TRANSITIONS, ...ZZ_TRANSITIONS]) {
      for (const s of [...t.from, t.to]) expect(CASE_STATES[s].tracks, `${t.action} ${s}`).toContain(t.track);
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.basis).toMatch(/art\.|§|standard/);
    }
  });
  it('caseload phases: assigned..realisation count, suspension counts, monitoring by setting, closed never (art. 15 ust. 4)', () => {
    expect(caseloadPhaseOf('REALIZACJA')).toBe('active');
    expect(caseloadPhaseOf('KONTAKT_I_ZGODA')).toBe('active');
    expect(caseloadPhaseOf('ZAWIESZENIE')).toBe('suspended');
    expect(caseloadPhaseOf('MONITORING')).toBe('monitoring');
    expect(caseloadPhaseOf('WNIOSEK_PS')).toBe('closed');
    expect(caseloadPhaseOf('ZAMKNIETA')).toBe('closed');
  });
  it('every lifecycle finding code is in the findings table', () => {
    for (const c of ['TRANSITION_WRONG_STATE', 'REFUSAL_NOT_ALLOWED_ART_11_1A', 'FAMILY_MINOR_ONLY_ADULT', 'SUPPORTING_CONVICTION']) {
      expect(FINDING_DEFINITIONS).toHaveProperty(c);
    }
  });
});

describe('art. 11 ust. 4: the head decides', () => {
  it('an assistant or a social worker cannot decide (role finding)', () => {
    expect(codes(checkTransition(facts(), 'assign', AR, undefined, ctx))).toEqual(['TRANSITION_ROLE_FORBIDDEN']);
    const f = checkTransition(facts(), 'refuse', PS, undefined, ctx);
    expect(f[0]!.message).toBe('Czynność „Decyzja: odmowa przydzielenia asystenta” może wykonać tylko: kierownik ośrodka.');
  });
  it('a decision from the wrong state is refused naming the state', () => {
    const f = checkTransition(facts({ state: 'ZGLOSZENIE' }), 'assign', HEAD, undefined, ctx);
    expect(codes(f)).toEqual(['TRANSITION_WRONG_STATE']);
    expect(f[0]!.message).toContain('„Zgłoszenie”');
  });
  it('T01: assigning a 16th family is blocked by the caseload rule (art. 15 ust. 4)', () => {
    const f = checkTransition(facts(), 'assign', HEAD, { assistantId: 'ar1', decidedOn: '2026-03-02' }, { ...ctx, familyId: 'F16', assistant: assistant(active(15)) });
    expect(codes(f)).toContain('CASELOAD_LIMIT_REACHED');
  });
  it('T02: monitoring families do not count by default; they do when the office says so', () => {
    const cases = [...active(14), ...['M1', 'M2', 'M3'].map((familyId) => ({ familyId, phase: 'monitoring' as const }))];
    const input = { assistantId: 'ar1', decidedOn: '2026-03-02' };
    expect(codes(checkTransition(facts(), 'assign', HEAD, input, { ...ctx, familyId: 'N', assistant: assistant(cases) }))).not.toContain('CASELOAD_LIMIT_REACHED');
    expect(codes(checkTransition(facts(), 'assign', HEAD, input, { ...ctx, familyId: 'N', assistant: assistant(cases), countMonitoring: true }))).toContain('CASELOAD_LIMIT_REACHED');
  });
  it('T06: a personal limit of 12 refuses the 13th family', () => {
    const f = checkTransition(facts(), 'assign', HEAD, { assistantId: 'ar1', decidedOn: '2026-03-02' }, { ...ctx, familyId: 'N', assistant: assistant(active(12), 12) });
    expect(codes(f)).toContain('CASELOAD_LIMIT_REACHED');
  });
  it('an inactive or non-assistant account cannot be assigned', () => {
    const f = checkTransition(facts(), 'assign', HEAD, { assistantId: 'ar1', decidedOn: '2026-03-02' }, { ...ctx, assistant: { ...assistant(), active: false } });
    expect(codes(f)).toEqual(['DECISION_ASSISTANT_NOT_ACTIVE']);
  });
  it('art. 11 ust. 1a: an S5 case cannot be refused (blocker), the waiting list only warns', () => {
    const s5 = facts({ source: 'minor-parent-leaving-institution' });
    expect(codes(checkTransition(s5, 'refuse', HEAD, undefined, ctx))).toEqual(['REFUSAL_NOT_ALLOWED_ART_11_1A']);
    expect(checkTransition(s5, 'waitlist', HEAD, undefined, ctx)[0]).toMatchObject({ code: 'WAITING_LIST_ART_11_1A', severity: 'warning' });
  });
  it('art. 109 § 2 pkt 1 KRO: refusing a court-ordered case warns (inform the court)', () => {
    expect(checkTransition(facts({ source: 'court-order' }), 'refuse', HEAD, { decidedOn: '2026-03-02', reason: 'x' }, ctx)[0]).toMatchObject({ code: 'REFUSAL_COURT_ORDER', severity: 'warning' });
  });
  it('refusal needs a reason; forward needs a target', () => {
    expect(codes(checkTransition(facts(), 'refuse', HEAD, { decidedOn: '2026-03-02', reason: ' ' }, ctx))).toEqual(['REFUSAL_REASON_MISSING']);
    expect(codes(checkTransition(facts(), 'forward', HEAD, { decidedOn: '2026-03-02', forwardedTo: '', forwardKind: 'gmina-unit' }, ctx))).toEqual(['FORWARD_TARGET_MISSING']);
  });
  it('availableTransitions shows the same findings before any input', () => {
    const av = availableTransitions(facts({ source: 'minor-parent-leaving-institution' }), HEAD, ctx);
    expect(av.map((a) => a.action).sort()).toEqual(['assign', 'forward', 'refuse', 'waitlist']);
    expect(av.find((a) => a.action === 'refuse')).toMatchObject({ allowed: false });
    expect(availableTransitions(facts(), AR, ctx)).toEqual([]);
  });
});

describe('art. 11 ust. 1–3: intake, RWŚ, analysis, request', () => {
  it('T11: intake on Mon 2026-03-02 sets the RWŚ due date to Fri 2026-03-20 (14 working days, § 3 ust. 2)', () => {
    const r = checkIntake({ source: 'social-worker', learnedOn: '2026-03-02', urgent: false, asOf: '2026-03-02' });
    expect(r.interviewDueOn).toBe('2026-03-20');
    expect(codes(r.findings)).toEqual(['INTERVIEW_DUE']);
    expect(checkIntake({ source: 'social-worker', learnedOn: '2026-03-02', urgent: true, asOf: '2026-03-02' }).interviewDueOn).toBe('2026-03-04');
  });
  it('intake: a future date and a court order without details are blockers; Za życiem is not an intake', () => {
    expect(codes(checkIntake({ source: 'social-worker', learnedOn: '2026-03-03', urgent: false, asOf: '2026-03-02' }).findings)).toContain('DATE_IN_FUTURE');
    expect(codes(checkIntake({ source: 'court-order', learnedOn: '2026-03-02', urgent: false, asOf: '2026-03-02' }).findings)).toContain('COURT_ORDER_DETAILS_MISSING');
    expect(codes(checkIntake({ source: 'za-zyciem', learnedOn: '2026-03-02', urgent: false, asOf: '2026-03-02' }).findings)).toContain('INTAKE_SOURCE_ZA_ZYCIEM');
  });
  it('RWŚ: late interview warns, interview before the information is a blocker', () => {
    const f = facts({ state: 'ZGLOSZENIE', learnedOn: '2026-03-02', interviewDueOn: '2026-03-20' });
    expect(codes(checkTransition(f, 'recordInterview', PS, { interviewOn: '2026-03-23' }, { asOf: '2026-03-25' }))).toEqual(['INTERVIEW_LATE']);
    expect(codes(checkTransition(f, 'recordInterview', PS, { interviewOn: '2026-03-01' }, { asOf: '2026-03-25' }))).toEqual(['INTERVIEW_BEFORE_LEARNED']);
    expect(codes(checkTransition(f, 'recordInterview', PS, undefined, { asOf: '2026-03-25' }))).toEqual(['INTERVIEW_OVERDUE']);
  });
  it('art. 11 ust. 2–3: no difficulties -> no request (close "brak przesłanek"), except S5; no minor child blocks', () => {
    const a = facts({ state: 'ANALIZA', careDifficultiesFound: false });
    expect(codes(checkTransition(a, 'submitRequest', PS, { requestOn: '2026-03-02', justification: 'x', analysis: 'y' }, { ...ctx, children: [{ birthDate: '2015-01-01', placement: 'home' }] }))).toEqual(['ANALYSIS_NO_DIFFICULTIES_USE_CLOSURE']);
    expect(codes(checkTransition({ ...a, careDifficultiesFound: true }, 'submitRequest', PS, { requestOn: '2026-03-02', justification: 'x', analysis: 'y' }, { ...ctx, children: [] }))).toContain('NO_MINOR_CHILDREN');
    expect(codes(checkTransition({ ...a, source: 'minor-parent-leaving-institution' }, 'concludeNoAssistantNeeded', PS, undefined, ctx))).toEqual(['NO_ASSISTANT_NOT_ALLOWED_ART_11_1A']);
    expect(codes(checkTransition({ ...a, source: 'court-order' }, 'concludeNoAssistantNeeded', PS, undefined, ctx))).toEqual(['NO_ASSISTANT_COURT_ORDER']);
    expect(codes(checkTransition(a, 'submitRequest', PS, { requestOn: '2026-03-02', justification: '' }, ctx))).toContain('REQUEST_JUSTIFICATION_MISSING');
  });
  it('art. 11 ust. 2: the request carries the social worker\'s analysis — typed with it, or noted at the analysis step', () => {
    const a = facts({ state: 'ANALIZA', careDifficultiesFound: true });
    const kids = { ...ctx, children: [{ birthDate: '2015-01-01', placement: 'home' as const }] };
    expect(codes(checkTransition(a, 'submitRequest', PS, { requestOn: '2026-03-02', justification: 'x' }, kids))).toEqual(['REQUEST_ANALYSIS_MISSING']);
    expect(codes(checkTransition(a, 'submitRequest', PS, { requestOn: '2026-03-02', justification: 'x', analysis: 'Matka nie radzi sobie z opieką.' }, kids))).toEqual([]);
    expect(codes(checkTransition({ ...a, analysisNote: 'Zaniedbania higieniczne.' }, 'submitRequest', PS, { requestOn: '2026-03-02', justification: 'x' }, kids))).toEqual([]);
  });
});

describe('art. 8 ust. 3: consent, court order, art. 11 ust. 1a', () => {
  const assigned = facts({ state: 'PRZYDZIELONY', assistantId: 'ar1', assignedOn: '2026-03-02' });
  it('only the assigned assistant (or the head) records consent', () => {
    expect(codes(checkTransition(assigned, 'recordConsent', { role: 'assistant', userId: 'other' }, undefined, ctx))).toEqual(['TRANSITION_NOT_OWN_CASE']);
    expect(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'written-consent', consentOn: '2026-03-02' } }, ctx)).toEqual([]);
  });
  it('T17: refusal closes a consent-based case; T43: not a court-ordered or S5 case', () => {
    expect(checkTransition(assigned, 'recordRefusal', AR, { refusedOn: '2026-03-02' }, ctx)).toEqual([]);
    expect(codes(checkTransition({ ...assigned, source: 'court-order' }, 'recordRefusal', AR, undefined, ctx))).toEqual(['CONSENT_REFUSAL_NOT_ALLOWED_COURT_ORDER']);
    expect(codes(checkTransition({ ...assigned, source: 'minor-parent-leaving-institution' }, 'recordRefusal', AR, undefined, ctx))).toEqual(['CONSENT_REFUSAL_NOT_ALLOWED_ART_11_1A']);
  });
  it('T18: court-order basis needs court, sygnatura and date; art-11-1a only for S5; consent before assignment warns', () => {
    expect(codes(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'court-order', court: '', caseRef: 'III Nsm 123/26', date: '2026-02-10' } }, ctx))).toEqual(['COURT_ORDER_DETAILS_MISSING']);
    expect(codes(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'court-order', court: 'SR Toruń', caseRef: 'III Nsm 123/26', date: '2026-02-10' } }, ctx))).toEqual(['CONSENT_REPLACED_BY_COURT_ORDER']);
    expect(codes(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'art-11-1a' } }, ctx))).toEqual(['CONSENT_BASIS_ART_11_1A_WRONG_SOURCE']);
    expect(codes(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'written-consent', consentOn: '2026-03-01' } }, ctx))).toEqual(['CONSENT_DATE_BEFORE_ASSIGNMENT']);
  });
  it('later stages (issue 4) rest on their documents: the initial assessment must be on file', () => {
    expect(codes(checkTransition(facts({ state: 'ZGODA', assistantId: 'ar1' }), 'startInitialAssessment', AR, undefined, ctx))).toEqual(['TRANSITION_NEEDS_INITIAL_ASSESSMENT']);
    expect(checkTransition(facts({ state: 'ZGODA', assistantId: 'ar1' }), 'startInitialAssessment', AR, undefined, { ...ctx, work: { initialAssessmentOn: '2026-03-10' } })).toEqual([]);
  });
});

describe('Za życiem art. 8 and art. 4 ust. 3', () => {
  const zz = (over: Partial<CaseFacts> = {}): CaseFacts => ({ track: 'za-zyciem', state: 'WNIOSEK_ZZ', source: 'za-zyciem', assistantId: null, receivedOn: '2026-03-02', ...over });
  const cert = { nfzContracted: true, qualification: 'specialization-II' as const, field: 'perinatology' as const, issuedOn: '2026-02-01', condition: 'severe-irreversible-impairment' as const, origin: 'birth' as const };
  it('a certificate from a non-qualifying specialisation is a blocker', () => {
    const f = checkTransition(zz(), 'verifyZz', PS, { verifiedOn: '2026-03-02', category: 'ZZ4', documents: { pregnancyDocument: false, certificate: { ...cert, field: 'other' } } }, ctx);
    expect(codes(f)).toEqual(expect.arrayContaining(['ZZ_CERTIFICATE_INVALID', 'CERT_FIELD_NOT_ALLOWED']));
  });
  it('the 10th-week certificate is never required; practice deadlines are reminders (2 days, 14 days, 1 week)', () => {
    const f = checkTransition(zz(), 'verifyZz', PS, { verifiedOn: '2026-03-02', category: 'ZZ4', documents: { pregnancyDocument: false, certificate: cert, medicalCareFromWeek10: false } }, ctx);
    expect(f.filter((x) => x.severity === 'blocker')).toEqual([]);
    expect(codes(f)).toEqual(['ZZ_ASSIGNMENT_DUE', 'ZZ_INFORMATION_DUE', 'ZZ_MEDICAL_CARE_WEEK10_NOT_REQUIRED']);
    expect(f[0]!.message).toContain('04.03.2026');
    expect(codes(checkTransition(zz(), 'verifyZz', PS, undefined, { asOf: '2026-03-05' }))).toEqual(['ZZ_ASSIGNMENT_OVERDUE', 'ZZ_INFORMATION_DUE']);
    const a = checkTransition(zz({ state: 'WERYFIKACJA' }), 'assign', HEAD, { assistantId: 'ar1', decidedOn: '2026-03-03' }, { ...ctx, asOf: '2026-03-03', assistant: assistant() });
    expect(a.find((x) => x.code === 'CONSENT_DUE')?.message).toContain('10.03.2026');
  });
  it('Za życiem consent is written only; the request date cannot be in the future', () => {
    const assigned = zz({ state: 'PRZYDZIELONY', assistantId: 'ar1', assignedOn: '2026-03-02' });
    expect(codes(checkTransition(assigned, 'recordConsent', AR, { basis: { kind: 'art-11-1a' } }, ctx))).toContain('ZZ_CONSENT_WRITTEN_ONLY');
    expect(codes(checkZzRequest({ receivedOn: '2026-03-03', asOf: '2026-03-02' }))).toEqual(['ZZ_RECEIVED_AFTER_TODAY']);
  });
});

describe('registry rules (art. 15 ust. 2 ustawy o ewidencji ludności; art. 10 § 1 KC)', () => {
  const mother = { firstName: 'Anna', lastName: 'Nowak', pesel: makePesel('1990-04-12', 'F', 1), isChild: false };
  it('PESEL: birth date and sex derived; checksum errors named', () => {
    const v = validateFamilyMembers([mother], '2026-03-02');
    expect(v.members[0]).toEqual({ birthDate: '1990-04-12', sex: 'F', age: 35 });
    const bad = validateFamilyMembers([{ ...mother, pesel: '90041212345' }], '2026-03-02');
    expect(bad.fields['members.0.pesel']).toContain('cyfra kontrolna');
  });
  it('birth date in the future, mismatch with PESEL, missing birth date', () => {
    expect(codes(validateFamilyMembers([mother, { firstName: 'X', lastName: 'Y', birthDate: '2026-03-03', isChild: true }], '2026-03-02').findings)).toEqual(['MEMBER_BIRTH_DATE_IN_FUTURE']);
    expect(codes(validateFamilyMembers([{ ...mother, birthDate: '1990-04-13' }], '2026-03-02').findings)).toContain('MEMBER_BIRTH_DATE_PESEL_MISMATCH');
    expect(codes(validateFamilyMembers([{ firstName: 'A', lastName: 'B', isChild: false }], '2026-03-02').findings)).toContain('MEMBER_BIRTH_DATE_MISSING');
  });
  it('a minor cannot be the only adult; an adult beside them is enough', () => {
    const minor = { firstName: 'Ola', lastName: 'Nowak', birthDate: '2009-03-03', isChild: false };
    expect(codes(validateFamilyMembers([minor], '2026-03-02').findings)).toEqual(['FAMILY_MINOR_ONLY_ADULT']);
    expect(validateFamilyMembers([minor, mother], '2026-03-02').valid).toBe(true);
    expect(codes(validateFamilyMembers([{ ...minor, isChild: true }], '2026-03-02').findings)).toEqual(['FAMILY_NO_ADULT']);
  });
  it('art. 10 ust. 4: a child in foster care without placement details warns', () => {
    const v = validateFamilyMembers([mother, { firstName: 'Jan', lastName: 'Nowak', birthDate: '2018-01-01', isChild: true, placement: { kind: 'foster-care' } }], '2026-03-02');
    expect(v.valid).toBe(true);
    expect(v.findings[0]!.message).toContain('datę umieszczenia, formę pieczy, PCPR, koordynatora');
  });
});

describe('supporting family (art. 29–31)', () => {
  const base = {
    asOf: '2026-03-02',
    relationToChild: 'dziadkowie',
    members: [{ firstName: 'Jan', lastName: 'Kos', finalConvictionIntentionalCrime: false }],
    convictionStatementOn: '2026-02-01',
    headOpinion: { positive: true, on: '2026-02-10', interviewOn: '2026-02-05' },
    supportedCase: { state: 'REALIZACJA' as const, assistantId: 'ar1' },
  };
  it('T45: a final conviction for an intentional crime blocks', () => {
    const r = checkSupportingFamily({ ...base, members: [{ firstName: 'Jan', lastName: 'Kos', finalConvictionIntentionalCrime: true }] });
    expect(r.allowed).toBe(false);
    expect(codes(r.findings)).toEqual(['SUPPORTING_CONVICTION']);
  });
  it('art. 29 ust. 2: no assistant or no consent blocks; the head needs the wójt’s authorisation (art. 31 ust. 2)', () => {
    expect(codes(checkSupportingFamily({ ...base, supportedCase: { state: 'WNIOSEK_PS', assistantId: null } }).findings)).toEqual(['SUPPORTING_NO_ASSISTANT', 'SUPPORTING_NO_CONSENT']);
    expect(codes(checkSupportingFamily({ ...base, act: { by: 'head-authorised', number: '1', on: '2026-03-01' } }).findings)).toEqual(['SUPPORTING_HEAD_NOT_AUTHORISED']);
    expect(checkSupportingFamily({ ...base, act: { by: 'wojt', number: '1', on: '2026-03-01' } }).allowed).toBe(true);
  });
  it('art. 31 ust. 1: reimbursement needs a contract and stays within its limit (grosze)', () => {
    expect(codes(checkReimbursement({ established: true, contract: null, paidSoFarGr: 0, amountGr: 100, paidOn: '2026-03-01', asOf: '2026-03-02' }))).toEqual(['SUPPORTING_CONTRACT_MISSING']);
    const over = checkReimbursement({ established: true, contract: { on: '2026-01-01', totalLimitGr: 10000 }, paidSoFarGr: 9000, amountGr: 1001, paidOn: '2026-03-01', asOf: '2026-03-02' });
    expect(over[0]!.message).toBe('Suma zwrotów (100,01\u00a0zł) przekroczyłaby limit z umowy (100,00\u00a0zł).');
    expect(formatGrosze(123456789)).toBe('1\u00a0234\u00a0567,89\u00a0zł');
  });
});

describe('history words (issue 14): saving a plan or an assessment records what happened, nothing more', () => {
  it('the plan is "sporządzony" — nothing was signed by saving it', () => {
    const labels = GENERAL_TRANSITIONS.map((t) => t.label);
    expect(GENERAL_TRANSITIONS.find((t) => t.action === 'adoptPlan')!.label).toBe('Plan pracy sporządzony');
    expect(GENERAL_TRANSITIONS.find((t) => t.action === 'startInitialAssessment')!.label).toBe('Ocena wstępna sporządzona');
    for (const l of labels) expect(l).not.toMatch(/podpisan/);
  });
});

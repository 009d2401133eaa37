import { describe, it, expect } from 'vitest';
import * as rules from '../../../shared/rules/index';
import {
  FINDING_DEFINITIONS,
  finding,
  findingsBlock,
  REFERRAL_SOURCES,
  CLOSURE_REASONS,
  checkClosure,
  DOCUMENT_LABELS,
} from '../../../shared/rules/index';
import type { FindingCode } from '../../../shared/rules/index';

describe('contract surface of shared/rules/index.ts', () => {
  it('exports every name of the contract', () => {
    const names = [
      'isPublicHoliday', 'isWorkingDay', 'addWorkingDays', 'addMonthsClamped', 'shiftToNextWorkingDay', 'parsePesel',
      'interviewDueDate', 'periodicAssessmentDueDate', 'checkCaseload', 'checkGeneralEligibility', 'isValidArt43Certificate',
      'checkZaZyciemEligibility', 'oneOffBenefitDeadline', 'checkOneOffBenefit', 'validateWorkPlan', 'ASSESSMENT_AREAS',
      'validateAssessment', 'compareAssessments',
    ];
    for (const n of names) expect(rules, n).toHaveProperty(n);
    for (const n of names.filter((x) => x !== 'ASSESSMENT_AREAS')) expect(typeof (rules as Record<string, unknown>)[n], n).toBe('function');
  });
});

describe('findings: stable codes, Polish messages, legal basis', () => {
  const entries = Object.entries(FINDING_DEFINITIONS) as Array<[FindingCode, (typeof FINDING_DEFINITIONS)[FindingCode]]>;
  it.each(entries.map(([c]) => c))('%s is SCREAMING_SNAKE_CASE with a basis and a Polish message', (code) => {
    const def = FINDING_DEFINITIONS[code];
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(['blocker', 'warning', 'info']).toContain(def.severity);
    expect(def.basis).toMatch(/(art\.|§|rozporządzenie|standard)/);
    expect(def.message.length).toBeGreaterThan(10);
  });
  it('issue 14: a quoted text the user has not typed yet leaves no empty quotes', () => {
    const code = Object.keys(FINDING_DEFINITIONS).find((c) => FINDING_DEFINITIONS[c as FindingCode].message.includes('działanie {action} („{description}”): brak terminu')) as FindingCode;
    expect(finding(code, { goal: 1, action: 1, description: '' }).message).toBe('Cel 1, działanie 1: brak terminu realizacji.');
    expect(finding(code, { goal: 1, action: 2, description: 'Plan spłaty' }).message).toBe('Cel 1, działanie 2 („Plan spłaty”): brak terminu realizacji.');
    for (const [c, d] of entries) {
      const params = Object.fromEntries([...d.message.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, '']));
      expect(finding(c, params).message, c).not.toMatch(/„\s*”/);
    }
  });
  it('messages use Polish diacritics, not ASCII stand-ins', () => {
    const all = entries.map(([, d]) => d.message).join(' ');
    expect(all).toMatch(/[ąćęłńóśźż]/);
    for (const bad of ['swiadczenie', 'zaswiadczenie', 'pieczy zastepczej', 'asystenta rodziny nie moze', 'ciaze']) {
      expect(all.toLowerCase()).not.toContain(bad);
    }
  });
  it('finding() fills placeholders; unknown placeholders stay visible', () => {
    const f = finding('CASELOAD_LIMIT_WILL_BE_REACHED', { countAfter: 15, limit: 15 });
    expect(f).toEqual({
      code: 'CASELOAD_LIMIT_WILL_BE_REACHED',
      severity: 'info',
      message: 'Po przydzieleniu asystent osiągnie limit: 15 z 15 rodzin.',
      basis: 'art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej',
    });
  });
  it('no finding produced by the rules leaves a {placeholder} unfilled', () => {
    const produced = [
      ...rules.checkCaseload({ cases: Array.from({ length: 15 }, (_, i) => ({ familyId: `F${i}`, phase: 'active' as const })), candidateFamilyId: 'X', personalLimit: 20 }).findings,
      ...rules.checkCaseload({ cases: [{ familyId: 'M', phase: 'monitoring' }], candidateFamilyId: 'X', personalLimit: 1 }).findings,
      ...rules.checkGeneralEligibility({ asOf: '2026-03-05', source: 'court-order', children: [], careDifficultiesFound: false, consent: 'refused' }).findings,
      ...rules.checkGeneralEligibility({ asOf: '2026-03-05', source: 'court-order', children: [{ birthDate: '2027-01-01', placement: 'foster-care' }], careDifficultiesFound: true, consent: 'refused', courtOrder: { court: 'SR', caseRef: 'III Nsm 1/26', date: '2026-01-01' } }).findings,
      ...rules.checkOneOffBenefit({ applicationDate: '2030-01-01', applicantRole: 'de-facto-guardian', careTakenOn: '2025-01-01', child: { birthDate: '2024-01-01', bornAlive: false, placedInFosterCareOrFreeDps: true }, certificate: { nfzContracted: false, qualification: 'none', field: 'paediatric-surgery', issuedOn: '2020-01-01', condition: 'other', origin: 'other' } }).findings,
      ...rules.validateWorkPlan({ drawnUpOn: '2026-04-01', goals: [{ title: '', actions: [{ description: '', responsible: '', dueDate: '2026-01-01' }] }], childInFosterCare: true, coordinatedWithFosterCareCoordinator: false, consultedWithSocialWorker: false }),
      ...rules.validateAssessment({ kind: 'initial', assessedOn: '2026-04-01', areas: { X: { rating: 5 as rules.Rating, justification: '' } } }),
      ...checkClosure({ source: 'court-order', reason: 'REZYGNACJA', finalAssessmentDone: false }),
    ];
    expect(produced.length).toBeGreaterThan(25);
    for (const f of produced) {
      expect(f.message, f.code).not.toMatch(/\{\w+\}/);
      expect(f.code in FINDING_DEFINITIONS, f.code).toBe(true);
    }
  });
  it('findingsBlock is true exactly when there is a blocker', () => {
    expect(findingsBlock([])).toBe(false);
    expect(findingsBlock([finding('CONSENT_PENDING'), finding('CONSIDER_ZA_ZYCIEM')])).toBe(false);
    expect(findingsBlock([finding('CONSENT_PENDING'), finding('CONSENT_REFUSED')])).toBe(true);
  });
});

describe('code lists from domain.md', () => {
  it('§2.1: five referral sources S1–S5 with Polish labels; S4 and S5 need no consent', () => {
    expect(Object.values(REFERRAL_SOURCES).map((s) => s.code)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(REFERRAL_SOURCES['court-order'].consentRequired).toBe(false);
    expect(REFERRAL_SOURCES['minor-parent-leaving-institution'].consentRequired).toBe(false);
    expect(REFERRAL_SOURCES['family-request'].label).toBe('Wniosek rodziny');
  });
  it('§2.5: the closure reasons, REZYGNACJA not for S4/S5', () => {
    expect(CLOSURE_REASONS.map((r) => r.code)).toEqual([
      'CEL', 'REZYGNACJA', 'BRAK_WSPOLPRACY', 'ZMIANA_MIEJSCA', 'PIECZA_BEZ_POWROTU', 'SAD', 'ZMIANA_FORMY', 'ZZ_KONIEC', 'INNE',
    ]);
    expect(CLOSURE_REASONS.find((r) => r.code === 'REZYGNACJA')?.notForSources).toEqual(['court-order', 'minor-parent-leaving-institution']);
  });
  it('documents have Polish names', () => {
    expect(DOCUMENT_LABELS['pregnancy-document']).toBe('dokument potwierdzający ciążę');
  });
});

describe('closure of work with the family (domain §2.2, §2.5)', () => {
  it('T42: closure without a final assessment is blocked ("ocena końcowa wymagana")', () => {
    const f = checkClosure({ source: 'social-worker', reason: 'CEL', finalAssessmentDone: false });
    expect(f.map((x) => x.code)).toEqual(['CLOSURE_FINAL_ASSESSMENT_MISSING']);
    expect(findingsBlock(f)).toBe(true);
  });
  it('T41: closure with reason CEL and a final assessment is fine', () => {
    expect(checkClosure({ source: 'family-request', reason: 'CEL', finalAssessmentDone: true })).toEqual([]);
  });
  it('T43: a court-ordered family cannot close by resignation; the head must sign off and inform the court', () => {
    const f = checkClosure({ source: 'court-order', reason: 'REZYGNACJA', finalAssessmentDone: true });
    expect(f.map((x) => x.code)).toEqual(['CLOSURE_RESIGNATION_NOT_ALLOWED_COURT_ORDER', 'CLOSURE_COURT_ORDER_SIGN_OFF']);
    expect(findingsBlock(f)).toBe(true);
    const sad = checkClosure({ source: 'court-order', reason: 'SAD', finalAssessmentDone: true });
    expect(findingsBlock(sad)).toBe(false);
  });
  it('art. 11 ust. 1a: resignation is not a closure reason for a mandatory assignment', () => {
    const f = checkClosure({ source: 'minor-parent-leaving-institution', reason: 'REZYGNACJA', finalAssessmentDone: true });
    expect(f.map((x) => x.code)).toEqual(['CLOSURE_RESIGNATION_NOT_ALLOWED_ART_11_1A']);
  });
  it('art. 10 ust. 4: closing for placement reminds that a temporary placement is not a reason', () => {
    const f = checkClosure({ source: 'social-worker', reason: 'PIECZA_BEZ_POWROTU', finalAssessmentDone: true });
    expect(f.map((x) => x.code)).toEqual(['CLOSURE_TEMPORARY_PLACEMENT_IS_NOT_A_REASON']);
  });
  it('T44: moving out of the gmina closes with ZMIANA_MIEJSCA, final assessment required', () => {
    expect(findingsBlock(checkClosure({ source: 'social-worker', reason: 'ZMIANA_MIEJSCA', finalAssessmentDone: false }))).toBe(true);
    expect(checkClosure({ source: 'social-worker', reason: 'ZMIANA_MIEJSCA', finalAssessmentDone: true })).toEqual([]);
  });
  it('an unknown reason is blocked', () => {
    expect(checkClosure({ source: 'social-worker', reason: 'XYZ' as never, finalAssessmentDone: true }).map((x) => x.code)).toEqual([
      'CLOSURE_UNKNOWN_REASON',
    ]);
  });
});

describe('findings speak Polish dates', () => {
  it('a date parameter prints as dd.mm.rrrr, never as an ISO date; other parameters unchanged', () => {
    const f = finding('BENEFIT_DEADLINE', { deadline: '2026-06-15' });
    expect(f.message).toBe('Termin złożenia wniosku o jednorazowe świadczenie 4000 zł: 15.06.2026.');
    expect(FINDING_DEFINITIONS.BENEFIT_DEADLINE.message).toContain('{deadline}');
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { transitionPayloadSchema } from '../../shared/registrySchemas';
import { failure, type TestSession } from '../helpers';
import { family, referredCase, useStaffedOffice, type IntakeSource, type Staff } from './registryFixtures';

let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ admin, team } = o));

/** Intake -> RWŚ -> analysis -> request, by the social worker. Returns the case awaiting the head. */
const referred = (surname: string, source: IntakeSource = 'social-worker') =>
  referredCase(team, surname, source, 'Trudności opiekuńczo-wychowawcze stwierdzone w RWŚ.');

const assign = (s: TestSession, c: { id: string; version: number }, assistantId: string) =>
  s.call('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId, decidedOn: '2026-11-22' } });

describe('general support: referral to consent (art. 11)', () => {
  it('the social worker refers, the head sees caseloads and assigns, the assistant records consent; history and audit are written', async () => {
    const { f, c: req } = await referred('Wójcik');
    expect(req.state).toBe('WNIOSEK_PS');
    expect(req.interviewDueOn).toBe('2026-12-04'); // 14 working days from Mon 2026-11-16
    // The head's screen: the case awaits a decision; every assistant's caseload and limit.
    const screen = await admin.ok('cases:decisionScreen', {});
    expect(screen.awaiting.map((a) => a.id)).toEqual([req.id]);
    expect(screen.assistants).toEqual([
      expect.objectContaining({ fullName: 'Agnieszka Śliwińska', count: 0, limit: 15, free: 15 }),
      expect.objectContaining({ fullName: 'Paweł Górecki', count: 0, limit: 12, personalLimit: 12 }),
    ]);
    // The head's view of the case offers exactly the four decisions.
    const head = await admin.ok('cases:get', { id: req.id });
    expect(head.availableTransitions.map((t) => t.action).sort()).toEqual(['assign', 'forward', 'refuse', 'waitlist']);

    const assigned = await assign(admin, req, team.ar.id);
    expect(assigned.ok).toBe(true);
    if (!assigned.ok) return;
    expect(assigned.value.case).toMatchObject({ state: 'PRZYDZIELONY', assistantId: team.ar.id, assignedOn: '2026-11-22' });
    expect((await admin.ok('cases:decisionScreen', {})).assistants[0]).toMatchObject({ count: 1, free: 14 });

    // The assistant now sees the family and records the written consent.
    expect((await team.ar.s.ok('families:list', {})).items.map((i) => i.id)).toEqual([f.id]);
    const mine = await team.ar.s.ok('cases:get', { id: req.id });
    expect(mine.availableTransitions.map((t) => t.action).sort()).toEqual(['recordConsent', 'recordFirstContact', 'recordRefusal']);
    const consent = await team.ar.s.ok('cases:transition', {
      caseId: req.id,
      version: mine.version,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } },
    });
    expect(consent.case).toMatchObject({ state: 'ZGODA', consentBasis: 'written-consent', consentOn: '2026-11-22' });
    // Later stages (issue 4) rest on their documents: no initial assessment yet.
    const later = consent.case.availableTransitions.find((t) => t.action === 'startInitialAssessment');
    expect(later).toMatchObject({ implemented: true, allowed: false }); // issue 4: needs the initial assessment on file

    // Case history: who, when, from, to.
    expect(consent.case.history.map((h) => [h.action, h.fromState, h.toState, h.userName])).toEqual([
      ['recordConsent', 'PRZYDZIELONY', 'ZGODA', 'Agnieszka Śliwińska'],
      ['assign', 'WNIOSEK_PS', 'PRZYDZIELONY', 'Żaneta Wójcik-Łęcka'],
      ['submitRequest', 'ANALIZA', 'WNIOSEK_PS', 'Katarzyna Bąkowska'],
      ['recordAnalysis', 'RWS_PRZEPROWADZONY', 'ANALIZA', 'Katarzyna Bąkowska'],
      ['recordInterview', 'ZGLOSZENIE', 'RWS_PRZEPROWADZONY', 'Katarzyna Bąkowska'],
      ['intake', null, 'ZGLOSZENIE', 'Katarzyna Bąkowska'],
    ]);
    const audit = await admin.ok('audit:list', { action: 'case.transition', pageSize: 10 });
    expect(audit.items.map((a) => [a.userLogin, a.details?.action])).toEqual([
      ['asliwinska', 'recordConsent'],
      ['admin', 'assign'],
      ['kbakowska', 'submitRequest'],
      ['kbakowska', 'recordAnalysis'],
      ['kbakowska', 'recordInterview'],
    ]);
    const card = await admin.ok('families:get', { id: f.id });
    expect(card.cases[0]).toMatchObject({ state: 'ZGODA', assistantName: 'Agnieszka Śliwińska' });
    expect(card.history).toHaveLength(6);
    expect(card.assistantId).toBe(team.ar.id);
  });

  it('T01: the 16th family is refused in the main process (CASELOAD_LIMIT_REACHED), nothing changes', async () => {
    const cases = [];
    for (let i = 0; i < 16; i++) cases.push((await referred(`Rodzina${String.fromCharCode(65 + i)}`)).c);
    for (const c of cases.slice(0, 15)) expect((await assign(admin, c, team.ar.id)).ok).toBe(true);
    const preview = await admin.ok('cases:check', {
      caseId: cases[15]!.id,
      payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' },
    });
    expect(preview.allowed).toBe(false);
    const r = await assign(admin, cases[15]!, team.ar.id);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CASELOAD_LIMIT_REACHED');
    expect(r.error.message).toContain('liczba rodzin prowadzonych przez asystenta wynosi 15, a limit to 15');
    expect(r.error.fields?.assistantId).toBeDefined();
    expect(r.error.findings?.find((f) => f.code === 'CASELOAD_LIMIT_REACHED')?.basis).toContain('art. 15 ust. 4');
    const after = await admin.ok('cases:get', { id: cases[15]!.id });
    expect(after).toMatchObject({ state: 'WNIOSEK_PS', assistantId: null, version: cases[15]!.version });
    // The waiting list is the way out; the other assistant (limit 12) can take it.
    expect((await assign(admin, cases[15]!, team.ar2.id)).ok).toBe(true);
    const refused = await admin.ok('audit:list', { action: 'case.transition_refused' });
    expect(refused.items[0]?.details?.codes).toContain('CASELOAD_LIMIT_REACHED');
  });

  it('T06: a personal limit of 12 refuses the 13th family although below 15', async () => {
    const cs = [];
    for (let i = 0; i < 13; i++) cs.push((await referred(`Osoba${String.fromCharCode(65 + i)}`)).c);
    for (const c of cs.slice(0, 12)) expect((await assign(admin, c, team.ar2.id)).ok).toBe(true);
    const r = await assign(admin, cs[12]!, team.ar2.id);
    expect(failure(r).message).toContain('limit to 12 (indywidualny limit asystenta)');
  });

  it('roles: an assistant cannot decide; a social worker cannot decide; a foreign assistant cannot record consent', async () => {
    const { c } = await referred('Nowak');
    const byAssistant = await assign(team.ar.s, c, team.ar.id);
    // The assistant does not even see an unassigned family: FORBIDDEN either way.
    expect(failure(byAssistant).code).toBe('FORBIDDEN');
    const byPs = await assign(team.ps.s, c, team.ar.id);
    expect(failure(byPs).code).toBe('FORBIDDEN');
    expect(failure(byPs).message).toBe('Czynność „Decyzja: przydzielenie asystenta” może wykonać tylko: kierownik ośrodka.');
    expect((await team.ar.s.call('cases:decisionScreen', {})).ok).toBe(false);
    const done = await assign(admin, c, team.ar.id);
    expect(done.ok).toBe(true);
    const v = (await admin.ok('cases:get', { id: c.id })).version;
    const foreign = await team.ar2.s.call('cases:transition', {
      caseId: c.id,
      version: v,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } },
    });
    expect(failure(foreign).code).toBe('FORBIDDEN');
    // The assigned assistant sees the case but still cannot take the head's decisions on another case state.
    const own = await team.ar.s.call('cases:transition', {
      caseId: c.id,
      version: v,
      payload: { action: 'refuse', decidedOn: '2026-11-22', reason: 'x' },
    });
    expect(failure(own).code).toBe('FORBIDDEN');
    expect((await admin.ok('cases:get', { id: c.id })).state).toBe('PRZYDZIELONY');
    const forb = await admin.ok('audit:list', { action: 'case.transition_forbidden' });
    expect(forb.items.length).toBeGreaterThanOrEqual(2);
  });

  it('a transition from the wrong state is INVALID_TRANSITION with the state named; data unchanged', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const c = (await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'family-request', learnedOn: '2026-11-20' })).case;
    const r = await admin.call('cases:transition', {
      caseId: c.id,
      version: c.version,
      payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' },
    });
    expect(failure(r).code).toBe('INVALID_TRANSITION');
    expect(failure(r).message).toContain('gdy sprawa jest w stanie „Zgłoszenie”');
    expect((await admin.ok('cases:get', { id: c.id })).state).toBe('ZGLOSZENIE');
  });

  it('a stale transition (two windows) is refused', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const c = (await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-20' })).case;
    await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } });
    const r = await admin.call('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-21' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['STALE_EDIT', 'INVALID_TRANSITION']).toContain(r.error.code);
  });

  it('art. 11 ust. 1a: the head cannot refuse; consent basis art-11-1a; refusal by the family does not close', async () => {
    const { c } = await referred('Małolepsza', 'minor-parent-leaving-institution');
    const head = await admin.ok('cases:get', { id: c.id });
    expect(head.availableTransitions.find((t) => t.action === 'refuse')).toMatchObject({ allowed: false });
    const r = await admin.call('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'refuse', decidedOn: '2026-11-22', reason: 'Brak asystentów.' } });
    expect(failure(r).code).toBe('RULE_BLOCKED');
    expect(failure(r).message).toContain('Kierownik nie może odmówić przydzielenia asystenta małoletniemu rodzicowi');
    expect(failure(r).findings?.[0]?.basis).toContain('art. 11 ust. 1a');
    expect((await admin.ok('cases:get', { id: c.id })).state).toBe('WNIOSEK_PS');
    const a = await assign(admin, c, team.ar.id);
    expect(a.ok).toBe(true);
    const v = (await admin.ok('cases:get', { id: c.id })).version;
    const refusal = await team.ar.s.call('cases:transition', { caseId: c.id, version: v, payload: { action: 'recordRefusal', refusedOn: '2026-11-22' } });
    expect(failure(refusal).code).toBe('RULE_BLOCKED');
    const ok = await team.ar.s.ok('cases:transition', { caseId: c.id, version: v, payload: { action: 'recordConsent', basis: { kind: 'art-11-1a', leftInstitutionOn: '2026-11-10', institution: 'MOW w Szczecinku' } } });
    expect(ok.case).toMatchObject({ state: 'ZGODA', consentBasis: 'art-11-1a' });
  });

  it('T17/T18: written refusal closes a consent-based case ("brak zgody"); a court-ordered case cannot be closed that way', async () => {
    const { c } = await referred('Zgodna');
    await assign(admin, c, team.ar.id);
    let v = (await admin.ok('cases:get', { id: c.id })).version;
    const closed = await team.ar.s.ok('cases:transition', { caseId: c.id, version: v, payload: { action: 'recordRefusal', refusedOn: '2026-11-22' } });
    expect(closed.case).toMatchObject({ state: 'ZAMKNIETA', closureReason: 'BRAK_ZGODY' });
    expect((await admin.ok('cases:decisionScreen', {})).assistants[0]!.count).toBe(0);

    const { c: court } = await referred('Sądowa', 'court-order');
    expect(court.courtOrder).toMatchObject({ caseRef: 'III Nsm 123/26' });
    await assign(admin, court, team.ar.id);
    v = (await admin.ok('cases:get', { id: court.id })).version;
    const r = await team.ar.s.call('cases:transition', { caseId: court.id, version: v, payload: { action: 'recordRefusal', refusedOn: '2026-11-22' } });
    expect(failure(r).message).toContain('zobowiązana postanowieniem sądu');
    const ok = await team.ar.s.ok('cases:transition', {
      caseId: court.id,
      version: v,
      payload: { action: 'recordConsent', basis: { kind: 'court-order', court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 123/26', date: '2026-11-02' } },
    });
    expect(ok.case.consentBasis).toBe('court-order');
  });

  it('intake: a court-order source without the order details is refused; urgent sets 2 working days', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const r = await team.ps.s.call('cases:intake', { familyId: f.id, source: 'court-order', learnedOn: '2026-11-20', courtOrder: null });
    expect(failure(r).message).toContain('brakuje: nazwa sądu, sygnatura akt, data postanowienia');
    expect((await admin.ok('cases:list', { familyId: f.id })).length).toBe(0);
    const fut = await team.ps.s.call('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-12-01' });
    expect(failure(fut).fields?.learnedOn).toContain('późniejsza niż dzisiejsza');
    const urgent = await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'institution', learnedOn: '2026-11-20', urgent: true });
    expect(urgent.case.interviewDueOn).toBe('2026-11-24'); // Fri + 2 working days
    expect(urgent.findings.map((x) => x.code)).toContain('INTERVIEW_DUE');
  });

  it('"nie wymaga asystenta" closes the case with "brak przesłanek"; forward and waiting list are recorded', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    let c = (await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-20' })).case;
    c = (await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-21' } })).case;
    c = (await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-21', careDifficultiesFound: false } })).case;
    const req = await team.ps.s.call('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', requestOn: '2026-11-21', justification: 'x' } });
    expect(failure(req).findings?.map((x) => x.code)).toContain('ANALYSIS_NO_DIFFICULTIES_USE_CLOSURE');
    c = (await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'concludeNoAssistantNeeded', decidedOn: '2026-11-21' } })).case;
    expect(c).toMatchObject({ state: 'ZAMKNIETA', closureReason: 'BRAK_PRZESLANEK' });

    const { c: w } = await referred('Czekająca');
    const wl = await admin.ok('cases:transition', { caseId: w.id, version: w.version, payload: { action: 'waitlist', decidedOn: '2026-11-22' } });
    expect(wl.case.state).toBe('LISTA_OCZEKUJACYCH');
    const fw = await admin.ok('cases:transition', {
      caseId: w.id,
      version: wl.case.version,
      payload: { action: 'forward', decidedOn: '2026-11-22', forwardedTo: 'Stowarzyszenie „Rodzina”', forwardKind: 'commissioned-entity' },
    });
    expect(fw.case).toMatchObject({ state: 'SKIEROWANIE_DO_PODMIOTU', forwardedTo: 'Stowarzyszenie „Rodzina”' });
    const { c: rf } = await referred('Odmowna');
    const refused = await admin.call('cases:transition', { caseId: rf.id, version: rf.version, payload: { action: 'refuse', decidedOn: '2026-11-22', reason: '' } });
    const refusal = failure(refused);
    expect(refusal.code).toBe('RULE_BLOCKED');
    expect(refusal.fields?.reason).toEqual(expect.stringMatching(/\S/));
    expect((await admin.ok('cases:get', { id: rf.id })).state).toBe(rf.state);
  });

  it('case number pattern is configurable (JRWA), numbered per year', async () => {
    const st = await admin.ok('office:getCaseSettings', {});
    const bad = await admin.call('office:updateCaseSettings', { ...st, caseNumberPattern: 'OPS.4011' });
    expect(failure(bad).fields?.caseNumberPattern).toContain('{nr}');
    await admin.ok('office:updateCaseSettings', { ...st, caseNumberPattern: 'OPS.4011.2.{nr}.{rok}' });
    const f = (await team.ps.s.ok('families:create', family())).family;
    const a = (await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-20' })).case;
    const b = (await team.ps.s.ok('zz:request', { familyId: f.id, category: 'ZZ1', receivedOn: '2026-11-20' })).case;
    expect([a.caseNumber, b.caseNumber]).toEqual(['OPS.4011.2.1.2026', 'OPS.4011.2.2.2026']);
    const stale = await admin.call('office:updateCaseSettings', { ...st, caseNumberPattern: 'X.{nr}.{rok}' });
    expect(failure(stale).code).toBe('STALE_EDIT');
  });
});

describe('"Za życiem" (art. 8): request, verification, assignment, consent', () => {
  const cert = {
    issuer: 'dr n. med. Ewa Lekarz',
    nfzContracted: true,
    qualification: 'specialization-II' as const,
    field: 'neonatology' as const,
    issuedOn: '2026-10-01',
    condition: 'incurable-life-threatening-illness' as const,
    origin: 'prenatal' as const,
  };

  it('ZZ4 with a certificate from a non-qualifying specialisation is refused with the rule; a valid one passes; one family, two tracks', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const general = await team.ps.s.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-20' });
    const req = await team.ps.s.ok('zz:request', { familyId: f.id, category: 'ZZ4', receivedOn: '2026-11-20', documents: { pregnancyDocument: false, certificate: null } });
    expect(req.case).toMatchObject({ track: 'za-zyciem', state: 'WNIOSEK_ZZ' });
    expect(req.case.reminders.map((r) => r.code)).toEqual(['ZZ_ASSIGNMENT_DUE', 'ZZ_INFORMATION_DUE']);
    const bad = await team.ps.s.call('zz:verify', {
      caseId: req.case.id,
      version: req.case.version,
      verifiedOn: '2026-11-21',
      category: 'ZZ4',
      documents: { pregnancyDocument: false, certificate: { ...cert, field: 'other' } },
    });
    expect(failure(bad).code).toBe('RULE_BLOCKED');
    expect(failure(bad).message).toContain('Zaświadczenie z art. 4 ust. 3 nie spełnia warunków ustawy');
    expect(failure(bad).findings?.map((x) => x.code)).toContain('CERT_FIELD_NOT_ALLOWED');
    expect(failure(bad).fields?.['documents.certificate']).toEqual(expect.stringMatching(/\S/));
    expect((await admin.ok('cases:get', { id: req.case.id })).state).toBe('WNIOSEK_ZZ');

    const ok = await team.ps.s.ok('zz:verify', {
      caseId: req.case.id,
      version: req.case.version,
      verifiedOn: '2026-11-21',
      category: 'ZZ4',
      documents: { pregnancyDocument: false, certificate: cert, medicalCareFromWeek10: false },
    });
    expect(ok.case.state).toBe('WERYFIKACJA');
    expect(ok.findings.map((x) => x.code)).toContain('ZZ_MEDICAL_CARE_WEEK10_NOT_REQUIRED');
    // Health data is masked in case outputs (issue 7); the verifier reveals it on demand (audited).
    expect(ok.case).toMatchObject({ zzDocuments: null, zzDocumentsMasked: true });
    const docs = await team.ps.s.ok('sensitive:reveal', { field: 'zzDocuments', caseId: req.case.id });
    expect(docs.field === 'zzDocuments' && docs.value?.certificate?.issuer).toBe('dr n. med. Ewa Lekarz');
    const screen = await admin.ok('cases:decisionScreen', {});
    expect(screen.awaiting[0]).toMatchObject({ id: req.case.id, assignmentDueOn: '2026-11-22' });
    const as = await admin.ok('cases:transition', { caseId: req.case.id, version: ok.case.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } });
    expect(as.findings.map((x) => x.code)).toContain('CONSENT_DUE');
    expect(as.case.reminders.find((r) => r.code === 'CONSENT_DUE')?.message).toContain('29.11.2026');
    const court = await team.ar.s.call('cases:transition', {
      caseId: req.case.id,
      version: as.case.version,
      payload: { action: 'recordConsent', basis: { kind: 'court-order', court: 'SR', caseRef: '1', date: '2026-11-01' } },
    });
    expect(failure(court).message).toContain('wyłącznie zgoda rodziny');
    const consent = await team.ar.s.ok('cases:transition', {
      caseId: req.case.id,
      version: as.case.version,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } },
    });
    expect(consent.case.state).toBe('KONTAKT_I_ZGODA');
    // Both tracks on one family; the family counts once toward the caseload.
    const list = await admin.ok('families:list', { query: '' });
    expect(list.items[0]!.cases.map((x) => x.track).sort()).toEqual(['general', 'za-zyciem']);
    expect(general.case.track).toBe('general');
  });

  it('ZZ1 without a pregnancy document cannot be verified; the head may refuse it with a reason', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const req = await team.ps.s.ok('zz:request', { familyId: f.id, category: 'ZZ1', receivedOn: '2026-11-22' });
    const r = await team.ps.s.call('zz:verify', { caseId: req.case.id, version: req.case.version, verifiedOn: '2026-11-22', category: 'ZZ1', documents: { pregnancyDocument: false } });
    expect(failure(r).message).toBe('Brak dokumentu potwierdzającego ciążę.');
    const psRefuse = await team.ps.s.call('cases:transition', { caseId: req.case.id, version: req.case.version, payload: { action: 'refuseZz', decidedOn: '2026-11-22', reason: 'Brak dokumentu.' } });
    expect(failure(psRefuse).code).toBe('FORBIDDEN');
    const refused = await admin.ok('cases:transition', { caseId: req.case.id, version: req.case.version, payload: { action: 'refuseZz', decidedOn: '2026-11-22', reason: 'Brak dokumentu potwierdzającego ciążę.' } });
    expect(refused.case).toMatchObject({ state: 'ZAMKNIETA', closureReason: 'ODMOWA_ZZ' });
    const fut = await team.ps.s.call('zz:request', { familyId: f.id, category: 'ZZ2', receivedOn: '2026-11-30' });
    const futureError = failure(fut);
    expect(futureError.code).toBe('RULE_BLOCKED');
    expect(futureError.fields?.receivedOn).toEqual(expect.stringMatching(/\S/));
  });
});

describe('supporting family (art. 29–31)', () => {
  const sf = (caseId: string, conviction = false) => ({
    caseId,
    name: 'Rodzina Kwiatkowskich',
    address: 'ul. Lipowa 4',
    place: 'Grębocin',
    relationToChild: 'sąsiedzi, znają dzieci od urodzenia',
    members: [
      { firstName: 'Jan', lastName: 'Kwiatkowski', finalConvictionIntentionalCrime: conviction },
      { firstName: 'Maria', lastName: 'Kwiatkowska', finalConvictionIntentionalCrime: false },
    ],
    convictionStatementOn: '2026-11-20',
    headOpinion: { positive: true, on: '2026-11-21', interviewOn: '2026-11-18' },
  });

  it('T45: a member with a final conviction blocks the establishment; otherwise act, contract and reimbursements are recorded', async () => {
    const { c } = await referred('Wspierana');
    // Before assignment and consent it cannot be established.
    const early = await team.ps.s.ok('supporting:register', sf(c.id));
    expect(early.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['SUPPORTING_NO_ASSISTANT', 'SUPPORTING_NO_CONSENT']));
    await assign(admin, c, team.ar.id);
    const v = (await admin.ok('cases:get', { id: c.id })).version;
    await team.ar.s.ok('cases:transition', { caseId: c.id, version: v, payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } } });

    const convicted = await team.ar.s.ok('supporting:register', sf(c.id, true));
    const r = await admin.call('supporting:establish', {
      id: convicted.supportingFamily.id,
      version: convicted.supportingFamily.version,
      act: { by: 'wojt', number: 'Zarządzenie 12/2026', on: '2026-11-22' },
    });
    expect(failure(r).message).toBe('Jan Kwiatkowski: prawomocne skazanie za umyślne przestępstwo — rodzina nie może zostać ustanowiona rodziną wspierającą.');
    expect((await admin.ok('supporting:get', { id: convicted.supportingFamily.id })).status).toBe('candidate');

    const noAuth = await admin.call('supporting:establish', {
      id: early.supportingFamily.id,
      version: early.supportingFamily.version,
      act: { by: 'head-authorised', number: '1/2026', on: '2026-11-22' },
    });
    expect(failure(noAuth).message).toContain('upoważnienia wójta');
    const est = await admin.ok('supporting:establish', {
      id: early.supportingFamily.id,
      version: early.supportingFamily.version,
      act: { by: 'head-authorised', authorisation: 'Zarządzenie Wójta nr 5/2026', number: '1/2026', on: '2026-11-22' },
    });
    expect(est.supportingFamily).toMatchObject({ status: 'established', assistantId: team.ar.id });
    const noContract = await admin.call('supporting:addReimbursement', { supportingFamilyId: est.supportingFamily.id, paidOn: '2026-11-22', amountGr: 15000, description: 'Dojazdy' });
    expect(failure(noContract).message).toContain('wymaga umowy');
    const withC = await admin.ok('supporting:setContract', {
      id: est.supportingFamily.id,
      version: est.supportingFamily.version,
      contract: { number: 'U/3/2026', on: '2026-11-22', monthlyLimitGr: 20000, totalLimitGr: 30000 },
    });
    const paid = await admin.ok('supporting:addReimbursement', { supportingFamilyId: est.supportingFamily.id, paidOn: '2026-11-22', amountGr: 15050, description: 'Dojazdy z dzieckiem do poradni' });
    expect(paid.supportingFamily.reimbursedTotalGr).toBe(15050);
    const over = await admin.call('supporting:addReimbursement', { supportingFamilyId: est.supportingFamily.id, paidOn: '2026-11-22', amountGr: 15000, description: 'x' });
    expect(failure(over).message).toContain('przekroczyłaby limit z umowy (300,00');
    expect(withC.supportingFamily.contract?.number).toBe('U/3/2026');
    const card = await admin.ok('families:get', { id: c.familyId });
    expect(card.supportingFamilies.map((s) => s.status).sort()).toEqual(['candidate', 'established']);
  });
});

describe('"Następny krok" in the case (issue 14): each state names the next step, who takes it and its deadline', () => {
  it('referral → request → assignment → consent: the step follows the case, with the deadlines of the engine', async () => {
    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Następny'))).family;
    let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false, courtOrder: null })).case;
    // Referral: the RWŚ, due 14 working days from 2026-11-16 (rozporządzenie o RWŚ).
    expect(c.nextStep).toMatchObject({
      title: 'Przeprowadź rodzinny wywiad środowiskowy',
      roles: ['social_worker', 'admin'],
      target: { kind: 'transition', action: 'recordInterview' },
      deadline: { kind: 'RWS_DUE', dueDate: '2026-12-04', status: 'due-soon', daysLeft: 12 },
    });
    const step = async (s: TestSession, payload: z.input<typeof transitionPayloadSchema>) => {
      c = (await s.ok('cases:transition', { caseId: c.id, version: c.version, payload })).case;
      return c.nextStep;
    };
    expect((await step(ps, { action: 'recordInterview', interviewOn: '2026-11-20' }))?.target).toEqual({ kind: 'transition', action: 'recordAnalysis' });
    expect((await step(ps, { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true }))?.target).toEqual({
      kind: 'transition',
      action: 'submitRequest',
    });
    const decision = await step(ps, { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'Trudności.' });
    expect(decision).toMatchObject({ roles: ['admin'], target: { action: 'assign' }, deadline: null });
    expect(decision?.noDeadline).toContain('niezwłocznie');
    expect((await step(admin, { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' }))?.title).toBe('Nawiąż pierwszy kontakt z rodziną');
    // The assistant's home lists the newly assigned family with that step.
    const home = await team.ar.s.ok('deadlines:mine', {});
    expect(home.newlyAssigned).toEqual([
      expect.objectContaining({ caseId: c.id, assignedOn: '2026-11-22', stateLabel: 'Asystent przydzielony', step: { title: 'Nawiąż pierwszy kontakt z rodziną', dueDate: null, daysLeft: null } }),
    ]);
    // After consent the step opens the initial assessment, due 30 days after consent (office setting).
    const afterConsent = await step(team.ar.s, { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } });
    expect(afterConsent).toMatchObject({
      title: 'Sporządź ocenę wstępną sytuacji rodziny',
      target: { kind: 'work', tab: 'assessments', form: 'initial-assessment' },
      deadline: { kind: 'INITIAL_ASSESSMENT_DUE', dueDate: '2026-12-22' },
    });
    expect((await team.ar.s.ok('deadlines:mine', {})).newlyAssigned).toEqual([]);
    // Everyone who sees the case sees the same step.
    expect((await admin.ok('cases:get', { id: c.id })).nextStep?.key).toBe('general:ZGODA');
  });
});

/**
 * Dates that must be real, through the IPC dispatcher on a real encrypted file (test clock:
 * 2026-11-22, shifted with `later`):
 * - the head's opinion on a supporting family (art. 30 ustawy o wspieraniu rodziny): neither at
 *   registration nor in an edit may the opinion be dated in the future, or the family community
 *   interview come after the opinion or in the future; the refusal names the form field and is
 *   audited with codes only; a negative opinion blocks the establishing act;
 * - a Za życiem catalogue item (art. 8 ustawy „Za życiem”) gets "Data uzyskania / odmowy"
 *   (decided_on, migration 0006): kept only for obtained or refused support, not in the future,
 *   not before the application; missing for an obtained item it is a warning; it is printed in
 *   the catalogue document.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { failure, type TestApp, type TestSession } from '../helpers';
import { advanceDays, consentedCase, family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

const sql = () => app.sql;
const later = (days: number) => advanceDays({ app, admin, team }, days);
const auditOf = (action: string) =>
  sql().prepare('SELECT entity_type AS type, entity_id AS id, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ type: string; id: string; details: string }>;

const candidate = (caseId: string, headOpinion: ChannelInput<'supporting:register'>['headOpinion']): ChannelInput<'supporting:register'> => ({
  caseId,
  name: 'Rodzina Kwiatkowskich',
  address: 'ul. Lipowa 4',
  place: 'Grębocin',
  relationToChild: 'sąsiedzi',
  members: [{ firstName: 'Maria', lastName: 'Kwiatkowska', finalConvictionIntentionalCrime: false }],
  convictionStatementOn: '2026-11-20',
  headOpinion,
});

type SF = ChannelOutput<'supporting:get'>;
const asEdit = (sf: SF, headOpinion: ChannelInput<'supporting:update'>['headOpinion']): ChannelInput<'supporting:update'> => ({
  id: sf.id,
  version: sf.version,
  name: sf.name,
  address: sf.address,
  place: sf.place,
  phone: sf.phone,
  relationToChild: sf.relationToChild,
  members: sf.members.map((m) => ({ ...m })),
  convictionStatementOn: sf.convictionStatementOn,
  headOpinion,
});

describe('the head’s opinion on a supporting family: real dates (art. 30)', () => {
  it('registration with an opinion dated tomorrow, or an interview after the opinion, is refused with the field named; nothing is stored', async () => {
    const { c } = await consentedCase({ admin, team }, 'Wspierana');
    const ar = team.ar.s;

    const tomorrow = await ar.call('supporting:register', candidate(c.id, { positive: true, on: '2026-11-23', interviewOn: '2026-11-18' }));
    expect(failure(tomorrow).code).toBe('RULE_BLOCKED');
    expect(failure(tomorrow).message).toBe('Data opinii kierownika (23.11.2026) jest późniejsza niż dzisiejsza (22.11.2026) — opinię wpisuje się po jej wydaniu.');
    const tomorrowError = failure(tomorrow);
    expect(tomorrowError.fields).toEqual({ 'headOpinion.on': tomorrowError.message });

    const backwards = await ar.call('supporting:register', candidate(c.id, { positive: true, on: '2026-11-18', interviewOn: '2026-11-20' }));
    expect(failure(backwards).findings?.map((f) => f.code)).toEqual(['SUPPORTING_INTERVIEW_AFTER_OPINION']);
    expect(Object.keys(failure(backwards).fields ?? {})).toEqual(['headOpinion.interviewOn']);
    expect(failure(backwards).findings?.[0]?.basis).toContain('ustawy o wspieraniu rodziny');

    const futureInterview = await ar.call('supporting:register', candidate(c.id, { positive: true, on: null, interviewOn: '2026-11-25' }));
    expect(failure(futureInterview).findings?.map((f) => f.code)).toEqual(['SUPPORTING_INTERVIEW_DATE_IN_FUTURE']);

    expect(await ar.ok('supporting:list', { familyId: c.familyId })).toEqual([]);
    // Audited with codes only (no names, no dates of the opinion).
    const refusals = auditOf('supporting.register_refused');
    expect(refusals).toHaveLength(3);
    expect(refusals.map((r) => [r.type, r.id])).toEqual([
      ['case', c.id],
      ['case', c.id],
      ['case', c.id],
    ]);
    expect(JSON.parse(refusals[1]!.details)).toEqual({ codes: ['SUPPORTING_INTERVIEW_AFTER_OPINION'] });
    expect(refusals.map((r) => r.details).join(' ')).not.toMatch(/Kwiatkow|2026-11-1/);

    // The same day for the interview and the opinion is fine.
    const ok = await ar.ok('supporting:register', candidate(c.id, { positive: true, on: '2026-11-22', interviewOn: '2026-11-22' }));
    expect(ok.supportingFamily.headOpinion).toMatchObject({ positive: true, on: '2026-11-22', interviewOn: '2026-11-22' });
  });

  it('an edit of the opinion is checked the same way; a negative opinion is saved but blocks the establishing act', async () => {
    const { c } = await consentedCase({ admin, team }, 'Wspierana');
    const ar = team.ar.s;
    let sf = (await ar.ok('supporting:register', candidate(c.id, { positive: true, on: '2026-11-21', interviewOn: '2026-11-18' }))).supportingFamily;

    const future = await ar.call('supporting:update', asEdit(sf, { positive: true, on: '2026-11-30', interviewOn: '2026-11-18' }));
    expect(failure(future).code).toBe('RULE_BLOCKED');
    expect(Object.keys(failure(future).fields ?? {})).toEqual(['headOpinion.on']);
    const after = await ar.call('supporting:update', asEdit(sf, { positive: true, on: '2026-11-21', interviewOn: '2026-11-22' }));
    expect(failure(after).fields).toEqual({
      'headOpinion.interviewOn': 'Rodzinny wywiad środowiskowy (22.11.2026) nie może być późniejszy niż opinia kierownika (21.11.2026) — opinię wydaje się na podstawie wywiadu.',
    });
    expect(auditOf('supporting.update_refused').map((r) => JSON.parse(r.details))).toEqual([
      { codes: ['SUPPORTING_OPINION_DATE_IN_FUTURE'] },
      { codes: ['SUPPORTING_INTERVIEW_AFTER_OPINION'] },
    ]);
    // Unchanged in the database.
    expect((await ar.ok('supporting:get', { id: sf.id })).headOpinion).toMatchObject({ on: '2026-11-21', interviewOn: '2026-11-18', positive: true });

    // A week later the same opinion date is no longer in the future.
    await later(8);
    sf = (await ar.ok('supporting:get', { id: sf.id }));
    sf = (await ar.ok('supporting:update', asEdit(sf, { positive: true, on: '2026-11-30', interviewOn: '2026-11-18' }))).supportingFamily;
    expect(sf.headOpinion?.on).toBe('2026-11-30');

    // A negative opinion (with proper dates) is recorded, and the head cannot establish the family.
    sf = (await ar.ok('supporting:update', asEdit(sf, { positive: false, on: '2026-11-30', interviewOn: '2026-11-18', justification: 'Warunki mieszkaniowe.' }))).supportingFamily;
    expect(sf.findings.map((f) => f.code)).toContain('SUPPORTING_OPINION_MISSING');
    const act = await admin.call('supporting:establish', { id: sf.id, version: sf.version, act: { by: 'wojt', number: 'OR.0050.1.2026', on: '2026-11-30' } });
    expect(failure(act).code).toBe('RULE_BLOCKED');
    expect(failure(act).message).toBe('Brak pozytywnej opinii kierownika ośrodka wydanej na podstawie rodzinnego wywiadu środowiskowego.');
    expect((await ar.ok('supporting:get', { id: sf.id })).status).toBe('candidate');
  });
});

/** A Za życiem case (ZZ1) assigned to `ar` with consent on 2026-11-22. */
async function zaZyciem(surname: string) {
  const ps = team.ps.s;
  const f = (await ps.ok('families:create', family(surname))).family;
  let c = (await ps.ok('zz:request', { familyId: f.id, category: 'ZZ1', receivedOn: '2026-11-20', documents: { pregnancyDocument: true } })).case;
  c = (await ps.ok('zz:verify', { caseId: c.id, version: c.version, verifiedOn: '2026-11-21', category: 'ZZ1', documents: { pregnancyDocument: true } })).case;
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
  c = (await team.ar.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } } })).case;
  return { f, c };
}

describe('Za życiem catalogue: the date support was obtained or refused', () => {
  it('stored for obtained / refused support, refused in the future, before the application or with another status; printed in the catalogue', async () => {
    const { c } = await zaZyciem('Pawlak');
    const ar = team.ar.s;
    const base = { area: 'rehabilitation' as const, title: 'Turnus rehabilitacyjny dla dziecka', provider: 'PCPR w Toruniu' };

    const early = await ar.call('catalogue:create', { caseId: c.id, ...base, status: 'applied', appliedOn: '2026-11-20', decidedOn: '2026-11-21' });
    expect(failure(early).findings?.map((f) => f.code)).toEqual(['CATALOGUE_DECIDED_ON_WRONG_STATUS']);
    expect(Object.keys(failure(early).fields ?? {})).toEqual(['decidedOn']);
    expect(await ar.ok('catalogue:list', { caseId: c.id })).toEqual([]);

    let item = (await ar.ok('catalogue:create', { caseId: c.id, ...base, status: 'applied', appliedOn: '2026-11-20' })).item;
    expect(item).toMatchObject({ status: 'applied', appliedOn: '2026-11-20', decidedOn: null });

    const future = await ar.call('catalogue:update', { id: item.id, version: item.version, ...base, status: 'obtained', appliedOn: '2026-11-20', decidedOn: '2026-11-23' });
    expect(failure(future).message).toBe('Data uzyskania / odmowy (23.11.2026) jest późniejsza niż dzisiejsza (22.11.2026).');
    expect(Object.keys(failure(future).fields ?? {})).toEqual(['decidedOn']);
    const before = await ar.call('catalogue:update', { id: item.id, version: item.version, ...base, status: 'refused', appliedOn: '2026-11-20', decidedOn: '2026-11-19' });
    expect(failure(before).findings?.map((f) => f.code)).toEqual(['CATALOGUE_DECIDED_BEFORE_APPLIED']);
    expect(auditOf('catalogue.update_refused').map((r) => JSON.parse(r.details))).toEqual([
      { codes: ['CATALOGUE_DECIDED_ON_IN_FUTURE'] },
      { codes: ['CATALOGUE_DECIDED_BEFORE_APPLIED'] },
    ]);

    // Obtained without the date: saved, with a warning asking for it.
    const noDate = await ar.ok('catalogue:update', { id: item.id, version: item.version, ...base, status: 'obtained', appliedOn: '2026-11-20' });
    expect(noDate.findings.map((f) => [f.code, f.severity])).toEqual([['CATALOGUE_DECIDED_ON_MISSING', 'warning']]);
    item = noDate.item;

    const done = await ar.ok('catalogue:update', { id: item.id, version: item.version, ...base, status: 'obtained', appliedOn: '2026-11-20', decidedOn: '2026-11-21' });
    expect(done.findings).toEqual([]);
    expect(done.item).toMatchObject({ status: 'obtained', decidedOn: '2026-11-21', version: 3 });
    expect(sql().prepare('SELECT decided_on AS d FROM catalogue_items WHERE id = ?').get(item.id)).toEqual({ d: '2026-11-21' });
    expect((await ar.ok('catalogue:list', { caseId: c.id }))[0]).toMatchObject({ decidedOn: '2026-11-21' });

    // Printed: "uzyskano 21.11.2026 (wniosek z 20.11.2026)".
    const doc = await admin.ok('documents:html', { caseId: c.id, kind: 'support-catalogue' });
    expect(doc.html).toContain('uzyskano 21.11.2026 (wniosek z 20.11.2026)');

    // Back to "applied": the decision date must go.
    const back = await ar.call('catalogue:update', { id: item.id, version: done.item.version, ...base, status: 'applied', appliedOn: '2026-11-20', decidedOn: '2026-11-21' });
    expect(failure(back).findings?.[0]?.code).toBe('CATALOGUE_DECIDED_ON_WRONG_STATUS');
    const applied = await ar.ok('catalogue:update', { id: item.id, version: done.item.version, ...base, status: 'applied', appliedOn: '2026-11-20', decidedOn: null });
    expect(applied.item.decidedOn).toBeNull();
  });
});

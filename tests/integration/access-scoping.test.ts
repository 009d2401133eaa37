/**
 * Issue 7 — who sees which family, through the IPC dispatcher on a real encrypted file:
 * the head all; an assistant the families of cases assigned to them now (monitoring counts,
 * closed/archived and reassigned cases do not) plus families shared with them for a
 * substitution (active shares only); a social worker what they referred, registered or what is
 * in their area; the data protection officer no family or case content, only the audit log.
 * Every forbidden read is FORBIDDEN and leaves an audit row. PESEL, Niebieska Karta details and
 * Za życiem medical documents are masked in list and card outputs; `sensitive:reveal` returns
 * them and is audited; documents still print the real values.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/ipc/contract';
import { failure, type TestApp, type TestSession } from '../helpers';
import { family, PASSWORD, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

const sql = () => app.sql;

const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error!.code;
};

/** A family registered by `by` (default: the first social worker) with a case assigned to `assistantId` by the head. */
async function assignedFamily(surname: string, assistantId: string, opts: { by?: TestSession; over?: Partial<ChannelInput<'families:create'>> } = {}) {
  const by = opts.by ?? team.ps.s;
  const input = family(surname, opts.over);
  const f = (await by.ok('families:create', input)).family;
  let c = (await by.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16' })).case;
  c = (await by.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
  c = (await by.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
  c = (await by.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'Trudności.' } })).case;
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId, decidedOn: '2026-11-22' } })).case;
  return { f, c, pesel: input.members[0]!.pesel! };
}

/**
 * Fixture arrangement without the lifecycle paperwork (final assessment, closure, a future
 * reassignment): the case row is moved directly, as the services would leave it.
 */
function setCase(caseId: string, set: { state?: string; assistantId?: string }) {
  if (set.state) sql().prepare('UPDATE cases SET state = ? WHERE id = ?').run(set.state, caseId);
  if (set.assistantId) sql().prepare('UPDATE cases SET assistant_id = ? WHERE id = ?').run(set.assistantId, caseId);
}

/** Every kind of read of a family's file: the list, the card, the case, documents and work data. */
async function reads(s: TestSession, familyId: string, caseId: string) {
  const list = await s.call('families:list', { pageSize: 100 });
  return {
    list: list.ok ? list.value.items.some((i) => i.id === familyId) : list.error.code,
    card: await codeOf(s.call('families:get', { id: familyId })),
    cases: await codeOf(s.call('cases:list', { familyId })),
    case: await codeOf(s.call('cases:get', { id: caseId })),
    documents: await codeOf(s.call('documents:list', { caseId })),
    assessments: await codeOf(s.call('assessments:list', { caseId })),
    plan: await codeOf(s.call('plans:current', { caseId })),
    diary: await codeOf(s.call('entries:list', { caseId })),
  };
}

const SEES_ALL = { list: true, card: 'OK', cases: 'OK', case: 'OK', documents: 'OK', assessments: 'OK', plan: 'OK', diary: 'OK' };
const SEES_NOTHING = {
  list: false,
  card: 'FORBIDDEN',
  cases: 'FORBIDDEN',
  case: 'FORBIDDEN',
  documents: 'FORBIDDEN',
  assessments: 'FORBIDDEN',
  plan: 'FORBIDDEN',
  diary: 'FORBIDDEN',
};

async function auditRows(action: string) {
  return (await admin.ok('audit:list', { action, pageSize: 100 })).items;
}

async function dpoSession() {
  await admin.ok('users:create', { login: 'iod', fullName: 'Irena Odolska', role: 'dpo', password: PASSWORD, personalLimit: null });
  const s = app.session();
  await s.ok('auth:login', { login: 'iod', password: PASSWORD });
  return s;
}

describe('access scoping: the head and the assistants', () => {
  it('the head sees every family; an assistant their current cases, monitoring included', async () => {
    const own = await assignedFamily('Wójcik', team.ar.id);
    const monitoring = await assignedFamily('Nowak', team.ar.id);
    setCase(monitoring.c.id, { state: 'MONITORING' });
    const other = await assignedFamily('Kowalska', team.ar2.id);

    expect(await reads(admin, own.f.id, own.c.id)).toEqual(SEES_ALL);
    expect(await reads(admin, other.f.id, other.c.id)).toEqual(SEES_ALL);
    expect(await reads(team.ar.s, own.f.id, own.c.id)).toEqual(SEES_ALL);
    expect(await reads(team.ar.s, monitoring.f.id, monitoring.c.id)).toEqual(SEES_ALL);
    expect(await reads(team.ar.s, other.f.id, other.c.id)).toEqual(SEES_NOTHING);
    expect((await team.ar.s.ok('families:list', {})).items.map((i) => i.id).sort()).toEqual([own.f.id, monitoring.f.id].sort());

    // Each refusal is in the audit log with who and which family (ids only).
    for (const action of ['family.open_forbidden', 'case.open_forbidden', 'document.list_forbidden', 'entries.list_forbidden']) {
      const rows = await auditRows(action);
      expect(rows.some((r) => r.userLogin === 'asliwinska' && r.entityId === other.f.id), action).toBe(true);
    }
  });

  it('a closed or archived case, or one reassigned to someone else, no longer opens the family to the former assistant', async () => {
    const closed = await assignedFamily('Wójcik', team.ar.id);
    setCase(closed.c.id, { state: 'ZAMKNIETA' });
    const archived = await assignedFamily('Nowak', team.ar.id);
    setCase(archived.c.id, { state: 'ARCHIWUM' });
    const moved = await assignedFamily('Lis', team.ar.id);
    setCase(moved.c.id, { assistantId: team.ar2.id });

    expect(await reads(team.ar.s, closed.f.id, closed.c.id)).toEqual(SEES_NOTHING);
    expect(await reads(team.ar.s, archived.f.id, archived.c.id)).toEqual(SEES_NOTHING);
    expect(await reads(team.ar.s, moved.f.id, moved.c.id)).toEqual(SEES_NOTHING);
    // The new assistant of the reassigned case sees it; the head still sees the closed one.
    expect(await reads(team.ar2.s, moved.f.id, moved.c.id)).toEqual(SEES_ALL);
    expect(await reads(admin, closed.f.id, closed.c.id)).toEqual(SEES_ALL);
    expect((await team.ar.s.ok('families:list', {})).total).toBe(0);
  });
});

describe('access scoping: substitution shares (zastępstwa)', () => {
  it('an active share opens the family (marked "zastępstwo do"), logged; expired, planned and revoked shares do not', async () => {
    const active = await assignedFamily('Wójcik', team.ar2.id);
    const expired = await assignedFamily('Nowak', team.ar2.id);
    const planned = await assignedFamily('Lis', team.ar2.id);
    const revoked = await assignedFamily('Kowalska', team.ar2.id);
    const grant = (familyId: string, fromOn: string, untilOn: string) =>
      admin.ok('shares:grant', { familyId, userId: team.ar.id, fromOn, untilOn, reason: 'urlop wypoczynkowy asystenta' });

    const share = await grant(active.f.id, '2026-11-20', '2026-12-11');
    expect(share).toMatchObject({ status: 'active', userName: 'Agnieszka Śliwińska', grantedByName: expect.any(String), revokedAt: null });
    const pastShare = await grant(expired.f.id, '2026-11-22', '2026-11-23');
    await grant(planned.f.id, '2026-12-01', '2026-12-20');
    const toRevoke = await grant(revoked.f.id, '2026-11-22', '2026-12-31');

    expect(await reads(team.ar.s, active.f.id, active.c.id)).toEqual(SEES_ALL);
    expect(await reads(team.ar.s, revoked.f.id, revoked.c.id)).toEqual(SEES_ALL);
    expect(await reads(team.ar.s, planned.f.id, planned.c.id)).toEqual(SEES_NOTHING);

    // The list and the card mark the family as a substitution, and the opening is logged with the share.
    const item = (await team.ar.s.ok('families:list', {})).items.find((i) => i.id === active.f.id)!;
    expect(item.sharedUntil).toBe('2026-12-11');
    const card = await team.ar.s.ok('families:get', { id: active.f.id });
    expect(card.sharedUntil).toBe('2026-12-11');
    const opened = (await auditRows('family.open')).find((r) => r.userLogin === 'asliwinska' && r.entityId === active.f.id)!;
    expect(opened.details).toEqual({ viaShare: share.id });
    // The assigned assistant sees no substitution mark.
    expect((await team.ar2.s.ok('families:get', { id: active.f.id })).sharedUntil).toBeNull();
    // The substitute may keep the diary during the substitution.
    expect(await codeOf(team.ar.s.call('entries:list', { caseId: active.c.id }))).toBe('OK');
    // ... and finds the family's deadlines on the morning screen.
    const mine = await team.ar.s.ok('deadlines:mine', {});
    const caseIds = new Set([...mine.overdue, ...mine.dueSoon, ...mine.upcoming].map((i) => i.caseId));
    expect(caseIds.has(active.c.id)).toBe(true);
    expect(caseIds.has(planned.c.id)).toBe(false);

    // Revocation ends it at once.
    const r = await admin.ok('shares:revoke', { id: toRevoke.id });
    expect(r.status).toBe('revoked');
    expect(await reads(team.ar.s, revoked.f.id, revoked.c.id)).toEqual(SEES_NOTHING);

    // Two days later the short share has expired (the clock is the service's, Europe/Warsaw).
    app.clock.now += 2 * 86_400_000;
    await team.ar.s.call('auth:unlock', { password: PASSWORD });
    await admin.call('auth:unlock', { password: 'Kierowniczka2026' });
    expect(await reads(team.ar.s, expired.f.id, expired.c.id)).toEqual(SEES_NOTHING);
    expect((await admin.ok('shares:list', { familyId: expired.f.id, includeInactive: true }))[0]).toMatchObject({ id: pastShare.id, status: 'expired' });
    expect(await admin.ok('shares:list', { familyId: expired.f.id })).toEqual([]);

    // Grants and revocations are audited with ids and dates, never the reason's text.
    const grants = await auditRows('share.grant');
    expect(grants).toHaveLength(4);
    expect(grants.find((g) => g.entityId === active.f.id)!.details).toMatchObject({ shareId: share.id, userId: team.ar.id, fromOn: '2026-11-20', untilOn: '2026-12-11' });
    expect(JSON.stringify(grants)).not.toContain('urlop');
    expect((await auditRows('share.revoke'))[0]).toMatchObject({ entityId: revoked.f.id, details: expect.objectContaining({ shareId: toRevoke.id }) });
  });

  it('the substitute finds the diary documents in the list, as they may open and print them; without the share neither', async () => {
    const fam = await assignedFamily('Wójcik', team.ar2.id);
    const c = (
      await team.ar2.s.ok('cases:transition', {
        caseId: fam.c.id,
        version: fam.c.version,
        payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } },
      })
    ).case;
    await team.ar2.s.ok('entries:create', { caseId: c.id, kind: 'visit', on: '2026-11-22', start: '10:00', end: '11:00', place: 'home', participants: ['Anna (matka)'], text: 'Rozmowa o budżecie.' });
    const diaryKinds = (l: { documents: Array<{ kind: string }> }) => [...new Set(l.documents.map((d) => d.kind))].filter((k) => ['visit-card', 'visit-diary'].includes(k)).sort();

    // The assigned assistant and the head see the visit documents; a social worker does not.
    expect(diaryKinds(await team.ar2.s.ok('documents:list', { caseId: c.id }))).toEqual(['visit-card', 'visit-diary']);
    expect(diaryKinds(await admin.ok('documents:list', { caseId: c.id }))).toEqual(['visit-card', 'visit-diary']);
    expect(diaryKinds(await team.ps.s.ok('documents:list', { caseId: c.id }))).toEqual([]);

    const share = await admin.ok('shares:grant', { familyId: fam.f.id, userId: team.ar.id, fromOn: '2026-11-22', untilOn: '2026-12-05', reason: 'urlop' });
    const listed = (await team.ar.s.ok('documents:list', { caseId: c.id })).documents.filter((d) => d.kind === 'visit-card' || d.kind === 'visit-diary');
    expect(listed.map((d) => d.kind).sort()).toEqual(['visit-card', 'visit-diary']);
    // What the list offers, the substitute may open.
    for (const d of listed) expect(await codeOf(team.ar.s.call('documents:html', { caseId: c.id, kind: d.kind as 'visit-card', ...(d.ref ? { ref: d.ref } : {}) })), d.kind).toBe('OK');

    // Once the share is revoked the family is out of reach altogether.
    await admin.ok('shares:revoke', { id: share.id });
    expect(await codeOf(team.ar.s.call('documents:list', { caseId: c.id }))).toBe('FORBIDDEN');
  });

  it('only the head grants; the grant is validated (an active assistant, dates, at most 90 days, no overlap)', async () => {
    const fam = await assignedFamily('Wójcik', team.ar2.id);
    const base = { familyId: fam.f.id, userId: team.ar.id, fromOn: '2026-11-23', untilOn: '2026-12-05', reason: 'zwolnienie lekarskie' };
    expect(await codeOf(team.ar2.s.call('shares:grant', base))).toBe('FORBIDDEN');
    expect(await codeOf(team.ps.s.call('shares:grant', base))).toBe('FORBIDDEN');
    expect((await auditRows('access.forbidden')).some((r) => r.userLogin === 'pgorecki' && r.details?.channel === 'shares:grant')).toBe(true);

    const fail = async (over: Partial<typeof base>) => {
      const r = await admin.call('shares:grant', { ...base, ...over });
      return r.ok ? 'OK' : `${r.error.code}: ${Object.values(r.error.fields ?? {})[0] ?? r.error.message}`;
    };
    expect(await fail({ untilOn: '2026-11-22' })).toBe('VALIDATION: Zastępstwo do: data nie może być wcześniejsza niż data początku.');
    expect(await fail({ untilOn: '2027-03-01' })).toContain('najwyżej 90 dni');
    expect(await fail({ fromOn: '2026-11-01', untilOn: '2026-11-21' })).toBe('VALIDATION: Data końca zastępstwa już minęła.');
    expect(await fail({ userId: team.ps.id })).toBe('VALIDATION: Wybierz aktywne konto asystenta rodziny.');
    expect(await fail({ userId: team.ar2.id })).toBe('VALIDATION: Ta osoba prowadzi już sprawę tej rodziny.');
    expect(await fail({ reason: '' })).toContain('Powód zastępstwa');
    expect(await fail({})).toBe('OK');
    expect(await fail({ fromOn: '2026-12-01', untilOn: '2026-12-10' })).toBe('VALIDATION: Okres nakłada się na istniejące zastępstwo.');

    // The assistant lists only their own shares; the head per family and per user.
    expect((await team.ar.s.ok('shares:list', {})).map((s) => s.familyId)).toEqual([fam.f.id]);
    expect(await team.ar2.s.ok('shares:list', {})).toEqual([]);
    expect(await codeOf(team.ar2.s.call('shares:list', { userId: team.ar.id }))).toBe('FORBIDDEN');
    expect((await admin.ok('shares:list', { userId: team.ar.id })).map((s) => s.familyId)).toEqual([fam.f.id]);
    expect((await admin.ok('shares:list', { familyId: fam.f.id }))[0]).toMatchObject({ userId: team.ar.id, reason: 'zwolnienie lekarskie', status: 'planned' });
  });
});

describe('access scoping: social workers and the data protection officer', () => {
  it('with area scoping a social worker sees what they referred, registered or what is in their area', async () => {
    // The set-up below needs the social worker to reach a family outside any area: scoping off first.
    await admin.ok('office:updateCaseSettings', { ...(await admin.ok('office:getCaseSettings', {})), areaScoping: false });
    const inArea = await assignedFamily('Wójcik', team.ar.id, { by: admin, over: { area: 'Rejon II' } });
    const referredFamily = (await admin.ok('families:create', family('Nowak', { area: 'Rejon III' }))).family;
    const referred = (await team.ps2.s.ok('cases:intake', { familyId: referredFamily.id, source: 'social-worker', learnedOn: '2026-11-16' })).case;
    const other = await assignedFamily('Kowalska', team.ar.id, { over: { area: 'Rejon I' } });
    await admin.ok('users:setArea', { id: team.ps2.id, area: 'Rejon II' });
    const st = await admin.ok('office:getCaseSettings', {});
    await admin.ok('office:updateCaseSettings', { ...st, areaScoping: true });

    const ps2 = team.ps2.s;
    const seen = await reads(ps2, inArea.f.id, inArea.c.id);
    // Assessments and the plan yes; the assistant's detailed diary is the assistant's (domain §7.2).
    expect(seen).toEqual({ ...SEES_ALL, diary: 'FORBIDDEN' });
    expect((await reads(ps2, referredFamily.id, referred.id)).card).toBe('OK');
    expect(await reads(ps2, other.f.id, other.c.id)).toEqual(SEES_NOTHING);
    expect((await ps2.ok('families:list', {})).items.map((i) => i.id).sort()).toEqual([inArea.f.id, referredFamily.id].sort());
    expect((await auditRows('family.open_forbidden')).some((r) => r.userLogin === 'jlis' && r.entityId === other.f.id)).toBe(true);
  });

  it('a duplicate in a family outside the social worker\'s scope still blocks, but names no one; every lookup is audited with ids only', async () => {
    // Registered by the first social worker in Rejon I; the second has no area (scoping is on by default).
    const input = family('Kowalska', { address: 'ul. Leśna 1' });
    const other = (await team.ps.s.ok('families:create', input)).family;
    const ps2 = team.ps2.s;
    expect(await codeOf(ps2.call('families:get', { id: other.id }))).toBe('FORBIDDEN');
    const anna = input.members[0]!;

    // The same PESEL: a blocking finding, but no name, birth date, address, case number or id.
    const byPesel = await ps2.ok('families:checkDuplicates', { members: [{ firstName: 'Ania', lastName: 'Nowak', pesel: anna.pesel! }] });
    expect(byPesel.duplicates).toEqual([
      { kind: 'pesel', familyId: '', familyLabel: '', memberName: '', pesel: null, birthDate: '', memberIndex: 0, outsideScope: true },
    ]);
    expect(byPesel.findings.map((x) => [x.code, x.severity])).toEqual([['FAMILY_DUPLICATE_PESEL_ELSEWHERE', 'blocker']]);
    expect(byPesel.findings[0]!.message).toBe(
      'Osoba o tym numerze PESEL jest już zarejestrowana w ośrodku, w kartotece, do której nie masz dostępu — nie zakładaj drugiej kartoteki, zapytaj kierownika ośrodka.',
    );
    // Name + birth date: a warning to acknowledge, just as anonymous.
    const byName = await ps2.ok('families:checkDuplicates', { members: [{ firstName: 'Anna', lastName: 'Kowalska', birthDate: '1990-04-12' }] });
    expect(byName.duplicates).toEqual([expect.objectContaining({ kind: 'name-birth', familyId: '', memberName: '', outsideScope: true })]);
    expect(byName.findings.map((x) => [x.code, x.severity])).toEqual([['FAMILY_DUPLICATE_NAME_BIRTH_ELSEWHERE', 'warning']]);
    const leaks = ['Kowalska', 'Leśna', '12.04.1990', '1990-04-12', other.id, anna.pesel!.slice(-4)];
    for (const out of [byPesel, byName]) {
      const text = JSON.stringify(out);
      for (const leak of leaks) expect(text, leak).not.toContain(leak);
    }

    // Registering the person again is still refused, with the same anonymous answer.
    const again = family('Nowak', { area: '' });
    again.members[0]!.pesel = anna.pesel!;
    const refused = failure(await ps2.call('families:create', again));
    expect(refused.code).toBe('DUPLICATE_FAMILY');
    expect(refused.message).toContain('jest już zarejestrowana w ośrodku');
    for (const leak of leaks) expect(JSON.stringify(refused), leak).not.toContain(leak);
    const similar = family('Kowalska', { area: '' });
    similar.members = [{ firstName: 'Anna', lastName: 'Kowalska', birthDate: '1990-04-12', isChild: false, relation: 'matka' }];
    const warned = failure(await ps2.call('families:create', similar));
    expect(warned.code).toBe('DUPLICATE_WARNING');
    expect(warned.findings?.map((x) => x.code)).toEqual(['FAMILY_DUPLICATE_NAME_BIRTH_ELSEWHERE']);
    for (const leak of leaks) expect(JSON.stringify(warned), leak).not.toContain(leak);

    // The social worker who registered the family, and the head, still see who it is.
    const own = await team.ps.s.ok('families:checkDuplicates', { members: [{ firstName: 'Anna', lastName: 'Kowalska', pesel: anna.pesel! }] });
    expect(own.duplicates).toEqual([expect.objectContaining({ kind: 'pesel', familyId: other.id, memberName: 'Anna Kowalska' })]);
    expect(own.findings[0]!.code).toBe('FAMILY_DUPLICATE_PESEL');
    expect((await admin.ok('families:checkDuplicates', { members: [{ firstName: 'A', lastName: 'B', pesel: anna.pesel! }] })).duplicates[0]!.familyId).toBe(other.id);

    // Each lookup is in the audit log: who, which family (id), nothing personal.
    const rows = (await auditRows('family.duplicate_check')).filter((r) => r.userLogin === 'jlis');
    expect(rows.filter((r) => r.entityId === other.id).length).toBe(4); // two checks and two refused saves
    const nothing = await ps2.ok('families:checkDuplicates', { members: [{ firstName: 'Jan', lastName: 'Zieliński', birthDate: '1970-01-01' }] });
    expect(nothing.duplicates).toEqual([]);
    const all = (await auditRows('family.duplicate_check')).filter((r) => r.userLogin === 'jlis');
    expect(all.length).toBe(5);
    expect(all.find((r) => r.entityId === null)).toBeDefined();
    const logged = JSON.stringify(all);
    for (const leak of [...leaks.slice(0, 4), 'Zieliński', '1970', anna.pesel!]) expect(logged, leak).not.toContain(leak);
    expect(rows[0]).toMatchObject({ entityType: 'family', details: expect.objectContaining({ outsideScope: true }) });
  });

  it('the data protection officer reads the audit log and the accounts, and no family or case content', async () => {
    const own = await assignedFamily('Wójcik', team.ar.id);
    const iod = await dpoSession();
    expect(await reads(iod, own.f.id, own.c.id)).toEqual({ ...SEES_NOTHING, list: 'FORBIDDEN' });
    for (const [channel, input] of [
      ['sensitive:reveal', { field: 'pesel', familyId: own.f.id, memberId: own.f.members[0]!.id }],
      ['supporting:list', {}],
      ['deadlines:mine', {}],
      ['shares:list', {}],
      ['documents:html', { caseId: own.c.id, kind: 'zgloszenie' }],
    ] as const) {
      expect(await codeOf(iod.call(channel as 'supporting:list', input as never)), channel).toBe('FORBIDDEN');
    }
    const log = await iod.ok('audit:list', { pageSize: 200 });
    expect(log.total).toBeGreaterThan(0);
    expect(log.items.some((r) => r.action === 'access.forbidden' && r.userLogin === 'iod')).toBe(true);
    expect((await iod.ok('users:list', {})).map((u) => u.login)).toContain('iod');
    expect(await codeOf(iod.call('users:create', { login: 'x1', fullName: 'X Y', role: 'assistant', password: PASSWORD, personalLimit: null }))).toBe('FORBIDDEN');
    // Nothing the officer could read carries a member's PESEL.
    expect(JSON.stringify(log)).not.toContain(own.pesel);
  });
});

describe('masking of sensitive fields', () => {
  it('list and card outputs never carry the PESEL or the NK details; reveal returns them and is logged', async () => {
    const nk = { active: true, startedOn: '2026-10-01', status: 'active' as const, gdpContact: 'GDP Lubicz, tel. 56 000 00 00' };
    const own = await assignedFamily('Wójcik', team.ar.id, { over: { niebieskaKarta: nk } });

    for (const s of [admin, team.ar.s, team.ps.s]) {
      const list = await s.ok('families:list', {});
      const card = await s.ok('families:get', { id: own.f.id });
      const out = JSON.stringify([list, card]);
      expect(out).not.toContain(own.pesel);
      expect(out).not.toContain('GDP Lubicz');
      expect(card.members[0]!.pesel).toBe(`•••••••${own.pesel.slice(-4)}`);
      expect(card.niebieskaKarta).toMatchObject({ active: true, status: 'active', gdpContact: '' });
      expect(card.masked.niebieskaKarta).toBe(true);
    }
    // The create/update outputs are cards too.
    expect(JSON.stringify(own.f)).not.toContain(own.pesel);

    const head = own.f.members[0]!;
    const revealed = await team.ar.s.ok('sensitive:reveal', { field: 'pesel', familyId: own.f.id, memberId: head.id });
    expect(revealed).toEqual({ field: 'pesel', value: own.pesel });
    const nkRevealed = await team.ar.s.ok('sensitive:reveal', { field: 'niebieskaKarta', familyId: own.f.id });
    expect(nkRevealed).toEqual({ field: 'niebieskaKarta', value: nk });
    const rows = await auditRows('sensitive.reveal');
    expect(rows.map((r) => [r.userLogin, r.entityId, r.details])).toEqual([
      ['asliwinska', own.f.id, { field: 'niebieskaKarta', purpose: 'view' }],
      ['asliwinska', own.f.id, { field: 'pesel', memberId: head.id, purpose: 'view' }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(own.pesel);

    // Outside the scope: FORBIDDEN, audited.
    const other = await assignedFamily('Nowak', team.ar2.id);
    expect(await codeOf(team.ar.s.call('sensitive:reveal', { field: 'pesel', familyId: other.f.id, memberId: other.f.members[0]!.id }))).toBe('FORBIDDEN');
    expect((await auditRows('sensitive.reveal_forbidden'))[0]).toMatchObject({ userLogin: 'asliwinska', entityId: other.f.id });
    // A member of another family cannot be reached through one's own family id.
    expect(await codeOf(team.ar.s.call('sensitive:reveal', { field: 'pesel', familyId: own.f.id, memberId: other.f.members[0]!.id }))).toBe('NOT_FOUND');

  });

  it('editing with the masked card: an unchanged mask keeps the PESEL, a wrong mask is refused, hidden NK details are kept', async () => {
    const nk = { active: true, startedOn: '2026-10-01', status: 'active' as const, gdpContact: 'GDP Lubicz' };
    const own = await assignedFamily('Wójcik', team.ar.id, { over: { niebieskaKarta: nk } });
    const card = await team.ar.s.ok('families:get', { id: own.f.id });
    const asInput = (c: typeof card) => ({
      id: c.id,
      version: c.version,
      address: c.address,
      postalCode: c.postalCode,
      place: 'Lubicz Dolny',
      gmina: c.gmina,
      area: c.area,
      phone: c.phone,
      niebieskaKarta: c.niebieskaKarta,
      members: c.members.map((m) => ({ id: m.id, firstName: m.firstName, lastName: m.lastName, pesel: m.pesel, birthDate: m.pesel ? null : m.birthDate, isChild: m.isChild, relation: m.relation, isHead: m.isHead })),
    });

    // A mask that is not this member's own mask is refused with a clear message.
    const wrong = asInput(card);
    wrong.members[0]!.pesel = '•••••••0000';
    const r = await team.ar.s.call('families:update', wrong);
    expect(failure(r).code).toBe('VALIDATION');
    expect(failure(r).fields?.['members.0.pesel']).toContain('PESEL jest ukryty');
    // A new family cannot be created with a masked PESEL either.
    const created = family('Lis');
    created.members[0]!.pesel = '•••••••1234';
    expect(await codeOf(team.ps.s.call('families:create', created))).toBe('VALIDATION');

    // Sending the card back unchanged (masks, hidden NK details) keeps the stored values.
    const saved = await team.ar.s.ok('families:update', { ...asInput(card), keepNiebieskaKartaDetails: true });
    expect(saved.family.place).toBe('Lubicz Dolny');
    const stored = sql().prepare('SELECT pesel FROM family_members WHERE id = ?').get(card.members[0]!.id) as { pesel: string };
    expect(stored.pesel).toBe(own.pesel);
    const nkStored = sql().prepare('SELECT niebieska_karta AS nk FROM families WHERE id = ?').get(own.f.id) as { nk: string };
    expect(JSON.parse(nkStored.nk)).toMatchObject({ startedOn: '2026-10-01', gdpContact: 'GDP Lubicz' });
    // A real new number replaces it.
    const again = await team.ar.s.ok('families:get', { id: own.f.id });
    const changed = asInput(again);
    changed.members[1]!.pesel = '';
    changed.members[1]!.birthDate = '2015-06-01';
    await team.ar.s.ok('families:update', { ...changed, keepNiebieskaKartaDetails: true });
    expect((sql().prepare('SELECT pesel FROM family_members WHERE id = ?').get(again.members[1]!.id) as { pesel: string | null }).pesel).toBeNull();
  });

  it('Za życiem medical documents (health data) are masked in the case view and revealed on demand', async () => {
    const input = family('Wójcik');
    const f = (await team.ps.s.ok('families:create', input)).family;
    const documents = {
      pregnancyDocument: true,
      certificate: {
        issuer: 'dr n. med. Ewa Lekarz',
        nfzContracted: true,
        qualification: 'specialization-II' as const,
        field: 'perinatology' as const,
        issuedOn: '2026-11-10',
        condition: 'severe-irreversible-impairment' as const,
        origin: 'prenatal' as const,
      },
      medicalCareFromWeek10: true,
    };
    const c = (await team.ps.s.ok('zz:request', { familyId: f.id, category: 'ZZ1', receivedOn: '2026-11-20', documents })).case;
    expect(c.zzDocuments).toBeNull();
    expect(c.zzDocumentsMasked).toBe(true);
    const view = await admin.ok('cases:get', { id: c.id });
    expect(JSON.stringify(view)).not.toContain('Ewa Lekarz');
    const revealed = await admin.ok('sensitive:reveal', { field: 'zzDocuments', caseId: c.id });
    expect(revealed.field === 'zzDocuments' && revealed.value?.certificate?.issuer).toBe('dr n. med. Ewa Lekarz');
    expect((await auditRows('sensitive.reveal'))[0]).toMatchObject({ entityId: c.id, details: { field: 'zzDocuments', familyId: f.id, purpose: 'view' } });

    // The printed request keeps the real values (documents read the database directly).
    const printed = await admin.ok('documents:html', { caseId: c.id, kind: 'za-zyciem-request' });
    expect(printed.html).toContain(input.members[0]!.pesel!);
    expect(printed.html).toContain('Ewa Lekarz');
  });
});

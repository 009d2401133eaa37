import { describe, expect, it } from 'vitest';
import { makePesel } from '../../db/demo/generate';
import { failure, type TestSession } from '../helpers';
import { family, useStaffedOffice, type Staff } from './registryFixtures';

let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ admin, team } = o));

const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error!.code;
};

describe('registry: a social worker records a family', () => {
  it('creates a family with PESEL-derived birth dates and sex, and the card shows members, placement and flags', async () => {
    const input = family('Wójcik', {
      niebieskaKarta: { active: true, startedOn: '2026-10-01', status: 'active', gdpContact: 'GDP Lubicz, tel. 56 000 00 00' },
      courtSupervision: { active: true, court: 'Sąd Rejonowy w Toruniu', kuratorName: 'Jan Kurator', kuratorPhone: '', since: '2026-01-10' },
      safetyNote: 'Agresywny pies na posesji.',
      parentalAuthority: 'limited',
    });
    input.members[1]!.placement = {
      kind: 'foster-care',
      since: '2026-01-20',
      form: 'rodzina zastępcza spokrewniona',
      pcpr: 'PCPR w Toruniu',
      krpz: { name: 'Ewa Koordynator', phone: '56 111 11 11', email: '', address: 'ul. Towarowa 4, Toruń' },
    };
    const { family: f, warnings } = await team.ps.s.ok('families:create', input);
    expect(warnings).toEqual([]);
    expect(f.members[0]).toMatchObject({ firstName: 'Anna', birthDate: '1990-04-12', sex: 'F', isChild: false, isHead: true });
    expect(f.members[2]).toMatchObject({ birthDate: '2019-02-03', sex: null, pesel: null });
    expect(f.members[1]!.placement).toMatchObject({ kind: 'foster-care', pcpr: 'PCPR w Toruniu', krpz: { name: 'Ewa Koordynator' } });
    // Issue 7: the NK flag stays visible, its details are masked in card outputs (revealed on demand).
    expect(f.niebieskaKarta).toMatchObject({ active: true, status: 'active', gdpContact: '' });
    expect(f.masked.niebieskaKarta).toBe(true);
    const nk = await team.ps.s.ok('sensitive:reveal', { field: 'niebieskaKarta', familyId: f.id });
    expect(nk.value).toMatchObject({ active: true, gdpContact: 'GDP Lubicz, tel. 56 000 00 00' });
    expect(f.parentalAuthority).toBe('limited');

    const card = await admin.ok('families:get', { id: f.id });
    expect(card.safetyNote).toBe('Agresywny pies na posesji.');
    expect(card.members).toHaveLength(3);
    const list = await admin.ok('families:list', { query: 'wojcik' });
    expect(list.items[0]).toMatchObject({ id: f.id, headName: 'Anna Wójcik', membersCount: 3, childrenCount: 2, nkActive: true, hasSafetyNote: true });
    const audit = await admin.ok('audit:list', { action: 'family.open' });
    expect(audit.items[0]).toMatchObject({ entityId: f.id, userLogin: 'admin' });
    expect((await admin.ok('audit:list', { action: 'family.create' })).items[0]).toMatchObject({ userLogin: 'kbakowska', entityId: f.id });
  });

  it('searches diacritics-insensitively by surname prefix, PESEL, address and case number; filters and paginates', async () => {
    const aInput = family('Żółkiewska');
    const a = (await team.ps.s.ok('families:create', aInput)).family;
    const b = (await team.ps.s.ok('families:create', family('Łuczak', { address: 'ul. Źródlana 9' }))).family;
    await team.ps.s.ok('families:create', family('Nowak'));
    expect((await admin.ok('families:list', { query: 'zolk' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await admin.ok('families:list', { query: 'ŁUCZ' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await admin.ok('families:list', { query: 'zrodlana' })).items.map((i) => i.id)).toEqual([b.id]);
    // The card masks the PESEL (issue 7): search with the number as typed at registration.
    expect((await admin.ok('families:list', { query: aInput.members[0]!.pesel! })).items.map((i) => i.id)).toEqual([a.id]);
    const c = await team.ps.s.ok('cases:intake', { familyId: b.id, source: 'social-worker', learnedOn: '2026-11-20' });
    expect(c.case.caseNumber).toBe('GOPS.4011.1.2026');
    expect((await admin.ok('families:list', { query: 'gops.4011.1.2026' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await admin.ok('families:list', { state: 'ZGLOSZENIE' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await admin.ok('families:list', { track: 'za-zyciem' })).total).toBe(0);
    const sorted = await admin.ok('families:list', { pageSize: 2, page: 1 });
    expect(sorted.total).toBe(3);
    expect(sorted.items.map((i) => i.headName)).toEqual(['Anna Łuczak', 'Anna Nowak']);
    expect((await admin.ok('families:list', { pageSize: 2, page: 2 })).items.map((i) => i.headName)).toEqual(['Anna Żółkiewska']);
  });
});

describe('registry: bad input gets a clear answer and nothing is stored', () => {
  const count = async () => (await admin.ok('families:list', {})).total;

  it('invalid PESEL: names the member, the field and the rule', async () => {
    const input = family();
    input.members[0]!.pesel = '90041212345';
    const r = await team.ps.s.call('families:create', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.['members.0.pesel']).toMatch(/Anna Wójcik: PESEL 90041212345 jest nieprawidłowy — cyfra kontrolna/);
    expect(r.error.findings?.[0]?.basis).toContain('ewidencji ludności');
    expect(await count()).toBe(0);
  });

  it('birth date in the future', async () => {
    const input = family();
    input.members[2]!.birthDate = '2027-01-01';
    const r = await team.ps.s.call('families:create', input);
    expect(failure(r).fields?.['members.2.birthDate']).toContain('jest późniejsza niż dzisiejsza (22.11.2026)');
    expect(await count()).toBe(0);
  });

  it('a PESEL encoding a future birth date is refused too', async () => {
    const input = family();
    input.members[1]!.pesel = makePesel('2027-03-01', 'F', 5);
    const r = await team.ps.s.call('families:create', input);
    expect(failure(r).fields?.['members.1.pesel']).toContain('01.03.2027');
  });

  it('a minor as the only adult (art. 10 § 1 KC)', async () => {
    const input = family();
    input.members[0] = { firstName: 'Oliwia', lastName: 'Wójcik', birthDate: '2010-05-05', isChild: false, relation: 'matka', isHead: true };
    const r = await team.ps.s.call('families:create', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('Oliwia Wójcik ma 16 lat — osoba małoletnia nie może być jedyną osobą dorosłą');
    expect(r.error.fields?.['members.0.isChild']).toBeDefined();
    expect(r.error.findings?.[0]?.basis).toBe('art. 10 § 1 Kodeksu cywilnego');
    expect(await count()).toBe(0);
    // With an adult grandmother beside her the family is accepted.
    input.members.push({ firstName: 'Halina', lastName: 'Wójcik', birthDate: '1965-01-01', isChild: false, relation: 'babcia' });
    expect((await team.ps.s.call('families:create', input)).ok).toBe(true);
  });

  it('no adult at all', async () => {
    const input = family();
    input.members[0]!.isChild = true;
    const r = await team.ps.s.call('families:create', input);
    expect(failure(r).message).toBe('Rodzina musi mieć co najmniej jedną osobę dorosłą (rodzica lub opiekuna).');
  });

  it('duplicates: the same PESEL in another family blocks; name + birth date must be acknowledged', async () => {
    const firstInput = family();
    const first = (await team.ps.s.ok('families:create', firstInput)).family;
    const again = family('Kowalska');
    again.members[0]!.pesel = firstInput.members[0]!.pesel; // the card's PESEL is masked (issue 7)
    const r = await team.ps.s.call('families:create', again);
    expect(failure(r).code).toBe('DUPLICATE_FAMILY');
    expect(failure(r).fields?.['members.0.pesel']).toContain('jest już w kartotece rodziny');

    const similar = family('Wojcik'); // same name without diacritics, same birth date, no PESEL
    similar.members = [{ firstName: 'Anna', lastName: 'Wojcik', birthDate: '1990-04-12', isChild: false, relation: 'matka' }];
    const dup = await team.ps.s.ok('families:checkDuplicates', { members: similar.members });
    expect(dup.duplicates).toEqual([expect.objectContaining({ kind: 'name-birth', familyId: first.id, memberIndex: 0 })]);
    const w = await team.ps.s.call('families:create', similar);
    expect(failure(w).code).toBe('DUPLICATE_WARNING');
    expect(failure(w).findings?.[0]?.code).toBe('FAMILY_DUPLICATE_NAME_BIRTH');
    expect(await count()).toBe(1);
    const ok = await team.ps.s.ok('families:create', { ...similar, acknowledgeDuplicates: true });
    expect(ok.warnings.map((x) => x.code)).toEqual(['FAMILY_DUPLICATE_NAME_BIRTH']);
  });

  it('stale edit: the second window is refused and the first save stays', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const base = { ...family(), id: f.id, version: f.version, members: f.members.map((m) => ({ ...m, birthDate: m.birthDate })) };
    const one = await team.ps.s.ok('families:update', { ...base, address: 'ul. Leśna 1' });
    expect(one.family.version).toBe(f.version + 1);
    const two = await admin.call('families:update', { ...base, address: 'ul. Długa 2' });
    expect(failure(two).code).toBe('STALE_EDIT');
    expect(failure(two).message).toContain('Ktoś inny zmienił te dane');
    const card = await admin.ok('families:get', { id: f.id });
    expect(card.address).toBe('ul. Leśna 1');
    expect(card.version).toBe(f.version + 1);
  });

  it('update adds, changes and removes members; invalid member data leaves the family unchanged', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    const members = f.members.map((m) => ({ ...m }));
    members[0]!.phone = '501 502 503';
    members.splice(2, 1);
    members.push({ ...members[1]!, id: undefined as unknown as string, firstName: 'Maja', pesel: null, birthDate: '2024-01-01' });
    const up = await team.ps.s.ok('families:update', { ...family(), id: f.id, version: f.version, members });
    expect(up.family.members.map((m) => m.firstName)).toEqual(['Anna', 'Zuzanna', 'Maja']);
    const bad = up.family.members.map((m) => ({ ...m }));
    bad[2]!.birthDate = '2030-01-01';
    const r = await team.ps.s.call('families:update', { ...family(), id: f.id, version: up.family.version, members: bad });
    expect(failure(r).code).toBe('VALIDATION');
    const card = await admin.ok('families:get', { id: f.id });
    expect(card.version).toBe(up.family.version);
    expect(card.members[2]!.birthDate).toBe('2024-01-01');
  });
});

describe('registry: who sees which family', () => {
  it('an assistant sees only families of their cases; opening another is refused and audited', async () => {
    const f = (await team.ps.s.ok('families:create', family())).family;
    expect((await team.ar.s.ok('families:list', {})).total).toBe(0);
    expect(await codeOf(team.ar.s.call('families:get', { id: f.id }))).toBe('FORBIDDEN');
    expect(await codeOf(team.ar.s.call('families:create', family('Nowak')))).toBe('FORBIDDEN');
    const audit = await admin.ok('audit:list', { action: 'family.open_forbidden' });
    expect(audit.items[0]).toMatchObject({ userLogin: 'asliwinska', entityId: f.id });
  });

  it('area scoping is on by default (privacy by default): a social worker sees only their area (and families they registered); the head may turn it off', async () => {
    const inArea = (await admin.ok('families:create', family('Nowak', { area: 'Rejon I' }))).family;
    const other = (await admin.ok('families:create', family('Kowalska', { area: 'Rejon II' }))).family;
    await admin.ok('users:setArea', { id: team.ps.id, area: 'Rejon I' });
    const st = await admin.ok('office:getCaseSettings', {});
    expect(st).toMatchObject({ areaScoping: true, monitoringCounts: false, caseNumberPattern: 'GOPS.4011.{nr}.{rok}' });
    // Turned off by the head, everyone in the office sees everything; back on, only the area.
    const off = await admin.ok('office:updateCaseSettings', { ...st, areaScoping: false });
    expect((await team.ps.s.ok('families:list', {})).total).toBe(2);
    await admin.ok('office:updateCaseSettings', { ...off, areaScoping: true });
    expect((await team.ps.s.ok('families:list', {})).items.map((i) => i.id)).toEqual([inArea.id]);
    expect(await codeOf(team.ps.s.call('families:get', { id: other.id }))).toBe('FORBIDDEN');
    expect(await codeOf(team.ps.s.call('cases:intake', { familyId: other.id, source: 'social-worker', learnedOn: '2026-11-20' }))).toBe('FORBIDDEN');
    // The other social worker has no area: only what they registered themselves.
    const own = (await team.ps2.s.ok('families:create', family('Lis', { area: 'Rejon III' }))).family;
    expect((await team.ps2.s.ok('families:list', {})).items.map((i) => i.id)).toEqual([own.id]);
    const audit = await admin.ok('audit:list', { action: 'family.open_forbidden' });
    expect(audit.items[0]).toMatchObject({ userLogin: 'kbakowska', entityId: other.id });
    // The head sees all.
    expect((await admin.ok('families:list', {})).total).toBe(3);
  });
});

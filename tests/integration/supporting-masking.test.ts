/**
 * Issue 7 follow-up — the PESEL of a supporting family's members, through the IPC dispatcher on a
 * real encrypted file: masked ("•••••••1234") in every supporting-family output; revealed one at a
 * time through `sensitive:reveal` (`supportingPesel`, the member's index in the list) by someone who
 * sees the supported family, each reveal in the audit log with ids only; in an edit a mask equal
 * to the member's own mask keeps the stored number, any other masked value is refused in Polish;
 * printed documents read the stored values.
 */
import { describe, expect, it } from 'vitest';
import { makePesel } from '../../db/demo/generate';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { failure, type TestApp, type TestSession } from '../helpers';
import { family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

const sql = () => app.sql;
const mask = (pesel: string) => `•••••••${pesel.slice(-4)}`;
const codeOf = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
  const r = await p;
  return r.ok ? 'OK' : r.error!.code;
};

const MARIA = makePesel('1968-03-14', 'F', 401);
const JAN = makePesel('1965-09-02', 'M', 402);

/** A family with a case assigned to the first assistant, consent recorded (clock: 2026-11-22). */
async function supported() {
  const ps = team.ps.s;
  const f = (await ps.ok('families:create', family('Wspierana'))).family;
  let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16' })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'Trudności.' } })).case;
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
  c = (
    await team.ar.s.ok('cases:transition', {
      caseId: c.id,
      version: c.version,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } },
    })
  ).case;
  const reg = await team.ar.s.ok('supporting:register', {
    caseId: c.id,
    name: 'Rodzina Kwiatkowskich',
    address: 'ul. Lipowa 4',
    place: 'Grębocin',
    relationToChild: 'sąsiedzi',
    members: [
      { firstName: 'Maria', lastName: 'Kwiatkowska', pesel: MARIA, finalConvictionIntentionalCrime: false },
      { firstName: 'Jan', lastName: 'Kwiatkowski', pesel: JAN, finalConvictionIntentionalCrime: false },
      { firstName: 'Ola', lastName: 'Kwiatkowska', birthDate: '2005-05-05', finalConvictionIntentionalCrime: false },
    ],
    convictionStatementOn: '2026-11-20',
    headOpinion: { positive: true, on: '2026-11-21', interviewOn: '2026-11-18' },
  });
  return { f, c, sf: reg.supportingFamily };
}

type SF = ChannelOutput<'supporting:get'>;
/** The edit form's payload: what the card shows, sent back. */
const asEdit = (sf: SF): ChannelInput<'supporting:update'> => ({
  id: sf.id,
  version: sf.version,
  name: sf.name,
  address: sf.address,
  place: sf.place,
  phone: sf.phone,
  relationToChild: sf.relationToChild,
  members: sf.members.map((m) => ({ ...m })),
  convictionStatementOn: sf.convictionStatementOn,
  headOpinion: sf.headOpinion,
});
const storedPesels = (id: string) =>
  (JSON.parse((sql().prepare('SELECT members FROM supporting_families WHERE id = ?').get(id) as { members: string }).members) as Array<{ firstName: string; pesel: string | null }>).map(
    (m) => [m.firstName, m.pesel],
  );

async function auditRows(action: string) {
  return (await admin.ok('audit:list', { action, pageSize: 100 })).items;
}

describe('supporting families: PESEL of members masked, revealed on demand', () => {
  it('every output carries the mask; the head and the assistant reveal one by index, logged with ids only; others are refused', async () => {
    const { f, sf } = await supported();
    expect(sf.members.map((m) => m.pesel)).toEqual([mask(MARIA), mask(JAN), null]);

    for (const s of [admin, team.ar.s, team.ps.s]) {
      const out = JSON.stringify([await s.ok('supporting:list', { familyId: f.id }), await s.ok('supporting:get', { id: sf.id }), await s.ok('supporting:list', {})]);
      expect(out).not.toContain(MARIA);
      expect(out).not.toContain(JAN);
      expect(out).toContain(mask(MARIA));
    }

    expect(await team.ar.s.ok('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: 0 })).toEqual({
      field: 'supportingPesel',
      value: MARIA,
    });
    expect(await admin.ok('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: 1, purpose: 'edit' })).toEqual({
      field: 'supportingPesel',
      value: JAN,
    });
    // A member without a number: null. An index past the list or a wrong id: not found. A negative index: invalid.
    expect(await team.ar.s.ok('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: 2 })).toEqual({ field: 'supportingPesel', value: null });
    expect(await codeOf(team.ar.s.call('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: 3 }))).toBe('NOT_FOUND');
    expect(await codeOf(team.ar.s.call('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: 'nie-ma', memberIndex: 0 }))).toBe('NOT_FOUND');
    expect(await codeOf(team.ar.s.call('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: -1 }))).toBe('VALIDATION');

    const rows = await auditRows('sensitive.reveal');
    expect(rows.map((r) => [r.userLogin, r.entityType, r.entityId, r.details])).toEqual([
      ['asliwinska', 'supporting_family', sf.id, { field: 'supportingPesel', familyId: f.id, memberIndex: 2, purpose: 'view' }],
      ['admin', 'supporting_family', sf.id, { field: 'supportingPesel', familyId: f.id, memberIndex: 1, purpose: 'edit' }],
      ['asliwinska', 'supporting_family', sf.id, { field: 'supportingPesel', familyId: f.id, memberIndex: 0, purpose: 'view' }],
    ]);
    expect(JSON.stringify(rows)).not.toContain(MARIA);
    expect(JSON.stringify(rows)).not.toContain(JAN);

    // An assistant who does not work with the supported family: FORBIDDEN, audited.
    expect(await codeOf(team.ar2.s.call('sensitive:reveal', { field: 'supportingPesel', supportingFamilyId: sf.id, memberIndex: 0 }))).toBe('FORBIDDEN');
    expect((await auditRows('sensitive.reveal_forbidden'))[0]).toMatchObject({ userLogin: 'pgorecki', entityId: f.id });
  });

  it('an edit sent back with the masks keeps the numbers (also reordered); another mask is refused; documents print the stored values', async () => {
    const { c, sf } = await supported();
    const card = await team.ar.s.ok('supporting:get', { id: sf.id });

    // Unchanged masks, another field changed: the stored numbers stay.
    const saved = await team.ar.s.ok('supporting:update', { ...asEdit(card), phone: '600 700 800' });
    expect(saved.supportingFamily.phone).toBe('600 700 800');
    expect(saved.supportingFamily.members.map((m) => m.pesel)).toEqual([mask(MARIA), mask(JAN), null]);
    expect(storedPesels(sf.id)).toEqual([
      ['Maria', MARIA],
      ['Jan', JAN],
      ['Ola', null],
    ]);

    // The list reordered (a member removed before): each mask still finds its own member by name.
    const again = saved.supportingFamily;
    const reordered = asEdit(again);
    reordered.members = [reordered.members[1]!, reordered.members[0]!];
    const re = await team.ar.s.ok('supporting:update', reordered);
    expect(storedPesels(sf.id)).toEqual([
      ['Jan', JAN],
      ['Maria', MARIA],
    ]);

    // A mask that is not the member's own (another member's, or made up) is refused in Polish.
    const wrong = asEdit(re.supportingFamily);
    wrong.members[0]!.pesel = mask(MARIA);
    const r = await team.ar.s.call('supporting:update', wrong);
    expect(failure(r).code).toBe('VALIDATION');
    expect(failure(r).fields?.['members.0.pesel']).toBe('PESEL jest ukryty. Kliknij „Pokaż”, aby go zobaczyć i zmienić, albo wpisz cały numer (11 cyfr).');
    const madeUp = asEdit(re.supportingFamily);
    madeUp.members[1]!.pesel = '•••••••0000';
    expect(await codeOf(team.ar.s.call('supporting:update', madeUp))).toBe('VALIDATION');
    expect(storedPesels(sf.id)).toEqual([
      ['Jan', JAN],
      ['Maria', MARIA],
    ]);
    // A new candidate cannot be registered with a masked number.
    const reg = await team.ar.s.call('supporting:register', {
      caseId: c.id,
      name: 'Rodzina Maskowa',
      address: 'ul. Krótka 1',
      place: 'Grębocin',
      relationToChild: 'sąsiedzi',
      members: [{ firstName: 'Ewa', lastName: 'Maskowa', pesel: mask(MARIA), finalConvictionIntentionalCrime: false }],
    });
    expect(failure(reg)).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(failure(reg))).toContain('PESEL');

    // A real new number replaces the stored one; an emptied field removes it.
    const NEW = makePesel('1966-01-20', 'M', 403);
    const changed = asEdit(re.supportingFamily);
    changed.members[0]!.pesel = NEW;
    changed.members[1]!.pesel = '';
    const after = await team.ar.s.ok('supporting:update', changed);
    expect(after.supportingFamily.members.map((m) => m.pesel)).toEqual([mask(NEW), null]);
    expect(storedPesels(sf.id)).toEqual([
      ['Jan', NEW],
      ['Maria', null],
    ]);

    // Documents read the table, never the masked outputs.
    const opinion = (await admin.ok('documents:html', { caseId: c.id, kind: 'supporting-family-opinion', ref: sf.id })).html;
    expect(opinion).toContain('Kwiatkowski');
    expect(opinion).not.toContain('•');
  });
});

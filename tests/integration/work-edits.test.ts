/**
 * Corrections in the work with the family, through the dispatcher on the real encrypted database:
 * a diary entry is corrected by its author until the day before it locks, then refused; a Za
 * życiem catalogue item moves proposed → applied → obtained with its dates and notes; a court
 * request gets its actual delivery date (not in the future, not before the letter) and the due
 * date follows it; an authorisation's signers are the family's adult members (registry names and
 * member ids kept) or, as "inna osoba", a typed name.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/ipc/contract';
import { dayTermDeadline } from '../../shared/rules/index';
import { failure, type TestApp, type TestSession } from '../helpers';
import { advanceDays, consentedCase, family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

const later = (days: number) => advanceDays({ app, admin, team }, days);

/** A general case with consent on 2026-11-22 (today in the test clock), assistant `ar`. */
const consented = (surname: string) => consentedCase({ admin, team }, surname);

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

const visit = (caseId: string, over: Partial<ChannelInput<'entries:create'>> = {}): ChannelInput<'entries:create'> => ({
  caseId,
  kind: 'visit',
  on: '2026-11-22',
  start: '10:00',
  end: '11:00',
  place: 'home',
  participants: ['Anna (matka)'],
  text: 'Omówiono budżet domowy.',
  ...over,
});

describe('diary entry corrections until the lock', () => {
  it('the author corrects an entry on the last day before the lock (signatory from the registry kept); on the lock day the correction is refused', async () => {
    const { f, c } = await consented('Lewandowska');
    const ar = team.ar.s;
    const mother = (await ar.ok('families:get', { id: f.id })).members.find((m) => !m.isChild)!;
    const v = (await ar.ok('entries:create', visit(c.id))).entry;
    expect(v).toMatchObject({ locked: false, lockedOn: '2026-11-29', version: 1 });

    // Six days later (2026-11-28): still open; the correction keeps the entry and bumps its version.
    await later(6);
    const { id: _i, version: _v, caseId: _c, kind: _k, ...fields } = { ...v, ...visit(c.id) };
    const fixed = await ar.ok('entries:update', {
      ...fields,
      id: v.id,
      version: v.version,
      start: '10:15',
      text: 'Omówiono budżet domowy i plan spłaty czynszu.',
      familySignatory: { memberId: mother.id, name: 'dowolny tekst', refused: false, refusalNote: '' },
    });
    expect(fixed.entry).toMatchObject({ id: v.id, version: 2, start: '10:15', minutes: 45, text: 'Omówiono budżet domowy i plan spłaty czynszu.', locked: false });
    expect(fixed.entry.familySignatory).toMatchObject({ memberId: mother.id, name: 'Anna Lewandowska' });
    // Invalid corrections are refused like new entries.
    const backwards = await ar.call('entries:update', { ...fields, id: v.id, version: 2, start: '12:00', end: '11:00' });
    expect(failure(backwards).findings?.[0]?.code).toBe('VISIT_END_BEFORE_START');
    const stale = await ar.call('entries:update', { ...fields, id: v.id, version: 1 });
    expect(failure(stale).code).toBe('STALE_EDIT');

    // The lock day (2026-11-29): refused with the Polish rule; the text stays as corrected.
    await later(1);
    const locked = await ar.call('entries:update', { ...fields, id: v.id, version: 2, text: 'zmiana po blokadzie' });
    expect(failure(locked).code).toBe('RULE_BLOCKED');
    expect(failure(locked).message).toContain('zablokowany od 29.11.2026');
    expect(await ar.ok('entries:get', { id: v.id })).toMatchObject({ locked: true, version: 2, text: 'Omówiono budżet domowy i plan spłaty czynszu.' });
  });
});

describe('Za życiem catalogue item changes', () => {
  it('proposed → applied (date) → obtained with a note; a future application date and a stale version are refused', async () => {
    const { c } = await zaZyciem('Pawlak');
    const ar = team.ar.s;
    const base = { area: 'psychological' as const, title: 'Konsultacje psychologiczne', provider: 'Poradnia Psychologiczno-Pedagogiczna w Lubiczu' };
    let item = (await ar.ok('catalogue:create', { caseId: c.id, ...base, status: 'proposed' })).item;
    expect(item).toMatchObject({ status: 'proposed', appliedOn: null, version: 1 });

    const future = await ar.call('catalogue:update', { id: item.id, version: item.version, ...base, status: 'applied', appliedOn: '2026-11-30' });
    expect(failure(future).code).toBe('RULE_BLOCKED');
    expect(failure(future).message).toContain('Data złożenia wniosku');

    item = (await ar.ok('catalogue:update', { id: item.id, version: item.version, ...base, status: 'applied', appliedOn: '2026-11-22', note: 'Wniosek złożyła matka.' })).item;
    expect(item).toMatchObject({ status: 'applied', appliedOn: '2026-11-22', note: 'Wniosek złożyła matka.', version: 2 });
    await later(3);
    item = (
      await ar.ok('catalogue:update', { id: item.id, version: item.version, ...base, status: 'obtained', appliedOn: '2026-11-22', note: 'Wniosek złożyła matka. Pierwsza wizyta 25.11.2026.' })
    ).item;
    expect(item).toMatchObject({ status: 'obtained', version: 3, note: 'Wniosek złożyła matka. Pierwsza wizyta 25.11.2026.' });
    expect(item.updatedAt.startsWith('2026-11-25')).toBe(true);

    const stale = await ar.call('catalogue:update', { id: item.id, version: 2, ...base, status: 'refused' });
    expect(failure(stale).code).toBe('STALE_EDIT');
    expect((await ar.ok('catalogue:list', { caseId: c.id })).map((i) => i.status)).toEqual(['obtained']);
    // Another assistant cannot change it.
    expect((await team.ar2.s.call('catalogue:update', { id: item.id, version: 3, ...base, status: 'refused' })).ok).toBe(false);
  });
});

describe('court request: the actual delivery date', () => {
  it('a delivery date in the future or before the letter is refused in Polish; a real one moves the due date', async () => {
    const { c } = await consented('Zielińska');
    const ar = team.ar.s;
    const fields = { court: 'Sąd Rejonowy w Toruniu', department: 'III Wydział Rodzinny i Nieletnich', caseRef: 'III Nsm 45/26', requestedOn: '2026-11-10', termDays: 14 };
    const r = (await ar.ok('court:create', { caseId: c.id, ...fields })).request;
    expect(r).toMatchObject({ status: 'awaiting-delivery', deliveredOn: null });

    const future = await ar.call('court:update', { id: r.id, version: r.version, ...fields, deliveredOn: '2026-11-23' });
    expect(failure(future).code).toBe('RULE_BLOCKED');
    expect(failure(future).message).toMatch(/^Data doręczenia \(23\.11\.2026\) jest późniejsza niż dzisiejsza/);
    expect(Object.keys(failure(future).fields ?? {})).toEqual(['deliveredOn']);
    const before = await ar.call('court:update', { id: r.id, version: r.version, ...fields, deliveredOn: '2026-11-09' });
    expect(failure(before).message).toBe('Data doręczenia (09.11.2026) jest wcześniejsza niż data pisma sądu (10.11.2026).');
    expect(failure(before).fields?.deliveredOn).toBeDefined();
    expect((await ar.ok('court:list', { caseId: c.id }))[0]).toMatchObject({ deliveredOn: null, version: 1 });

    const delivered = (await ar.ok('court:update', { id: r.id, version: r.version, ...fields, deliveredOn: '2026-11-17' })).request;
    expect(delivered).toMatchObject({ deliveredOn: '2026-11-17', dueOn: dayTermDeadline('2026-11-17', 14), status: 'open', version: 2 });
    const submitted = (await ar.ok('court:update', { id: r.id, version: 2, ...fields, deliveredOn: '2026-11-17', submittedOn: '2026-11-21' })).request;
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: '2026-11-21' });
  });
});

describe('authorisation signers from the family', () => {
  it('adult members are stored with their ids and registry names; "inna osoba" as typed; a child or another family’s member is refused', async () => {
    const { f, c } = await consented('Kaczmarek');
    const other = await consented('Nowicka');
    const ar = team.ar.s;
    const members = (await ar.ok('families:get', { id: f.id })).members;
    const mother = members.find((m) => !m.isChild)!;
    const child = members.find((m) => m.isChild)!;
    const strangers = (await ar.ok('families:get', { id: other.f.id })).members.find((m) => !m.isChild)!;
    const base = { familyId: f.id, caseId: c.id, kind: 'special' as const, granteeId: team.ar.id, institutions: ['ZUS'], matters: ['zasiłek'], signedOn: '2026-11-22', validFrom: '2026-11-22', validTo: '2027-05-22' };

    const a = await ar.ok('authorisations:create', {
      ...base,
      grantors: [
        { memberId: mother.id, name: 'Ania' },
        { memberId: null, name: 'Jan Kaczmarek (ojciec, poza rejestrem)' },
      ],
    });
    expect(a.authorisation.grantors).toEqual([
      { memberId: mother.id, name: 'Anna Kaczmarek' },
      { memberId: null, name: 'Jan Kaczmarek (ojciec, poza rejestrem)' },
    ]);
    expect((await ar.ok('authorisations:list', { familyId: f.id }))[0]!.grantors[0]).toEqual({ memberId: mother.id, name: 'Anna Kaczmarek' });

    const byChild = await ar.call('authorisations:create', { ...base, grantors: [{ memberId: child.id, name: 'Zuzanna Kaczmarek' }] });
    expect(failure(byChild).findings?.[0]?.code).toBe('AUTHORISATION_NO_ADULT_GRANTOR');
    const byStranger = await ar.call('authorisations:create', { ...base, grantors: [{ memberId: strangers.id, name: 'Anna Nowicka' }] });
    expect(failure(byStranger).findings?.[0]?.code).toBe('AUTHORISATION_NO_ADULT_GRANTOR');
    const twice = await ar.call('authorisations:create', { ...base, grantors: [{ memberId: mother.id, name: 'A' }, { memberId: mother.id, name: 'A' }] });
    expect(failure(twice).message).toBe('Upoważniający: ta sama osoba wskazana dwa razy.');
    const nobody = await ar.call('authorisations:create', { ...base, grantors: [] });
    expect(failure(nobody).message).toContain('Upoważniający: wskaż co najmniej jedną osobę.');
    expect(await ar.ok('authorisations:list', { familyId: f.id })).toHaveLength(1);
  });
});

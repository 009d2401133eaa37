/**
 * Data-subject access (art. 15 RODO) on a real encrypted database: for one family member, the
 * head gets one document (HTML for PDF) and the same data as UTF-8 JSON: the person, the
 * household, the cases with their history, the work records and the list of accesses from the
 * audit log; nothing about another family; logged with ids only; anyone else is refused.
 */
import { describe, expect, it } from 'vitest';
import type { TestApp, TestSession } from '../helpers';
import { family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

/** Intake -> consent (2026-11-22) for a new family, and one note of the assistant. */
async function familyInCase(surname: string) {
  const ps = team.ps.s;
  const input = family(surname);
  const f = (await ps.ok('families:create', input)).family;
  let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false, courtOrder: null })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'Trudności opiekuńczo-wychowawcze.' } })).case;
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
  c = (await team.ar.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } } })).case;
  await team.ar.s.ok('entries:create', { caseId: c.id, kind: 'note', on: '2026-11-22', text: `Telefon ze szkoły w sprawie rodziny ${surname}: dziecko nieobecne 3 dni.`, informed: 'pedagog szkolny' });
  // The card may show PESEL masked; the numbers entered are those of the input.
  return { f, c, pesels: input.members.map((m) => m.pesel ?? null) };
}

describe('art. 15 RODO: everything held about one person', () => {
  it('gives the head one document and the same data as JSON, with the case facts and who accessed the data', async () => {
    const { f, c, pesels } = await familyInCase('Kowalczyk');
    const other = await familyInCase('Zawadzka');
    await team.ar.s.ok('families:get', { id: f.id });
    const anna = f.members[0]!;

    const out = await admin.ok('rodo:subjectExport', { memberId: anna.id });
    expect(out.title).toBe('Informacja o przetwarzanych danych osobowych (art. 15 RODO)');
    // No personal name in the file names.
    expect(out.fileName).not.toMatch(/Kowalczyk|Anna/);
    expect(out.jsonFileName).toMatch(/\.json$/);

    const data = JSON.parse(out.json);
    expect(data.format).toBe('asysta-art15-v1');
    expect(data.subject).toMatchObject({ id: anna.id, firstName: 'Anna', lastName: 'Kowalczyk', pesel: pesels[0], birthDate: '1990-04-12' });
    expect(data.subject.lastNameFolded).toBeUndefined();
    expect(data.family).toMatchObject({ id: f.id, address: 'ul. Polna 3', place: 'Grębocin' });
    expect(data.family.searchText).toBeUndefined();
    // The household without the other people's PESEL.
    expect(data.household.map((m: { firstName: string }) => m.firstName)).toEqual(['Zuzanna', 'Antoni']);
    expect(JSON.stringify(data.household)).not.toContain(pesels[1]!);
    // The case with its dates, decision and history.
    expect(data.cases).toHaveLength(1);
    expect(data.cases[0]).toMatchObject({ id: c.id, caseNumber: c.caseNumber, learnedOn: '2026-11-16', decidedOn: '2026-11-22', consentOn: '2026-11-22', assistantName: 'Agnieszka Śliwińska' });
    expect(data.cases[0].history.length).toBeGreaterThanOrEqual(5);
    expect(data.entries).toHaveLength(1);
    expect(data.entries[0].body).toMatchObject({ text: expect.stringContaining('Telefon ze szkoły w sprawie rodziny Kowalczyk') });
    // Legal bases, retention and rights are stated.
    expect(data.information.legalBases.join(' ')).toContain('art. 6 ust. 1 lit. c i e RODO');
    expect(data.information.retention).toContain('10 lat');
    expect(data.information.rights.join(' ')).toContain('Prezesa Urzędu Ochrony Danych Osobowych');
    // Who accessed or changed the family's data, when.
    const actions = data.accessLog.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['family.create', 'case.intake', 'entry.create', 'family.open']));
    const opened = data.accessLog.find((e: { action: string; userLogin: string }) => e.action === 'family.open' && e.userLogin === 'asliwinska');
    expect(opened).toMatchObject({ userName: 'Agnieszka Śliwińska', actionLabel: 'Otwarcie karty rodziny' });

    // Nothing about the other family, in either form.
    const otherIds = [other.f.id, other.c.id, ...other.f.members.map((m) => m.id)];
    for (const needle of ['Zawadzka', other.c.caseNumber, ...otherIds]) {
      expect(out.json).not.toContain(needle);
      expect(out.html).not.toContain(needle);
    }

    // The document, in Polish, with the person's data and the case facts.
    expect(out.html).toContain('Informacja o przetwarzanych danych osobowych (art. 15 RODO)');
    expect(out.html).toContain('Anna Kowalczyk');
    expect(out.html).toContain(pesels[0]!);
    expect(out.html).toContain(c.caseNumber);
    expect(out.html).toContain('art. 9 ust. 2 lit. g i h RODO');
    expect(out.html).toContain('Otwarcie karty rodziny');
    expect(out.html).toContain('Telefon ze szkoły w sprawie rodziny Kowalczyk');
    expect(out.html).not.toMatch(/<script/i);

    // Logged with ids only; saving is logged too.
    const logged = (await admin.ok('audit:list', { action: 'rodo.subject_export' })).items[0]!;
    expect(logged).toMatchObject({ userLogin: 'admin', entityType: 'family_member', entityId: anna.id });
    expect(logged.details).toMatchObject({ familyId: f.id, caseIds: [c.id] });
    // \b: a random UUID may hold 11 digits in a row, a PESEL stands alone.
    expect(JSON.stringify(logged.details)).not.toMatch(/Kowalczyk|Anna|Polna|\b\d{11}\b/);
    await admin.ok('rodo:subjectExported', { memberId: anna.id, target: 'json' });
    await admin.ok('rodo:subjectExported', { memberId: anna.id, target: 'pdf', pages: 4 });
    expect((await admin.ok('audit:list', { action: 'rodo.subject_export_pdf' })).items[0]).toMatchObject({ entityId: anna.id, details: { familyId: f.id, pages: 4 } });
    expect((await admin.ok('audit:list', { action: 'rodo.subject_export_json' })).total).toBe(1);
  });

  it('is refused to everyone but the head (FORBIDDEN), and an unknown person is NOT_FOUND', async () => {
    const { f } = await familyInCase('Nowicka');
    const memberId = f.members[0]!.id;
    for (const s of [team.ar.s, team.ps.s]) {
      const r = await s.call('rodo:subjectExport', { memberId });
      expect(r.ok ? 'OK' : r.error.code).toBe('FORBIDDEN');
      const r2 = await s.call('rodo:subjectExported', { memberId, target: 'json' });
      expect(r2.ok ? 'OK' : r2.error.code).toBe('FORBIDDEN');
    }
    await admin.ok('users:create', { fullName: 'Olga Dąbrowska', login: 'iod', role: 'dpo', password: 'Inspektor2026!' });
    const dpo = app.session();
    await dpo.ok('auth:login', { login: 'iod', password: 'Inspektor2026!' });
    const r = await dpo.call('rodo:subjectExport', { memberId });
    expect(r.ok ? 'OK' : r.error.code).toBe('FORBIDDEN');
    expect((await admin.ok('audit:list', { action: 'rodo.subject_export' })).total).toBe(0);
    const missing = await admin.call('rodo:subjectExport', { memberId: 'no-such-person' });
    expect(missing.ok ? 'OK' : missing.error.code).toBe('NOT_FOUND');
  });
});

describe('audit extract for an inspection', () => {
  it('prints the filtered log of one family with Polish labels and the chain verification, and logs the print', async () => {
    const { f, c } = await familyInCase('Majewska');
    const other = await familyInCase('Sadowska');
    const ext = await admin.ok('audit:extract', { caseNumber: c.caseNumber });
    expect(ext.title).toBe('Wyciąg z dziennika zdarzeń');
    expect(ext.entries).toBeGreaterThan(3);
    expect(ext.html).toContain('Rejestracja rodziny');
    expect(ext.html).toContain('Nowy wpis w dzienniku');
    expect(ext.html).toMatch(/Dziennik jest spójny: sprawdzono/);
    expect(ext.html).toContain(c.caseNumber);
    expect(ext.html).not.toContain(other.f.id);
    expect(ext.html).not.toContain(other.c.id);
    // The same family by id gives the same entries; the screen search agrees.
    const byId = await admin.ok('audit:search', { familyId: f.id });
    expect(byId.total).toBe(ext.total);
    expect(byId.items.every((e) => e.entityId !== other.f.id)).toBe(true);
    const logged = (await admin.ok('audit:list', { action: 'audit.extract' })).items[0]!;
    expect(logged.details).toMatchObject({ filter: { caseNumber: c.caseNumber }, entries: ext.entries, chainOk: true });
    await admin.ok('audit:extractExported', { filter: { caseNumber: c.caseNumber }, pages: 2, target: 'print' });
    expect((await admin.ok('audit:list', { action: 'audit.extract_print' })).items[0]!.details).toMatchObject({ pages: 2 });
    const unknown = await admin.call('audit:extract', { caseNumber: 'GOPS.0000.99.2026' });
    expect(unknown.ok ? 'OK' : unknown.error.code).toBe('NOT_FOUND');
    const r = await team.ar.s.call('audit:extract', {});
    expect(r.ok ? 'OK' : r.error.code).toBe('FORBIDDEN');
  });
});

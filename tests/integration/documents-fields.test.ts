/**
 * Issue 5, the fields the printed documents used to fill with fixed text: recorded through the
 * dispatcher on a real encrypted office, read back where the record is viewed, and printed in the
 * document's HTML (documents:html) instead of the old fixed wording:
 * the visit card's family signatory and "podpisu odmówiono"; the meeting place and frequency of
 * the consent; the justification and attachments of the social worker's request; the subject,
 * scope, purpose and reply-by date of a letter to an institution (typed in, not stored, not
 * audited as text); the supporting family's head-opinion justification, the act's and the
 * contract's scope and period, the settlement day and the notice period.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/ipc/contract';
import { failure, type TestApp, type TestSession } from '../helpers';
import { family, useStaffedOffice, type Staff } from './registryFixtures';

let app: TestApp;
let admin: TestSession;
let team: Staff;
useStaffedOffice((o) => ({ app, admin, team } = o));

type Consent = Partial<Extract<ChannelInput<'cases:transition'>['payload'], { action: 'recordConsent' }>>;
type Request = Partial<Extract<ChannelInput<'cases:transition'>['payload'], { action: 'submitRequest' }>>;

/** Intake -> interview -> analysis -> request -> assignment -> consent (clock: 2026-11-22). */
async function consented(surname: string, o: { request?: Request; consent?: Consent } = {}) {
  const ps = team.ps.s;
  const f = (await ps.ok('families:create', family(surname))).family;
  let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
  c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
  c = (
    await ps.ok('cases:transition', {
      caseId: c.id,
      version: c.version,
      payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'Trudności.', ...o.request },
    })
  ).case;
  c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
  c = (
    await team.ar.s.ok('cases:transition', {
      caseId: c.id,
      version: c.version,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' }, ...o.consent },
    })
  ).case;
  const adults = (await admin.ok('families:get', { id: f.id })).members.filter((m) => !m.isChild);
  const children = (await admin.ok('families:get', { id: f.id })).members.filter((m) => m.isChild);
  return { f, c, adult: adults[0]!, child: children[0]! };
}

const visit = (caseId: string, over: Partial<ChannelInput<'entries:create'>> = {}): ChannelInput<'entries:create'> => ({
  caseId,
  kind: 'visit',
  on: '2026-11-22',
  start: '10:00',
  end: '11:00',
  place: 'home',
  participants: ['Anna (matka)'],
  text: 'Rozmowa o budżecie domowym.',
  ...over,
});

async function html(s: TestSession, input: ChannelInput<'documents:html'>): Promise<string> {
  return (await s.ok('documents:html', input)).html;
}

/** The document's text without markup (entities of the few characters the templates escape). */
const plain = (h: string) =>
  h
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('visit card: who signed for the family, "podpisu odmówiono"', () => {
  it('records the refusal with the member present and prints it on the visit card; a plain signatory prints a name over the line', async () => {
    const { c, adult, child } = await consented('Wójcik');
    const ar = team.ar.s;
    const refused = await ar.ok(
      'entries:create',
      visit(c.id, { familySignatory: { memberId: adult.id, name: 'ktoś inny', refused: true, refusalNote: 'nie zgadza się z opisem wizyty' } }),
    );
    // The name kept is the registry's, not what the form sent with the member's id.
    expect(refused.entry.familySignatory).toEqual({ memberId: adult.id, name: `${adult.firstName} ${adult.lastName}`, refused: true, refusalNote: 'nie zgadza się z opisem wizyty' });
    const signed = await ar.ok('entries:create', visit(c.id, { start: '12:00', end: '12:30', familySignatory: { name: 'Jan Wójcik (ojciec)', refused: false } }));
    const none = await ar.ok('entries:create', visit(c.id, { start: '14:00', end: '14:30' }));
    expect(none.entry.familySignatory).toBeNull();
    // A failed visit keeps no signatory.
    const failed = await ar.ok('entries:create', { caseId: c.id, kind: 'failed-visit', on: '2026-11-21', failedReason: 'nobody-home', familySignatory: { name: 'Anna', refused: true } });
    expect(failed.entry.familySignatory).toBeNull();

    // Shown back in the diary.
    const listed = await ar.ok('entries:list', { caseId: c.id });
    expect(listed.find((e) => e.id === refused.entry.id)?.familySignatory?.refused).toBe(true);

    const refusedCard = plain(await html(ar, { caseId: c.id, kind: 'visit-card', ref: refused.entry.id }));
    expect(refusedCard).toContain('PODPISU ODMÓWIONO');
    expect(refusedCard).toContain('nie zgadza się z opisem wizyty');
    expect(refusedCard).toContain(`${adult.firstName} ${adult.lastName}`);
    const signedCard = plain(await html(ar, { caseId: c.id, kind: 'visit-card', ref: signed.entry.id }));
    expect(signedCard).toContain('Jan Wójcik (ojciec)');
    expect(signedCard).not.toContain('PODPISU ODMÓWIONO');
    const blankCard = plain(await html(ar, { caseId: c.id, kind: 'visit-card', ref: none.entry.id }));
    expect(blankCard).not.toContain('PODPISU ODMÓWIONO');
    expect(blankCard).toContain('członek rodziny');

    // Refused without saying who, or a child as the family's signatory: refused in Polish.
    const nobody = await ar.call('entries:create', visit(c.id, { start: '16:00', end: '16:30', familySignatory: { refused: true } }));
    expect(failure(nobody)).toMatchObject({ code: 'VALIDATION', message: 'Odmowa podpisu: wskaż członka rodziny, który odmówił podpisu.' });
    const kid = await ar.call('entries:create', visit(c.id, { start: '16:00', end: '16:30', familySignatory: { memberId: child.id } }));
    expect(failure(kid)).toMatchObject({ code: 'VALIDATION', message: 'Podpisujący w imieniu rodziny: wybierz dorosłego członka tej rodziny.' });
    const note = await ar.call('entries:create', visit(c.id, { start: '16:00', end: '16:30', familySignatory: { name: 'Anna', refusalNote: 'bez odmowy' } }));
    expect(failure(note).code).toBe('VALIDATION');
    expect((await ar.ok('entries:list', { caseId: c.id })).length).toBe(4);
  });
});

describe('consent: the agreed place and frequency of meetings', () => {
  it('prints what was recorded with the consent instead of the old fixed wording, and shows it on the case', async () => {
    const { c } = await consented('Nowak', { consent: { meetingPlace: 'w siedzibie ośrodka w Grębocinie', meetingFrequency: 'dwa razy w tygodniu' } });
    const detail = await admin.ok('cases:get', { id: c.id });
    expect(detail.details).toMatchObject({ consent: { meetingPlace: 'w siedzibie ośrodka w Grębocinie', meetingFrequency: 'dwa razy w tygodniu' } });
    const doc = plain(await html(admin, { caseId: c.id, kind: 'consent' }));
    expect(doc).toContain('będą się odbywać w siedzibie ośrodka w Grębocinie, nie rzadziej niż dwa razy w tygodniu');
    expect(doc).not.toContain('raz w tygodniu');
    expect(doc).not.toContain('w miejscu zamieszkania rodziny');
  });

  it('keeps the former wording for a consent recorded without them, and refuses an empty place', async () => {
    const { c } = await consented('Zając');
    expect((await admin.ok('cases:get', { id: c.id })).details).not.toHaveProperty('consent');
    const doc = plain(await html(admin, { caseId: c.id, kind: 'consent' }));
    expect(doc).toContain('w miejscu zamieszkania rodziny, nie rzadziej niż raz w tygodniu');

    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Pusty'))).family;
    const c2 = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false })).case;
    const bad = await ps.call('cases:check', {
      caseId: c2.id,
      payload: { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' }, meetingPlace: '  ', meetingFrequency: 'raz w tygodniu' },
    });
    expect(failure(bad)).toMatchObject({ code: 'VALIDATION', message: 'Miejsce spotkań: pole jest wymagane.' });
  });
});

describe("the social worker's request: justification and attachments", () => {
  it('prints the justification and attachments recorded with the request', async () => {
    const justification = 'Matka samotnie wychowuje troje dzieci; zaległości w opłatach i nieregularna frekwencja szkolna starszej córki.';
    const { c } = await consented('Kowal', {
      request: { justification, attachments: ['kwestionariusz rodzinnego wywiadu środowiskowego', 'opinia pedagoga szkolnego'] },
    });
    const detail = await admin.ok('cases:get', { id: c.id });
    expect(detail.details).toMatchObject({ request: { justification, attachments: ['kwestionariusz rodzinnego wywiadu środowiskowego', 'opinia pedagoga szkolnego'] } });
    const doc = plain(await html(admin, { caseId: c.id, kind: 'assistant-request' }));
    expect(doc).toContain(justification);
    expect(doc).toContain('kwestionariusz rodzinnego wywiadu środowiskowego');
    expect(doc).toContain('opinia pedagoga szkolnego');
    expect(doc).not.toContain('W toku wywiadu środowiskowego stwierdzono trudności');
  });

  it('falls back to the justification in the history for a request recorded before, and refuses an empty attachment', async () => {
    const { c } = await consented('Lis', { request: { justification: 'Uzasadnienie wpisane w historii sprawy.' } });
    const sqlite = app.sql;
    // A request recorded before cases.details.request existed.
    const det = JSON.parse((sqlite.prepare('SELECT details FROM cases WHERE id = ?').get(c.id) as { details: string }).details) as Record<string, unknown>;
    delete det.request;
    sqlite.prepare('UPDATE cases SET details = ? WHERE id = ?').run(JSON.stringify(det), c.id);
    const doc = plain(await html(admin, { caseId: c.id, kind: 'assistant-request' }));
    expect(doc).toContain('Uzasadnienie wpisane w historii sprawy.');

    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Puste'))).family;
    const c2 = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false })).case;
    const bad = await ps.call('cases:check', { caseId: c2.id, payload: { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: '2026-11-21', justification: 'x', attachments: [' '] } });
    expect(failure(bad)).toMatchObject({ code: 'VALIDATION', message: 'Załącznik: pole jest wymagane.' });
  });
});

describe('letters to institutions: subject, scope, purpose, reply-by date typed in', () => {
  it('prints what the user typed, audits only that a letter was made, and validates it', async () => {
    const { c } = await consented('Mazur');
    const ar = team.ar.s;
    await ar.ok('entries:create', { caseId: c.id, kind: 'institution', on: '2026-11-22', contactWith: 'Szkoła Podstawowa w Grębocinie', text: 'Rozmowa z pedagogiem.' });
    const letter = {
      subject: 'frekwencji szkolnej małoletniej uczennicy klasy 5a',
      scope: 'liczby nieobecności w bieżącym semestrze oraz kontaktów szkoły z matką',
      purpose: 'przygotowania okresowej oceny sytuacji rodziny',
      replyBy: '2026-12-15',
    };
    const doc = plain(await html(ar, { caseId: c.id, kind: 'institution-request', letter }));
    expect(doc).toContain('Szkoła Podstawowa w Grębocinie');
    expect(doc).toContain('informacji dotyczących frekwencji szkolnej małoletniej uczennicy klasy 5a, w zakresie: liczby nieobecności');
    expect(doc).toContain('niezbędne do przygotowania okresowej oceny sytuacji rodziny');
    expect(doc).toContain('15.12.2026');
    expect(doc).not.toContain('sytuacji małoletniego członka rodziny objętej wsparciem');
    expect(doc).not.toContain('informacji niezbędnych do realizacji planu pracy');

    const proposal = plain(
      await html(ar, { caseId: c.id, kind: 'institution-proposal', letter: { addressee: 'Poradnia Psychologiczno-Pedagogiczna w Toruniu', subject: 'potrzeby diagnozy dziecka', scope: 'Wnoszę o pilną diagnozę.', purpose: 'wsparciu rozwoju dziecka' } }),
    );
    expect(proposal).toContain('Poradnia Psychologiczno-Pedagogiczna w Toruniu');
    expect(proposal).toContain('wnioski dotyczące potrzeby diagnozy dziecka');
    expect(proposal).toContain('Wnoszę o pilną diagnozę.');
    expect(proposal).not.toContain('oceny sytuacji rodziny i wniosków dotyczących dalszego wsparcia');

    // Without a typed letter (the teczka pack) the template's wording, in correct Polish.
    const plainLetter = plain(await html(ar, { caseId: c.id, kind: 'institution-request' }));
    expect(plainLetter).toContain('niezbędne do realizacji planu pracy z rodziną');

    const sqlite = app.sql;
    const rows = sqlite.prepare("SELECT details FROM audit_log WHERE action = 'document.preview' AND entity_id = ?").all(c.id) as Array<{ details: string }>;
    expect(rows.filter((r) => JSON.parse(r.details).letter === true)).toHaveLength(2);
    for (const r of rows) {
      expect(r.details).not.toContain('frekwencji');
      expect(r.details).not.toContain('Poradnia');
    }

    const empty = await ar.call('documents:html', { caseId: c.id, kind: 'institution-request', letter: { ...letter, subject: ' ' } });
    expect(failure(empty)).toMatchObject({ code: 'VALIDATION', message: 'Dotyczy: pole jest wymagane.' });
    const long = await ar.call('documents:html', { caseId: c.id, kind: 'institution-request', letter: { ...letter, scope: 'x'.repeat(2001) } });
    expect(failure(long).message).toBe('Zakres: najwyżej 2000 znaków.');
    const past = await ar.call('documents:html', { caseId: c.id, kind: 'institution-request', letter: { ...letter, replyBy: '2026-11-01' } });
    expect(failure(past)).toMatchObject({ code: 'VALIDATION', message: 'Termin odpowiedzi nie może być wcześniejszy niż data pisma.' });
    const wrongKind = await ar.call('documents:html', { caseId: c.id, kind: 'consent', letter });
    expect(failure(wrongKind)).toMatchObject({ code: 'VALIDATION', message: 'Treść pisma podaje się tylko dla pism do instytucji.' });
  });
});

describe('supporting family: opinion justification, scope and period, contract terms', () => {
  it('prints the head’s justification, the act’s and the contract’s own scope and period, the settlement day and notice', async () => {
    const { c } = await consented('Wspierana');
    const justification = 'Sąsiedzi od lat pomagają rodzinie w opiece nad dziećmi po szkole; wywiad nie wykazał przeciwwskazań.';
    const reg = await team.ar.s.ok('supporting:register', {
      caseId: c.id,
      name: 'Rodzina Kwiatkowskich',
      address: 'ul. Lipowa 4',
      place: 'Grębocin',
      relationToChild: 'sąsiedzi',
      members: [{ firstName: 'Maria', lastName: 'Kwiatkowska', finalConvictionIntentionalCrime: false }],
      convictionStatementOn: '2026-11-20',
      headOpinion: { positive: true, on: '2026-11-21', interviewOn: '2026-11-18', justification },
    });
    expect(reg.supportingFamily.headOpinion?.justification).toBe(justification);

    const noScope = await admin.call('supporting:establish', {
      id: reg.supportingFamily.id,
      version: reg.supportingFamily.version,
      act: { by: 'wojt', number: '12/2026', on: '2026-11-22', scope: [] },
    });
    expect(failure(noScope).message).toBe('Zakres pomocy: wybierz co najmniej jeden obszar (art. 29 ust. 2).');
    const backwards = await admin.call('supporting:establish', {
      id: reg.supportingFamily.id,
      version: reg.supportingFamily.version,
      act: { by: 'wojt', number: '12/2026', on: '2026-11-22', scope: ['care'], until: '2026-11-01' },
    });
    expect(failure(backwards)).toMatchObject({ code: 'VALIDATION', message: 'Ustanowienie do dnia: data końcowa nie może być wcześniejsza niż 22.11.2026.' });
    const est = await admin.ok('supporting:establish', {
      id: reg.supportingFamily.id,
      version: reg.supportingFamily.version,
      act: { by: 'wojt', number: '12/2026', on: '2026-11-22', scope: ['care'], until: '2027-11-21' },
    });
    expect(est.supportingFamily.act).toMatchObject({ scope: ['care'], until: '2027-11-21' });
    const withC = await admin.ok('supporting:setContract', {
      id: est.supportingFamily.id,
      version: est.supportingFamily.version,
      contract: { number: 'U/3/2026', on: '2026-11-22', monthlyLimitGr: 20000, totalLimitGr: null, scope: ['household', 'roles'], until: '2027-06-30', settlementDay: 5, noticeMonths: 3 },
    });
    expect(withC.supportingFamily.contract).toMatchObject({ scope: ['household', 'roles'], until: '2027-06-30', settlementDay: 5, noticeMonths: 3 });
    const badDay = await admin.call('supporting:setContract', {
      id: withC.supportingFamily.id,
      version: withC.supportingFamily.version,
      contract: { number: 'U/3/2026', on: '2026-11-22', settlementDay: 31 },
    });
    expect(failure(badDay).message).toBe('Dzień rozliczenia: wpisz liczbę od 1 do 28.');

    const ref = reg.supportingFamily.id;
    const opinion = plain(await html(admin, { caseId: c.id, kind: 'supporting-family-opinion', ref }));
    expect(opinion).toContain(justification);
    expect(opinion).not.toContain('daje rękojmię należytego wypełniania');

    const act = plain(await html(admin, { caseId: c.id, kind: 'supporting-family-act', ref }));
    expect(act).toContain('w zakresie: opieki i wychowania dziecka.');
    expect(act).not.toContain('prowadzenia gospodarstwa domowego');
    expect(act).toContain('na okres od 22.11.2026 r. do 21.11.2027 r.');
    expect(act).toContain('Wójt Gminy');
    expect(act).not.toMatch(/\bwojt\b/);

    const contract = plain(await html(admin, { caseId: c.id, kind: 'supporting-family-contract', ref }));
    expect(contract).toContain('prowadzenia gospodarstwa domowego i kształtowania i wypełniania podstawowych ról społecznych');
    expect(contract).not.toContain('opieki i wychowania dziecka');
    expect(contract).toContain('do 5. dnia następnego miesiąca');
    expect(contract).toContain('na okres od 22.11.2026 r. do 30.06.2027 r.');
    expect(contract).toContain('z zachowaniem trzymiesięcznego okresu wypowiedzenia');
  });

  it('a contract recorded without the new terms prints all three areas, an indefinite period and the former terms', async () => {
    const { c } = await consented('Dawna');
    const reg = await team.ar.s.ok('supporting:register', {
      caseId: c.id,
      name: 'Rodzina Dawnych',
      address: 'ul. Krótka 1',
      place: 'Grębocin',
      relationToChild: 'dziadkowie',
      members: [{ firstName: 'Józef', lastName: 'Dawny', finalConvictionIntentionalCrime: false }],
      convictionStatementOn: '2026-11-20',
      headOpinion: { positive: true, on: '2026-11-21', interviewOn: '2026-11-18' },
    });
    const est = await admin.ok('supporting:establish', { id: reg.supportingFamily.id, version: reg.supportingFamily.version, act: { by: 'wojt', number: '13/2026', on: '2026-11-22' } });
    await admin.ok('supporting:setContract', { id: est.supportingFamily.id, version: est.supportingFamily.version, contract: { number: 'U/4/2026', on: '2026-11-22' } });
    const contract = plain(await html(admin, { caseId: c.id, kind: 'supporting-family-contract', ref: reg.supportingFamily.id }));
    expect(contract).toContain('opieki i wychowania dziecka, prowadzenia gospodarstwa domowego i kształtowania i wypełniania podstawowych ról społecznych');
    expect(contract).toContain('na okres nieokreślony, począwszy od 22.11.2026 r.');
    expect(contract).toContain('do 10. dnia następnego miesiąca');
    expect(contract).toContain('z zachowaniem jednomiesięcznego okresu wypowiedzenia');
    expect(contract).not.toContain('nadal');
    const opinion = plain(await html(admin, { caseId: c.id, kind: 'supporting-family-opinion', ref: reg.supportingFamily.id }));
    expect(opinion).toContain('daje rękojmię należytego wypełniania');
  });
});

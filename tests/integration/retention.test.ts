/**
 * Retention and anonymisation on a real encrypted file (domain.md §7.3). Families are built
 * through the services in 2015–2016 (the test clock), with distinctive names, PESEL numbers,
 * addresses and visit texts; their cases are closed and archived; in 2026 the queue shows exactly
 * the cases whose B10 period ended; a run without the confirmed token is refused; the run keeps
 * every statistical figure and leaves no identifying string anywhere in the database file —
 * checked by decrypting every page of the file (free pages included) and the WAL.
 */
import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_SCRYPT } from '../../db/crypto';
import { makePesel } from '../../db/demo/generate';
import { Keystore } from '../../db/keystore';
import type { ChannelInput } from '../../shared/ipc/contract';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import { foldPolish } from '../../shared/text';
import { ADMIN, failure, plaintextHits, removeDir, setUpOffice, tempDir, testApp, type TestApp, type TestSession } from '../helpers';
import { PASSWORD, staff } from './registryFixtures';

let dir: string;
let app: TestApp;
let admin: TestSession;
let team: Awaited<ReturnType<typeof staff>>;

const at = (iso: string) => Date.parse(`${iso}T09:00:00Z`);

async function moveClock(iso: string) {
  app.clock.now = at(iso);
  for (const s of [admin, team.ar.s, team.ps.s]) await s.call('auth:unlock', { password: s === admin ? ADMIN.password : PASSWORD });
}

beforeEach(async () => {
  dir = tempDir();
  app = testApp(dir);
  app.clock.now = at('2015-01-12');
  ({ admin } = await setUpOffice(app));
  team = await staff(app, admin);
});
afterEach(async () => {
  await app.close();
  removeDir(dir);
});

// ---- Distinctive personal data (every string is searched for in the file afterwards) -------------

let serial = 500;
function person(first: string, last: string, birth: string, sex: 'F' | 'M') {
  serial += 3;
  return { firstName: first, lastName: last, pesel: makePesel(birth, sex, serial), birthDate: birth };
}

interface Fam {
  input: ChannelInput<'families:create'>;
  /** Every identifying string of this family (names, PESEL, address, phones, birth dates, notes). */
  needles: string[];
  extra: string;
}
interface Who {
  surnameF: string;
  surnameM: string;
  mother: string;
  son: string;
  younger: string;
  street: string;
  place: string;
  phone: string;
  /** A distinctive word used in notes and texts of this family only. */
  extra: string;
  birth: [string, string, string];
}
function familyOf(w: Who): Fam {
  const mother = person(w.mother, w.surnameF, w.birth[0], 'F');
  const child = person(w.son, w.surnameM, w.birth[1], 'M');
  const input: ChannelInput<'families:create'> = {
    address: w.street,
    postalCode: '87-140',
    place: w.place,
    gmina: 'Lubicz',
    area: 'Rejon I',
    phone: w.phone,
    safetyNote: `Pies owczarek ${w.extra}`,
    notes: `Klucz u sąsiadki ${w.extra}`,
    courtSupervision: { active: true, court: 'Sąd Rejonowy w Chełmży', kuratorName: `Teofil ${w.extra}`, kuratorPhone: '501 222 333', since: '2014-06-01' },
    members: [
      { ...mother, isChild: false, relation: 'matka', isHead: true, phone: `${w.phone.slice(0, 3)} 111 999` },
      { ...child, isChild: true, relation: 'syn', placement: { kind: 'foster-care', since: '2014-11-02', form: `rodzina zastępcza ${w.extra}`, pcpr: 'PCPR w Toruniu', krpz: { name: `Marianna Sójka-${w.extra}` } } },
      { firstName: w.younger, lastName: w.surnameM, birthDate: w.birth[2], isChild: true, relation: 'syn' },
    ],
  };
  return {
    input,
    extra: w.extra,
    needles: [w.surnameF, w.surnameM, w.mother, w.son, w.younger, w.street, w.place, mother.pesel!, child.pesel!, ...w.birth, w.phone, `${w.phone.slice(0, 3)} 111 999`, w.extra],
  };
}

function areas() {
  const a: Record<string, unknown> = {};
  ASSESSMENT_AREAS.forEach((x, i) => (a[x.code] = { rating: ((i % 5) - 3) as number, justification: `Obserwacja Gniewomira nr ${i} w Pigży` }));
  return a as ChannelInput<'assessments:create'>['areas'];
}

/** Intake -> RWŚ -> analysis -> request -> assignment -> consent (all on `on`). */
async function consented(fam: Fam, on: string) {
  const f = (await team.ps.s.ok('families:create', fam.input)).family;
  let c = (
    await team.ps.s.ok('cases:intake', {
      familyId: f.id,
      source: 'social-worker',
      learnedOn: on,
      urgent: false,
      reportedBy: 'Sąsiadka Wiesława Gąsiorowska',
      description: 'Zgłoszenie: Gniewomir sam w domu wieczorami',
      courtOrder: null,
    })
  ).case;
  const t = async (s: TestSession, payload: ChannelInput<'cases:transition'>['payload']) => {
    c = (await s.ok('cases:transition', { caseId: c.id, version: c.version, payload })).case;
  };
  await t(team.ps.s, { action: 'recordInterview', interviewOn: on, note: 'Wywiad u Zdzisławy przy Jarzębinowej' });
  await t(team.ps.s, { action: 'recordAnalysis', analysisOn: on, careDifficultiesFound: true });
  await t(team.ps.s, { action: 'submitRequest', analysis: 'Matka nie radzi sobie z organizacją opieki nad dziećmi.', requestOn: on, justification: 'Zdzisława nie radzi sobie z Gniewomirem' });
  await t(admin, { action: 'assign', assistantId: team.ar.id, decidedOn: on });
  await t(team.ar.s, { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: on } });
  return { f, c };
}

/** A family closed before any work (ZAMKNIETA) on `on`. */
async function concluded(fam: Fam, on: string, familyId?: string) {
  const id = familyId ?? (await team.ps.s.ok('families:create', fam.input)).family.id;
  let c = (await team.ps.s.ok('cases:intake', { familyId: id, source: 'social-worker', learnedOn: on, urgent: false, description: `Opis rodziny ${fam.extra}`, courtOrder: null })).case;
  c = (await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: on } })).case;
  c = (await team.ps.s.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'concludeNoAssistantNeeded', decidedOn: on, note: `Babcia ${fam.extra} pomoże` } })).case;
  return { familyId: id, c };
}

/** The statistical columns (what any report can count): everything but identifying data. */
function statisticsSnapshot() {
  const sqlite = app.sql;
  const q = (sql: string) => sqlite.prepare(sql).all();
  return {
    cases: q(`SELECT id, family_id, track, source, state, case_number, learned_on, interview_on, request_on, decision, decided_on, assistant_id, assigned_on,
                     consent_basis, consent_on, closed_on, closure_reason, zz_category, monitoring_ends_on, court_order IS NOT NULL AS court,
                     json_extract(court_order, '$.date') AS courtDate, previous_case_id FROM cases ORDER BY id`),
    members: q(`SELECT family_id, is_child, is_head, sex, relation, json_extract(placement, '$.kind') AS placement, json_extract(placement, '$.since') AS since,
                       substr(birth_date, 1, 4) AS birthYear FROM family_members ORDER BY family_id, sort_order`),
    families: q(`SELECT id, gmina, area, parental_authority, nk_active, assistant_id, case_number, json_extract(court_supervision, '$.active') AS supervised FROM families ORDER BY id`),
    events: q(`SELECT case_id, action, from_state, to_state, at, json_extract(details, '$.on') AS on_, json_extract(details, '$.closureReason') AS reason FROM case_events ORDER BY id`),
    assessments: q(`SELECT case_id, kind, assessed_on, recommendation, (SELECT group_concat(key || '=' || json_extract(value, '$.rating')) FROM json_each(areas)) AS ratings FROM assessments ORDER BY id`),
    plans: q(`SELECT case_id, version_no, drawn_up_on, json_array_length(content, '$.goals') AS goals FROM work_plans ORDER BY id`),
    entries: q(`SELECT case_id, kind, on_date, minutes, km_tenths FROM case_entries ORDER BY id`),
    court: q(`SELECT case_id, requested_on, delivered_on, due_on, submitted_on FROM court_requests ORDER BY id`),
    supporting: q(`SELECT case_id, status, json_array_length(members) AS members FROM supporting_families ORDER BY id`),
  };
}

/** The report service's figures (half-years 2015–2016 and the years), as numbers only. */
async function reportFigures() {
  const out: Record<string, Array<[string, number]>> = {};
  for (const period of ['2015-H1', '2015-H2', '2016-H1', '2016-H2'] as const) {
    out[period] = (await admin.ok('reports:halfYear', { period })).figures.map((f) => [f.id, f.value]);
  }
  for (const period of ['2015', '2016']) out[period] = JSON.parse(JSON.stringify((await admin.ok('reports:annual', { period })) as unknown)) as Array<[string, number]>;
  return out;
}

// ---- Raw file inspection: decrypt every SQLCipher page of the file and of the WAL ----------------

const PAGE = 4096;
const RESERVE = 80; // IV (16) + HMAC-SHA512 (64), SQLCipher 4 defaults
function decryptPage(key: Buffer, page: Buffer, first: boolean): Buffer {
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(first ? 16 : 0, PAGE - RESERVE)), d.final()]);
}
function decryptedImage(key: Buffer): { db: Buffer; wal: Buffer; walBytes: number } {
  const file = readFileSync(join(dir, 'asysta.db'));
  const pages: Buffer[] = [];
  for (let off = 0; off + PAGE <= file.length; off += PAGE) pages.push(decryptPage(key, file.subarray(off, off + PAGE), off === 0));
  const walPath = join(dir, 'asysta.db-wal');
  const walBytes = existsSync(walPath) ? statSync(walPath).size : 0;
  const frames: Buffer[] = [];
  if (walBytes > 0) {
    const wal = readFileSync(walPath);
    for (let off = 32; off + 24 + PAGE <= wal.length; off += 24 + PAGE) {
      const pgno = wal.readUInt32BE(off);
      frames.push(decryptPage(key, wal.subarray(off + 24, off + 24 + PAGE), pgno === 1));
    }
  }
  return { db: Buffer.concat(pages), wal: Buffer.concat(frames), walBytes };
}
const hitsIn = (buf: Buffer, needles: string[]) => needles.filter((n) => buf.includes(Buffer.from(n, 'utf8')));

describe('retention queue and anonymisation', () => {
  it('queue shows exactly the expired cases (no names); wrong token refused; the run keeps the statistics and leaves no identifying string in the file', async () => {
    // ---- 2015: family A worked with, closed, monitored and archived; family B closed at once ----
    const A = familyOf({ surnameF: 'Przybyszewska', surnameM: 'Przybyszewski', mother: 'Zdzisława', son: 'Gniewomir', younger: 'Bożydar', street: 'ul. Jarzębinowa 17', place: 'Pigża', phone: '600 987 654', extra: 'Wrzosek-Ćwikła', birth: ['1984-03-07', '2009-05-14', '2012-08-19'] });
    const { f: fa, c: ca } = await consented(A, '2015-01-12');
    const ar = team.ar.s;
    await ar.ok('assessments:create', { caseId: ca.id, kind: 'initial', assessedOn: '2015-01-12', areas: areas(), strengths: 'Zdzisława gotuje obiady', familyView: 'Rodzina Przybyszewskich chce zmian', recommendation: 'continue' });
    await ar.ok('plans:save', {
      caseId: ca.id,
      basedOnVersion: null,
      drawnUpOn: '2015-01-12',
      mainGoal: 'Powrót Gniewomira do domu przy Jarzębinowej',
      consultedWithSocialWorker: true,
      coordinatedWithFosterCareCoordinator: true,
      krpzCoordination: 'Uzgodniono z koordynatorką Marianną Sójką-Wilk',
      goals: [
        {
          id: 'g1',
          title: 'Spłata długu u Wrzosek-Ćwikła',
          areaCode: 'FINANCES',
          actions: [{ id: 'a1', description: 'Rozmowa ze spółdzielnią w Pigży', responsible: 'Zdzisława', responsibleKind: 'family', dueDate: '2015-03-31', expectedEffect: 'Ugoda Przybyszewskiej' }],
        },
      ],
    });
    const visit = await ar.ok('entries:create', {
      caseId: ca.id,
      kind: 'visit',
      on: '2015-01-12',
      start: '10:00',
      end: '11:30',
      place: 'home',
      participants: ['Zdzisława Przybyszewska', 'Bożydar'],
      doneSinceLast: 'Gniewomir opowiadał o szkole w Pigży i kolędzie u Wrzosek-Ćwikła',
      agreedFamily: 'Zdzisława zbierze rachunki',
      agreedAssistant: 'Telefon do kuratora Teofila',
      km: 8,
    });
    await ar.ok('court:create', { caseId: ca.id, court: 'Sąd Rejonowy w Chełmży', department: 'III Wydział Rodzinny', caseRef: 'III Nsm 77/15', requestedOn: '2015-01-12', termDays: 14, scope: 'Opinia o Zdzisławie Przybyszewskiej', note: 'Kurator Teofil dzwonił' });
    const mother = (await ar.ok('families:get', { id: fa.id })).members.find((m) => !m.isChild)!;
    await ar.ok('authorisations:create', {
      familyId: fa.id,
      caseId: ca.id,
      kind: 'special',
      grantors: [{ memberId: mother.id, name: 'Zdzisława Przybyszewska' }],
      granteeId: team.ar.id,
      institutions: ['Poradnia w Łysomicach'],
      matters: ['Zapisy Gniewomira'],
      description: 'Sprawy Gniewomira Przybyszewskiego',
      signedOn: '2015-01-12',
      validFrom: '2015-01-12',
    });
    await ar.ok('supporting:register', {
      caseId: ca.id,
      name: 'Rodzina Jaskółków',
      address: 'ul. Kalinowa 4',
      place: 'Pigża',
      phone: '603 444 555',
      relationToChild: 'chrzestni Gniewomira',
      members: [{ firstName: 'Ignacy', lastName: 'Jaskółka', pesel: makePesel('1970-02-02', 'M', 901), finalConvictionIntentionalCrime: false }],
    });
    await ar.ok('drafts:save', { formKey: `entry:${ca.id}:visit`, data: { doneSinceLast: 'Szkic: Zdzisława dzwoniła z Pigży' } });

    await moveClock('2015-06-30');
    // The visit is locked by now: a correction is a dated addendum.
    await ar.ok('entries:addendum', { targetType: 'entry', targetId: visit.entry.id, text: 'Dopisek: Bożydar chory na odrę' });
    await ar.ok('assessments:create', {
      caseId: ca.id,
      kind: 'final',
      assessedOn: '2015-06-30',
      areas: areas(),
      strengths: 'Zdzisława pracuje',
      recommendation: 'close',
      recommendationNote: 'Zdzisława spłaciła dług w Pigży',
      goalAttainment: [{ goalId: 'g1', goal: 'Spłata długu u Wrzosek-Ćwikła', status: 'achieved', evidence: 'Ugoda Przybyszewskiej z Wrzosek-Ćwikła' }],
      monitoringPlan: 'Telefon do Zdzisławy co dwa tygodnie przez 3 miesiące',
    });
    let cur = await ar.ok('cases:get', { id: ca.id });
    await ar.ok('closure:close', { caseId: ca.id, version: cur.version, on: '2015-06-30', reason: 'CEL', reasonJustification: 'Zdzisława spłaciła dług; pozostałe trudności poza planem', note: 'Przybyszewscy poradzą sobie' });
    await moveClock('2015-09-30');
    cur = await admin.ok('cases:get', { id: ca.id });
    await admin.ok('closure:endMonitoring', { caseId: ca.id, version: cur.version, on: '2015-09-30', note: 'Monitoring u Przybyszewskich zakończony' });

    const B = familyOf({ surnameF: 'Wierzbięta', surnameM: 'Wierzbięta', mother: 'Wisława', son: 'Radogost', younger: 'Przemko', street: 'ul. Modrzewiowa 2', place: 'Złotoria', phone: '604 321 765', extra: 'Kołodziejczak', birth: ['1979-11-23', '2004-01-30', '2008-07-04'] });
    const { c: cb } = await concluded(B, '2015-09-30');
    // Family D: one case closed in 2015 (past its period), a second one still open -> held back.
    const D = familyOf({ surnameF: 'Kędzierska', surnameM: 'Kędzierski', mother: 'Genowefa', son: 'Ziemowit', younger: 'Bolesław', street: 'ul. Świerkowa 9', place: 'Rogówko', phone: '605 246 802', extra: 'Pięta-Żmuda', birth: ['1988-02-17', '2011-10-05', '2013-12-12'] });
    const { familyId: fd, c: cd1 } = await concluded(D, '2015-09-30');

    // ---- 2016: family C closed (B10 runs until 31.12.2026); family D reported again ----
    await moveClock('2016-02-01');
    const C = familyOf({ surnameF: 'Ostrowidzka', surnameM: 'Ostrowidzki', mother: 'Sabina', son: 'Mieszko', younger: 'Lech', street: 'ul. Grabowa 11', place: 'Mierzynek', phone: '606 135 791', extra: 'Gałązka', birth: ['1990-06-06', '2013-03-03', '2015-09-09'] });
    const { c: cc } = await concluded(C, '2016-02-01');
    const cd2 = (await team.ps.s.ok('cases:intake', { familyId: fd, source: 'social-worker', learnedOn: '2016-02-01', urgent: false, courtOrder: null })).case;

    // ---- 2026-11-22 ----
    await moveClock('2026-11-22');

    // Queue: A and B are due; D's old case is past its period but held back; C runs until 31.12.2026.
    const queue = await admin.ok('retention:queue', { scope: 'closed' });
    const byNo = new Map(queue.items.map((i) => [i.caseNumber, i]));
    expect(byNo.get(ca.caseNumber)).toMatchObject({ state: 'ARCHIWUM', monitoringEndedOn: '2015-09-30', basis: 'monitoring-end', startsOn: '2016-01-01', endsOn: '2025-12-31', category: 'B10', eligible: true, familyEligible: true });
    expect(byNo.get(cb.caseNumber)).toMatchObject({ state: 'ZAMKNIETA', basis: 'closure', endsOn: '2025-12-31', eligible: true, familyEligible: true });
    expect(byNo.get(cc.caseNumber)).toMatchObject({ status: 'running', endsOn: '2026-12-31', eligibleFrom: '2027-01-01', eligible: false });
    expect(byNo.get(cd1.caseNumber)).toMatchObject({ eligible: true, familyEligible: false });
    expect(byNo.get(cd1.caseNumber)!.findings.map((f) => f.code)).toContain('RETENTION_FAMILY_HELD');
    expect(byNo.has(cd2.caseNumber)).toBe(false); // open cases are not in the queue
    const due = await admin.ok('retention:queue', { scope: 'due' });
    expect(due.items.map((i) => i.caseNumber).sort()).toEqual([ca.caseNumber, cb.caseNumber, cd1.caseNumber].sort());
    expect(due.counts).toMatchObject({ due: 3, dueFamilies: 2, anonymised: 0 });

    // A's and B's identifying strings must go; C's and D's must stay.
    const goneNeedles = [
      ...A.needles,
      ...B.needles,
      'Gniewomir opowiadał',
      'Jaskółk',
      'ul. Kalinowa 4',
      '603 444 555',
      'III Nsm 77/15',
      'Łysomic',
      'Szkic: Zdzisława',
      'Wiesława Gąsiorowska',
      'Sójką-Wilk',
      'Dopisek: Bożydar',
    ];
    const keptNeedles = [...C.needles, ...D.needles].filter((n) => !/^\d{4}-\d{2}-\d{2}$/.test(n));
    // No names or addresses in the queue (the DPO reads it).
    const queueText = JSON.stringify(queue);
    expect(hitsIn(Buffer.from(queueText), [...goneNeedles, ...keptNeedles])).toEqual([]);

    // ---- Who may do what ----
    const dpoAcc = await admin.ok('users:create', { login: 'iod', fullName: 'Ireneusz Obłoński', role: 'dpo', password: PASSWORD, personalLimit: null });
    const dpo = app.session();
    await dpo.ok('auth:login', { login: 'iod', password: PASSWORD });
    expect((await dpo.ok('retention:queue', { scope: 'due' })).items.length).toBe(3);
    expect((await dpo.ok('retention:runs', {})).length).toBe(0);
    expect((await dpo.ok('retention:settings', {})).rules['case-file']).toEqual({ jrwaSymbol: '', category: 'B', years: 10 });
    for (const [s, ch] of [
      [dpo, 'retention:prepare'],
      [team.ar.s, 'retention:queue'],
      [team.ps.s, 'retention:queue'],
      [team.ar.s, 'retention:runs'],
    ] as const) {
      const r = await s.call(ch, {} as never);
      expect(failure(r).code).toBe('FORBIDDEN');
    }
    const dpoRun = await dpo.call('retention:run', { token: 'x', confirmed: true });
    expect(failure(dpoRun).code).toBe('FORBIDDEN');
    const dpoSet = await dpo.call('retention:saveSettings', { version: 0, rules: (await admin.ok('retention:settings', {})).rules });
    expect(failure(dpoSet).code).toBe('FORBIDDEN');
    expect(dpoAcc.role).toBe('dpo');

    // ---- Prepare; a wrong token and a token made stale by a settings change are refused ----
    const before = statisticsSnapshot();
    const figuresBefore = await reportFigures();
    // The families of 2015 are counted (the comparison below is not between empty reports).
    expect(figuresBefore['2015-H1']!.some(([, v]) => v > 0)).toBe(true);
    const sqlite = app.sql;
    const prepared = await admin.ok('retention:prepare', {});
    expect(prepared.cases.map((c) => c.caseNumber).sort()).toEqual([ca.caseNumber, cb.caseNumber].sort());
    expect(prepared.families).toBe(2);
    expect(prepared.heldBack.map((h) => h.caseNumber)).toEqual([cd1.caseNumber]);
    const wrong = await admin.call('retention:run', { token: '0'.repeat(64), confirmed: true });
    expect(failure(wrong).code).toBe('STALE_EDIT');
    expect(failure(wrong).message).toContain('Lista spraw do anonimizacji zmieniła się');
    const unconfirmed = await admin.call('retention:run', { token: prepared.token, confirmed: false as never });
    expect(failure(unconfirmed).code).toBe('VALIDATION');
    expect(statisticsSnapshot()).toEqual(before);
    expect((sqlite.prepare('SELECT count(*) AS n FROM families WHERE anonymised_on IS NOT NULL').get() as { n: number }).n).toBe(0);

    const settings = await admin.ok('retention:settings', {});
    const saved = await admin.ok('retention:saveSettings', { version: settings.version, rules: { ...settings.rules, 'case-file': { jrwaSymbol: '4010', category: 'B', years: 10 } } });
    expect(saved).toMatchObject({ version: 1, isDefault: false });
    expect(saved.rules['case-file'].jrwaSymbol).toBe('4010');
    expect((await dpo.ok('audit:list', { action: 'retention.settings_update' })).items[0]?.details).toMatchObject({ version: 1, changed: ['case-file'] });
    const stale = await admin.call('retention:run', { token: prepared.token, confirmed: true });
    expect(failure(stale).code).toBe('STALE_EDIT');
    const staleSettings = await admin.call('retention:saveSettings', { version: 0, rules: settings.rules });
    expect(failure(staleSettings).code).toBe('STALE_EDIT');

    // Before the run the decrypted file holds the data (the inspection below can see it).
    const key = (await Keystore.load(dir, TEST_SCRYPT).unlockWithPassword(ADMIN.login, ADMIN.password))!.dataKey;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(hitsIn(decryptedImage(key).db, ['Przybyszewska', 'Gniewomir opowiadał', 'ul. Jarzębinowa 17'])).toEqual(['Przybyszewska', 'Gniewomir opowiadał', 'ul. Jarzębinowa 17']);

    // The search index (family_search, full-text) holds the family's words too, folded.
    sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, family_search, row)');
    const indexed = (words: string[]) => words.map(foldPolish).filter((w) => sqlite.prepare('SELECT 1 FROM temp.search_terms WHERE term = ?').get(w));
    const searchWords = [A.needles[0]!, B.needles[0]!, 'Jarzębinowa'];
    expect(indexed(searchWords)).toEqual(searchWords.map(foldPolish));
    // Its pages store the folded words (prefix-compressed: the tail of each word is in the bytes).
    const indexTails = searchWords.map((w) => foldPolish(w).slice(2));
    expect(hitsIn(sqlite.prepare('SELECT block FROM family_search_data').pluck().all().reduce<Buffer>((acc, b) => Buffer.concat([acc, b as Buffer]), Buffer.alloc(0)), indexTails)).toEqual(indexTails);

    // ---- The run ----
    const again = await admin.ok('retention:prepare', {});
    const res = await admin.ok('retention:run', { token: again.token, confirmed: true, archiveConsent: 'AP-T.4231.15.2026 z 10.11.2026' });
    expect(res.compaction.done).toBe(true);
    expect(res.run.caseNumbers.sort()).toEqual([ca.caseNumber, cb.caseNumber].sort());
    expect(res.run.summary).toMatchObject({ families: 2, cases: 2, members: 6, assessments: 2, workPlans: 1, entries: 1, addenda: 1, courtRequests: 1, authorisations: 1, supportingFamilies: 1, drafts: 1, settingsVersion: 1, archiveConsent: 'AP-T.4231.15.2026 z 10.11.2026' });

    // Statistics unchanged, except the birth dates kept to the year (the snapshot keeps only the year).
    expect(statisticsSnapshot()).toEqual(before);
    expect(await reportFigures()).toEqual(figuresBefore);

    // No identifying string in the file (every page decrypted, free pages included) nor in the WAL.
    const image = decryptedImage(key);
    expect(image.db.includes(Buffer.from('zanonimizowano'))).toBe(true);
    expect(hitsIn(image.db, goneNeedles)).toEqual([]);
    expect(image.walBytes === 0 || hitsIn(image.wal, goneNeedles).length === 0).toBe(true);
    expect(plaintextHits(dir, goneNeedles)).toEqual([]);
    // Nor in the search index: the anonymised words are gone from it, not only marked deleted.
    expect(indexed(searchWords)).toEqual([]);
    expect(hitsIn(image.db, indexTails)).toEqual([]);
    expect((await admin.ok('families:list', { query: A.needles[0]! })).total).toBe(0);
    // Other families are untouched.
    expect(hitsIn(image.db, keptNeedles)).toEqual(keptNeedles);
    expect(sqlite.prepare('SELECT count(*) AS n FROM family_members WHERE pesel IS NOT NULL AND family_id IN (SELECT family_id FROM cases WHERE anonymised_on IS NOT NULL)').get()).toEqual({ n: 0 });

    // The family still opens (for the head), marked anonymised, with its cases and their history.
    const fam = await admin.ok('families:get', { id: fa.id });
    expect(fam.members.map((m) => [m.firstName, m.lastName, m.isChild, m.birthDate])).toEqual([
      ['zanonimizowano', 'zanonimizowano', false, '1984-01-01'],
      ['zanonimizowano', 'zanonimizowano', true, '2009-01-01'],
      ['zanonimizowano', 'zanonimizowano', true, '2012-01-01'],
    ]);
    expect(fam.anonymisedOn).toBe('2026-11-22');
    expect((await admin.ok('cases:get', { id: ca.id })).closureReason).toBe('CEL');
    // Every screen of the anonymised case still reads (the stored shapes stay valid for the contract).
    const assessmentsAfter = await admin.ok('assessments:list', { caseId: ca.id });
    expect(assessmentsAfter.map((x) => x.kind).sort()).toEqual(['final', 'initial']);
    for (const a of assessmentsAfter) await admin.ok('assessments:get', { id: a.id });
    expect((await admin.ok('plans:versions', { caseId: ca.id }))[0]!.goals[0]!.actions[0]).toMatchObject({ responsibleKind: 'family', dueDate: '2015-03-31', description: 'zanonimizowano' });
    expect((await admin.ok('entries:list', { caseId: ca.id })).map((e) => [e.kind, e.on])).toContainEqual(['visit', '2015-01-12']);
    expect((await admin.ok('court:list', { caseId: ca.id }))[0]).toMatchObject({ court: 'zanonimizowano', caseRef: 'zanonimizowano', requestedOn: '2015-01-12' });
    expect((await admin.ok('authorisations:list', { familyId: fa.id }))[0]!.grantors[0]!.name).toBe('zanonimizowano');
    expect((await admin.ok('supporting:list', { familyId: fa.id }))[0]).toMatchObject({ name: 'zanonimizowano', status: 'candidate' });
    await admin.ok('cases:get', { id: cb.id });
    // ...but nothing of it can be changed any more, nor a new case started in it.
    const refusedEdit = await admin.call('families:update', { ...fam, keepNiebieskaKartaDetails: true, phone: '600 000 000' } as never);
    expect(refusedEdit).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('zanonimizowano 22.11.2026 r.') } });
    const refusedIntake = await admin.call('cases:intake', { familyId: fa.id, source: 'social-worker', learnedOn: '2026-11-20', urgent: false });
    expect(refusedIntake).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // The queue: nothing due; the run recorded; the audit entry carries ids and counts only.
    const afterQ = await admin.ok('retention:queue', { scope: 'closed' });
    expect(afterQ.counts).toMatchObject({ due: 1, dueFamilies: 0, anonymised: 2 });
    expect(afterQ.items.find((i) => i.caseId === ca.id)).toMatchObject({ anonymisedOn: '2026-11-22', eligible: false });
    const runs = await dpo.ok('retention:runs', {});
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ byUserId: expect.any(String), summary: { families: 2 } });
    const auditRun = (await admin.ok('audit:list', { action: 'retention.run' })).items[0]!;
    expect(auditRun.details).toMatchObject({ caseIds: expect.arrayContaining([ca.id, cb.id]), familyIds: expect.arrayContaining([fa.id]) });
    expect(hitsIn(Buffer.from(JSON.stringify(auditRun)), goneNeedles)).toEqual([]);
    // A second run right away has nothing to do.
    const empty = await admin.ok('retention:prepare', {});
    expect(empty.cases).toEqual([]);
    const none = await admin.call('retention:run', { token: empty.token, confirmed: true });
    expect(failure(none).code).toBe('RULE_BLOCKED');
  });
});

/**
 * Documents that agree with the record (issue 13 item 4), on a real encrypted office through the
 * IPC contract: the koordynator rodzinnej pieczy zastępczej named before a plan for a family with
 * a child in foster care, and printed with a signature line in the plan.
 */
import { describe, expect, it } from 'vitest';
import { makePesel } from '../../db/demo/generate';
import { ASSESSMENT_AREAS } from '../../shared/rules/index';
import type { ChannelInput } from '../../shared/ipc/contract';
import { failure, type TestApp, type TestSession } from '../helpers';
import { family, useStaffedOffice, type Staff } from './registryFixtures';

let admin: TestSession;
let team: Staff;
let app: TestApp;
useStaffedOffice((o) => ({ admin, team, app } = o));

function areas(): ChannelInput<'assessments:create'>['areas'] {
  const a: Record<string, unknown> = {};
  ASSESSMENT_AREAS.forEach((x) => (a[x.code] = { rating: -1, justification: `Uzasadnienie: ${x.label}` }));
  return a as ChannelInput<'assessments:create'>['areas'];
}

const FOSTER_CHILD = {
  firstName: 'Zuzanna',
  lastName: 'Baran',
  pesel: makePesel('2015-06-01', 'F', 771),
  isChild: true,
  relation: 'córka',
  placement: { kind: 'foster-care' as const, since: '2026-09-01', form: 'rodzina zastępcza spokrewniona', pcpr: 'PCPR w Toruniu' },
};

/** Intake -> … -> consent (22.11.2026) for a family whose daughter is in foster care. */
async function fosterCase(analysis = 'Matka nie radzi sobie z opieką nad młodszym dzieckiem; córka w pieczy zastępczej od 1.09.2026.') {
  const ps = team.ps.s;
  const f = (
    await ps.ok(
      'families:create',
      family('Baran', {
        members: [
          { firstName: 'Halina', lastName: 'Baran', pesel: makePesel('1988-03-03', 'F', 770), isChild: false, relation: 'matka', isHead: true },
          FOSTER_CHILD,
          { firstName: 'Antoni', lastName: 'Baran', birthDate: '2019-02-03', isChild: true, relation: 'syn' },
        ],
      }),
    )
  ).family;
  let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false, courtOrder: null })).case;
  const step = async (s: TestSession, payload: Record<string, unknown>) => {
    c = (await s.ok('cases:transition', { caseId: c.id, version: c.version, payload } as never)).case;
  };
  await step(ps, { action: 'recordInterview', interviewOn: '2026-11-20' });
  await step(ps, { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true });
  await step(ps, { action: 'submitRequest', requestOn: '2026-11-21', justification: 'Trudności opiekuńczo-wychowawcze.', analysis });
  await step(admin, { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' });
  await step(team.ar.s, { action: 'recordConsent', basis: { kind: 'written-consent', consentOn: '2026-11-22' } });
  return { f, c };
}

const plan = (caseId: string): ChannelInput<'plans:save'> => ({
  caseId,
  basedOnVersion: null,
  drawnUpOn: '2026-11-22',
  mainGoal: 'Powrót Zuzanny do domu',
  consultedWithSocialWorker: true,
  coordinatedWithFosterCareCoordinator: true,
  krpzCoordination: 'Spotkanie w PCPR 20.11.2026: kontakty z córką co tydzień.',
  goals: [
    {
      id: 'g1',
      title: 'Przygotowanie domu na powrót córki',
      areaCode: 'CHILDREN_LEGAL_SITUATION',
      actions: [{ id: 'a1', description: 'Regularne odwiedziny córki', responsible: 'matka', responsibleKind: 'family', dueDate: '2027-02-28', expectedEffect: 'Kontakty co tydzień' }],
    },
  ],
});

describe('art. 15 ust. 1 pkt 2: a plan with a child in foster care names the koordynator rodzinnej pieczy zastępczej', () => {
  it('the plan is refused until the KRPZ is named in the child\'s placement; then the plan prints the KRPZ with a signature line', async () => {
    const { f, c } = await fosterCase();
    const ar = team.ar.s;
    await ar.ok('assessments:create', { caseId: c.id, kind: 'initial', assessedOn: '2026-11-22', areas: areas(), recommendation: 'continue' });

    const current = await ar.ok('plans:current', { caseId: c.id });
    expect(current.fosterCareCoordinators.findings.map((x) => x.code)).toEqual(['WORK_PLAN_KRPZ_NOT_NAMED']);
    const refused = await ar.call('plans:save', plan(c.id));
    expect(failure(refused).code).toBe('RULE_BLOCKED');
    expect(failure(refused).message).toContain('Zuzanna Baran przebywa w pieczy zastępczej');
    expect(failure(refused).findings?.[0]?.basis).toContain('art. 15 ust. 1 pkt 2');

    // The assistant fills in the KRPZ in the family's card (the child's placement).
    const card = await ar.ok('families:get', { id: f.id });
    await ar.ok('families:update', {
      id: card.id,
      version: card.version,
      address: card.address,
      postalCode: card.postalCode,
      place: card.place,
      gmina: card.gmina,
      area: card.area,
      phone: card.phone,
      members: card.members.map((m) => ({
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        pesel: m.pesel,
        birthDate: m.pesel ? null : m.birthDate,
        isChild: m.isChild,
        relation: m.relation,
        isHead: m.isHead,
        placement: m.firstName === 'Zuzanna' ? { ...FOSTER_CHILD.placement, krpz: { name: 'Ewa Kordas', phone: '56 600 00 00', address: 'PCPR w Toruniu, ul. Towarowa 4' } } : m.placement,
      })),
    });
    const saved = await ar.ok('plans:save', plan(c.id));
    expect(saved.plan.krpz).toEqual([{ child: 'Zuzanna Baran', name: 'Ewa Kordas', address: 'PCPR w Toruniu, ul. Towarowa 4' }]);

    const doc = await admin.ok('documents:html', { caseId: c.id, kind: 'work-plan' });
    expect(doc.html).toContain('Ewa Kordas (Zuzanna Baran)');
    expect(doc.html).toMatch(/Ewa Kordas<\/div>\(data i podpis: koordynator rodzinnej pieczy zastępczej\)/);
    expect(doc.html).toContain('Ustalenia z koordynatorem: Spotkanie w PCPR 20.11.2026');
  });
});

describe('art. 11 ust. 2–3: the request carries the analysis; a court order appears only from its date', () => {
  const box = (html: string, label: string) => {
    const m = new RegExp(`<span class="box">(X?)</span>${label}`).exec(html);
    expect(m, label).not.toBeNull();
    return m![1] === 'X';
  };

  it('a request without the analysis (and no note from the analysis step) is refused; with it, the analysis is section 2', async () => {
    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Kowalczyk'))).family;
    let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'social-worker', learnedOn: '2026-11-16', urgent: false, courtOrder: null })).case;
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true } })).case;
    const bare = await ps.call('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', requestOn: '2026-11-21', justification: 'Trudności.' } });
    expect(failure(bare).code).toBe('RULE_BLOCKED');
    expect(failure(bare).findings?.map((x) => x.code)).toEqual(['REQUEST_ANALYSIS_MISSING']);
    expect(failure(bare).fields).toMatchObject({ analysis: expect.stringContaining('analizę sytuacji rodziny') });
    const analysis = 'Matka pracuje zmianowo, dzieci pozostają bez opieki po szkole; zaległości w nauce syna.';
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', requestOn: '2026-11-21', justification: 'Trudności.', analysis } })).case;
    // The family of a social-worker referral gets a court order after the request (22.11 > 21.11).
    c = (await admin.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'assign', assistantId: team.ar.id, decidedOn: '2026-11-22' } })).case;
    c = (
      await team.ar.s.ok('cases:transition', {
        caseId: c.id,
        version: c.version,
        payload: { action: 'recordConsent', basis: { kind: 'court-order', court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 9/26', date: '2026-11-22' } },
      })
    ).case;
    const doc = (await admin.ok('documents:html', { caseId: c.id, kind: 'assistant-request' })).html;
    expect(doc).toContain(analysis);
    expect(box(doc, 'współpraca z asystentem wynika z postanowienia sądu')).toBe(false);
    expect(box(doc, 'uzyskano pisemną zgodę rodziny na współpracę z asystentem')).toBe(false);
  });

  it('the note of the analysis step stands for the analysis; an order dated before the request ticks the box', async () => {
    const ps = team.ps.s;
    const f = (await ps.ok('families:create', family('Wieczorek'))).family;
    const order = { court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 5/26', date: '2026-11-02' };
    let c = (await ps.ok('cases:intake', { familyId: f.id, source: 'court-order', learnedOn: '2026-11-16', urgent: false, courtOrder: order })).case;
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordInterview', interviewOn: '2026-11-20' } })).case;
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'recordAnalysis', analysisOn: '2026-11-20', careDifficultiesFound: true, note: 'Zaniedbania higieniczne i opiekuńcze młodszych dzieci.' } })).case;
    c = (await ps.ok('cases:transition', { caseId: c.id, version: c.version, payload: { action: 'submitRequest', requestOn: '2026-11-21', justification: 'Postanowienie sądu.' } })).case;
    const doc = (await admin.ok('documents:html', { caseId: c.id, kind: 'assistant-request' })).html;
    expect(doc).toContain('Zaniedbania higieniczne i opiekuńcze młodszych dzieci.');
    expect(box(doc, 'współpraca z asystentem wynika z postanowienia sądu')).toBe(true);
  });
});

describe('before printing: the documents list says where the file disagrees with itself', () => {
  it('records written before the rules (a periodic assessment without goals, a plan after the closure) are flagged on their documents', async () => {
    const { c } = await fosterCase();
    const ar = team.ar.s;
    const card = await ar.ok('families:get', { id: c.familyId });
    const zuzanna = card.members.find((m) => m.firstName === 'Zuzanna')!;
    const sqlite = app.sql;
    sqlite.prepare('UPDATE family_members SET placement = ? WHERE id = ?').run(JSON.stringify({ ...FOSTER_CHILD.placement, krpz: { name: 'Ewa Kordas' } }), zuzanna.id);
    await ar.ok('assessments:create', { caseId: c.id, kind: 'initial', assessedOn: '2026-11-22', areas: areas(), recommendation: 'continue' });
    await ar.ok('plans:save', plan(c.id));
    expect((await ar.ok('documents:list', { caseId: c.id })).findings).toEqual([]);
    // Legacy rows, as an older version or a direct import could have left them.
    sqlite
      .prepare(
        `INSERT INTO assessments (id, case_id, family_id, kind, assessed_on, period_from, period_to, areas, body, recommendation, distribution, author_id, created_at, updated_at, version)
         VALUES ('legacy-1', ?, ?, 'periodic', '2026-11-22', NULL, NULL, ?, '{"goalAttainment":[]}', 'continue', '{"recipients":[{"role":"head","name":"K","address":"A"}]}', ?, '2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z', 1)`,
      )
      .run(c.id, c.familyId, JSON.stringify(areas()), team.ar.id);
    sqlite.prepare("UPDATE cases SET closed_on = '2026-11-21', closure_reason = 'CEL', state = 'MONITORING' WHERE id = ?").run(c.id);
    const list = await ar.ok('documents:list', { caseId: c.id });
    expect(list.findings.map((f) => `${f.document}:${f.ref}:${f.code}`)).toEqual([
      'work-plan:1:WORK_PLAN_AFTER_CLOSURE',
      'assessment-periodic:legacy-1:ASSESSMENT_GOAL_NOT_ASSESSED',
      'assessment-periodic:legacy-1:ASSESSMENT_NEXT_DATE_MISSING',
      'assessment-periodic:legacy-1:ASSESSMENT_AFTER_CLOSURE',
    ]);
    expect(list.findings[1]!.message).toContain('„Przygotowanie domu na powrót córki”');
  });
});

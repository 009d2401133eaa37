/**
 * Demo cases for generated families: every state of both tracks, court-ordered and art. 11
 * ust. 1a cases, a waiting list, Za życiem requests and supporting families — with history
 * events. Assistants stay within their limits: a handful of families are worked on now, most of
 * a large dataset are historical (closed or archived) files, as in a gmina of ~10 000 people.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from '../../shared/rules/isoDate';
import { DEFAULT_CASE_SETTINGS, formatCaseNumber } from '../../shared/registrySchemas';
import type { CaseSource, CaseState, CaseTrack } from '../../shared/rules/lifecycle';
import { foldPolish } from '../../shared/text';
import type { SqliteHandle } from '../open';
import { refreshFamilyIndex } from '../services/registry';
import { prng } from './generate';

/** The social worker's analysis after the RWŚ (art. 11 ust. 2), as it is written on the request. */
const ANALYSES = [
  'Matka samotnie wychowuje dzieci i nie radzi sobie z organizacją dnia: dzieci spóźniają się do szkoły, nie mają stałych godzin nauki i posiłków; zaległości czynszowe za pół roku.',
  'Rodzice nie utrzymują kontaktu ze szkołą; starsze dziecko opuściło w semestrze ponad 30% zajęć. W domu częste konflikty, brak konsekwencji wychowawczej; rodzina korzysta z zasiłków okresowych.',
  'Po utracie pracy przez ojca narastają długi i konflikty; matka zgłasza trudności w opiece nad najmłodszym dzieckiem. Warunki mieszkaniowe skromne, ale wystarczające.',
  'Zaniedbania higieniczne i zdrowotne młodszych dzieci (zaległe szczepienia, brak kontroli u pediatry); rodzice deklarują chęć zmiany i zgadzają się na wsparcie asystenta.',
];

/** The koordynator rodzinnej pieczy zastępczej of the demo's foster placements (invented). */
export const DEMO_KRPZ = { name: 'Ewa Kordas', phone: '56 622 10 15', email: 'koordynator@pcpr.example.pl', address: 'Powiatowe Centrum Pomocy Rodzinie w Toruniu, ul. Towarowa 4, 87-100 Toruń' };

interface Staff {
  id: string;
  login: string;
  fullName: string;
  role: string;
  personalLimit?: number | null;
}

const GENERAL_PATH: CaseState[] = [
  'ZGLOSZENIE', 'RWS_PRZEPROWADZONY', 'ANALIZA', 'WNIOSEK_PS', 'PRZYDZIELONY', 'PIERWSZY_KONTAKT', 'ZGODA', 'OCENA_WSTEPNA',
  'PLAN_PRACY', 'REALIZACJA', 'MONITORING', 'ARCHIWUM',
];
const ZZ_PATH: CaseState[] = ['WNIOSEK_ZZ', 'WERYFIKACJA', 'PRZYDZIELONY', 'KONTAKT_I_ZGODA', 'KATALOG_WSPARCIA', 'KOORDYNACJA', 'MONITORING', 'ARCHIWUM'];
const ACTION_INTO: Partial<Record<CaseState, string>> = {
  RWS_PRZEPROWADZONY: 'recordInterview', ANALIZA: 'recordAnalysis', WNIOSEK_PS: 'submitRequest', PRZYDZIELONY: 'assign',
  PIERWSZY_KONTAKT: 'recordFirstContact', ZGODA: 'recordConsent', KONTAKT_I_ZGODA: 'recordConsent', OCENA_WSTEPNA: 'startInitialAssessment',
  PLAN_PRACY: 'adoptPlan', REALIZACJA: 'startRealisation', MONITORING: 'close', ARCHIWUM: 'archive', WERYFIKACJA: 'verifyZz',
  KATALOG_WSPARCIA: 'drawUpCatalogue', KOORDYNACJA: 'startCoordination', LISTA_OCZEKUJACYCH: 'waitlist', SKIEROWANIE_DO_PODMIOTU: 'forward',
  ZAWIESZENIE: 'suspend',
};

/** A planned case: track, source, final state and (for early closures) the step it closed after. */
interface Plan {
  track: CaseTrack;
  source: CaseSource;
  state: CaseState;
  closedAfter?: CaseState;
  closureReason?: string;
  assistant?: number;
  ageDays: number;
  /** Days from the first step to the last (default: up to today). History cases end in the past. */
  lifeDays?: number;
}

function pathTo(p: Plan): CaseState[] {
  const path = p.track === 'general' ? GENERAL_PATH : ZZ_PATH;
  if (p.state === 'ZAMKNIETA') return [...path.slice(0, path.indexOf(p.closedAfter!) + 1), 'ZAMKNIETA'];
  if (p.state === 'LISTA_OCZEKUJACYCH' || p.state === 'SKIEROWANIE_DO_PODMIOTU') return [...path.slice(0, 4), p.state];
  if (p.state === 'ZAWIESZENIE') return [...path.slice(0, path.indexOf(p.track === 'general' ? 'REALIZACJA' : 'KOORDYNACJA') + 1), 'ZAWIESZENIE'];
  return path.slice(0, path.indexOf(p.state) + 1);
}

export interface DemoCaseSummary {
  cases: number;
  caseEvents: number;
  byState: Record<string, number>;
  zaZyciem: number;
  courtOrdered: number;
  art11_1a: number;
  supportingFamilies: number;
}

export function seedDemoCases(
  sqlite: SqliteHandle,
  familyIds: string[],
  staff: Staff[],
  admin: Staff,
  opts: { today: string; seed?: number; at: string },
): DemoCaseSummary {
  const r = prng((opts.seed ?? 2026) + 17);
  const assistants = staff.filter((s) => s.role === 'assistant');
  const ps = staff.find((s) => s.role === 'social_worker') ?? admin;
  const plans: Plan[] = [];
  // 1. Families being worked on now: each assistant filled to two below the limit.
  const activeStates: CaseState[] = ['PRZYDZIELONY', 'PIERWSZY_KONTAKT', 'ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA', 'REALIZACJA', 'REALIZACJA', 'ZAWIESZENIE'];
  const zzActive: CaseState[] = ['PRZYDZIELONY', 'KONTAKT_I_ZGODA', 'KATALOG_WSPARCIA', 'KOORDYNACJA'];
  assistants.forEach((a, ai) => {
    const n = Math.min(15, a.personalLimit ?? 15) - 2;
    for (let i = 0; i < n; i++) {
      const zz = i % 6 === 5;
      const source: CaseSource = zz ? 'za-zyciem' : i % 7 === 3 ? 'court-order' : i % 11 === 8 ? 'minor-parent-leaving-institution' : i % 5 === 1 ? 'family-request' : i % 4 === 2 ? 'institution' : i % 9 === 4 ? 'child-in-foster-care' : 'social-worker';
      plans.push({ track: zz ? 'za-zyciem' : 'general', source, state: zz ? zzActive[i % zzActive.length]! : activeStates[i % activeStates.length]!, assistant: ai, ageDays: 20 + Math.floor(r() * 380) });
    }
    for (let i = 0; i < 3; i++) plans.push({ track: 'general', source: 'social-worker', state: 'MONITORING', assistant: ai, ageDays: 620 + Math.floor(r() * 300) });
  });
  // 2. Waiting for the head or the social worker.
  const pending: Array<Omit<Plan, 'ageDays'>> = [
    { track: 'general', source: 'social-worker', state: 'ZGLOSZENIE' },
    { track: 'general', source: 'institution', state: 'ZGLOSZENIE' },
    { track: 'general', source: 'family-request', state: 'RWS_PRZEPROWADZONY' },
    { track: 'general', source: 'social-worker', state: 'ANALIZA' },
    { track: 'general', source: 'social-worker', state: 'WNIOSEK_PS' },
    { track: 'general', source: 'minor-parent-leaving-institution', state: 'WNIOSEK_PS' },
    { track: 'general', source: 'court-order', state: 'WNIOSEK_PS' },
    { track: 'general', source: 'institution', state: 'LISTA_OCZEKUJACYCH' },
    { track: 'general', source: 'family-request', state: 'SKIEROWANIE_DO_PODMIOTU' },
    { track: 'za-zyciem', source: 'za-zyciem', state: 'WNIOSEK_ZZ' },
    { track: 'za-zyciem', source: 'za-zyciem', state: 'WERYFIKACJA' },
  ];
  for (const p of pending) plans.push({ ...p, ageDays: 1 + Math.floor(r() * 12) });
  // 3. History: everything else, closed or archived.
  const closedKinds: Array<Omit<Plan, 'ageDays' | 'assistant'>> = [
    { track: 'general', source: 'social-worker', state: 'ARCHIWUM' },
    { track: 'general', source: 'institution', state: 'ARCHIWUM' },
    { track: 'general', source: 'court-order', state: 'ARCHIWUM' },
    { track: 'za-zyciem', source: 'za-zyciem', state: 'ARCHIWUM' },
    { track: 'general', source: 'social-worker', state: 'ZAMKNIETA', closedAfter: 'ANALIZA', closureReason: 'BRAK_PRZESLANEK' },
    { track: 'general', source: 'family-request', state: 'ZAMKNIETA', closedAfter: 'WNIOSEK_PS', closureReason: 'ODMOWA_PRZYDZIELENIA' },
    { track: 'general', source: 'social-worker', state: 'ZAMKNIETA', closedAfter: 'PRZYDZIELONY', closureReason: 'BRAK_ZGODY' },
    { track: 'za-zyciem', source: 'za-zyciem', state: 'ZAMKNIETA', closedAfter: 'WERYFIKACJA', closureReason: 'ODMOWA_ZZ' },
  ];
  while (plans.length < familyIds.length) {
    const k = closedKinds[plans.length % closedKinds.length]!;
    const ageDays = 500 + Math.floor(r() * 3000);
    // Spread over the years as a real office's history: each case ran for 8 months to 2 years and
    // ended long ago (not all of them this year), so a report period meets only its own cases.
    const lifeDays = Math.min(ageDays - 90, 240 + ((plans.length * 53) % 480));
    plans.push({ ...k, assistant: Math.floor(r() * Math.max(1, assistants.length)), ageDays, lifeDays });
  }
  plans.length = Math.min(plans.length, familyIds.length);

  const insCase = sqlite.prepare(
    `INSERT INTO cases (id, family_id, track, source, state, case_number, seq_year, seq_no, urgent, learned_on, interview_due_on, interview_on,
       care_difficulties_found, request_on, court_order, decision, decided_on, decided_by, forwarded_to, assistant_id, assigned_on,
       consent_basis, consent_on, closed_on, closure_reason, zz_category, received_on, zz_documents, verified_on, details, referred_by,
       created_at, updated_at, version)
     VALUES (@id, @familyId, @track, @source, @state, @caseNumber, @seqYear, @seqNo, @urgent, @learnedOn, @interviewDueOn, @interviewOn,
       @care, @requestOn, @courtOrder, @decision, @decidedOn, @decidedBy, @forwardedTo, @assistantId, @assignedOn,
       @consentBasis, @consentOn, @closedOn, @closureReason, @zzCategory, @receivedOn, @zzDocuments, @verifiedOn, @details, @referredBy,
       @at, @at, @version)`,
  );
  const insEv = sqlite.prepare(
    `INSERT INTO case_events (case_id, at, user_id, user_login, user_name, action, from_state, to_state, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const seq = new Map<number, number>();
  const byState: Record<string, number> = {};
  let events = 0;
  const caseOf: Array<{ id: string; familyId: string; state: CaseState; assistantId: string | null; track: CaseTrack }> = [];
  const ordered = plans.map((p, i) => ({ p, familyId: familyIds[i]! })).sort((a, b) => b.p.ageDays - a.p.ageDays);
  const addCase = (p: Plan, familyId: string) => {
    const start = addDays(opts.today, -p.ageDays);
    const year = Number(start.slice(0, 4));
    const seqNo = (seq.get(year) ?? 0) + 1;
    seq.set(year, seqNo);
    const path = pathTo(p);
    const life = p.lifeDays ?? p.ageDays;
    const step = Math.max(1, Math.floor(life / (path.length + 1)));
    const dateOf = (s: CaseState) => addDays(start, Math.min(life, path.indexOf(s) * step));
    const has = (s: CaseState) => path.includes(s);
    const a = p.assistant !== undefined && has('PRZYDZIELONY') ? assistants[p.assistant % assistants.length] ?? null : null;
    const court = p.source === 'court-order' ? { court: 'Sąd Rejonowy w Toruniu, III Wydział Rodzinny i Nieletnich', caseRef: `III Nsm ${100 + seqNo}/${String(year).slice(2)}`, date: addDays(start, -10) } : null;
    const consentBasis = has('ZGODA') || has('KONTAKT_I_ZGODA') ? (p.source === 'court-order' ? 'court-order' : p.source === 'minor-parent-leaving-institution' ? 'art-11-1a' : 'written-consent') : null;
    const id = randomUUID();
    const zz = p.track === 'za-zyciem';
    const category = zz ? (['ZZ1', 'ZZ2', 'ZZ3', 'ZZ4', 'ZZ5'] as const)[seqNo % 5]! : null;
    insCase.run({
      id, familyId, track: p.track, source: p.source, state: p.state,
      caseNumber: formatCaseNumber(DEFAULT_CASE_SETTINGS.caseNumberPattern, seqNo, year), seqYear: year, seqNo,
      urgent: !zz && seqNo % 13 === 0 ? 1 : 0,
      learnedOn: zz ? null : start,
      interviewDueOn: zz ? null : addDays(start, 18),
      interviewOn: has('RWS_PRZEPROWADZONY') ? dateOf('RWS_PRZEPROWADZONY') : null,
      care: has('ANALIZA') ? (p.closureReason === 'BRAK_PRZESLANEK' ? 0 : 1) : null,
      requestOn: has('WNIOSEK_PS') ? dateOf('WNIOSEK_PS') : null,
      courtOrder: court ? JSON.stringify(court) : null,
      decision: has('PRZYDZIELONY') ? 'assign' : p.state === 'LISTA_OCZEKUJACYCH' ? 'waitlist' : p.state === 'SKIEROWANIE_DO_PODMIOTU' ? 'forward' : p.closureReason?.startsWith('ODMOWA') ? 'refuse' : null,
      decidedOn: has('PRZYDZIELONY') ? dateOf('PRZYDZIELONY') : null,
      decidedBy: has('PRZYDZIELONY') || p.closureReason?.startsWith('ODMOWA') ? admin.id : null,
      forwardedTo: p.state === 'SKIEROWANIE_DO_PODMIOTU' ? 'Stowarzyszenie „Rodzina Razem” (zadanie zlecone)' : null,
      assistantId: a?.id ?? null,
      assignedOn: a ? dateOf('PRZYDZIELONY') : null,
      consentBasis,
      consentOn: consentBasis ? dateOf(zz ? 'KONTAKT_I_ZGODA' : 'ZGODA') : null,
      closedOn: p.state === 'ZAMKNIETA' || has('MONITORING') ? addDays(start, life - Math.min(life, 90)) : null,
      closureReason: p.closureReason ?? (has('MONITORING') ? (zz ? 'ZZ_KONIEC' : 'CEL') : null),
      zzCategory: category,
      receivedOn: zz ? start : null,
      zzDocuments: zz ? JSON.stringify(category === 'ZZ4'
        ? { pregnancyDocument: false, certificate: { issuer: 'lek. Anna Neonatolog', nfzContracted: true, qualification: 'specialist-title', field: 'neonatology', issuedOn: addDays(start, -5), condition: 'incurable-life-threatening-illness', origin: 'prenatal' }, medicalCareFromWeek10: null }
        : { pregnancyDocument: category !== 'ZZ5', certificate: null, medicalCareFromWeek10: null }) : null,
      verifiedOn: has('WERYFIKACJA') ? dateOf('WERYFIKACJA') : null,
      details: JSON.stringify({
        reportedBy: zz ? 'wniosek rodziny' : 'pracownik socjalny',
        description: '',
        // As the request and consent steps record them (see detailsUpdate in db/services/cases.ts).
        ...(has('WNIOSEK_PS')
          ? {
              // Art. 11 ust. 2: the social worker's analysis is section 2 of the request.
              analysis: { note: ANALYSES[seqNo % ANALYSES.length]! },
              request: {
                analysis: ANALYSES[seqNo % ANALYSES.length]!,
                justification: 'W toku rodzinnego wywiadu środowiskowego stwierdzono trudności w wypełnianiu funkcji opiekuńczo-wychowawczych; rodzina potrzebuje wsparcia w organizacji opieki nad dziećmi i w prowadzeniu gospodarstwa domowego.',
                attachments: ['kwestionariusz rodzinnego wywiadu środowiskowego', ...(court ? ['odpis postanowienia sądu'] : [])],
              },
            }
          : {}),
        ...(consentBasis ? { consent: { meetingPlace: 'w miejscu zamieszkania rodziny', meetingFrequency: seqNo % 2 ? 'raz w tygodniu' : 'raz na dwa tygodnie' } } : {}),
      }),
      referredBy: ps.id,
      at: opts.at,
      version: path.length,
    });
    // A family whose child is in foster care (S7): the placement with its PCPR and KRPZ, from
    // before the referral (the report counts it from the placement, not from the source alone).
    if (p.source === 'child-in-foster-care') {
      const child = sqlite.prepare('SELECT id, birth_date AS birthDate FROM family_members WHERE family_id = ? AND is_child = 1 ORDER BY birth_date LIMIT 1').get(familyId) as
        | { id: string; birthDate: string }
        | undefined;
      if (child) {
        const since = child.birthDate > addDays(start, -45) ? child.birthDate : addDays(start, -45);
        const placement = { kind: 'foster-care', since, form: 'rodzina zastępcza spokrewniona', pcpr: 'Powiatowe Centrum Pomocy Rodzinie w Toruniu', krpz: DEMO_KRPZ };
        sqlite.prepare('UPDATE family_members SET placement = ? WHERE id = ?').run(JSON.stringify(placement), child.id);
      }
    }
    let prev: CaseState | null = null;
    for (const s of path) {
      const who = ['PRZYDZIELONY', 'LISTA_OCZEKUJACYCH', 'SKIEROWANIE_DO_PODMIOTU', 'ARCHIWUM'].includes(s) || (s === 'ZAMKNIETA' && p.closureReason?.startsWith('ODMOWA'))
        ? admin
        : ['ZGLOSZENIE', 'WNIOSEK_ZZ', 'RWS_PRZEPROWADZONY', 'ANALIZA', 'WNIOSEK_PS', 'WERYFIKACJA'].includes(s) || (s === 'ZAMKNIETA' && p.closureReason === 'BRAK_PRZESLANEK')
          ? ps
          : (a ?? admin);
      const action = prev === null ? (zz ? 'zzRequest' : 'intake') : s === 'ZAMKNIETA' ? ({ BRAK_PRZESLANEK: 'concludeNoAssistantNeeded', ODMOWA_PRZYDZIELENIA: 'refuse', BRAK_ZGODY: 'recordRefusal', ODMOWA_ZZ: 'refuseZz' } as Record<string, string>)[p.closureReason!]! : ACTION_INTO[s]!;
      insEv.run(id, `${s === 'ZAMKNIETA' ? addDays(start, life - Math.min(life, 90)) : dateOf(s)}T09:00:00.000Z`, who.id, who.login, who.fullName, action, prev, s,
        JSON.stringify({ demo: true, ...(s === 'PRZYDZIELONY' && a ? { assistantName: a.fullName } : {}) }));
      events++;
      prev = s;
    }
    byState[p.state] = (byState[p.state] ?? 0) + 1;
    caseOf.push({ id, familyId, state: p.state, assistantId: a?.id ?? null, track: p.track });
  };
  for (const { p, familyId } of ordered) addCase(p, familyId);

  // One family on both tracks: besides its general case in realisation, a Za życiem case (the
  // mother is pregnant again) with the same assistant, so the family card lists two cases.
  const twoTrack = [...caseOf].reverse().find((c) => c.track === 'general' && c.state === 'REALIZACJA' && c.assistantId);
  if (twoTrack) {
    const plan: Plan = {
      track: 'za-zyciem',
      source: 'za-zyciem',
      state: 'KATALOG_WSPARCIA',
      assistant: Math.max(0, assistants.findIndex((s) => s.id === twoTrack.assistantId)),
      ageDays: 45,
    };
    plans.push(plan);
    addCase(plan, twoTrack.familyId);
  }

  // Supporting families: one established (act, contract, reimbursement), one candidate.
  let supporting = 0;
  const withConsent = caseOf.filter((c) => ['ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA'].includes(c.state) && c.assistantId);
  const insSf = sqlite.prepare(
    `INSERT INTO supporting_families (id, case_id, family_id, assistant_id, name, address, place, phone, relation_to_child, members,
       conviction_statement_on, head_opinion, status, act, contract, created_at, updated_at, version)
     VALUES (@id, @caseId, @familyId, @assistantId, @name, @address, @place, '', @relation, @members, @statement, @opinion, @status, @act, @contract, @at, @at, 1)`,
  );
  const sfSpecs = [
    { name: 'Rodzina Kwiatkowskich', relation: 'sąsiedzi z tej samej ulicy', status: 'established' },
    { name: 'Rodzina Majewskich', relation: 'dziadkowie ze strony matki', status: 'candidate' },
  ];
  sfSpecs.slice(0, withConsent.length).forEach((spec, i) => {
    const c = withConsent[i]!;
    const id = randomUUID();
    const est = spec.status === 'established';
    const surname = spec.name.split(' ')[1]!.replace(/ich$/, 'i');
    insSf.run({
      id, caseId: c.id, familyId: c.familyId, assistantId: c.assistantId, name: spec.name, address: `ul. Lipowa ${4 + i}`, place: 'Grębocin',
      relation: spec.relation,
      members: JSON.stringify([
        { firstName: 'Jan', lastName: surname, pesel: null, birthDate: '1962-03-14', finalConvictionIntentionalCrime: false },
        { firstName: 'Maria', lastName: surname.replace(/i$/, 'a'), pesel: null, birthDate: '1964-08-02', finalConvictionIntentionalCrime: false },
      ]),
      statement: addDays(opts.today, -40),
      opinion: JSON.stringify({ positive: true, on: addDays(opts.today, -35), interviewOn: addDays(opts.today, -45) }),
      status: spec.status,
      act: est ? JSON.stringify({ by: 'head-authorised', authorisation: 'Zarządzenie Wójta Gminy Lubicz nr 14/2025', number: `RW.1.${2025}`, on: addDays(opts.today, -30) }) : null,
      contract: est ? JSON.stringify({ number: `U/RW/1/${2025}`, on: addDays(opts.today, -30), monthlyLimitGr: 40000, totalLimitGr: 480000 }) : null,
      at: opts.at,
    });
    if (est) {
      sqlite
        .prepare(`INSERT INTO supporting_reimbursements (id, supporting_family_id, paid_on, amount_gr, description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(randomUUID(), id, addDays(opts.today, -3), 18450, 'Dojazdy z dziećmi do poradni psychologiczno-pedagogicznej', admin.id, opts.at);
    }
    supporting++;
  });

  return {
    cases: caseOf.length,
    caseEvents: events,
    byState,
    zaZyciem: plans.filter((p) => p.track === 'za-zyciem').length,
    courtOrdered: plans.filter((p) => p.source === 'court-order').length,
    art11_1a: plans.filter((p) => p.source === 'minor-parent-leaving-institution').length,
    supportingFamilies: supporting,
  };
}

/** Areas (rejony) by place, and the denormalised search/sort columns, for generated families. */
export function finishDemoFamilies(sqlite: SqliteHandle, familyIds: string[]): void {
  const places = sqlite.prepare('SELECT id, place FROM families').all() as Array<{ id: string; place: string }>;
  const setArea = sqlite.prepare('UPDATE families SET area = ? WHERE id = ?');
  for (const f of places) setArea.run(foldPolish(f.place) < 'l' ? 'Rejon I' : foldPolish(f.place) < 'n' ? 'Rejon II' : 'Rejon III', f.id);
  for (const id of familyIds) refreshFamilyIndex(sqlite, id);
}

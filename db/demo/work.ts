/**
 * Demo work with the families (issue 4): assessment histories, plans with revisions, visits and
 * notes, court opinion requests, Za życiem catalogues with authorisations, monitoring — dated
 * relative to `today` so the morning screen shows a realistic mix of overdue and upcoming work.
 * Written directly (like the demo cases), after seedDemoCases.
 */
import { randomUUID } from 'node:crypto';
import { ASSESSMENT_AREAS } from '../../shared/rules/assessment';
import { addMonthsClamped } from '../../shared/rules/calendar';
import { addDays } from '../../shared/rules/isoDate';
import { peselCheckDigit } from '../../shared/rules/pesel';
import type { SqliteHandle } from '../open';
import { prng } from './generate';

export interface DemoWorkSummary {
  assessments: number;
  planVersions: number;
  entries: number;
  courtRequests: number;
  catalogueItems: number;
  authorisations: number;
}

const JUST = ['Obserwacja podczas wizyt domowych.', 'Na podstawie rozmowy z matką i informacji ze szkoły.', 'Dokumenty okazane przez rodzinę.', 'Zgodnie z ustaleniami z pracownikiem socjalnym.'];

export function seedDemoWork(sqlite: SqliteHandle, opts: { today: string; at: string; seed?: number }): DemoWorkSummary {
  const r = prng((opts.seed ?? 2026) + 41);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const sum: DemoWorkSummary = { assessments: 0, planVersions: 0, entries: 0, courtRequests: 0, catalogueItems: 0, authorisations: 0 };
  const cases = sqlite
    .prepare(
      `SELECT c.id, c.family_id AS familyId, c.track, c.source, c.state, c.assistant_id AS assistantId, u.full_name AS assistantName,
              c.consent_on AS consentOn, c.closed_on AS closedOn, c.court_order AS courtOrder
         FROM cases c LEFT JOIN users u ON u.id = c.assistant_id
        WHERE c.consent_on IS NOT NULL AND c.state NOT IN ('ZAMKNIETA','ARCHIWUM') ORDER BY c.seq_year, c.seq_no`,
    )
    .all() as Array<{ id: string; familyId: string; track: string; source: string; state: string; assistantId: string | null; assistantName: string | null; consentOn: string; closedOn: string | null; courtOrder: string | null }>;
  const insA = sqlite.prepare(
    `INSERT INTO assessments (id, case_id, family_id, kind, assessed_on, period_from, period_to, areas, body, recommendation, distribution, author_id, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const insP = sqlite.prepare(
    `INSERT INTO work_plans (id, case_id, family_id, version_no, drawn_up_on, content, change_note, diff, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insE = sqlite.prepare(
    `INSERT INTO case_entries (id, case_id, family_id, kind, on_date, start_time, end_time, minutes, km_tenths, body, author_id, author_name, recorded_on, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const stamp = (d: string) => `${d}T10:00:00.000Z`;
  // The distribution list of periodic and final assessments (head, social worker, KRPZ), as
  // assessments:create writes it.
  const office = sqlite.prepare('SELECT name, address, postal_code AS postalCode, place, head_name AS headName FROM office WHERE id = 1').get() as
    | { name: string; address: string; postalCode: string; place: string; headName: string }
    | undefined;
  const officeAddress = office ? `${office.address}, ${office.postalCode} ${office.place}` : '';
  const ps = sqlite.prepare("SELECT full_name AS name FROM users WHERE role = 'social_worker' ORDER BY created_at LIMIT 1").get() as { name: string } | undefined;
  const fosterOf = (familyId: string) =>
    (sqlite.prepare("SELECT first_name || ' ' || last_name AS name, placement FROM family_members WHERE family_id = ? AND is_child = 1 ORDER BY sort_order").all(familyId) as Array<{ name: string; placement: string | null }>)
      .map((m) => ({ name: m.name, p: m.placement ? (JSON.parse(m.placement) as { kind?: string; krpz?: { name?: string; address?: string } }) : null }))
      .filter((m) => m.p?.kind === 'foster-care');
  const distribution = (familyId: string) =>
    JSON.stringify({
      recipients: [
        { role: 'head', name: office ? `${office.headName}, kierownik ${office.name}` : 'Kierownik ośrodka', address: officeAddress },
        ...(ps ? [{ role: 'social-worker', name: ps.name, address: officeAddress }] : []),
        ...fosterOf(familyId).map((m) => ({ role: 'krpz', name: m.p?.krpz?.name ?? 'Koordynator rodzinnej pieczy zastępczej', address: m.p?.krpz?.address ?? '', child: m.name })),
      ],
      findings: [],
    });
  const GOALS = [
    { id: 'g1', title: 'Uporządkowanie budżetu domowego' },
    { id: 'g2', title: 'Regularna nauka i frekwencja dzieci' },
  ];
  const STATUS = ['partly', 'achieved', 'partly', 'not-achieved'] as const;
  const EVIDENCE: Record<string, string> = {
    achieved: 'Potwierdzone dokumentami i obserwacją podczas wizyt.',
    partly: 'Część działań zrealizowana; kontynuacja w kolejnym okresie.',
    'not-achieved': 'Działania nie zostały podjęte — do omówienia z rodziną.',
  };
  const assess = (
    c: (typeof cases)[number],
    kind: 'initial' | 'periodic' | 'final',
    on: string,
    level: number,
    extra: { goals?: boolean; floor?: number } = {},
  ) => {
    const areas: Record<string, unknown> = {};
    ASSESSMENT_AREAS.forEach((a, i) => {
      const v = Math.max(extra.floor ?? -3, Math.min(2, Math.round(level + ((i * 7) % 5) - 2 + (r() - 0.5))));
      areas[a.code] = i === 9 && r() < 0.5 ? { notAssessedReason: 'Dzieci przebywają w domu — nie dotyczy.' } : { rating: v, justification: pick(JUST) };
    });
    // Art. 15 ust. 1 pkt 15: periodic and final assessments assess each goal of the plan in force.
    const goalAttainment = extra.goals
      ? GOALS.map((g, i) => {
          const status = kind === 'final' ? 'achieved' : STATUS[(i + Math.floor(r() * 4)) % STATUS.length]!;
          return { goalId: g.id, goal: g.title, status, evidence: EVIDENCE[status]! };
        })
      : [];
    const body = {
      strengths: 'Rodzina utrzymuje kontakt z asystentem, matka dba o zdrowie dzieci.',
      resources: 'Wsparcie babci, świetlica szkolna.',
      children: [],
      familyView: 'Rodzina chce uregulować zaległości i poprawić relacje ze szkołą.',
      cooperation: 'Dobra',
      compositionChanges: '',
      legalSituationChanges: '',
      goalAttainment,
      recommendation: kind === 'final' ? 'close' : 'continue',
      recommendationNote:
        kind === 'final' ? 'Cele planu pracy osiągnięte; rodzina samodzielnie prowadzi budżet i dba o naukę dzieci.' : kind === 'periodic' ? 'Kontynuacja planu; działania w toku zgodnie z terminami.' : '',
      nextAssessmentOn: kind === 'final' ? null : addMonthsClamped(on, 6),
      monitoringPlan: kind === 'final' ? 'Monitoring przez 3 miesiące po zakończeniu pracy: kontakt telefoniczny co dwa tygodnie i jedna wizyta w miesiącu; w razie pogorszenia — nowe zgłoszenie.' : '',
    };
    insA.run(randomUUID(), c.id, c.familyId, kind, on, null, null, JSON.stringify(areas), JSON.stringify(body), body.recommendation, kind === 'initial' ? null : distribution(c.familyId), c.assistantId, stamp(on), stamp(on));
    sum.assessments++;
  };
  for (const c of cases) {
    if (c.track === 'general') {
      const hasInitial = !['ZGODA'].includes(c.state);
      const initialOn = addDays(c.consentOn, 8 + Math.floor(r() * 15));
      // Nothing of the work is dated after the closure (monitoring follows it).
      const end = c.closedOn ? addDays(c.closedOn, -3) : opts.today;
      // Plans: v1 a week after the initial assessment, a revision six months later.
      const planOn = addDays(initialOn, 7);
      const revOn = addMonthsClamped(planOn, 6);
      const hasPlan = hasInitial && ['PLAN_PRACY', 'REALIZACJA', 'ZAWIESZENIE', 'MONITORING'].includes(c.state) && planOn <= end;
      const hasRevision = hasPlan && revOn <= end && c.state !== 'PLAN_PRACY';
      if (hasInitial && initialOn <= end) assess(c, 'initial', initialOn, -1.5);
      // Periodic assessments roughly every 6 months; some cases let the last one lapse (overdue).
      let last = initialOn;
      let level = -1.5;
      const lapse = !c.closedOn && r() < 0.35;
      while (hasInitial) {
        const next = addDays(addMonthsClamped(last, 6), -Math.floor(r() * 20));
        if (next >= end || (lapse && addMonthsClamped(next, 6) > opts.today)) break;
        level += 0.6;
        assess(c, 'periodic', next, level, { goals: hasPlan && next >= planOn });
        last = next;
      }
      if (c.state === 'MONITORING' && c.closedOn) {
        // Closed with "osiągnięcie celów": the final assessment agrees (goals achieved, no area below −1).
        assess(c, 'final', end, level + 0.8, { goals: hasPlan, floor: -1 });
        sqlite.prepare('UPDATE cases SET monitoring_ends_on = ? WHERE id = ?').run(addMonthsClamped(c.closedOn, 3), c.id);
      }
      if (hasPlan) {
        const goals = [
          { ...GOALS[0]!, areaCode: 'FINANCES', actions: [
            { id: 'a1', description: 'Porozumienie w sprawie spłaty zaległości czynszowych', responsible: 'matka', responsibleKind: 'family', dueDate: addDays(planOn, 60), expectedEffect: 'Podpisane porozumienie ze spółdzielnią', status: 'in-progress', evidence: '' },
            { id: 'a2', description: 'Trening budżetowy (4 spotkania)', responsible: 'asystent', responsibleKind: 'assistant', dueDate: addDays(planOn, 90), expectedEffect: 'Samodzielnie prowadzony budżet miesięczny', status: 'planned', evidence: '' },
          ] },
          { ...GOALS[1]!, areaCode: 'CHILD_FUNCTIONING', actions: [
            { id: 'a3', description: 'Kontakt z wychowawcą co dwa tygodnie', responsible: 'matka', responsibleKind: 'family', dueDate: addDays(planOn, 120), expectedEffect: 'Frekwencja powyżej 90%', status: 'planned', evidence: '' },
            { id: 'a4', description: 'Diagnoza w poradni psychologiczno-pedagogicznej', responsible: 'Poradnia Psychologiczno-Pedagogiczna', responsibleKind: 'institution', dueDate: addDays(planOn, 75), expectedEffect: 'Opinia poradni i zalecenia', status: 'planned', evidence: '' },
          ] },
        ];
        // Art. 15 ust. 1 pkt 2: with a child in foster care the plan is made with the KRPZ.
        const foster = fosterOf(c.familyId);
        const krpz = foster.filter((m) => m.p?.krpz?.name).map((m) => ({ child: m.name, name: m.p!.krpz!.name!, address: m.p!.krpz!.address ?? '' }));
        const content = (gs: unknown) =>
          JSON.stringify({
            mainGoal: foster.length ? 'Poprawa funkcjonowania rodziny i przygotowanie powrotu dziecka z pieczy zastępczej' : 'Poprawa funkcjonowania rodziny i sytuacji dzieci',
            goals: gs,
            childInFosterCare: foster.length > 0,
            coordinatedWithFosterCareCoordinator: foster.length > 0,
            krpzCoordination: foster.length ? 'Plan uzgodniony z koordynatorem rodzinnej pieczy zastępczej na spotkaniu w PCPR; kontakty z dzieckiem co tydzień.' : '',
            krpz,
            consultedWithSocialWorker: true,
            consultation: { on: planOn, socialWorkerName: 'Katarzyna Bąkowska', note: '' },
            risks: '',
            reviewOn: addMonthsClamped(planOn, 6),
          });
        insP.run(randomUUID(), c.id, c.familyId, 1, planOn, content(goals), '', '[]', c.assistantId, stamp(planOn));
        sum.planVersions++;
        if (hasRevision) {
          const g2 = structuredClone(goals);
          g2[0]!.actions[0]!.status = 'done';
          g2[0]!.actions[0]!.evidence = 'Kopia porozumienia w aktach';
          g2[0]!.actions[1]!.dueDate = addDays(revOn, 60);
          const diff = [
            { kind: 'action-changed', goalId: 'g1', actionId: 'a1', field: 'status', from: 'in-progress', to: 'done', text: 'Cel „Uporządkowanie budżetu domowego”, działanie „Porozumienie…”: status: in-progress → done' },
            { kind: 'action-changed', goalId: 'g1', actionId: 'a2', field: 'dueDate', from: goals[0]!.actions[1]!.dueDate, to: addDays(revOn, 60), text: 'Cel „Uporządkowanie budżetu domowego”, działanie „Trening budżetowy”: termin przesunięty' },
          ];
          insP.run(randomUUID(), c.id, c.familyId, 2, revOn, content(g2), 'Aktualizacja po ocenie okresowej', JSON.stringify(diff), c.assistantId, stamp(revOn));
          sum.planVersions++;
        }
      }
    }
    // Visits and notes over the last ~10 weeks of active work; some cases overdue for a visit.
    if (['ZGODA', 'KONTAKT_I_ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA', 'KATALOG_WSPARCIA', 'KOORDYNACJA'].includes(c.state)) {
      const gapToToday = r() < 0.3 ? 16 + Math.floor(r() * 10) : 1 + Math.floor(r() * 12);
      let d = addDays(opts.today, -gapToToday);
      for (let k = 0; k < 6 && d >= c.consentOn; k++) {
        const start = pick(['09:00', '10:30', '12:00', '14:00']);
        const hours = pick([1, 1.5, 2]);
        const [h, m] = start.split(':').map(Number) as [number, number];
        const endMin = h * 60 + m + hours * 60;
        const end = `${String(Math.floor(endMin / 60)).padStart(2, '0')}:${String(endMin % 60).padStart(2, '0')}`;
        const kind = k === 2 && r() < 0.4 ? 'failed-visit' : 'visit';
        const body = kind === 'visit'
          ? { place: 'home', placeDetail: '', participants: ['matka', 'dzieci'], goalIds: ['g1'], actionIds: [], doneSinceLast: 'Opłacono bieżące rachunki.', agreedFamily: 'Zebrać dokumenty do poradni.', agreedAssistant: 'Umówić termin w poradni.', childSafetyConcern: false, childSafetyObservations: '', nextAppointmentOn: null, nextAppointmentTime: null, failedReason: null, contactWith: '', text: 'Rozmowa o budżecie i postępach dzieci w szkole.', actionsTaken: '', informed: '' }
          : { place: 'home', placeDetail: '', participants: [], goalIds: [], actionIds: [], doneSinceLast: '', agreedFamily: '', agreedAssistant: '', childSafetyConcern: false, childSafetyObservations: '', nextAppointmentOn: null, nextAppointmentTime: null, failedReason: 'nobody-home', contactWith: '', text: '', actionsTaken: '', informed: '' };
        insE.run(randomUUID(), c.id, c.familyId, kind, d, kind === 'visit' ? start : null, kind === 'visit' ? end : null, kind === 'visit' ? hours * 60 : 0, Math.round((4 + r() * 20) * 10), JSON.stringify(body), c.assistantId, c.assistantName, d, stamp(d), stamp(d));
        sum.entries++;
        d = addDays(d, -(8 + Math.floor(r() * 7)));
      }
      const noteOn = addDays(opts.today, -Math.floor(r() * 20) - 1);
      insE.run(randomUUID(), c.id, c.familyId, 'note', noteOn, null, null, 0, 0, JSON.stringify({ place: null, placeDetail: '', participants: [], goalIds: [], actionIds: [], doneSinceLast: '', agreedFamily: '', agreedAssistant: '', childSafetyConcern: false, childSafetyObservations: '', nextAppointmentOn: null, nextAppointmentTime: null, failedReason: null, contactWith: 'pedagog szkolny', text: 'Informacja ze szkoły o nieobecnościach dziecka; ustalono wspólne spotkanie.', actionsTaken: 'Rozmowa z matką.', informed: 'pracownik socjalny' }), c.assistantId, c.assistantName, noteOn, stamp(noteOn), stamp(noteOn));
      sum.entries++;
    }
    if (c.state === 'MONITORING' && c.closedOn) {
      const on = addDays(c.closedOn, 30);
      if (on <= opts.today) {
        insE.run(randomUUID(), c.id, c.familyId, 'monitoring', on, null, null, 0, 0, JSON.stringify({ place: null, placeDetail: '', participants: [], goalIds: [], actionIds: [], doneSinceLast: '', agreedFamily: '', agreedAssistant: '', childSafetyConcern: false, childSafetyObservations: '', nextAppointmentOn: null, nextAppointmentTime: null, failedReason: null, contactWith: 'matka', text: 'Kontakt telefoniczny: sytuacja stabilna, dzieci uczęszczają do szkoły.', actionsTaken: '', informed: '' }), c.assistantId, c.assistantName, on, stamp(on), stamp(on));
        sum.entries++;
      }
    }
    // Court opinion requests for court-ordered cases: one open (due soon or overdue), one submitted.
    if (c.source === 'court-order' && c.state !== 'MONITORING') {
      const court = c.courtOrder ? (JSON.parse(c.courtOrder) as { court: string; caseRef: string }) : { court: 'Sąd Rejonowy w Toruniu', caseRef: 'III Nsm 1/26' };
      const reqOn = addDays(opts.today, -(5 + Math.floor(r() * 20)));
      const delivered = addDays(reqOn, 2);
      sqlite
        .prepare(
          `INSERT INTO court_requests (id, case_id, family_id, court, department, case_ref, requested_on, delivered_on, term_days, fixed_due_on, due_on, submitted_on, scope, note, created_at, updated_at, version)
           VALUES (?, ?, ?, ?, 'III Wydział Rodzinny i Nieletnich', ?, ?, ?, 14, NULL, NULL, NULL, 'Opinia o sytuacji rodziny i współpracy z asystentem', '', ?, ?, 1)`,
        )
        .run(randomUUID(), c.id, c.familyId, court.court, court.caseRef, reqOn, delivered, opts.at, opts.at);
      sum.courtRequests++;
    }
    // Za życiem: an authorisation and a catalogue.
    if (c.track === 'za-zyciem' && ['KATALOG_WSPARCIA', 'KOORDYNACJA'].includes(c.state) && c.assistantId) {
      const authId = randomUUID();
      const adult = sqlite.prepare('SELECT first_name || \' \' || last_name AS name, id FROM family_members WHERE family_id = ? AND is_child = 0 LIMIT 1').get(c.familyId) as { name: string; id: string } | undefined;
      sqlite
        .prepare(
          `INSERT INTO authorisations (id, family_id, case_id, kind, grantors, grantee_id, scope, signed_on, valid_from, valid_to, created_at, updated_at, version)
           VALUES (?, ?, ?, 'special', ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        )
        .run(authId, c.familyId, c.id, JSON.stringify([{ memberId: adult?.id ?? null, name: adult?.name ?? 'Matka' }]), c.assistantId, JSON.stringify({ institutions: ['Poradnia', 'ZUS'], matters: ['skierowanie', 'świadczenie'], description: 'Sprawy koordynacji wsparcia „Za życiem”' }), c.consentOn, c.consentOn, addMonthsClamped(c.consentOn, 12), opts.at, opts.at);
      sum.authorisations++;
      const items = [
        { area: 'health', title: 'Skierowanie do poradni genetycznej', provider: 'Poradnia Genetyczna w Toruniu', status: c.state === 'KOORDYNACJA' ? 'applied' : 'proposed', onBehalf: c.state === 'KOORDYNACJA' ? 1 : 0, auth: c.state === 'KOORDYNACJA' ? authId : null },
        { area: 'psychological', title: 'Wsparcie psychologiczne', provider: 'Ośrodek Interwencji Kryzysowej', status: 'obtained', onBehalf: 0, auth: null },
        { area: 'legal', title: 'Porada prawna: urlop rodzicielski', provider: 'Nieodpłatna pomoc prawna — punkt w Lubiczu', status: 'proposed', onBehalf: 0, auth: null },
      ];
      for (const it of items) {
        sqlite
          .prepare(
            `INSERT INTO catalogue_items (id, case_id, family_id, area, title, provider, contact, conditions, cost, status, on_behalf, applied_on, decided_on, authorisation_id, note, created_at, updated_at, version)
             VALUES (?, ?, ?, ?, ?, ?, '', '', 'bezpłatnie', ?, ?, ?, ?, ?, '', ?, ?, 1)`,
          )
          .run(
            randomUUID(),
            c.id,
            c.familyId,
            it.area,
            it.title,
            it.provider,
            it.status,
            it.onBehalf,
            it.status === 'applied' ? c.consentOn : null,
            it.status === 'obtained' ? c.consentOn : null,
            it.auth,
            opts.at,
            opts.at,
          );
        sum.catalogueItems++;
      }
    }
  }
  seedShowcaseCases(sqlite, opts, sum, distribution);
  return sum;
}

const EMPTY_BODY = { place: null, placeDetail: '', participants: [], goalIds: [], actionIds: [], doneSinceLast: '', agreedFamily: '', agreedAssistant: '', childSafetyConcern: false, childSafetyObservations: '', nextAppointmentOn: null, nextAppointmentTime: null, failedReason: null, contactWith: '', text: '', actionsTaken: '', informed: '' };

/** A valid PESEL for a birth date in the 1900s (sex from the 10th digit: even = woman). */
function demoPesel(yymmdd: string, serial: string, sex: 'F' | 'M'): string {
  const ten = `${yymmdd}${serial}${sex === 'F' ? '4' : '5'}`;
  return `${ten}${peselCheckDigit(ten)}`;
}

/**
 * Two showcase cases with data for every document the paper case file has (the docs:render CLI
 * and the document tests use them): a court-ordered general case, closed and monitored, with
 * assessments (initial, periodic, final), a revised plan, visits (one failed), a note, an
 * institution contact, a court opinion request, general and special authorisations and an
 * established supporting family; and a Za życiem case with a catalogue of support (it carries
 * the documents a court-ordered general case cannot: the Za życiem request and the consent).
 */
function seedShowcaseCases(sqlite: SqliteHandle, opts: { today: string; at: string }, sum: DemoWorkSummary, distribution: (familyId: string) => string): void {
  const stamp = (d: string) => `${d}T10:00:00.000Z`;
  const g = sqlite
    .prepare(
      `SELECT c.id, c.family_id AS familyId, c.assistant_id AS assistantId, u.full_name AS assistantName, c.consent_on AS consentOn, c.closed_on AS closedOn
         FROM cases c JOIN users u ON u.id = c.assistant_id
        WHERE c.track = 'general' AND c.state = 'MONITORING' AND c.closed_on IS NOT NULL AND c.consent_on IS NOT NULL ORDER BY c.seq_year, c.seq_no LIMIT 1`,
    )
    .get() as { id: string; familyId: string; assistantId: string; assistantName: string; consentOn: string; closedOn: string } | undefined;
  if (g) {
    // The court order came before the referral (it is why the family was referred): the request,
    // the acknowledgement and the opinion may all cite it.
    const learnedOn = (sqlite.prepare('SELECT learned_on AS l FROM cases WHERE id = ?').get(g.id) as { l: string | null }).l ?? g.consentOn;
    const court = { court: 'Sąd Rejonowy w Toruniu, III Wydział Rodzinny i Nieletnich', caseRef: 'III Nsm 245/25', date: addDays(learnedOn, -14) };
    sqlite.prepare("UPDATE cases SET source = 'court-order', consent_basis = 'court-order', court_order = ? WHERE id = ?").run(JSON.stringify(court), g.id);
    const count = (sql: string) => (sqlite.prepare(sql).get(g.id) as { n: number }).n;
    const insE = sqlite.prepare(
      `INSERT INTO case_entries (id, case_id, family_id, kind, on_date, start_time, end_time, minutes, km_tenths, body, author_id, author_name, recorded_on, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const entry = (kind: string, on: string, body: object, start: string | null = null, end: string | null = null, minutes = 0, km = 0) => {
      insE.run(randomUUID(), g.id, g.familyId, kind, on, start, end, minutes, km, JSON.stringify({ ...EMPTY_BODY, ...body }), g.assistantId, g.assistantName, on, stamp(on), stamp(on));
      sum.entries++;
    };
    const initial = sqlite.prepare("SELECT assessed_on AS on_ FROM assessments WHERE case_id = ? AND kind = 'initial'").get(g.id) as { on_: string } | undefined;
    if (count("SELECT count(*) AS n FROM assessments WHERE case_id = ? AND kind = 'periodic'") === 0 && initial) {
      const src = sqlite.prepare("SELECT areas, body FROM assessments WHERE case_id = ? AND kind = 'initial'").get(g.id) as { areas: string; body: string };
      const on = addMonthsClamped(initial.on_, 6) < addDays(g.closedOn, -20) ? addMonthsClamped(initial.on_, 6) : addDays(g.closedOn, -20);
      // As assessments:create stores it: the goals of the plan in force assessed, the next date.
      const planGoals = sqlite.prepare('SELECT content FROM work_plans WHERE case_id = ? AND drawn_up_on <= ? ORDER BY version_no DESC LIMIT 1').get(g.id, on) as { content: string } | undefined;
      const goals = planGoals ? ((JSON.parse(planGoals.content) as { goals?: Array<{ id: string; title: string }> }).goals ?? []) : [];
      src.body = JSON.stringify({
        ...(JSON.parse(src.body) as object),
        goalAttainment: goals.map((x) => ({ goalId: x.id, goal: x.title, status: 'partly', evidence: 'Działania w toku zgodnie z planem.' })),
        recommendation: 'continue',
        recommendationNote: 'Kontynuacja planu; działania w toku zgodnie z terminami.',
        nextAssessmentOn: addMonthsClamped(on, 6),
      });
      sqlite
        .prepare(
          `INSERT INTO assessments (id, case_id, family_id, kind, assessed_on, period_from, period_to, areas, body, recommendation, distribution, author_id, created_at, updated_at, version)
           VALUES (?, ?, ?, 'periodic', ?, NULL, NULL, ?, ?, 'continue', ?, ?, ?, ?, 1)`,
        )
        .run(randomUUID(), g.id, g.familyId, on, src.areas, src.body, distribution(g.familyId), g.assistantId, stamp(on), stamp(on));
      sum.assessments++;
    }
    const plans = sqlite.prepare('SELECT version_no AS v, drawn_up_on AS on_, content FROM work_plans WHERE case_id = ? ORDER BY version_no').all(g.id) as Array<{ v: number; on_: string; content: string }>;
    if (plans.length === 1) {
      const on = addMonthsClamped(plans[0]!.on_, 6) < addDays(g.closedOn, -15) ? addMonthsClamped(plans[0]!.on_, 6) : addDays(g.closedOn, -15);
      sqlite
        .prepare(`INSERT INTO work_plans (id, case_id, family_id, version_no, drawn_up_on, content, change_note, diff, author_id, created_at) VALUES (?, ?, ?, 2, ?, ?, ?, '[]', ?, ?)`)
        .run(randomUUID(), g.id, g.familyId, on, plans[0]!.content, 'Aktualizacja po ocenie okresowej', g.assistantId, stamp(on));
      sum.planVersions++;
    }
    // Visits in the last weeks of the work (one failed), a note and a contact with the school.
    const visitBody = { place: 'home', participants: ['matka', 'dzieci'], goalIds: ['g1'], doneSinceLast: 'Opłacono bieżące rachunki.', agreedFamily: 'Zebrać dokumenty do poradni.', agreedAssistant: 'Umówić termin w poradni.', text: 'Rozmowa o budżecie i postępach dzieci w szkole.' };
    const signer = sqlite.prepare("SELECT id, first_name || ' ' || last_name AS name FROM family_members WHERE family_id = ? AND is_child = 0 ORDER BY is_head DESC LIMIT 1").get(g.familyId) as
      | { id: string; name: string }
      | undefined;
    const signed = signer ? { familySignatory: { memberId: signer.id, name: signer.name, refused: false, refusalNote: '' } } : {};
    entry('visit', addDays(g.closedOn, -40), { ...visitBody, ...signed }, '10:00', '11:30', 90, 124);
    entry('failed-visit', addDays(g.closedOn, -33), { place: 'home', failedReason: 'nobody-home' }, null, null, 0, 118);
    entry('visit', addDays(g.closedOn, -26), { ...visitBody, ...signed, text: 'Podsumowanie realizacji planu pracy; rodzina samodzielnie prowadzi budżet.' }, '12:00', '13:00', 60, 124);
    // The last visit: the signature was refused ("podpisu odmówiono" on the visit card).
    entry(
      'visit',
      addDays(g.closedOn, -6),
      {
        ...visitBody,
        text: 'Ostatnia wizyta przed zakończeniem pracy z rodziną.',
        ...(signer ? { familySignatory: { memberId: signer.id, name: signer.name, refused: true, refusalNote: 'nie zgadza się z zapisem o zaległościach czynszowych' } } : {}),
      },
      '09:00',
      '10:30',
      90,
      124,
    );
    entry('note', addDays(g.closedOn, -20), { contactWith: 'pedagog szkolny', text: 'Informacja ze szkoły o poprawie frekwencji dziecka.', actionsTaken: 'Rozmowa z matką.', informed: 'pracownik socjalny' });
    entry('institution', addDays(g.closedOn, -18), { contactWith: 'Szkoła Podstawowa im. Mikołaja Kopernika w Grębocinie', text: 'Rozmowa z wychowawczynią o frekwencji i wynikach w nauce.' }, null, null, 30, 60);
    // The court asked for an opinion (submitted before the closure).
    const reqOn = addDays(g.closedOn, -45);
    sqlite
      .prepare(
        `INSERT INTO court_requests (id, case_id, family_id, court, department, case_ref, requested_on, delivered_on, term_days, fixed_due_on, due_on, submitted_on, scope, note, created_at, updated_at, version)
         VALUES (?, ?, ?, 'Sąd Rejonowy w Toruniu', 'III Wydział Rodzinny i Nieletnich', ?, ?, ?, 14, NULL, NULL, ?, 'Opinia o sytuacji opiekuńczo-wychowawczej dzieci i współpracy rodziny z asystentem', '', ?, ?, 1)`,
      )
      .run(randomUUID(), g.id, g.familyId, court.caseRef, reqOn, addDays(reqOn, 3), addDays(reqOn, 14), opts.at, opts.at);
    sum.courtRequests++;
    // Authorisations: a general one and a special one.
    const adult = sqlite.prepare("SELECT first_name || ' ' || last_name AS name, id FROM family_members WHERE family_id = ? AND is_child = 0 ORDER BY is_head DESC LIMIT 1").get(g.familyId) as
      | { name: string; id: string }
      | undefined;
    const insAuth = sqlite.prepare(
      `INSERT INTO authorisations (id, family_id, case_id, kind, grantors, grantee_id, scope, signed_on, valid_from, valid_to, created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
    );
    const grantors = JSON.stringify([{ memberId: adult?.id ?? null, name: adult?.name ?? 'Matka' }]);
    insAuth.run(randomUUID(), g.familyId, g.id, 'general', grantors, g.assistantId, JSON.stringify({ institutions: ['Szkoła Podstawowa w Grębocinie', 'Poradnia Psychologiczno-Pedagogiczna w Toruniu'], matters: ['informacje o postępach w nauce'], description: 'Sprawy dzieci w szkole i poradni' }), g.consentOn, g.consentOn, g.closedOn, opts.at, opts.at);
    insAuth.run(randomUUID(), g.familyId, g.id, 'special', grantors, g.assistantId, JSON.stringify({ institutions: ['Spółdzielnia Mieszkaniowa w Grębocinie'], matters: [], description: 'złożenie wniosku o rozłożenie zaległości czynszowych na raty' }), addDays(g.consentOn, 30), addDays(g.consentOn, 30), addDays(g.consentOn, 60), opts.at, opts.at);
    sum.authorisations += 2;
    // An established supporting family (opinion, act, contract).
    const opinionOn = addDays(g.consentOn, 40);
    sqlite
      .prepare(
        `INSERT INTO supporting_families (id, case_id, family_id, assistant_id, name, address, place, phone, relation_to_child, members,
           conviction_statement_on, head_opinion, status, act, contract, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, 'Rodzina Dąbrowskich', 'ul. Lipowa 12', 'Grębocin', '', 'dziadkowie ze strony matki', ?, ?, ?, 'established', ?, ?, ?, ?, 1)`,
      )
      .run(
        randomUUID(), g.id, g.familyId, g.assistantId,
        JSON.stringify([
          { firstName: 'Halina', lastName: 'Dąbrowska', pesel: demoPesel('620314', '123', 'F'), birthDate: '1962-03-14', finalConvictionIntentionalCrime: false },
          { firstName: 'Józef', lastName: 'Dąbrowski', pesel: demoPesel('600802', '321', 'M'), birthDate: '1960-08-02', finalConvictionIntentionalCrime: false },
        ]),
        addDays(opinionOn, -5),
        JSON.stringify({
          positive: true,
          on: opinionOn,
          interviewOn: addDays(opinionOn, -10),
          justification: 'Dziadkowie utrzymują z wnukami bliski, stały kontakt, mieszkają w tej samej miejscowości i deklarują gotowość pomocy w opiece po szkole oraz w prowadzeniu domu; wywiad nie wykazał przeciwwskazań.',
        }),
        JSON.stringify({
          by: 'head-authorised',
          authorisation: 'Zarządzenie Wójta Gminy Lubicz nr 14/2025',
          // The act's number carries the year of its date (RW.2.2026 for an act of 2026).
          number: `RW.2.${addDays(opinionOn, 7).slice(0, 4)}`,
          on: addDays(opinionOn, 7),
          scope: ['care', 'household'],
          until: addDays(opinionOn, 7 + 364),
        }),
        JSON.stringify({
          number: `U/RW/2/${addDays(opinionOn, 7).slice(0, 4)}`,
          on: addDays(opinionOn, 7),
          monthlyLimitGr: 40000,
          totalLimitGr: 480000,
          scope: ['care', 'household'],
          until: addDays(opinionOn, 7 + 364),
          settlementDay: 5,
          noticeMonths: 1,
        }),
        opts.at, opts.at,
      );
  }
  // A Za życiem case with a catalogue of support (if the loop above gave none).
  const withCatalogue = sqlite.prepare("SELECT count(*) AS n FROM catalogue_items ci JOIN cases c ON c.id = ci.case_id WHERE c.track = 'za-zyciem'").get() as { n: number };
  if (withCatalogue.n === 0) {
    const z = sqlite
      .prepare("SELECT id, family_id AS familyId FROM cases WHERE track = 'za-zyciem' AND assistant_id IS NOT NULL AND consent_on IS NOT NULL ORDER BY seq_year, seq_no LIMIT 1")
      .get() as { id: string; familyId: string } | undefined;
    if (z) {
      sqlite
        .prepare(
          `INSERT INTO catalogue_items (id, case_id, family_id, area, title, provider, contact, conditions, cost, status, on_behalf, applied_on, authorisation_id, note, created_at, updated_at, version)
           VALUES (?, ?, ?, 'psychological', 'Wsparcie psychologiczne', 'Ośrodek Interwencji Kryzysowej', '', '', 'bezpłatnie', 'proposed', 0, NULL, NULL, '', ?, ?, 1)`,
        )
        .run(randomUUID(), z.id, z.familyId, opts.at, opts.at);
      sum.catalogueItems++;
    }
  }
}

/**
 * "Następny krok" (issue 14 item 2): every state of a case shows the usual next step, who takes it,
 * what it opens, and the deadline that applies — the same lifecycle data the main process enforces.
 */
import { describe, expect, it } from 'vitest';
import {
  CASE_STATES,
  CASE_STATE_CODES,
  computeDeadlines,
  NEXT_STEPS,
  nextStep,
  TRANSITIONS,
  type CaseDeadlineFacts,
  type CaseState,
  type CaseTrack,
  type DeadlineItem,
} from '../../../shared/rules/index';

function deadlinesOf(c: Partial<CaseDeadlineFacts>, today: string): DeadlineItem[] {
  return computeDeadlines([{ caseId: 'C', track: 'general', phase: 'active', ...c }], today, {}, { includeOfficeItems: false });
}

const TRACKS: CaseTrack[] = ['general', 'za-zyciem'];
const statesOf = (track: CaseTrack) => CASE_STATE_CODES.filter((s) => CASE_STATES[s].tracks.includes(track));

describe('every state of both tracks has its next step, and the step is a real way out of the state', () => {
  for (const track of TRACKS) {
    for (const state of statesOf(track)) {
      const closed = CASE_STATES[state].phase === 'closed';
      it(`${track} / ${CASE_STATES[state].label}: ${closed ? 'no step (closed)' : 'a step with a target'}`, () => {
        const step = nextStep({ track, state, deadlines: [] });
        if (closed) {
          expect(step).toBeNull();
          return;
        }
        expect(step, `${track}:${state}`).not.toBeNull();
        expect(step!.title).toMatch(/^[A-ZŁŚŻŹĆ]/);
        expect(step!.roles.length).toBeGreaterThan(0);
        const t = step!.target;
        if (t.kind === 'transition') {
          // The action leaves this very state in the lifecycle, and whoever the step names may take it.
          const def = TRANSITIONS[track].find((d) => d.action === t.action && d.from.includes(state));
          expect(def, `${t.action} from ${state}`).toBeDefined();
          for (const r of step!.roles) expect(def!.roles).toContain(r);
        }
      });
    }
  }

  it('the steps follow the usual path: consent → initial assessment → plan → realisation → visits', () => {
    const path: CaseState[] = ['ZGLOSZENIE', 'RWS_PRZEPROWADZONY', 'ANALIZA', 'WNIOSEK_PS', 'PRZYDZIELONY', 'PIERWSZY_KONTAKT', 'ZGODA', 'OCENA_WSTEPNA', 'PLAN_PRACY', 'REALIZACJA'];
    expect(path.map((s) => nextStep({ track: 'general', state: s, careDifficultiesFound: true, deadlines: [] })!.title)).toEqual([
      'Przeprowadź rodzinny wywiad środowiskowy',
      'Zapisz analizę sytuacji rodziny',
      'Złóż wniosek o przydzielenie asystenta rodziny',
      'Podejmij decyzję: przydziel asystenta rodziny',
      'Nawiąż pierwszy kontakt z rodziną',
      'Zapisz zgodę rodziny na współpracę',
      'Sporządź ocenę wstępną sytuacji rodziny',
      'Sporządź plan pracy z rodziną',
      'Rozpocznij realizację planu',
      'Zapisz kolejną wizytę u rodziny',
    ]);
    // After consent the step is no bare state change: it opens the assessment form in "Praca z rodziną".
    expect(nextStep({ track: 'general', state: 'ZGODA', deadlines: [] })!.target).toEqual({ kind: 'work', tab: 'assessments', form: 'initial-assessment' });
    expect(nextStep({ track: 'general', state: 'OCENA_WSTEPNA', deadlines: [] })!.target).toEqual({ kind: 'work', tab: 'plan', form: 'plan' });
  });

  it('the data covers no state outside its track', () => {
    for (const track of TRACKS) for (const s of Object.keys(NEXT_STEPS[track]) as CaseState[]) expect(CASE_STATES[s].tracks).toContain(track);
  });
});

describe('the deadline that applies comes from the deadline engine', () => {
  it('referral: the RWŚ within 14 working days of learning of the family (rozporządzenie o RWŚ § 3 ust. 2)', () => {
    // 14 working days from Monday 7 December 2026, skipping 24–26 December (holidays): 29 December.
    const items = deadlinesOf({ phase: 'intake', learnedOn: '2026-12-07' }, '2026-12-07');
    const step = nextStep({ track: 'general', state: 'ZGLOSZENIE', deadlines: items })!;
    expect(step.deadline).toMatchObject({ kind: 'RWS_DUE', dueDate: '2026-12-29', status: 'upcoming', label: 'Rodzinny wywiad środowiskowy' });
    expect(step.deadline!.basis).toContain('rodzinnego wywiadu środowiskowego');
  });
  it('consent: the initial assessment within the office’s 30 days of consent', () => {
    const items = deadlinesOf({ assignedOn: '2026-11-02', firstContactOn: '2026-11-05', consentOn: '2026-11-05' }, '2026-11-20');
    const step = nextStep({ track: 'general', state: 'ZGODA', deadlines: items })!;
    expect(step.deadline).toMatchObject({ kind: 'INITIAL_ASSESSMENT_DUE', dueDate: '2026-12-05', daysLeft: 15 });
  });
  it('no deadline where the statute sets none: the head’s decision says so in plain words', () => {
    const step = nextStep({ track: 'general', state: 'WNIOSEK_PS', deadlines: [] })!;
    expect(step.deadline).toBeNull();
    expect(step.noDeadline).toBe('Ustawa nie wyznacza terminu decyzji — w praktyce niezwłocznie.');
    expect(step.roles).toEqual(['admin']);
  });
  it('Za życiem: the earliest of the practice terms (assignment in 2 days, information in 14)', () => {
    const items = computeDeadlines(
      [{ caseId: 'Z', track: 'za-zyciem', phase: 'intake', requestReceivedOn: '2026-12-01' }],
      '2026-12-02',
      {},
      { includeOfficeItems: false },
    );
    const step = nextStep({ track: 'za-zyciem', state: 'WNIOSEK_ZZ', deadlines: items })!;
    expect(step.deadline).toMatchObject({ kind: 'ZZ_ASSIGNMENT_DUE', dueDate: '2026-12-03' });
  });
});

describe('variants', () => {
  it('analysis without care difficulties: the step closes the case (no request for an assistant)', () => {
    const step = nextStep({ track: 'general', state: 'ANALIZA', careDifficultiesFound: false, deadlines: [] })!;
    expect(step.target).toEqual({ kind: 'transition', action: 'concludeNoAssistantNeeded' });
    expect(step.key).toBe('general:ANALIZA:no-difficulties');
  });
  it('realisation: a periodic assessment due within the warning window comes before the next visit', () => {
    const facts = { assignedOn: '2026-05-10', consentOn: '2026-05-12', initialAssessmentOn: '2026-06-01', workPlanOn: '2026-06-10', lastVisitOn: '2026-11-20' };
    const calm = nextStep({ track: 'general', state: 'REALIZACJA', deadlines: deadlinesOf(facts, '2026-11-01') })!;
    expect(calm.key).toBe('general:REALIZACJA');
    const pressing = nextStep({ track: 'general', state: 'REALIZACJA', deadlines: deadlinesOf(facts, '2026-11-25') })!;
    expect(pressing.key).toBe('general:REALIZACJA:periodic-assessment');
    expect(pressing.target).toEqual({ kind: 'work', tab: 'assessments', form: 'periodic-assessment' });
    expect(pressing.deadline).toMatchObject({ kind: 'PERIODIC_ASSESSMENT_DUE', dueDate: '2026-12-01', status: 'due-soon' });
  });
  it('Za życiem contact and consent: the catalogue first; once it has items, it is drawn up', () => {
    expect(nextStep({ track: 'za-zyciem', state: 'KONTAKT_I_ZGODA', catalogueItems: 0, deadlines: [] })!.target).toEqual({
      kind: 'work',
      tab: 'catalogue',
      form: 'catalogue-item',
    });
    expect(nextStep({ track: 'za-zyciem', state: 'KONTAKT_I_ZGODA', catalogueItems: 2, deadlines: [] })!.target).toEqual({
      kind: 'transition',
      action: 'drawUpCatalogue',
    });
  });
});

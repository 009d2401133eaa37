import { describe, it, expect } from 'vitest';
import { validateWorkPlan, findingsBlock } from '../../../shared/rules/index';
import type { WorkPlanDraft } from '../../../shared/rules/index';

const plan = (over: Partial<WorkPlanDraft> = {}): WorkPlanDraft => ({
  drawnUpOn: '2026-04-01',
  goals: [
    {
      title: 'Poprawa organizacji dnia dzieci',
      actions: [
        {
          description: 'Ustalenie stałych godzin posiłków i nauki',
          responsible: 'matka',
          dueDate: '2026-05-31',
          expectedEffect: 'Dzieci codziennie odrabiają lekcje',
        },
      ],
    },
  ],
  childInFosterCare: false,
  coordinatedWithFosterCareCoordinator: false,
  consultedWithSocialWorker: true,
  ...over,
});
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('art. 15 ust. 1 pkt 1–2 and ust. 3: the work plan', () => {
  it('a complete plan consulted with the social worker has no findings', () => {
    expect(validateWorkPlan(plan())).toEqual([]);
  });
  it('art. 15 ust. 3: a plan without goals is blocked', () => {
    const f = validateWorkPlan(plan({ goals: [] }));
    expect(codes(f)).toEqual(['WORK_PLAN_NO_GOALS']);
    expect(f[0]?.severity).toBe('blocker');
    expect(f[0]?.basis).toBe('art. 15 ust. 3 ustawy o wspieraniu rodziny i systemie pieczy zastępczej');
  });
  it('art. 15 ust. 3: a goal without actions is blocked', () => {
    const f = validateWorkPlan(plan({ goals: [{ title: 'Praca', actions: [] }] }));
    expect(codes(f)).toEqual(['WORK_PLAN_GOAL_WITHOUT_ACTIONS']);
    expect(f[0]?.message).toContain('Praca');
  });
  it('T40: the action "terapia uzależnień – ojciec" without a deadline is blocked', () => {
    const f = validateWorkPlan(
      plan({
        goals: [
          {
            title: 'Trzeźwość ojca',
            actions: [{ description: 'terapia uzależnień – ojciec', responsible: 'ojciec', expectedEffect: 'Ukończona terapia' }],
          },
        ],
      }),
    );
    expect(codes(f)).toEqual(['WORK_PLAN_ACTION_DUE_DATE_MISSING']);
    expect(findingsBlock(f)).toBe(true);
    expect(f[0]?.message).toBe('Cel 1, działanie 1 („terapia uzależnień – ojciec”): brak terminu realizacji.');
  });
  it('art. 15 ust. 3: an action without an expected effect (missing or blank) is blocked', () => {
    const g = plan().goals[0]!;
    const missing = validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, expectedEffect: undefined }] }] }));
    expect(codes(missing)).toEqual(['WORK_PLAN_ACTION_EFFECT_MISSING']);
    const blank = validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, expectedEffect: '   ' }] }] }));
    expect(codes(blank)).toEqual(['WORK_PLAN_ACTION_EFFECT_MISSING']);
  });
  it('findings name the goal and action by their number', () => {
    const g = plan().goals[0]!;
    const f = validateWorkPlan(
      plan({ goals: [g, { title: 'Drugi cel', actions: [g.actions[0]!, { ...g.actions[0]!, dueDate: undefined, description: 'Wizyta w PPP' }] }] }),
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('Cel 2, działanie 2 („Wizyta w PPP”)');
  });
  it('art. 15 ust. 1 pkt 2: a child in foster care and no coordination with the KRPZ is blocked', () => {
    const f = validateWorkPlan(plan({ childInFosterCare: true }));
    expect(codes(f)).toEqual(['WORK_PLAN_FOSTER_CARE_NOT_COORDINATED']);
    expect(f[0]?.basis).toBe('art. 15 ust. 1 pkt 2 ustawy o wspieraniu rodziny i systemie pieczy zastępczej');
    expect(validateWorkPlan(plan({ childInFosterCare: true, coordinatedWithFosterCareCoordinator: true }))).toEqual([]);
  });
  it('art. 15 ust. 1 pkt 1: a plan not consulted with the social worker only warns', () => {
    const f = validateWorkPlan(plan({ consultedWithSocialWorker: false }));
    expect(codes(f)).toEqual(['WORK_PLAN_NOT_CONSULTED_WITH_SOCIAL_WORKER']);
    expect(f[0]?.severity).toBe('warning');
    expect(findingsBlock(f)).toBe(false);
  });
  it('a due date before the plan was drawn up only warns; the same day is fine', () => {
    const g = plan().goals[0]!;
    const early = validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, dueDate: '2026-03-31' }] }] }));
    expect(codes(early)).toEqual(['WORK_PLAN_ACTION_DUE_BEFORE_PLAN']);
    expect(early[0]?.severity).toBe('warning');
    expect(validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, dueDate: '2026-04-01' }] }] }))).toEqual([]);
  });
  it('a missing responsible person or description warns', () => {
    const g = plan().goals[0]!;
    const f = validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, responsible: '', description: ' ' }] }] }));
    expect(codes(f).sort()).toEqual(['WORK_PLAN_ACTION_DESCRIPTION_MISSING', 'WORK_PLAN_ACTION_RESPONSIBLE_MISSING']);
    expect(findingsBlock(f)).toBe(false);
  });
  it('every problem is reported at once', () => {
    const f = validateWorkPlan({
      drawnUpOn: '2026-04-01',
      goals: [
        { title: 'A', actions: [] },
        { title: 'B', actions: [{ description: 'x', responsible: 'asystent' }] },
      ],
      childInFosterCare: true,
      coordinatedWithFosterCareCoordinator: false,
      consultedWithSocialWorker: false,
    });
    expect(codes(f)).toEqual([
      'WORK_PLAN_GOAL_WITHOUT_ACTIONS',
      'WORK_PLAN_ACTION_DUE_DATE_MISSING',
      'WORK_PLAN_ACTION_EFFECT_MISSING',
      'WORK_PLAN_FOSTER_CARE_NOT_COORDINATED',
      'WORK_PLAN_NOT_CONSULTED_WITH_SOCIAL_WORKER',
    ]);
  });
  it('an impossible date is a RangeError', () => {
    expect(() => validateWorkPlan(plan({ drawnUpOn: '2026-04-31' }))).toThrow(RangeError);
    const g = plan().goals[0]!;
    expect(() => validateWorkPlan(plan({ goals: [{ ...g, actions: [{ ...g.actions[0]!, dueDate: '31.05.2026' }] }] }))).toThrow(RangeError);
  });
});

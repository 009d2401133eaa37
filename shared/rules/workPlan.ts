import type { Finding, IsoDate } from './types';
import { finding } from './findings';
import { assertIsoDate } from './isoDate';

export interface WorkPlanDraft {
  drawnUpOn: IsoDate;
  goals: Array<{
    title: string;
    actions: Array<{
      description: string;
      responsible: string; // family member, assistant, institution
      dueDate?: IsoDate;
      expectedEffect?: string;
    }>;
  }>;
  childInFosterCare: boolean;
  coordinatedWithFosterCareCoordinator: boolean; // with the KRPZ and the child's help plan
  consultedWithSocialWorker: boolean;
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** Blockers: no goal; a goal without actions; an action without a due date or an expected
 *  effect (art. 15 ust. 3); a child in foster care and no coordination (art. 15 ust. 1 pkt 2).
 *  Warning: not consulted with the social worker (pkt 1); a due date before drawnUpOn.
 *  (Also warnings for a goal without a title and an action without a description or a
 *  responsible person.) Goals and actions are numbered from 1 in messages. */
export function validateWorkPlan(plan: WorkPlanDraft): Finding[] {
  const drawnUpOn = assertIsoDate(plan.drawnUpOn, 'drawnUpOn');
  const findings: Finding[] = [];
  if (plan.goals.length === 0) findings.push(finding('WORK_PLAN_NO_GOALS'));
  plan.goals.forEach((g, gi) => {
    const goal = gi + 1;
    if (blank(g.title)) findings.push(finding('WORK_PLAN_GOAL_TITLE_MISSING', { goal }));
    if (g.actions.length === 0) findings.push(finding('WORK_PLAN_GOAL_WITHOUT_ACTIONS', { goal, title: g.title.trim() }));
    g.actions.forEach((a, ai) => {
      const p = { goal, action: ai + 1, description: a.description.trim() };
      if (blank(a.description)) findings.push(finding('WORK_PLAN_ACTION_DESCRIPTION_MISSING', p));
      if (blank(a.responsible)) findings.push(finding('WORK_PLAN_ACTION_RESPONSIBLE_MISSING', p));
      if (blank(a.dueDate)) {
        findings.push(finding('WORK_PLAN_ACTION_DUE_DATE_MISSING', p));
      } else {
        const dueDate = assertIsoDate(a.dueDate as IsoDate, 'action dueDate');
        if (dueDate < drawnUpOn) findings.push(finding('WORK_PLAN_ACTION_DUE_BEFORE_PLAN', { ...p, dueDate, drawnUpOn }));
      }
      if (blank(a.expectedEffect)) findings.push(finding('WORK_PLAN_ACTION_EFFECT_MISSING', p));
    });
  });
  if (plan.childInFosterCare && !plan.coordinatedWithFosterCareCoordinator) {
    findings.push(finding('WORK_PLAN_FOSTER_CARE_NOT_COORDINATED'));
  }
  if (!plan.consultedWithSocialWorker) findings.push(finding('WORK_PLAN_NOT_CONSULTED_WITH_SOCIAL_WORKER'));
  return findings;
}

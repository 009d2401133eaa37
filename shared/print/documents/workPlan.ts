/** 9. Plan pracy z rodziną: scope of actions, deadlines and expected effects (art. 15 ust. 3);
 *  a revision shows its version number and date (domain.md §4.9). */
import type { IsoDate } from '../../rules/types';
import { formatDate, isPresent, text } from '../format';
import { html } from '../html';
import { fields, section, signatures, table, textBlock, type DocumentPart, type Signatory } from '../layout';
import { legalBasis } from '../legal';
import { fullName, membersTable, type DocBase, type FamilyMember, type Staff } from './common';

export interface WorkPlanAction {
  action: string;
  /** Who carries it out: a family member, the assistant, an institution. */
  who: string;
  deadline: IsoDate | null;
  expectedEffect: string;
  resources?: string | null;
  /** Stan realizacji (planned, in-progress, done, not-done, dropped). */
  status?: string | null;
}

const ACTION_STATUS: Readonly<Record<string, string>> = {
  planned: 'zaplanowane',
  'in-progress': 'w trakcie',
  done: 'zrealizowane',
  'not-done': 'niezrealizowane',
  dropped: 'zaniechane',
};

export interface WorkPlanGoal {
  /** Assessment area label, e.g. "Sytuacja materialna, gospodarowanie budżetem". */
  area?: string | null;
  goal: string;
  actions: ReadonlyArray<WorkPlanAction>;
}

export interface WorkPlanView extends DocBase {
  version: number;
  versionDate: IsoDate;
  /** Why this version replaced the previous one (revisions only). */
  revisionReason?: string | null;
  family: { name: string; members: ReadonlyArray<FamilyMember> };
  period?: { from: IsoDate | null; to: IsoDate | null } | null;
  mainGoal: string;
  goals: ReadonlyArray<WorkPlanGoal>;
  risks?: string | null;
  reviewDate?: IsoDate | null;
  /** Child in foster care: the plan is coordinated with the KRPZ (art. 15 ust. 1 pkt 2). */
  fosterCareCoordinator?: string | null;
  /** The koordynatorzy rodzinnej pieczy zastępczej by name (one signature line each), with the
   *  children they coordinate; takes precedence over `fosterCareCoordinator`. */
  fosterCareCoordinators?: ReadonlyArray<{ name: string; children: ReadonlyArray<string> }> | null;
  /** What was agreed with the KRPZ / the child's help plan. */
  fosterCareCoordination?: string | null;
  signatories: ReadonlyArray<FamilyMember>;
  assistant: Staff;
  socialWorker?: Staff | null;
}

export function workPlanDocument(v: WorkPlanView): DocumentPart {
  let n = 0;
  const krpz = v.fosterCareCoordinators ?? (isPresent(v.fosterCareCoordinator) ? [{ name: v.fosterCareCoordinator, children: [] }] : []);
  const rows = v.goals.flatMap((g, gi) => [
    { group: html`Cel ${gi + 1}: ${text(g.goal)}${isPresent(g.area) ? html` <span class="muted">(obszar: ${g.area})</span>` : ''}` },
    ...g.actions.map((it) => [
      `${++n}.`,
      text(it.action),
      text(it.who),
      formatDate(it.deadline, { suffix: false }),
      text(it.expectedEffect),
      it.status && ACTION_STATUS[it.status] ? ACTION_STATUS[it.status]! : text(null),
    ]),
  ]);
  const people: Signatory[] = [
    ...v.signatories.map((m) => ({ role: 'członek rodziny', name: fullName(m) })),
    { role: 'asystent rodziny', name: v.assistant.name },
    ...(v.socialWorker ? [{ role: 'pracownik socjalny (konsultacja planu)', name: v.socialWorker.name }] : []),
    ...krpz.map((k) => ({ role: 'koordynator rodzinnej pieczy zastępczej', name: k.name })),
  ];
  const body = html`
${fields([
    ['Rodzina', text(v.family.name)],
    ['Okres realizacji planu', v.period && v.period.to && v.period.from && v.period.to > v.period.from ? `od ${formatDate(v.period.from)} do ${formatDate(v.period.to)}` : v.period?.from ? `od ${formatDate(v.period.from)}` : text(null)],
    ['Wersja planu', `${v.version} z dnia ${formatDate(v.versionDate)}`],
    ...(v.version > 1 ? ([['Powód aktualizacji', text(v.revisionReason)]] as const) : []),
    ['Termin przeglądu planu', formatDate(v.reviewDate)],
  ])}
${section('1. Członkowie rodziny', membersTable(v.family.members, v.versionDate))}
${section('2. Cel główny', textBlock(v.mainGoal))}
${section('3. Cele szczegółowe, działania, terminy i przewidywane efekty', table(
    [
      { header: 'Lp.', width: 5, align: 'num' },
      { header: 'Działanie', width: 28 },
      { header: 'Realizator', width: 15 },
      { header: 'Termin', width: 10 },
      { header: 'Przewidywany efekt', width: 25 },
      { header: 'Stan realizacji' },
    ],
    rows,
    { small: true, empty: 'brak działań' },
  ))}
${section('4. Ryzyka i sposoby przeciwdziałania', textBlock(v.risks))}
${krpz.length ? html`<p class="small">Plan opracowano także z koordynatorem rodzinnej pieczy zastępczej i skoordynowano z planem pomocy dziecku umieszczonemu w pieczy zastępczej: ${krpz.map((k) => (k.children.length ? `${k.name} (${k.children.join(', ')})` : k.name)).join('; ')}.</p>${isPresent(v.fosterCareCoordination) ? html`<p class="small">Ustalenia z koordynatorem: ${text(v.fosterCareCoordination)}</p>` : ''}` : ''}
<p class="small">Plan opracowano wspólnie z członkami rodziny, w konsultacji z pracownikiem socjalnym.</p>
${signatures(people)}`;
  return {
    kind: 'work-plan',
    title: 'Plan pracy z rodziną',
    subtitle: v.version > 1 ? `aktualizacja – wersja ${v.version} z dnia ${formatDate(v.versionDate)}` : `wersja ${v.version} z dnia ${formatDate(v.versionDate)}`,
    header: v,
    legalBasis: legalBasis('workPlan', v.date),
    body,
  };
}

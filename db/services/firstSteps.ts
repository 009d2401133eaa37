/**
 * "Pierwsze kroki" (issue 14): the facts of a new office's set-up from the database — accounts,
 * areas, the office's details on its letters — joined by the handler with what only the core knows
 * (the recovery key, the backups); shared/firstSteps.ts decides what is done.
 */
import { firstSteps, type FirstStepsFacts } from '../../shared/firstSteps';
import type { Actor } from '../core';
import { AppError } from '../../shared/errors';
import { getCaseSettings } from './caseSettings';
import type { ServiceCtx } from './context';
import { readOfficePapers } from './staff';

export function firstStepsOf(
  ctx: ServiceCtx,
  actor: Actor,
  core: Pick<FirstStepsFacts, 'recoveryKeyConfirmed' | 'backupFolder' | 'lastBackupAt'>,
) {
  if (actor.user.role !== 'admin') throw new AppError('FORBIDDEN');
  const { sqlite } = ctx;
  const counts = sqlite
    .prepare(
      `SELECT sum(role = 'assistant') AS assistants, sum(role = 'social_worker') AS socialWorkers,
              sum(role = 'social_worker' AND (area IS NULL OR trim(area) = '')) AS withoutArea
         FROM users WHERE active = 1`,
    )
    .get() as { assistants: number | null; socialWorkers: number | null; withoutArea: number | null };
  const office = sqlite.prepare('SELECT phone, email FROM office WHERE id = 1').get() as { phone: string; email: string } | undefined;
  const facts: FirstStepsFacts = {
    assistants: counts.assistants ?? 0,
    socialWorkers: counts.socialWorkers ?? 0,
    areaScoping: getCaseSettings(sqlite).areaScoping,
    socialWorkersWithoutArea: counts.withoutArea ?? 0,
    office: { phone: office?.phone ?? '', email: office?.email ?? '' },
    dpoContact: readOfficePapers(sqlite).dpoContact ?? '',
    ...core,
  };
  const steps = firstSteps(facts);
  return { steps, done: steps.every((s) => s.done) };
}

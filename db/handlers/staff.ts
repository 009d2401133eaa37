import type { staffChannels } from '../../shared/ipc/channels/staff';
import { serviceCtx } from '../services/context';
import { firstStepsOf } from '../services/firstSteps';
import { getOfficePapers, getStaff, listStaff, setOfficePapers, updateStaff } from '../services/staff';
import { actorOf, type HandlersFor } from './types';

export const staffHandlers: HandlersFor<typeof staffChannels> = {
  'staff:list': (ctx) => listStaff(serviceCtx(ctx.core), actorOf(ctx)),
  'staff:get': (ctx, i) => getStaff(serviceCtx(ctx.core), actorOf(ctx), i.userId),
  'staff:update': (ctx, i) => updateStaff(serviceCtx(ctx.core), actorOf(ctx), i),
  'office:papersGet': (ctx) => getOfficePapers(serviceCtx(ctx.core), actorOf(ctx)),
  'office:papersUpdate': (ctx, i) => setOfficePapers(serviceCtx(ctx.core), actorOf(ctx), i),
  'office:firstSteps': (ctx) => {
    const actor = actorOf(ctx);
    const backup = ctx.core.backupStatus(actor.user);
    return firstStepsOf(serviceCtx(ctx.core), actor, {
      recoveryKeyConfirmed: ctx.core.status(actor.sessionId).recoveryKeyConfirmed,
      backupFolder: backup.lastBackupFolder,
      lastBackupAt: backup.lastVerifiedBackupAt,
    });
  },
};

import { AppError } from '../../shared/errors';
import type { backupChannels } from '../../shared/ipc/channels/backup';
import { actorOf, type HandlersFor } from './types';

export const backupHandlers: HandlersFor<typeof backupChannels> = {
  'backup:status': (ctx) => ctx.core.backupStatus(actorOf(ctx).user),
  'backup:create': (ctx, input) => {
    const actor = actorOf(ctx);
    if (!ctx.core.canCreateBackup(actor.user)) {
      ctx.core.audit({ userId: actor.user.id, userLogin: actor.user.login }, 'access.forbidden', null, { channel: 'backup:create' });
      throw new AppError('FORBIDDEN', 'Kopie zapasowe wykonuje kierownik (administrator) albo rola, której ośrodek na to pozwolił.');
    }
    return ctx.core.createBackup(actor, { folder: input.folder });
  },
  // Only the caller's own backup: progress and cancel are keyed by the session.
  'backup:progress': (ctx) => {
    const p = ctx.core.backupProgress(actorOf(ctx).sessionId);
    // 'restore' is a phase of restoring, never of making a backup.
    return { ...p, phase: p.phase === 'restore' ? null : p.phase };
  },
  'backup:cancel': (ctx) => ctx.core.cancelBackup(actorOf(ctx)),
  // Access (public before setup, then session / administrator) is enforced by the dispatcher.
  'backup:verify': ({ core, actor }, input) => core.verifyBackupFile(actor, input),
  'backup:restore': ({ core, actor }, input) => core.restoreBackup(actor, input),
  'backup:getSettings': ({ core }) => core.backupSettings(),
  'backup:updateSettings': (ctx, input) => ctx.core.updateBackupSettings(actorOf(ctx), input),
};

import type { foundationChannels } from '../../shared/ipc/channels/foundation';
import { actorOf, ok, type HandlersFor } from './types';

export const foundationHandlers: HandlersFor<typeof foundationChannels> = {
  'app:status': ({ core, session }) => core.status(session.id),
  'setup:initialize': ({ core }, input) => core.setup(input),
  'setup:confirmRecoveryKey': async ({ core }, input) => {
    await core.confirmRecoveryKey(input.recoveryKey);
    return ok;
  },
  'auth:login': async ({ core, session }, input) => ({ user: await core.login(session.id, input.login, input.password) }),
  'auth:recover': async ({ core, session }, input) => ({
    user: await core.recover(session.id, input.recoveryKey, input.login, input.newPassword),
  }),
  'auth:logout': ({ core, session }) => {
    core.endSession(session.id, { keepId: true });
    return ok;
  },
  'auth:lock': ({ core, session }, input) => {
    core.lock(session.id, input.reason);
    return ok;
  },
  'auth:unlock': async ({ core, session }, input) => ({ user: await core.unlock(session.id, input.password) }),
  'auth:changePassword': async (ctx, input) => {
    await ctx.core.changeOwnPassword(actorOf(ctx), input.currentPassword, input.newPassword);
    return ok;
  },
  'session:activity': () => ok,
  'users:list': ({ core }) => core.listAccounts(),
  'users:create': (ctx, input) => ctx.core.createAccount(actorOf(ctx), input),
  'users:update': (ctx, input) => ctx.core.updateAccount(actorOf(ctx), input),
  'users:setActive': (ctx, input) => ctx.core.setAccountActive(actorOf(ctx), input),
  'users:resetPassword': async (ctx, input) => {
    await ctx.core.resetPassword(actorOf(ctx), input.id, input.newPassword);
    return ok;
  },
  'recovery:regenerate': async (ctx, input) => ({
    recoveryKey: await ctx.core.regenerateRecoveryKey(actorOf(ctx), input.password),
  }),
  'audit:list': ({ core }, input) => core.listAudit(input),
  'office:get': ({ core }) => core.getOffice(),
  'office:update': (ctx, input) => ctx.core.updateOffice(actorOf(ctx), input),
  'settings:get': ({ core }) => ({ idleMinutes: core.idleMinutes }),
  'settings:update': (ctx, input) => ctx.core.updateWorkstationSettings(actorOf(ctx), input),
};

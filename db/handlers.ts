/** Channel -> service method. The compiler checks that every contract channel has a handler. */
import { AppError } from '../shared/errors';
import type { Channel, ChannelOutput, Contract } from '../shared/ipc/contract';
import type { z } from 'zod';
import type { Actor } from './core';
import type { HandlerContext } from './dispatcher';

type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

type Handlers = { [C in Channel]: Handler<C> };

function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new AppError('NOT_AUTHENTICATED');
  return ctx.actor;
}

const ok = { ok: true as const };

export const handlers: Handlers = {
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
  'auth:lock': ({ core, session }) => {
    core.lock(session.id);
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
  'families:list': (ctx, input) => ctx.core.listFamilies(actorOf(ctx), input),
  'families:get': (ctx, input) => ctx.core.openFamily(actorOf(ctx), input.id),
};

/**
 * The one place where a contract call becomes a service call: parse the input with the channel's
 * zod schema, check the session and role, run the handler, check the output, and turn every
 * failure into a typed error value with a Polish message (no stack trace or SQL leaves here).
 * The Electron IPC registration, the web-preview bridge and the tests all call `invoke`.
 */
import { z } from 'zod';
import { AppError, ERROR_MESSAGES, type Result } from '../shared/errors';
import { contract, type Access, type Channel, type ChannelOutput } from '../shared/ipc/contract';
import type { Role } from '../shared/roles';
import type { AsystaCore, Actor, Session } from './core';
import { handlers } from './handlers/index';

export interface Dispatcher {
  invoke(sessionId: string, channel: string, rawInput: unknown): Promise<Result<unknown>>;
}

export interface DispatcherOptions {
  /** Where unexpected errors are reported (never to the renderer). Must not log personal data. */
  onInternalError?: (channel: string, err: unknown) => void;
}

export function zodFields(err: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function createDispatcher(core: AsystaCore, opts: DispatcherOptions = {}): Dispatcher {
  return {
    async invoke(sessionId, channel, rawInput) {
      try {
        if (!isChannel(channel)) throw new AppError('NOT_FOUND', 'Nieznana operacja.');
        const def = contract[channel];
        const session = core.session(sessionId);
        const actor = authorise(core, session, channel);
        const parsed = def.input.safeParse(rawInput ?? {});
        if (!parsed.success) {
          const fields = zodFields(parsed.error);
          throw new AppError('VALIDATION', Object.values(fields)[0] ?? ERROR_MESSAGES.VALIDATION, { fields });
        }
        // Every authorised call counts as activity and pushes the idle lock back.
        if (actor && !session.locked) core.touch(session);
        const handler = handlers[channel] as (ctx: HandlerContext, input: unknown) => Promise<unknown> | unknown;
        const value = await handler({ core, session, actor }, parsed.data);
        const out = def.output.safeParse(value);
        if (!out.success) {
          opts.onInternalError?.(channel, new Error(`output of ${channel} does not match the contract`));
          throw new AppError('INTERNAL');
        }
        return { ok: true, value: out.data as ChannelOutput<typeof channel> };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: e.toPayload() };
        opts.onInternalError?.(channel, e);
        return { ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } };
      }
    },
  };
}

export interface HandlerContext {
  core: AsystaCore;
  session: Session;
  /** The logged-in caller; null only for 'public' channels called without a session. */
  actor: Actor | null;
}

/** Session, lock and role checks from the channel's declaration. Forbidden calls are audited. */
function authorise(core: AsystaCore, session: Session, channel: Channel): Actor | null {
  const def = contract[channel];
  core.checkIdle(session);
  let access = def.access;
  if (typeof access === 'object' && !Array.isArray(access)) {
    const staged = access as Extract<Access, { beforeSetup: 'public' }>;
    access = core.isSetUp() ? staged.afterSetup : 'public';
  }
  if (access === 'public') {
    return session.user ? { user: session.user, sessionId: session.id } : null;
  }
  if (!session.user) throw new AppError('NOT_AUTHENTICATED');
  if (session.locked && !def.whileLocked) throw new AppError('SESSION_LOCKED');
  const actor = { user: session.user, sessionId: session.id };
  if (access !== 'session' && !(access as readonly Role[]).includes(session.user.role)) {
    if (core.isOpen) {
      core.audit({ userId: session.user.id, userLogin: session.user.login }, 'access.forbidden', null, { channel });
    }
    throw new AppError('FORBIDDEN');
  }
  return actor;
}

/** Handler typing: the compiler checks each area's handlers against its channels. */
import { AppError } from '../../shared/errors';
import type { Channel, ChannelOutput, Contract } from '../../shared/ipc/contract';
import type { z } from 'zod';
import type { Actor } from '../core';
import type { HandlerContext } from '../dispatcher';

export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** Handlers for a group of channels (one area of the contract). */
export type HandlersFor<G extends Record<string, unknown>> = { [C in keyof G & Channel]: Handler<C> };

export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new AppError('NOT_AUTHENTICATED');
  return ctx.actor;
}

export const ok = { ok: true as const };

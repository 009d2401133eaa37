import type { supportingChannels } from '../../shared/ipc/channels/supporting';
import { serviceCtx } from '../services/context';
import {
  addReimbursement,
  establishSupporting,
  getSupporting,
  listSupporting,
  registerSupporting,
  setSupportingContract,
  updateSupporting,
} from '../services/supporting';
import { actorOf, type HandlersFor } from './types';

export const supportingHandlers: HandlersFor<typeof supportingChannels> = {
  'supporting:list': (ctx, input) => listSupporting(serviceCtx(ctx.core), actorOf(ctx), input.familyId),
  'supporting:get': (ctx, input) => getSupporting(serviceCtx(ctx.core), actorOf(ctx), input.id),
  'supporting:register': (ctx, input) => registerSupporting(serviceCtx(ctx.core), actorOf(ctx), input),
  'supporting:update': (ctx, input) => updateSupporting(serviceCtx(ctx.core), actorOf(ctx), input),
  'supporting:establish': (ctx, input) => establishSupporting(serviceCtx(ctx.core), actorOf(ctx), input),
  'supporting:setContract': (ctx, input) => setSupportingContract(serviceCtx(ctx.core), actorOf(ctx), input),
  'supporting:addReimbursement': (ctx, input) => addReimbursement(serviceCtx(ctx.core), actorOf(ctx), input),
};

import type { familyChannels } from '../../shared/ipc/channels/families';
import { serviceCtx, todayOf } from '../services/context';
import { checkDuplicates, createFamily, listFamilies, openFamily, updateFamily } from '../services/registry';
import { actorOf, type HandlersFor } from './types';

export const familyHandlers: HandlersFor<typeof familyChannels> = {
  'families:list': (ctx, input) => {
    const sc = serviceCtx(ctx.core);
    return listFamilies(sc.sqlite, actorOf(ctx), input, todayOf(sc));
  },
  'families:get': (ctx, input) => openFamily(serviceCtx(ctx.core), actorOf(ctx), input.id),
  'families:create': (ctx, input) => createFamily(serviceCtx(ctx.core), actorOf(ctx), input),
  'families:update': (ctx, input) => updateFamily(serviceCtx(ctx.core), actorOf(ctx), input),
  'families:checkDuplicates': (ctx, input) => checkDuplicates(serviceCtx(ctx.core), actorOf(ctx), input),
};

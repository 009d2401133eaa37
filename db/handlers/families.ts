import type { familyChannels } from '../../shared/ipc/channels/families';
import { actorOf, type HandlersFor } from './types';

export const familyHandlers: HandlersFor<typeof familyChannels> = {
  'families:list': (ctx, input) => ctx.core.listFamilies(actorOf(ctx), input),
  'families:get': (ctx, input) => ctx.core.openFamily(actorOf(ctx), input.id),
};

import type { accessChannels } from '../../shared/ipc/channels/access';
import { grantShare, listShares, revealSensitive, revokeShare } from '../services/access';
import { serviceCtx } from '../services/context';
import { actorOf, type HandlersFor } from './types';

export const accessHandlers: HandlersFor<typeof accessChannels> = {
  'shares:list': (ctx, i) => listShares(serviceCtx(ctx.core), actorOf(ctx), i),
  'shares:grant': (ctx, i) => grantShare(serviceCtx(ctx.core), actorOf(ctx), i),
  'shares:revoke': (ctx, i) => revokeShare(serviceCtx(ctx.core), actorOf(ctx), i.id),
  'sensitive:reveal': (ctx, i) => revealSensitive(serviceCtx(ctx.core), actorOf(ctx), i),
};

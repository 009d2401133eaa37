import type { retentionChannels } from '../../shared/ipc/channels/retention';
import { serviceCtx } from '../services/context';
import { getRetentionSettings, listRuns, prepareRun, retentionQueue, runAnonymisation, saveRetentionSettings } from '../services/retention';
import { actorOf, type HandlersFor } from './types';

export const retentionHandlers: HandlersFor<typeof retentionChannels> = {
  'retention:queue': (ctx, input) => retentionQueue(serviceCtx(ctx.core), actorOf(ctx), input),
  'retention:settings': (ctx) => {
    actorOf(ctx);
    return getRetentionSettings(serviceCtx(ctx.core).sqlite);
  },
  'retention:saveSettings': (ctx, input) => saveRetentionSettings(serviceCtx(ctx.core), actorOf(ctx), input),
  'retention:prepare': (ctx) => prepareRun(serviceCtx(ctx.core), actorOf(ctx)),
  'retention:run': (ctx, input) => runAnonymisation(serviceCtx(ctx.core), actorOf(ctx), input),
  'retention:runs': (ctx) => {
    actorOf(ctx);
    return listRuns(serviceCtx(ctx.core));
  },
};

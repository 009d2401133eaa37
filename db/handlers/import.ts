import type { importChannels } from '../../shared/ipc/channels/import';
import { importTemplate, previewExport, previewImport, runImport } from '../import/service';
import { serviceCtx } from '../services/context';
import { actorOf, type HandlersFor } from './types';

export const importHandlers: HandlersFor<typeof importChannels> = {
  'import:template': () => importTemplate(),
  'import:preview': (ctx, input) => previewImport(serviceCtx(ctx.core), actorOf(ctx), ctx.session.id, input),
  'import:previewExport': (ctx, input) => previewExport(serviceCtx(ctx.core), actorOf(ctx), ctx.session.id, input),
  'import:run': (ctx, input) => runImport(serviceCtx(ctx.core), actorOf(ctx), ctx.session.id, input),
};

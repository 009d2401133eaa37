import type { documentChannels } from '../../shared/ipc/channels/documents';
import { serviceCtx } from '../services/context';
import { documentHtml, documentPackHtml, listDocuments, listOfficeTexts, recordExport, resetOfficeText, setOfficeText } from '../documents/service';
import { actorOf, type HandlersFor } from './types';

export const documentHandlers: HandlersFor<typeof documentChannels> = {
  'documents:list': (ctx, i) => listDocuments(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'documents:html': (ctx, i) => documentHtml(serviceCtx(ctx.core), actorOf(ctx), i, ctx.core.printFonts()),
  'documents:pack': (ctx, i) => documentPackHtml(serviceCtx(ctx.core), actorOf(ctx), i, ctx.core.printFonts()),
  'documents:exported': (ctx, i) => recordExport(serviceCtx(ctx.core), actorOf(ctx), i),
  'documents:textsGet': (ctx) => listOfficeTexts(serviceCtx(ctx.core), actorOf(ctx)),
  'documents:textsSet': (ctx, i) => setOfficeText(serviceCtx(ctx.core), actorOf(ctx), i),
  'documents:textsReset': (ctx, i) => resetOfficeText(serviceCtx(ctx.core), actorOf(ctx), i),
};

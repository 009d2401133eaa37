import type { privacyChannels } from '../../shared/ipc/channels/privacy';
import { serviceCtx } from '../services/context';
import { auditExtract, recordAuditExtractExport, recordSubjectExport, searchAudit, subjectExport, verifyAudit } from '../services/privacy';
import { actorOf, type HandlersFor } from './types';

export const privacyHandlers: HandlersFor<typeof privacyChannels> = {
  'audit:search': (ctx, input) => searchAudit(serviceCtx(ctx.core), actorOf(ctx), input),
  'audit:verify': (ctx) =>
    verifyAudit(serviceCtx(ctx.core), actorOf(ctx), { list: ctx.core.auditAnchors(), record: (head) => ctx.core.recordAuditAnchor(head) }),
  'audit:extract': (ctx, input) => auditExtract(serviceCtx(ctx.core), actorOf(ctx), input, ctx.core.printFonts(), ctx.core.auditAnchors()),
  'audit:extractExported': (ctx, input) => recordAuditExtractExport(serviceCtx(ctx.core), actorOf(ctx), input),
  'rodo:subjectExport': (ctx, input) => subjectExport(serviceCtx(ctx.core), actorOf(ctx), input, ctx.core.printFonts()),
  'rodo:subjectExported': (ctx, input) => recordSubjectExport(serviceCtx(ctx.core), actorOf(ctx), input),
};

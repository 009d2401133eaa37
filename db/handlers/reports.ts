import type { reportChannels } from '../../shared/ipc/channels/reports';
import { serviceCtx } from '../services/context';
import { annualReport, drilldown, exportReport, getReportSettings, halfYearReport, recordReportExport, reportHtmlFor, setReportSettings } from '../services/reports';
import { actorOf, type HandlersFor } from './types';

export const reportHandlers: HandlersFor<typeof reportChannels> = {
  'reports:halfYear': (ctx, i) => halfYearReport(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:drilldown': (ctx, i) => drilldown(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:annual': (ctx, i) => annualReport(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:settingsGet': (ctx) => getReportSettings(serviceCtx(ctx.core), actorOf(ctx)),
  'reports:settingsSet': (ctx, i) => setReportSettings(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:html': (ctx, i) => reportHtmlFor(serviceCtx(ctx.core), actorOf(ctx), i, ctx.core.printFonts()),
  'reports:export': (ctx, i) => exportReport(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:exported': (ctx, i) => recordReportExport(serviceCtx(ctx.core), actorOf(ctx), i),
};

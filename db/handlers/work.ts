import type { workChannels } from '../../shared/ipc/channels/work';
import { createAssessment, getAssessment, listAssessments, prepareAssessment, trendOfCase, updateAssessment } from '../services/assessments';
import { checkAuthorisation, createAuthorisation, listAuthorisations, revokeAuthorisation } from '../services/authorisations';
import { createCatalogueItem, listCatalogue, updateCatalogueItem } from '../services/catalogue';
import { advanceCase, checkClose, closeCase, endMonitoring, reopenCase } from '../services/closure';
import { serviceCtx } from '../services/context';
import { createCourtRequest, listCourtRequests, updateCourtRequest } from '../services/court';
import { allDeadlines, markStatisticsFiled, myDeadlines } from '../services/deadlines';
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../services/drafts';
import { currentPlan, planVersions, savePlan } from '../services/plans';
import { addAddendum, createEntry, deleteEntry, getEntry, listEntries, monthlyReportOf, updateEntry } from '../services/visits';
import { getWorkSettings, updateWorkSettings } from '../services/workCommon';
import { actorOf, type HandlersFor } from './types';

export const workHandlers: HandlersFor<typeof workChannels> = {
  'assessments:list': (ctx, i) => listAssessments(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'assessments:get': (ctx, i) => getAssessment(serviceCtx(ctx.core), actorOf(ctx), i.id),
  'assessments:prepare': (ctx, i) => prepareAssessment(serviceCtx(ctx.core), actorOf(ctx), i.caseId, i.kind),
  'assessments:create': (ctx, i) => createAssessment(serviceCtx(ctx.core), actorOf(ctx), i),
  'assessments:update': (ctx, i) => updateAssessment(serviceCtx(ctx.core), actorOf(ctx), i),
  'assessments:trend': (ctx, i) => trendOfCase(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'plans:current': (ctx, i) => currentPlan(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'plans:versions': (ctx, i) => planVersions(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'plans:save': (ctx, i) => savePlan(serviceCtx(ctx.core), actorOf(ctx), i),
  'entries:list': (ctx, i) => listEntries(serviceCtx(ctx.core), actorOf(ctx), i),
  'entries:get': (ctx, i) => getEntry(serviceCtx(ctx.core), actorOf(ctx), i.id),
  'entries:create': (ctx, i) => createEntry(serviceCtx(ctx.core), actorOf(ctx), i),
  'entries:update': (ctx, i) => updateEntry(serviceCtx(ctx.core), actorOf(ctx), i),
  'entries:delete': (ctx, i) => deleteEntry(serviceCtx(ctx.core), actorOf(ctx), i),
  'entries:addendum': (ctx, i) => addAddendum(serviceCtx(ctx.core), actorOf(ctx), i),
  'reports:monthly': (ctx, i) => monthlyReportOf(serviceCtx(ctx.core), actorOf(ctx), i),
  'court:list': (ctx, i) => listCourtRequests(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'court:create': (ctx, i) => createCourtRequest(serviceCtx(ctx.core), actorOf(ctx), i),
  'court:update': (ctx, i) => updateCourtRequest(serviceCtx(ctx.core), actorOf(ctx), i),
  'catalogue:list': (ctx, i) => listCatalogue(serviceCtx(ctx.core), actorOf(ctx), i.caseId),
  'catalogue:create': (ctx, i) => {
    const { item, findings } = createCatalogueItem(serviceCtx(ctx.core), actorOf(ctx), i);
    return { item, findings };
  },
  'catalogue:update': (ctx, i) => updateCatalogueItem(serviceCtx(ctx.core), actorOf(ctx), i),
  'authorisations:list': (ctx, i) => listAuthorisations(serviceCtx(ctx.core), actorOf(ctx), i.familyId),
  'authorisations:create': (ctx, i) => createAuthorisation(serviceCtx(ctx.core), actorOf(ctx), i),
  'authorisations:revoke': (ctx, i) => revokeAuthorisation(serviceCtx(ctx.core), actorOf(ctx), i),
  'authorisations:check': (ctx, i) => checkAuthorisation(serviceCtx(ctx.core), actorOf(ctx), i),
  'cases:advance': (ctx, i) => advanceCase(serviceCtx(ctx.core), actorOf(ctx), i),
  'closure:check': (ctx, i) => checkClose(serviceCtx(ctx.core), actorOf(ctx), i),
  'closure:close': (ctx, i) => closeCase(serviceCtx(ctx.core), actorOf(ctx), i),
  'closure:endMonitoring': (ctx, i) => endMonitoring(serviceCtx(ctx.core), actorOf(ctx), i),
  'closure:reopen': (ctx, i) => reopenCase(serviceCtx(ctx.core), actorOf(ctx), i),
  'deadlines:mine': (ctx) => myDeadlines(serviceCtx(ctx.core), actorOf(ctx)),
  'deadlines:all': (ctx, i) => allDeadlines(serviceCtx(ctx.core), actorOf(ctx), i),
  'statistics:markFiled': (ctx, i) => markStatisticsFiled(serviceCtx(ctx.core), actorOf(ctx), i),
  'office:getWorkSettings': (ctx) => getWorkSettings(ctx.core.requireDb().sqlite),
  'office:updateWorkSettings': (ctx, i) => updateWorkSettings(serviceCtx(ctx.core), actorOf(ctx), i),
  'drafts:save': (ctx, i) => saveDraft(serviceCtx(ctx.core), actorOf(ctx), i),
  'drafts:get': (ctx, i) => getDraft(serviceCtx(ctx.core), actorOf(ctx), i.formKey),
  'drafts:delete': (ctx, i) => deleteDraft(serviceCtx(ctx.core), actorOf(ctx), i.formKey),
  'drafts:list': (ctx) => listDrafts(serviceCtx(ctx.core), actorOf(ctx)),
};

import type { caseChannels } from '../../shared/ipc/channels/cases';
import {
  checkCaseTransition,
  decisionScreen,
  getCase,
  intake,
  listCases,
  listUserAreas,
  setUserArea,
  transition,
  zzRequest,
} from '../services/cases';
import { getCaseSettings, updateCaseSettings } from '../services/caseSettings';
import { serviceCtx } from '../services/context';
import { actorOf, type HandlersFor } from './types';

export const caseHandlers: HandlersFor<typeof caseChannels> = {
  'cases:list': (ctx, input) => listCases(serviceCtx(ctx.core), actorOf(ctx), input.familyId),
  'cases:get': (ctx, input) => getCase(serviceCtx(ctx.core), actorOf(ctx), input.id),
  'cases:intake': (ctx, input) => intake(serviceCtx(ctx.core), actorOf(ctx), input),
  'cases:check': (ctx, input) => checkCaseTransition(serviceCtx(ctx.core), actorOf(ctx), input.caseId, input.payload),
  'cases:transition': (ctx, input) => transition(serviceCtx(ctx.core), actorOf(ctx), input),
  'cases:decisionScreen': (ctx) => decisionScreen(serviceCtx(ctx.core)),
  'zz:request': (ctx, input) => zzRequest(serviceCtx(ctx.core), actorOf(ctx), input),
  'zz:verify': (ctx, input) =>
    transition(serviceCtx(ctx.core), actorOf(ctx), {
      caseId: input.caseId,
      version: input.version,
      payload: { action: 'verifyZz', verifiedOn: input.verifiedOn, category: input.category, documents: input.documents },
    }),
  'office:getCaseSettings': (ctx) => getCaseSettings(ctx.core.requireDb().sqlite),
  'office:updateCaseSettings': (ctx, input) => updateCaseSettings(serviceCtx(ctx.core), actorOf(ctx), input),
  'users:setArea': (ctx, input) => setUserArea(serviceCtx(ctx.core), actorOf(ctx), input),
  'users:areas': (ctx) => listUserAreas(ctx.core.requireDb().sqlite),
};

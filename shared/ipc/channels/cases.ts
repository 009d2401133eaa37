/** Channels of cases (sprawy), their lifecycle, "Za życiem" requests and case settings (issue 3). */
import { z } from 'zod';
import {
  caseSettingsSchema,
  caseStateSchema,
  caseTrackSchema,
  certificateSchema,
  courtOrderSchema,
  dateSchema,
  intakeSchema,
  transitionPayloadSchema,
  zzCategorySchema,
  zzDocumentsSchema,
  zzRequestSchema,
} from '../../registrySchemas';
import { channel } from '../channel';
import { caseSummarySchema, findingSchema, historyEntrySchema } from './families';

export const availableTransitionSchema = z.object({
  action: z.string(),
  label: z.string(),
  to: caseStateSchema,
  toLabel: z.string(),
  implemented: z.boolean(),
  allowed: z.boolean(),
  findings: z.array(findingSchema),
});

/** The usual next step of the case (shared/rules/nextStep.ts) with the deadline that applies. */
export const nextStepSchema = z.object({
  key: z.string(),
  title: z.string(),
  hint: z.string(),
  roles: z.array(z.enum(['admin', 'assistant', 'social_worker', 'dpo'])),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('transition'), action: z.string() }),
    z.object({
      kind: z.literal('work'),
      tab: z.enum(['assessments', 'plan', 'entries', 'court', 'catalogue', 'closure']),
      form: z.enum(['initial-assessment', 'periodic-assessment', 'plan', 'visit', 'catalogue-item']).optional(),
    }),
  ]),
  deadline: z
    .object({
      kind: z.string(),
      label: z.string(),
      dueDate: z.string(),
      status: z.enum(['overdue', 'due-soon', 'upcoming']),
      daysLeft: z.number().int(),
      basis: z.string(),
    })
    .nullable(),
  noDeadline: z.string().optional(),
});
export type NextStepView = z.output<typeof nextStepSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  familyId: z.string(),
  familyLabel: z.string(),
  /** The family in running text (shared/grammar): nominative, genitive, instrumental. */
  familyNames: z.object({ nom: z.string(), gen: z.string(), ins: z.string() }),
  version: z.number().int(),
  urgent: z.boolean(),
  interviewDueOn: z.string().nullable(),
  interviewOn: z.string().nullable(),
  careDifficultiesFound: z.boolean().nullable(),
  requestOn: z.string().nullable(),
  courtOrder: courtOrderSchema.nullable(),
  decision: z.string().nullable(),
  decidedOn: z.string().nullable(),
  forwardedTo: z.string().nullable(),
  consentBasis: z.enum(['written-consent', 'court-order', 'art-11-1a']).nullable(),
  consentOn: z.string().nullable(),
  zzCategory: zzCategorySchema.nullable(),
  /** Health data: null in outputs when recorded, with `zzDocumentsMasked` (sensitive:reveal shows them). */
  zzDocuments: zzDocumentsSchema.extend({ certificate: certificateSchema.nullable().optional().default(null) }).nullable(),
  zzDocumentsMasked: z.boolean().optional().default(false),
  verifiedOn: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** Deadlines and reminders for the case in its current state (RWŚ due, Za życiem practice terms). */
  reminders: z.array(findingSchema),
  /** Transitions the caller's role may perform from the current state, with findings. */
  availableTransitions: z.array(availableTransitionSchema),
  /** The usual next step in this state (null when the case is closed). */
  nextStep: nextStepSchema.nullable(),
  history: z.array(historyEntrySchema),
});
export type CaseDetail = z.output<typeof caseDetailSchema>;

/** Everyone who works with families (not the data protection officer, who sees no case contents). */
const WORKERS = ['admin', 'assistant', 'social_worker'] as const;

const caseResult = z.object({ case: caseDetailSchema, findings: z.array(findingSchema) });

export const assistantLoadSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  personalLimit: z.number().int().nullable(),
  /** min(15, personalLimit). */
  limit: z.number().int(),
  /** Distinct families counted now (active + suspended, + monitoring if the office counts it). */
  count: z.number().int(),
  /** Families in post-closure monitoring (not counted unless the setting says so). */
  monitoring: z.number().int(),
  free: z.number().int(),
});

export const awaitingCaseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  track: caseTrackSchema,
  source: z.string(),
  state: caseStateSchema,
  stateLabel: z.string(),
  familyId: z.string(),
  familyLabel: z.string(),
  place: z.string(),
  urgent: z.boolean(),
  requestOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  /** Za życiem: practice deadline for the assignment (2 days after the request). */
  assignmentDueOn: z.string().nullable(),
  mandatory: z.boolean(),
});

export const caseSettingsOutput = caseSettingsSchema.extend({ version: z.number().int() });

export const caseChannels = {
  'cases:list': channel({
    description: 'Sprawy rodziny',
    access: WORKERS,
    input: z.object({ familyId: z.string() }),
    output: z.array(caseSummarySchema),
  }),

  'cases:get': channel({
    description: 'Otwarcie sprawy (historia, dostępne czynności)',
    access: WORKERS,
    input: z.object({ id: z.string() }),
    output: caseDetailSchema,
  }),

  'cases:intake': channel({
    description: 'Zgłoszenie (przyjęcie informacji o rodzinie)',
    access: ['admin', 'social_worker'],
    input: intakeSchema,
    output: caseResult,
  }),

  'cases:check': channel({
    description: 'Sprawdzenie czynności przed wykonaniem (te same reguły co przy zapisie)',
    access: WORKERS,
    input: z.object({ caseId: z.string(), payload: transitionPayloadSchema }),
    output: z.object({ allowed: z.boolean(), findings: z.array(findingSchema) }),
  }),

  'cases:transition': channel({
    description: 'Czynność w sprawie (zmiana stanu)',
    access: WORKERS,
    input: z.object({ caseId: z.string(), version: z.number().int(), payload: transitionPayloadSchema }),
    output: caseResult,
  }),

  'cases:decisionScreen': channel({
    description: 'Ekran decyzji kierownika: sprawy czekające na decyzję i obciążenie asystentów',
    access: ['admin'],
    input: z.object({}).strict(),
    output: z.object({
      awaiting: z.array(awaitingCaseSchema),
      assistants: z.array(assistantLoadSchema),
      monitoringCounts: z.boolean(),
    }),
  }),

  'zz:request': channel({
    description: 'Wniosek „Za życiem” (rejestracja)',
    access: ['admin', 'social_worker'],
    input: zzRequestSchema,
    output: caseResult,
  }),

  'zz:verify': channel({
    description: 'Weryfikacja wniosku „Za życiem” (dokumenty)',
    access: ['admin', 'social_worker'],
    input: z.object({
      caseId: z.string(),
      version: z.number().int(),
      verifiedOn: dateSchema('Data weryfikacji'),
      category: zzCategorySchema,
      documents: zzDocumentsSchema,
    }),
    output: caseResult,
  }),

  'office:getCaseSettings': channel({
    description: 'Ustawienia spraw (znak sprawy, limit, rejony)',
    access: 'session',
    input: z.object({}).strict(),
    output: caseSettingsOutput,
  }),

  'office:updateCaseSettings': channel({
    description: 'Zmiana ustawień spraw',
    access: ['admin'],
    input: caseSettingsSchema.extend({ version: z.number().int() }),
    output: caseSettingsOutput,
  }),

  'users:setArea': channel({
    description: 'Rejon pracownika socjalnego',
    access: ['admin'],
    input: z.object({ id: z.string(), area: z.string().trim().max(60, { error: 'Rejon: najwyżej 60 znaków.' }).nullable() }),
    output: z.object({ id: z.string(), area: z.string().nullable() }),
  }),

  'users:areas': channel({
    description: 'Rejony pracowników',
    access: ['admin'],
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string(), area: z.string().nullable() })),
  }),
} as const;

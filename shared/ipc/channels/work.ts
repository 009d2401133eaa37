/**
 * Channels of the work with the family (issue 4): assessments, work plan versions, visits and
 * contacts with locking and addenda, monthly report data, court opinion requests, the Za życiem
 * catalogue, authorisations, closure and monitoring, later lifecycle steps, deadlines for the
 * morning screen, work settings and autosaved drafts. Roles: the assigned assistant or the head
 * edit; the social worker reads assessments and plans of the families they see (checked in the
 * main process on top of `access`).
 */
import { z } from 'zod';
import {
  addendumSchema,
  advanceSchema,
  areaEntrySchema,
  assessmentCreateSchema,
  assessmentFieldsSchema,
  assessmentKindSchema,
  assessmentUpdateSchema,
  authorisationCreateSchema,
  authorisationRevokeSchema,
  catalogueCreateSchema,
  catalogueItemFieldsSchema,
  catalogueUpdateSchema,
  closeSchema,
  courtRequestCreateSchema,
  courtRequestFieldsSchema,
  courtRequestUpdateSchema,
  draftKeySchema,
  endMonitoringSchema,
  entryCreateSchema,
  entryFieldsSchema,
  entryKindSchema,
  entryUpdateSchema,
  planActionSchema,
  planSaveSchema,
  reopenSchema,
  statisticsPeriodSchema,
  workSettingsSchema,
} from '../../workSchemas';
import { channel } from '../channel';
import { caseDetailSchema } from './cases';
import { findingSchema } from './families';

const HEAD_ASSISTANT = ['admin', 'assistant'] as const;
const ALL = ['admin', 'assistant', 'social_worker'] as const;

export const addendumOutSchema = z.object({ id: z.string(), text: z.string(), authorName: z.string(), createdAt: z.string() });

// ---- Assessments ----------------------------------------------------------------------------------

/** A plan version with its goals (what an assessment must assess). */
export const planGoalsVersionSchema = z.object({
  versionNo: z.number().int(),
  drawnUpOn: z.string(),
  goals: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const distributionSchema = z.object({
  recipients: z.array(z.object({ role: z.enum(['head', 'social-worker', 'krpz']), name: z.string(), address: z.string(), child: z.string().optional() })),
  findings: z.array(findingSchema),
});

export const assessmentSchema = assessmentFieldsSchema.extend({
  id: z.string(),
  caseId: z.string(),
  familyId: z.string(),
  kind: assessmentKindSchema,
  distribution: distributionSchema.nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  locked: z.boolean(),
  lockedOn: z.string(),
  addenda: z.array(addendumOutSchema),
  /** The previous assessment's rating per area (null = not rated then), shown beside each area. */
  previous: z
    .object({ id: z.string(), assessedOn: z.string(), kind: assessmentKindSchema, areas: z.record(z.string(), areaEntrySchema) })
    .nullable(),
  comparison: z
    .object({
      changes: z.array(z.object({ code: z.string(), from: z.number(), to: z.number(), delta: z.number() })),
      improved: z.number().int(),
      worsened: z.number().int(),
      unchanged: z.number().int(),
    })
    .nullable(),
});
export type Assessment = z.output<typeof assessmentSchema>;

export const assessmentListItemSchema = z.object({
  id: z.string(),
  kind: assessmentKindSchema,
  assessedOn: z.string(),
  recommendation: z.string().nullable(),
  authorName: z.string().nullable(),
  locked: z.boolean(),
});

const assessmentResult = z.object({ assessment: assessmentSchema, findings: z.array(findingSchema), case: caseDetailSchema.nullable() });

// ---- Plans ----------------------------------------------------------------------------------------

export const krpzSnapshotSchema = z.object({ child: z.string(), name: z.string(), address: z.string() });

export const planVersionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  familyId: z.string(),
  versionNo: z.number().int(),
  drawnUpOn: z.string(),
  mainGoal: z.string(),
  goals: z.array(z.object({ id: z.string(), title: z.string(), areaCode: z.string().nullable(), actions: z.array(planActionSchema.extend({ id: z.string() })) })),
  childInFosterCare: z.boolean(),
  coordinatedWithFosterCareCoordinator: z.boolean(),
  krpzCoordination: z.string(),
  /** The koordynatorzy rodzinnej pieczy zastępczej when this version was saved (from the
   *  children's placements; absent in versions saved before it was kept). */
  krpz: z.array(krpzSnapshotSchema).optional().default([]),
  consultedWithSocialWorker: z.boolean(),
  consultation: z.object({ on: z.string().nullable(), socialWorkerName: z.string(), note: z.string() }),
  risks: z.string(),
  reviewOn: z.string().nullable(),
  changeNote: z.string(),
  diff: z.array(z.object({ kind: z.string(), goalId: z.string().optional(), actionId: z.string().optional(), field: z.string().optional(), from: z.string().optional(), to: z.string().optional(), text: z.string() })),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  isCurrent: z.boolean(),
});
export type PlanVersion = z.output<typeof planVersionSchema>;

// ---- Entries --------------------------------------------------------------------------------------

export const entrySchema = entryFieldsSchema.extend({
  id: z.string(),
  caseId: z.string(),
  familyId: z.string(),
  kind: entryKindSchema,
  minutes: z.number().int(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  recordedOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  locked: z.boolean(),
  lockedOn: z.string(),
  addenda: z.array(addendumOutSchema),
});
export type Entry = z.output<typeof entrySchema>;
const entryResult = z.object({ entry: entrySchema, findings: z.array(findingSchema), case: caseDetailSchema.nullable() });

export const monthlyReportSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  familyLabel: z.string(),
  assistantName: z.string().nullable(),
  month: z.string(),
  from: z.string(),
  to: z.string(),
  visits: z.number().int(),
  failedVisits: z.number().int(),
  phoneContacts: z.number().int(),
  institutionContacts: z.number().int(),
  notes: z.number().int(),
  monitoringContacts: z.number().int(),
  minutes: z.number().int(),
  hours: z.number(),
  km: z.number(),
  goals: z.array(z.object({ goalId: z.string(), title: z.string(), entries: z.number().int() })),
  entries: z.array(z.object({ id: z.string(), kind: z.string(), on: z.string(), start: z.string().nullable(), end: z.string().nullable(), km: z.number().nullable(), summary: z.string() })),
});

// ---- Court, catalogue, authorisations -------------------------------------------------------

export const courtRequestSchema = courtRequestFieldsSchema.extend({
  id: z.string(),
  caseId: z.string(),
  familyId: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(['awaiting-delivery', 'open', 'overdue', 'submitted']),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const courtResult = z.object({ request: courtRequestSchema, findings: z.array(findingSchema) });

export const catalogueItemSchema = catalogueItemFieldsSchema.extend({
  id: z.string(),
  caseId: z.string(),
  familyId: z.string(),
  authorisationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
const catalogueResult = z.object({ item: catalogueItemSchema, findings: z.array(findingSchema) });

export const authorisationSchema = z.object({
  id: z.string(),
  familyId: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum(['general', 'special']),
  grantors: z.array(z.object({ memberId: z.string().nullable(), name: z.string() })),
  granteeId: z.string(),
  granteeName: z.string().nullable(),
  institutions: z.array(z.string()),
  matters: z.array(z.string()),
  description: z.string(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revocationNote: z.string(),
  /** Valid today (not revoked, within validity). */
  validNow: z.boolean(),
  version: z.number().int(),
});
const authorisationResult = z.object({ authorisation: authorisationSchema, findings: z.array(findingSchema) });

// ---- Deadlines -----------------------------------------------------------------------------------

export const deadlineItemSchema = z.object({
  key: z.string(),
  kind: z.string(),
  caseId: z.string().optional(),
  familyId: z.string().optional(),
  caseNumber: z.string().optional(),
  familyLabel: z.string().optional(),
  assistantId: z.string().optional(),
  ref: z.string().optional(),
  dueDate: z.string(),
  status: z.enum(['overdue', 'due-soon', 'upcoming']),
  daysLeft: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  basis: z.string(),
  source: z.enum(['law', 'court', 'practice']),
  severity: z.enum(['critical', 'warning', 'info']),
});
export type DeadlineItemOut = z.output<typeof deadlineItemSchema>;
const deadlineGroups = z.object({
  today: z.string(),
  overdue: z.array(deadlineItemSchema),
  dueSoon: z.array(deadlineItemSchema),
  upcoming: z.array(deadlineItemSchema),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), upcoming: z.number().int() }),
});

export const workSettingsOutput = workSettingsSchema.extend({ version: z.number().int() });

export const workChannels = {
  // ---- Assessments ----
  'assessments:list': channel({
    description: 'Oceny sytuacji rodziny w sprawie',
    access: ALL,
    input: z.object({ caseId: z.string() }),
    output: z.array(assessmentListItemSchema),
  }),
  'assessments:get': channel({
    description: 'Ocena sytuacji rodziny (z poprzednią oceną każdego obszaru)',
    access: ALL,
    input: z.object({ id: z.string() }),
    output: assessmentSchema,
  }),
  'assessments:prepare': channel({
    description: 'Nowa ocena: poprzednie oceny obszarów, rozdzielnik, podpowiedzi',
    access: HEAD_ASSISTANT,
    input: z.object({ caseId: z.string(), kind: assessmentKindSchema }),
    output: z.object({
      previous: assessmentSchema.shape.previous,
      distribution: distributionSchema.nullable(),
      findings: z.array(findingSchema),
      /** The case file the consistency rules need (shared/rules/records.ts), for the live check. */
      record: z.object({
        plans: z.array(planGoalsVersionSchema),
        planInForce: planGoalsVersionSchema.nullable(),
        previousAssessedOn: z.string().nullable(),
        assignedOn: z.string().nullable(),
        closedOn: z.string().nullable(),
        /** Default start of the period: the previous assessment (periodic) or the assignment (final). */
        periodFrom: z.string().nullable(),
        /** Periodic: the latest next-assessment date from today (six months). */
        nextAssessmentLatest: z.string().nullable(),
      }),
    }),
  }),
  'assessments:create': channel({
    description: 'Zapis oceny (wstępnej, okresowej, końcowej)',
    access: HEAD_ASSISTANT,
    input: assessmentCreateSchema,
    output: assessmentResult,
  }),
  'assessments:update': channel({
    description: 'Zmiana oceny (przed zablokowaniem)',
    access: HEAD_ASSISTANT,
    input: assessmentUpdateSchema,
    output: assessmentResult,
  }),
  'assessments:trend': channel({
    description: 'Wszystkie obszary we wszystkich ocenach sprawy (wykres drogi rodziny)',
    access: ALL,
    input: z.object({ caseId: z.string() }),
    output: z.object({
      assessments: z.array(z.object({ id: z.string(), kind: assessmentKindSchema, assessedOn: z.string() })),
      areas: z.array(z.object({ code: z.string(), label: z.string(), ratings: z.array(z.number().int().nullable()) })),
    }),
  }),

  // ---- Work plan ----
  'plans:current': channel({
    description: 'Aktualny plan pracy i podpowiedzi celów (najniżej ocenione obszary)',
    access: ALL,
    input: z.object({ caseId: z.string() }),
    output: z.object({
      plan: planVersionSchema.nullable(),
      suggestedAreas: z.array(z.object({ code: z.string(), label: z.string(), rating: z.number().int() })),
      childInFosterCare: z.boolean(),
      /** Art. 15 ust. 1 pkt 2: the KRPZ of each child in foster care, and a blocker when one is not named. */
      fosterCareCoordinators: z.object({ findings: z.array(findingSchema), krpz: z.array(krpzSnapshotSchema) }),
    }),
  }),
  'plans:versions': channel({
    description: 'Wszystkie wersje planu pracy (z opisem zmian)',
    access: ALL,
    input: z.object({ caseId: z.string() }),
    output: z.array(planVersionSchema),
  }),
  'plans:save': channel({
    description: 'Zapis planu pracy albo jego aktualizacji (nowa wersja)',
    access: HEAD_ASSISTANT,
    input: planSaveSchema,
    output: z.object({ plan: planVersionSchema, findings: z.array(findingSchema), case: caseDetailSchema.nullable() }),
  }),

  // ---- Visits, contacts, notes ----
  'entries:list': channel({
    description: 'Dziennik wizyt, kontaktów i notatek sprawy',
    access: HEAD_ASSISTANT,
    input: z.object({ caseId: z.string(), kind: entryKindSchema.optional(), from: z.string().optional(), to: z.string().optional() }),
    output: z.array(entrySchema),
  }),
  'entries:get': channel({ description: 'Wpis w dzienniku', access: HEAD_ASSISTANT, input: z.object({ id: z.string() }), output: entrySchema }),
  'entries:create': channel({ description: 'Nowa wizyta, kontakt lub notatka służbowa', access: HEAD_ASSISTANT, input: entryCreateSchema, output: entryResult }),
  'entries:update': channel({ description: 'Zmiana wpisu (przed zablokowaniem)', access: HEAD_ASSISTANT, input: entryUpdateSchema, output: entryResult }),
  'entries:delete': channel({
    description: 'Usunięcie wpisu (przed zablokowaniem)',
    access: HEAD_ASSISTANT,
    input: z.object({ id: z.string(), version: z.number().int() }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'entries:addendum': channel({
    description: 'Datowana adnotacja (korekta) do wpisu lub oceny',
    access: HEAD_ASSISTANT,
    input: addendumSchema,
    output: addendumOutSchema,
  }),
  'reports:monthly': channel({
    description: 'Dane miesięcznego sprawozdania z pracy z rodziną',
    access: HEAD_ASSISTANT,
    input: z.object({ caseId: z.string(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Miesiąc: RRRR-MM.' }) }),
    output: monthlyReportSchema,
  }),

  // ---- Court ----
  'court:list': channel({ description: 'Wezwania sądu o opinię', access: ALL, input: z.object({ caseId: z.string() }), output: z.array(courtRequestSchema) }),
  'court:create': channel({ description: 'Rejestracja pisma sądu z prośbą o opinię', access: HEAD_ASSISTANT, input: courtRequestCreateSchema, output: courtResult }),
  'court:update': channel({ description: 'Zmiana (doręczenie, przekazanie opinii)', access: HEAD_ASSISTANT, input: courtRequestUpdateSchema, output: courtResult }),

  // ---- Za życiem catalogue ----
  'catalogue:list': channel({ description: 'Katalog wsparcia „Za życiem”', access: ALL, input: z.object({ caseId: z.string() }), output: z.array(catalogueItemSchema) }),
  'catalogue:create': channel({ description: 'Nowa pozycja katalogu wsparcia', access: HEAD_ASSISTANT, input: catalogueCreateSchema, output: catalogueResult }),
  'catalogue:update': channel({ description: 'Zmiana pozycji katalogu (status, wniosek w imieniu rodziny)', access: HEAD_ASSISTANT, input: catalogueUpdateSchema, output: catalogueResult }),

  // ---- Authorisations ----
  'authorisations:list': channel({ description: 'Upoważnienia rodziny', access: ALL, input: z.object({ familyId: z.string() }), output: z.array(authorisationSchema) }),
  'authorisations:create': channel({ description: 'Nowe upoważnienie', access: HEAD_ASSISTANT, input: authorisationCreateSchema, output: authorisationResult }),
  'authorisations:revoke': channel({ description: 'Odwołanie upoważnienia', access: HEAD_ASSISTANT, input: authorisationRevokeSchema, output: authorisationResult }),
  'authorisations:check': channel({
    description: 'Czy asystent może działać w imieniu rodziny (instytucja, sprawa, dzień)',
    access: ALL,
    input: z.object({ familyId: z.string(), granteeId: z.string(), institution: z.string().min(1), matter: z.string().min(1), on: z.string() }),
    output: z.object({ allowed: z.boolean(), authorisationId: z.string().nullable(), findings: z.array(findingSchema) }),
  }),

  // ---- Lifecycle: later steps, closure, monitoring, reopening ----
  'cases:advance': channel({
    description: 'Realizacja planu, katalog, koordynacja, zawieszenie, wznowienie',
    access: HEAD_ASSISTANT,
    input: advanceSchema,
    output: z.object({ case: caseDetailSchema, findings: z.array(findingSchema) }),
  }),
  'closure:check': channel({
    description: 'Sprawdzenie zakończenia pracy (te same reguły co przy zapisie)',
    access: HEAD_ASSISTANT,
    input: closeSchema,
    output: z.object({ allowed: z.boolean(), findings: z.array(findingSchema), monitoringEndsOn: z.string() }),
  }),
  'closure:close': channel({
    description: 'Zakończenie pracy z rodziną (przyczyna, ocena końcowa) — początek monitoringu',
    access: HEAD_ASSISTANT,
    input: closeSchema,
    output: z.object({ case: caseDetailSchema, findings: z.array(findingSchema), monitoringEndsOn: z.string() }),
  }),
  'closure:endMonitoring': channel({
    description: 'Zakończenie monitoringu (archiwum)',
    access: ['admin'],
    input: endMonitoringSchema,
    output: z.object({ case: caseDetailSchema, findings: z.array(findingSchema) }),
  }),
  'closure:reopen': channel({
    description: 'Wznowienie: nowe zgłoszenie powiązane z wcześniejszą sprawą',
    access: ALL,
    input: reopenSchema,
    output: z.object({ case: caseDetailSchema, findings: z.array(findingSchema), previousCaseId: z.string() }),
  }),

  // ---- Deadlines (morning screen) ----
  'deadlines:mine': channel({
    description: 'Na dziś i na ten tydzień: terminy moich spraw',
    access: ALL,
    input: z.object({}).strict(),
    output: deadlineGroups.extend({
      /** Assistants: families assigned and not yet in contact, with their next step (issue 14). */
      newlyAssigned: z
        .array(
          z.object({
            caseId: z.string(),
            caseNumber: z.string(),
            familyLabel: z.string(),
            assignedOn: z.string().nullable(),
            stateLabel: z.string(),
            step: z.object({ title: z.string(), dueDate: z.string().nullable(), daysLeft: z.number().int().nullable() }).nullable(),
          }),
        )
        .optional(),
    }),
  }),
  'deadlines:all': channel({
    description: 'Terminy wszystkich spraw i obciążenie asystentów (kierownik)',
    access: ['admin'],
    input: z.object({ assistantId: z.string().optional() }),
    output: deadlineGroups.extend({
      assistants: z.array(
        z.object({
          id: z.string(),
          fullName: z.string(),
          count: z.number().int(),
          limit: z.number().int(),
          monitoring: z.number().int(),
          overdue: z.number().int(),
          dueSoon: z.number().int(),
        }),
      ),
    }),
  }),
  'statistics:markFiled': channel({
    description: 'Sprawozdanie półroczne złożone',
    access: ['admin'],
    input: z.object({ period: statisticsPeriodSchema, filedOn: z.string() }),
    output: z.object({ filed: z.array(z.string()) }),
  }),

  // ---- Settings and drafts ----
  'office:getWorkSettings': channel({ description: 'Ustawienia pracy z rodziną', access: 'session', input: z.object({}).strict(), output: workSettingsOutput }),
  'office:updateWorkSettings': channel({
    description: 'Zmiana ustawień pracy z rodziną',
    access: ['admin'],
    input: workSettingsSchema.extend({ version: z.number().int() }),
    output: workSettingsOutput,
  }),
  'drafts:save': channel({
    description: 'Autozapis szkicu formularza',
    access: 'session',
    input: z.object({ formKey: draftKeySchema, data: z.unknown() }),
    output: z.object({ savedAt: z.string() }),
  }),
  'drafts:get': channel({
    description: 'Szkic formularza do przywrócenia',
    access: 'session',
    input: z.object({ formKey: draftKeySchema }),
    output: z.object({ data: z.unknown(), savedAt: z.string() }).nullable(),
  }),
  'drafts:delete': channel({ description: 'Usunięcie szkicu', access: 'session', input: z.object({ formKey: draftKeySchema }), output: z.object({ ok: z.literal(true) }) }),
  'drafts:list': channel({
    description: 'Moje niezapisane szkice',
    access: 'session',
    input: z.object({}).strict(),
    output: z.array(z.object({ formKey: z.string(), savedAt: z.string() })),
  }),
} as const;


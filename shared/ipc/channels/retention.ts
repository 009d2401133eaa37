/**
 * Channels of issue 7 (retention, domain.md §7.3): the retention queue with each closed case's
 * clock (no names or addresses: the data protection officer reads it too), the office's
 * per-document-type settings, and the anonymisation run — "prepare" returns the exact list with a
 * confirmation token, "run" needs the head to confirm that token.
 */
import { z } from 'zod';
import { retentionRulesSchema, RETENTION_DOC_TYPE_CODES } from '../../retention/rules';
import { channel } from '../channel';
import { findingSchema } from './families';

/** The head and the data protection officer read the queue, the settings and the runs. */
const RETENTION_READERS = ['admin', 'dpo'] as const;

export const retentionStatusSchema = z.enum(['open', 'monitoring', 'running', 'ended', 'archival', 'expert-review']);

/** One case in the queue: identifiers, dates and codes only. */
export const retentionQueueItemSchema = z.object({
  caseId: z.string(),
  /** Opaque id, to group the cases of one family (no name). */
  familyId: z.string(),
  caseNumber: z.string(),
  track: z.enum(['general', 'za-zyciem']),
  state: z.string(),
  stateLabel: z.string(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  monitoringEndedOn: z.string().nullable(),
  /** The date the period counts from (monitoring end or closure). */
  endOfWorkOn: z.string().nullable(),
  basis: z.enum(['monitoring-end', 'closure']).nullable(),
  category: z.string().nullable(),
  jrwaSymbol: z.string(),
  docType: z.enum(RETENTION_DOC_TYPE_CODES as [string, ...string[]]),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  eligibleFrom: z.string().nullable(),
  status: retentionStatusSchema,
  eligible: z.boolean(),
  /** Every case of the family is eligible (only then is the family anonymised). */
  familyEligible: z.boolean(),
  anonymisedOn: z.string().nullable(),
  findings: z.array(findingSchema),
});
export type RetentionQueueItem = z.output<typeof retentionQueueItemSchema>;

export const retentionQueueSchema = z.object({
  asOf: z.string(),
  settingsVersion: z.number().int(),
  items: z.array(retentionQueueItemSchema),
  counts: z.object({ closed: z.number().int(), due: z.number().int(), dueFamilies: z.number().int(), anonymised: z.number().int() }),
  /** Filed statistical reports and their own periods (B5 / B25 by default). */
  reports: z.array(z.object({ period: z.string(), filedOn: z.string(), category: z.string(), startsOn: z.string(), endsOn: z.string().nullable() })),
});

export const retentionSettingsSchema = retentionRulesSchema.extend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  isDefault: z.boolean(),
});

export const retentionPreparedSchema = z.object({
  token: z.string(),
  asOf: z.string(),
  settingsVersion: z.number().int(),
  cases: z.array(retentionQueueItemSchema),
  families: z.number().int(),
  /** Cases past their period left out because another case of the family is not (case numbers only). */
  heldBack: z.array(z.object({ caseNumber: z.string(), reason: z.string() })),
});

export const retentionRunSummarySchema = z.object({
  families: z.number().int(),
  cases: z.number().int(),
  members: z.number().int(),
  caseEvents: z.number().int(),
  assessments: z.number().int(),
  workPlans: z.number().int(),
  entries: z.number().int(),
  addenda: z.number().int(),
  courtRequests: z.number().int(),
  catalogueItems: z.number().int(),
  authorisations: z.number().int(),
  supportingFamilies: z.number().int(),
  reimbursements: z.number().int(),
  shares: z.number().int(),
  drafts: z.number().int(),
  settingsVersion: z.number().int(),
  /** The state archive's consent to the disposal (sign / date of its letter), as typed by the head. */
  archiveConsent: z.string().nullable(),
});

export const retentionRunSchema = z.object({
  id: z.string(),
  at: z.string(),
  byUserId: z.string().nullable(),
  byUserName: z.string().nullable(),
  caseNumbers: z.array(z.string()),
  summary: retentionRunSummarySchema,
});

export const retentionRunResultSchema = z.object({
  run: retentionRunSchema,
  /** The database file was rewritten (checkpoint + VACUUM) so no old values survive in free pages or the WAL. */
  compaction: z.object({ done: z.boolean(), ms: z.number(), message: z.string().nullable() }),
});

export const retentionChannels = {
  'retention:queue': channel({
    description: 'Okresy przechowywania: kolejka spraw zakończonych',
    access: RETENTION_READERS,
    input: z.object({ scope: z.enum(['due', 'closed']).optional().default('due') }),
    output: retentionQueueSchema,
  }),

  'retention:settings': channel({
    description: 'Okresy przechowywania: ustawienia (JRWA, kategorie)',
    access: RETENTION_READERS,
    input: z.object({}),
    output: retentionSettingsSchema,
  }),

  'retention:saveSettings': channel({
    description: 'Zmiana okresów przechowywania (JRWA, kategorie)',
    access: ['admin'],
    input: retentionRulesSchema.extend({ version: z.number().int() }),
    output: retentionSettingsSchema,
  }),

  'retention:prepare': channel({
    description: 'Przygotowanie listy spraw do anonimizacji',
    access: ['admin'],
    input: z.object({}),
    output: retentionPreparedSchema,
  }),

  'retention:run': channel({
    description: 'Anonimizacja spraw po upływie okresu przechowywania',
    access: ['admin'],
    input: z.object({
      token: z.string().min(1),
      confirmed: z.literal(true, { error: 'Potwierdź listę spraw przed anonimizacją.' }),
      archiveConsent: z.string().trim().max(120, { error: 'Zgoda archiwum: najwyżej 120 znaków.' }).optional().default(''),
    }),
    output: retentionRunResultSchema,
  }),

  'retention:runs': channel({
    description: 'Historia anonimizacji',
    access: RETENTION_READERS,
    input: z.object({}),
    output: z.array(retentionRunSchema),
  }),
} as const;

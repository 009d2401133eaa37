/** Channels of supporting families (rodziny wspierające, art. 29–31; issue 3). */
import { z } from 'zod';
import {
  reimbursementSchema,
  supportingActSchema,
  supportingContractSchema,
  supportingFieldsSchema,
  supportingMemberSchema,
} from '../../registrySchemas';
import { channel } from '../channel';
import { findingSchema } from './families';

/**
 * Members as outputs carry them: the PESEL masked ("•••••••1234"); `sensitive:reveal` with
 * `supportingPesel` and the member's index shows one (audited).
 */
export const supportingMemberOutputSchema = supportingMemberSchema.extend({ pesel: z.string().nullable() });

/**
 * Members in an edit: a masked PESEL ("•••••••1234", as the card shows it) is accepted here only
 * so that the main process can keep the stored number when it comes back unchanged
 * (db/services/supporting.ts); any other masked value is refused there.
 */
export const supportingMemberEditSchema = supportingMemberSchema.extend({
  pesel: z
    .string()
    .trim()
    .regex(/^(\d{11}|•{7}\d{4})?$/, { error: 'PESEL: wpisz 11 cyfr albo zostaw puste pole.' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});

export const supportingEditSchema = supportingFieldsSchema.extend({
  members: z
    .array(supportingMemberEditSchema)
    .min(1, { error: 'Członkowie rodziny wspierającej: dodaj co najmniej jedną osobę.' })
    .max(20, { error: 'Członkowie rodziny wspierającej: najwyżej 20 osób.' }),
});

export const supportingFamilySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  familyId: z.string(),
  familyLabel: z.string(),
  assistantId: z.string().nullable(),
  assistantName: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  place: z.string(),
  phone: z.string(),
  relationToChild: z.string(),
  members: z.array(supportingMemberOutputSchema),
  convictionStatementOn: z.string().nullable(),
  headOpinion: z
    .object({ positive: z.boolean(), on: z.string().nullable(), interviewOn: z.string().nullable(), justification: z.string().optional().default('') })
    .nullable(),
  status: z.enum(['candidate', 'established', 'ended']),
  act: supportingActSchema.nullable(),
  contract: supportingContractSchema.nullable(),
  reimbursements: z.array(
    z.object({ id: z.string(), paidOn: z.string(), amountGr: z.number().int(), description: z.string(), createdAt: z.string() }),
  ),
  reimbursedTotalGr: z.number().int(),
  /** Findings of the establishment check now (blockers explain what is missing). */
  findings: z.array(findingSchema),
  version: z.number().int(),
});
export type SupportingFamily = z.output<typeof supportingFamilySchema>;

const sfResult = z.object({ supportingFamily: supportingFamilySchema, warnings: z.array(findingSchema) });
const HEAD_PS_ASSISTANT = ['admin', 'social_worker', 'assistant'] as const;

export const supportingChannels = {
  'supporting:list': channel({
    description: 'Rodziny wspierające (wszystkie albo jednej rodziny)',
    access: HEAD_PS_ASSISTANT,
    input: z.object({ familyId: z.string().optional() }),
    output: z.array(supportingFamilySchema),
  }),

  'supporting:get': channel({
    description: 'Karta rodziny wspierającej',
    access: HEAD_PS_ASSISTANT,
    input: z.object({ id: z.string() }),
    output: supportingFamilySchema,
  }),

  'supporting:register': channel({
    description: 'Rejestracja kandydata na rodzinę wspierającą',
    access: HEAD_PS_ASSISTANT,
    input: supportingFieldsSchema.extend({ caseId: z.string() }),
    output: sfResult,
  }),

  'supporting:update': channel({
    description: 'Zmiana danych rodziny wspierającej',
    access: HEAD_PS_ASSISTANT,
    input: supportingEditSchema.extend({ id: z.string(), version: z.number().int() }),
    output: sfResult,
  }),

  'supporting:establish': channel({
    description: 'Wpis aktu ustanowienia rodziny wspierającej',
    access: ['admin'],
    input: z.object({ id: z.string(), version: z.number().int(), act: supportingActSchema }),
    output: sfResult,
  }),

  'supporting:setContract': channel({
    description: 'Umowa o zwrot kosztów (art. 31 ust. 1)',
    access: ['admin'],
    input: z.object({ id: z.string(), version: z.number().int(), contract: supportingContractSchema }),
    output: sfResult,
  }),

  'supporting:addReimbursement': channel({
    description: 'Zwrot kosztów rodzinie wspierającej',
    access: ['admin'],
    input: reimbursementSchema,
    output: sfResult,
  }),
} as const;

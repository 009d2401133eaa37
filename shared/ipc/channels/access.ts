/**
 * Channels of issue 7 (access): substitution shares of a family with another assistant
 * (zastępstwa) and revealing one masked sensitive value (audited). Who sees which family is
 * enforced in the main process (db/services/registry.ts familyScope) for every family channel.
 */
import { z } from 'zod';
import { shareGrantSchema } from '../../access/rules';
import { niebieskaKartaSchema, zzDocumentsSchema, certificateSchema } from '../../registrySchemas';
import { channel } from '../channel';

export const familyShareSchema = z.object({
  id: z.string(),
  familyId: z.string(),
  /** "Anna Wójcik, ul. Polna 3, Grębocin" (for the head's lists). */
  familyLabel: z.string(),
  caseNumber: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  fromOn: z.string(),
  untilOn: z.string(),
  reason: z.string(),
  grantedBy: z.string().nullable(),
  grantedByName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  status: z.enum(['active', 'planned', 'expired', 'revoked']),
});
export type FamilyShare = z.output<typeof familyShareSchema>;

const revealInputSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('pesel'), familyId: z.string(), memberId: z.string(), purpose: z.enum(['view', 'edit']).default('view') }),
  /** A supporting family's member: members have no ids, so the index in its `members` list (checked in the main process). */
  z.object({
    field: z.literal('supportingPesel'),
    supportingFamilyId: z.string(),
    memberIndex: z.number({ error: 'Członek rodziny wspierającej: brak numeru.' }).int().min(0).max(19),
    purpose: z.enum(['view', 'edit']).default('view'),
  }),
  z.object({ field: z.literal('niebieskaKarta'), familyId: z.string(), purpose: z.enum(['view', 'edit']).default('view') }),
  z.object({ field: z.literal('zzDocuments'), caseId: z.string(), purpose: z.enum(['view', 'edit']).default('view') }),
]);

const revealOutputSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('pesel'), value: z.string().nullable() }),
  z.object({ field: z.literal('supportingPesel'), value: z.string().nullable() }),
  z.object({ field: z.literal('niebieskaKarta'), value: niebieskaKartaSchema.nullable() }),
  z.object({
    field: z.literal('zzDocuments'),
    value: zzDocumentsSchema.extend({ certificate: certificateSchema.nullable().optional().default(null) }).nullable(),
  }),
]);

const WORKERS = ['admin', 'assistant', 'social_worker'] as const;

export const accessChannels = {
  'shares:list': channel({
    description: 'Zastępstwa (udostępnienia rodzin innemu asystentowi)',
    // The head: any family or user; an assistant: only their own shares (enforced in the service).
    access: ['admin', 'assistant'],
    input: z.object({
      familyId: z.string().optional(),
      userId: z.string().optional(),
      /** Also expired and revoked shares (history). */
      includeInactive: z.boolean().optional().default(false),
    }),
    output: z.array(familyShareSchema),
  }),

  'shares:grant': channel({
    description: 'Udostępnienie rodziny asystentowi na czas zastępstwa',
    access: ['admin'],
    input: shareGrantSchema,
    output: familyShareSchema,
  }),

  'shares:revoke': channel({
    description: 'Odwołanie zastępstwa',
    access: ['admin'],
    input: z.object({ id: z.string() }),
    output: familyShareSchema,
  }),

  'sensitive:reveal': channel({
    description: 'Pokazanie ukrytej danej wrażliwej (PESEL członka rodziny albo rodziny wspierającej, dane o zdrowiu, Niebieska Karta)',
    access: WORKERS,
    input: revealInputSchema,
    output: revealOutputSchema,
  }),
} as const;

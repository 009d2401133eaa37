/** Channels of the family registry (issue 3). */
import { z } from 'zod';
import {
  caseStateSchema,
  caseTrackSchema,
  courtSupervisionSchema,
  familyCreateSchema,
  familyUpdateSchema,
  memberInputSchema,
  niebieskaKartaSchema,
  placementSchema,
} from '../../registrySchemas';
import { channel } from '../channel';
import { pageInput } from './common';

export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['blocker', 'warning', 'info']),
  message: z.string(),
  basis: z.string(),
});

export const familyListItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  headName: z.string(),
  address: z.string(),
  place: z.string(),
  membersCount: z.number().int(),
  childrenCount: z.number().int(),
  assistantName: z.string().nullable(),
  // issue 3
  area: z.string().optional().default(''),
  nkActive: z.boolean().optional().default(false),
  hasSafetyNote: z.boolean().optional().default(false),
  /** Open (not closed/archived) cases: track and state. */
  cases: z
    .array(z.object({ id: z.string(), track: caseTrackSchema, state: caseStateSchema, caseNumber: z.string() }))
    .optional()
    .default([]),
  /** Seen by this assistant only as a substitute: the share's last day ("zastępstwo do …"). */
  sharedUntil: z.string().nullable().optional().default(null),
});
export type FamilyListItem = z.output<typeof familyListItemSchema>;

export const familyMemberSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  pesel: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(['F', 'M']).nullable(),
  relation: z.string(),
  isChild: z.boolean(),
  // issue 3
  isHead: z.boolean().optional().default(false),
  phone: z.string().optional().default(''),
  placement: placementSchema.nullable().optional().default(null),
});
export type FamilyMember = z.output<typeof familyMemberSchema>;

export const caseSummarySchema = z.object({
  id: z.string(),
  track: caseTrackSchema,
  source: z.string(),
  state: caseStateSchema,
  stateLabel: z.string(),
  caseNumber: z.string(),
  assistantId: z.string().nullable(),
  assistantName: z.string().nullable(),
  learnedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  assignedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.output<typeof caseSummarySchema>;

export const historyEntrySchema = z.object({
  id: z.number().int(),
  caseId: z.string(),
  caseNumber: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const familyDetailSchema = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  address: z.string(),
  postalCode: z.string(),
  place: z.string(),
  gmina: z.string(),
  phone: z.string(),
  assistantId: z.string().nullable(),
  version: z.number().int(),
  members: z.array(familyMemberSchema),
  // issue 3
  area: z.string().optional().default(''),
  parentalAuthority: z.enum(['full', 'limited', 'suspended', 'deprived', 'unknown']).optional().default('unknown'),
  courtSupervision: courtSupervisionSchema.nullable().optional().default(null),
  niebieskaKarta: niebieskaKartaSchema.nullable().optional().default(null),
  safetyNote: z.string().optional().default(''),
  notes: z.string().optional().default(''),
  assistantName: z.string().nullable().optional().default(null),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  cases: z.array(caseSummarySchema).optional().default([]),
  supportingFamilies: z
    .array(z.object({ id: z.string(), name: z.string(), status: z.string(), caseId: z.string() }))
    .optional()
    .default([]),
  /** Case history of the family, newest first (up to 100 entries). */
  history: z.array(historyEntrySchema).optional().default([]),
  /** Members' PESEL are masked ("•••••••1234"); these details are masked too (sensitive:reveal). */
  masked: z.object({ niebieskaKarta: z.boolean() }).optional().default({ niebieskaKarta: false }),
  /** Seen by this assistant only as a substitute: the share's last day. */
  sharedUntil: z.string().nullable().optional().default(null),
  /** Set when a retention run removed the identifying data (the record is read-only). */
  anonymisedOn: z.string().nullable().optional().default(null),
});
export type FamilyDetail = z.output<typeof familyDetailSchema>;

export const duplicateSchema = z.object({
  kind: z.enum(['pesel', 'name-birth']),
  familyId: z.string(),
  familyLabel: z.string(),
  memberName: z.string(),
  pesel: z.string().nullable(),
  birthDate: z.string(),
  /** Index of the member in the input that matched. */
  memberIndex: z.number().int(),
  /** Found in a family the caller may not see: name, PESEL, birth date, family and id are empty. */
  outsideScope: z.boolean().optional(),
});

export const familySortSchema = z.enum(['name', 'caseNumber', 'updated']);

export const familyChannels = {
  'families:list': channel({
    description: 'Lista rodzin',
    access: ['admin', 'assistant', 'social_worker'],
    input: z.object({
      query: z.string().max(100).default(''),
      ...pageInput,
      /** Families with a case assigned to this assistant. */
      assistantId: z.string().optional(),
      /** Families with a case in this state. */
      state: caseStateSchema.optional(),
      /** Families with a case of this track. */
      track: caseTrackSchema.optional(),
      sort: familySortSchema.optional().default('name'),
    }),
    output: z.object({ items: z.array(familyListItemSchema), total: z.number().int() }),
  }),

  'families:get': channel({
    description: 'Otwarcie karty rodziny',
    access: ['admin', 'assistant', 'social_worker'],
    input: z.object({ id: z.string() }),
    output: familyDetailSchema,
  }),

  'families:create': channel({
    description: 'Założenie kartoteki rodziny',
    access: ['admin', 'social_worker'],
    input: familyCreateSchema,
    output: z.object({ family: familyDetailSchema, warnings: z.array(findingSchema) }),
  }),

  'families:update': channel({
    description: 'Zmiana danych rodziny i jej członków',
    access: ['admin', 'social_worker', 'assistant'],
    input: familyUpdateSchema,
    output: z.object({ family: familyDetailSchema, warnings: z.array(findingSchema) }),
  }),

  'families:checkDuplicates': channel({
    description: 'Sprawdzenie, czy członkowie rodziny nie są już w kartotece',
    access: ['admin', 'social_worker'],
    input: z.object({
      members: z.array(memberInputSchema.pick({ firstName: true, lastName: true, pesel: true, birthDate: true })).max(30),
      /** When editing: the family itself is not a duplicate. */
      excludeFamilyId: z.string().optional(),
    }),
    output: z.object({ duplicates: z.array(duplicateSchema), findings: z.array(findingSchema) }),
  }),
} as const;

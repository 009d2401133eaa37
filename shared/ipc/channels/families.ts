/** Channels of the family registry. */
import { z } from 'zod';
import { channel } from '../channel';
import { pageInput } from './common';

export const familyListItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  headName: z.string(),
  address: z.string(),
  place: z.string(),
  membersCount: z.number().int(),
  childrenCount: z.number().int(),
  assistantName: z.string().nullable(),
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
});

export const familyChannels = {
  'families:list': channel({
    description: 'Lista rodzin',
    access: 'session',
    input: z.object({ query: z.string().max(100).default(''), ...pageInput }),
    output: z.object({ items: z.array(familyListItemSchema), total: z.number().int() }),
  }),

  'families:get': channel({
    description: 'Otwarcie karty rodziny',
    access: 'session',
    input: z.object({ id: z.string() }),
    output: familyDetailSchema,
  }),
} as const;

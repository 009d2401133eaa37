/** Channels of the staff register (kadra) and the office papers (issue 13 item 1). */
import { z } from 'zod';
import { roleSchema } from '../../schemas';
import { officePapersSchema, staffFieldsSchema } from '../../staff';
import { channel } from '../channel';
import { empty } from './common';
import { findingSchema } from './families';

export const staffEntrySchema = z.object({
  userId: z.string(),
  fullName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  fields: staffFieldsSchema,
  /** 0 while the head has not described the account yet. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  findings: z.array(findingSchema),
});
export type StaffEntry = z.output<typeof staffEntrySchema>;

const officePapersOutput = officePapersSchema.extend({ version: z.number().int() });

export const staffChannels = {
  'staff:list': channel({
    description: 'Kadra: konta z danymi kadrowymi i brakami',
    access: ['admin'],
    input: empty,
    output: z.array(staffEntrySchema),
  }),
  'staff:get': channel({
    description: 'Dane kadrowe jednego konta (kierownik albo sam pracownik)',
    access: 'session',
    input: z.object({ userId: z.string().min(1).max(100) }),
    output: staffEntrySchema,
  }),
  'staff:update': channel({
    description: 'Zmiana danych kadrowych',
    access: ['admin'],
    input: z.object({ userId: z.string().min(1).max(100), version: z.number().int().min(0), fields: staffFieldsSchema }),
    output: staffEntrySchema,
  }),
  'office:papersGet': channel({
    description: 'Dane do dokumentów: inspektor ochrony danych, okres przechowywania, podstawa sprawozdania',
    access: ['admin'],
    input: empty,
    output: officePapersOutput,
  }),
  'office:papersUpdate': channel({
    description: 'Zmiana danych do dokumentów (RODO, sprawozdanie)',
    access: ['admin'],
    input: officePapersSchema.extend({ version: z.number().int().min(0) }),
    output: officePapersOutput,
  }),
  'office:firstSteps': channel({
    description: 'Pierwsze kroki nowego ośrodka: konta, rejony, klucz odzyskiwania, kopia zapasowa, dane do pism',
    access: ['admin'],
    input: empty,
    output: z.object({
      steps: z.array(
        z.object({
          key: z.enum(['accounts', 'areas', 'recovery-key', 'backup', 'documents']),
          title: z.string(),
          done: z.boolean(),
          detail: z.string(),
          route: z.enum(['users', 'home', 'backup', 'settings']),
          link: z.string(),
        }),
      ),
      done: z.boolean(),
    }),
  }),
} as const;

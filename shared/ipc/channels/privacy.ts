/**
 * Channels of issue 7 (privacy): the tamper-evident audit log (verification, filtered search and
 * a printable extract for an inspection) and the data-subject access export (art. 15 RODO).
 * Every call is audited in the main process with ids only.
 */
import { z } from 'zod';
import { channel } from '../channel';
import { empty, okSchema, pageInput } from './common';
import { auditEntrySchema } from './foundation';

/** The head (kierownik) and the data protection officer read and verify the audit log. */
const AUDITORS = ['admin', 'dpo'] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** Filter of the audit log (the screen's and the printed extract's). */
export const auditFilterSchema = z.object({
  /** 'YYYY-MM-DD' or an ISO timestamp. */
  from: optionalText(40),
  to: optionalText(40),
  userId: optionalText(100),
  action: optionalText(100),
  /** Entries about this family (the family, its cases and every record of them). */
  familyId: optionalText(100),
  /** Entries about the family with this znak sprawy (of the family or of one of its cases). */
  caseNumber: optionalText(100),
});
export type AuditFilterInput = z.output<typeof auditFilterSchema>;

export const chainVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The last entry: its number and hash (printed on the extract as an anchor). */
  head: z.object({ id: z.number().int(), hash: z.string().nullable() }).nullable(),
  firstBroken: z
    .object({
      id: z.number().int(),
      /** When the broken entry was written; null when the entry itself is missing. */
      at: z.string().nullable(),
      /** 'hash': the content was changed; 'prev': the link to the previous entry is broken
       *  (an entry removed or replaced before it); 'gap': an entry number is missing; 'anchor': the
       *  entry differs from the head recorded earlier on this workstation (the chain was recomputed). */
      reason: z.enum(['hash', 'prev', 'gap', 'anchor']),
    })
    .optional(),
  /** When the verification ran (ISO). */
  at: z.string(),
});
export type ChainVerificationResult = z.output<typeof chainVerificationSchema>;

const printableSchema = z.object({
  html: z.string(),
  title: z.string(),
  fileName: z.string(),
});

export const subjectExportSchema = printableSchema.extend({
  /** The same data, machine-readable (UTF-8 JSON text). */
  json: z.string(),
  jsonFileName: z.string(),
});

export const privacyChannels = {
  'audit:search': channel({
    description: 'Dziennik zdarzeń (z filtrem rodziny)',
    access: AUDITORS,
    input: auditFilterSchema.extend(pageInput),
    output: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
  }),
  'audit:verify': channel({
    description: 'Sprawdzenie spójności dziennika zdarzeń',
    access: AUDITORS,
    input: empty,
    output: chainVerificationSchema,
  }),
  'audit:extract': channel({
    description: 'Wyciąg z dziennika zdarzeń do wydruku',
    access: AUDITORS,
    input: auditFilterSchema,
    output: printableSchema.extend({ entries: z.number().int(), total: z.number().int() }),
  }),
  'audit:extractExported': channel({
    description: 'Wydruk lub zapis wyciągu z dziennika zdarzeń',
    access: AUDITORS,
    input: z.object({ filter: auditFilterSchema, pages: z.number().int().min(0).max(100_000), target: z.enum(['pdf', 'print']) }),
    output: okSchema,
  }),
  'rodo:subjectExport': channel({
    description: 'Informacja o przetwarzanych danych osobowych (art. 15 RODO)',
    access: ['admin'],
    input: z.object({ memberId: z.string().trim().min(1).max(100) }),
    output: subjectExportSchema,
  }),
  'rodo:subjectExported': channel({
    description: 'Zapis lub wydruk informacji z art. 15 RODO',
    access: ['admin'],
    input: z.object({ memberId: z.string().trim().min(1).max(100), target: z.enum(['pdf', 'print', 'json']), pages: z.number().int().min(0).max(100_000).optional() }),
    output: okSchema,
  }),
} as const;

/**
 * Channels of the printed documents (issue 5): which documents a case has, the standalone HTML
 * of one document or of the whole teczka pack (the renderer previews it, the Electron shell
 * prints it or saves it with printToPDF), and the record of an export in the audit log.
 * Reading is scoped exactly like reading the case (checked in the main process on top of
 * `access`). File names carry the znak sprawy and the document type, never a personal name.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../print/documents/index';
import { dateSchema, optionalDate } from '../../registrySchemas';
import { channel } from '../channel';
import { empty } from './common';

const ALL = ['admin', 'assistant', 'social_worker'] as const;

/** Every printable kind (the pack index is only part of the pack). */
export const PRINTABLE_KINDS = (Object.keys(DOCUMENT_KINDS) as Array<keyof typeof DOCUMENT_KINDS>).filter(
  (k): k is Exclude<keyof typeof DOCUMENT_KINDS, 'pack-index'> => k !== 'pack-index',
);
export const documentKindSchema = z.enum(PRINTABLE_KINDS as [Exclude<keyof typeof DOCUMENT_KINDS, 'pack-index'>, ...Array<Exclude<keyof typeof DOCUMENT_KINDS, 'pack-index'>>]);
export type PrintableKind = z.infer<typeof documentKindSchema>;

export const documentEntrySchema = z.object({
  kind: documentKindSchema,
  /** Polish title of the document type. */
  title: z.string(),
  /** Which record (assessment, entry, authorisation, court request, month 'YYYY-MM', letter
   *  variant…) when a case has several documents of this kind; null when there is one. */
  ref: z.string().nullable(),
  /** Short Polish label of that record, e.g. "z dnia 12.03.2026 r." (no personal names). */
  label: z.string().nullable(),
  /** The document's date ('YYYY-MM-DD') if it has one. */
  date: z.string().nullable(),
  /** Default file name: "<znak sprawy> – <document type>[ – <label>].pdf". */
  fileName: z.string(),
  /** Whether the kind needs a date range (visit diary): pass `from`/`to` to documents:html. */
  range: z.boolean(),
});
export type DocumentEntry = z.infer<typeof documentEntrySchema>;

export const recordFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['blocker', 'warning', 'info']),
  message: z.string(),
  basis: z.string(),
  document: z.string(),
  ref: z.string().nullable(),
});

export const documentsListSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  documents: z.array(documentEntrySchema),
  /** Default file name of the teczka pack. */
  packFileName: z.string(),
  /** Where the documents disagree with the record or with each other (shared/rules/records.ts),
   *  each with the document kind (or 'registry') and record it concerns: shown before printing. */
  findings: z.array(recordFindingSchema),
});

const letterText = (label: string, max: number) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .min(1, { error: `${label}: pole jest wymagane.` })
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });

/** What the user types for one letter to an institution (art. 16 ust. 1 pkt 2–3) before the
 *  preview: not stored as a record (the signed paper copy is the record); the audit log notes
 *  only that a letter was produced, never this text. */
export const letterParamsSchema = z.object({
  /** Empty: the institution of the latest contact in the diary (or of an authorisation). */
  addressee: z.string().trim().max(300, { error: 'Adresat: najwyżej 300 znaków.' }).optional().default(''),
  /** Genitive, completes "… informacji dotyczących …" / "… wnioski dotyczące …". */
  subject: letterText('Dotyczy', 300),
  /** The information asked for (request) or the assessment and proposals (proposal). */
  scope: letterText('Zakres', 2000),
  /** Genitive/dative, completes "… niezbędne do …" / "… służą …". */
  purpose: letterText('Cel', 500),
  /** Requests: the reply-by date. */
  replyBy: optionalDate('Termin odpowiedzi'),
});
export type LetterParams = z.output<typeof letterParamsSchema>;
export const LETTER_KINDS = ['institution-request', 'institution-proposal'] as const;

export const documentHtmlInputSchema = z
  .object({
    caseId: z.string().min(1),
    kind: documentKindSchema,
    ref: z.string().min(1).max(200).optional(),
    from: dateSchema('Data od').optional(),
    to: dateSchema('Data do').optional(),
    /** Institution letters only: the subject, scope, purpose and reply-by date typed in. */
    letter: letterParamsSchema.optional(),
    /** Visit sheet only: the planned date of the visit. */
    visitOn: dateSchema('Data wizyty').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.visitOn && v.kind !== 'visit-sheet') {
      ctx.addIssue({ code: 'custom', path: ['visitOn'], message: 'Datę wizyty podaje się tylko dla arkusza wizyty.' });
    }
    if (v.letter && !(LETTER_KINDS as readonly string[]).includes(v.kind)) {
      ctx.addIssue({ code: 'custom', path: ['letter'], message: 'Treść pisma podaje się tylko dla pism do instytucji.' });
    }
  });

export const documentHtmlSchema = z.object({
  /** Complete standalone HTML (fonts embedded as data: URLs, no scripts, strict CSP). */
  html: z.string(),
  title: z.string(),
  fileName: z.string(),
});

export const documentExportedSchema = z.object({
  caseId: z.string().min(1),
  /** The kind exported, or 'pack' for the teczka pack. */
  kind: z.union([documentKindSchema, z.literal('pack')]),
  ref: z.string().min(1).max(200).optional(),
  pages: z.number().int().min(0).max(100_000),
  target: z.enum(['pdf', 'print']),
});

export const documentTextSchema = z.object({
  key: z.string(),
  /** Polish name of the text. */
  label: z.string(),
  /** The wording in use (the office's, or the default). */
  body: z.string(),
  defaultBody: z.string(),
  isDefault: z.boolean(),
  /** The `{placeholders}` this text may use (filled from the data). */
  placeholders: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type DocumentText = z.infer<typeof documentTextSchema>;

export const documentChannels = {
  'documents:list': channel({
    description: 'Dokumenty sprawy do wydruku',
    access: ALL,
    input: z.object({ caseId: z.string().min(1) }),
    output: documentsListSchema,
  }),
  'documents:html': channel({
    description: 'Podgląd dokumentu do wydruku',
    access: ALL,
    input: documentHtmlInputSchema,
    output: documentHtmlSchema,
  }),
  'documents:pack': channel({
    description: 'Podgląd teczki rodziny (wszystkie dokumenty ze spisem)',
    access: ALL,
    input: z.object({ caseId: z.string().min(1), from: dateSchema('Data od').optional(), to: dateSchema('Data do').optional() }),
    output: documentHtmlSchema,
  }),
  'documents:exported': channel({
    description: 'Wydruk lub zapis dokumentu do PDF',
    access: ALL,
    input: documentExportedSchema,
    output: z.object({ ok: z.literal(true) }),
  }),
  'documents:textsGet': channel({
    description: 'Teksty dokumentów (z tekstami domyślnymi)',
    access: ['admin'],
    input: empty,
    output: z.array(documentTextSchema),
  }),
  'documents:textsSet': channel({
    description: 'Zmiana tekstu dokumentu',
    access: ['admin'],
    input: z.object({ key: z.string().min(1).max(100), body: z.string().max(20_000, 'Tekst jest za długi (najwyżej 20 000 znaków).') }),
    output: documentTextSchema,
  }),
  'documents:textsReset': channel({
    description: 'Przywrócenie tekstu domyślnego dokumentu',
    access: ['admin'],
    input: z.object({ key: z.string().min(1).max(100) }),
    output: documentTextSchema,
  }),
};

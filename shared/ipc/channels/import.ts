/**
 * Channels of the import from spreadsheets (issue 16). Head only.
 *
 * How the file gets to the core: the renderer hands over a **path** — from the system "open
 * file" dialog of the Electron shell (window.asystaShell.chooseSpreadsheet) or typed in the
 * browser preview — and the core reads the file itself, as backups do. So the size limit is
 * checked on the file before a byte is read, no file content crosses the IPC boundary twice
 * (base64 would also add a third), and the renderer never holds the sheet. The core keeps the
 * parsed preview in memory for the session (never on disk); `import:run` imports exactly what
 * was previewed (by `previewId`), re-checking every rule against the database as it is then.
 */
import { z } from 'zod';
import { IMPORT_FIELD_KEYS, IMPORT_LIMITS } from '../../import/fields';
import { channel } from '../channel';

const HEAD = ['admin'] as const;

const statusSchema = z.enum(['ok', 'warning', 'error']);
const countsSchema = z.object({ ok: z.number().int(), warning: z.number().int(), error: z.number().int() });

export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.number().int().min(0).max(IMPORT_LIMITS.maxColumns).nullable());

const filePassword = z.string().max(255, 'Hasło do pliku: najwyżej 255 znaków.');

export const importPreviewSchema = z.object({
  previewId: z.string(),
  sha256: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encrypted: z.boolean(),
  sheetName: z.string(),
  delimiter: z.enum([';', ',']).nullable(),
  /** The sheet's columns: header text and a sample value. */
  headers: z.array(z.object({ index: z.number().int(), header: z.string(), sample: z.string() })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['given', 'remembered', 'detected']),
  /** Required fields without a column: the rows are not checked until they are mapped. */
  missingFields: z.array(z.string()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      familyKey: z.string(),
      name: z.string(),
      status: statusSchema,
      reasons: z.array(z.object({ severity: z.enum(['error', 'warning']), message: z.string() })),
    }),
  ),
  families: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      status: statusSchema,
      members: z.number().int(),
      rows: z.array(z.number().int()),
      /** Label of the state the case will enter (null: no case). */
      caseStateLabel: z.string().nullable(),
    }),
  ),
  counts: z.object({ rows: countsSchema, families: countsSchema }),
  limits: z.object({ maxRows: z.number().int(), maxFileBytes: z.number().int() }),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

const issueSchema = z.object({ row: z.number().int(), family: z.string(), message: z.string() });

export const importResultSchema = z.object({
  /** Whether anything was written (all chosen families or none). */
  written: z.boolean(),
  families: z.number().int(),
  members: z.number().int(),
  cases: z.number().int(),
  warnings: z.array(issueSchema),
  errors: z.array(issueSchema),
  imported: z.array(z.object({ key: z.string(), familyId: z.string(), label: z.string() })),
});
export type ImportResult = z.output<typeof importResultSchema>;

const fileSchema = z.object({ base64: z.string(), fileName: z.string(), mime: z.string() });

export const importChannels = {
  'import:template': channel({
    description: 'Wzór arkusza do importu rodzin (XLSX)',
    access: HEAD,
    input: z.object({}).strict(),
    output: fileSchema,
  }),
  'import:preview': channel({
    description: 'Podgląd importu rodzin z arkusza (nic nie jest zapisywane)',
    access: HEAD,
    input: z.object({
      path: z.string().trim().min(1, 'Plik: wybierz plik arkusza (.xlsx) albo CSV.').max(1000, 'Plik: ścieżka jest za długa.'),
      password: filePassword.optional(),
      mapping: importMappingSchema.optional(),
    }),
    output: importPreviewSchema,
  }),
  'import:previewExport': channel({
    description: 'Podgląd importu z powodami jako XLSX (chroniony hasłem)',
    access: HEAD,
    input: z.object({
      previewId: z.string().min(1),
      password: z.string().min(8, 'Hasło do pliku musi mieć co najmniej 8 znaków.').max(255, 'Hasło do pliku może mieć najwyżej 255 znaków.'),
    }),
    output: fileSchema,
  }),
  'import:run': channel({
    description: 'Import wybranych rodzin z arkusza',
    access: HEAD,
    input: z.object({
      previewId: z.string().min(1),
      familyKeys: z.array(z.string().max(200)).min(1, 'Zaznacz co najmniej jedną rodzinę do importu.').max(IMPORT_LIMITS.maxRows),
    }),
    output: importResultSchema,
  }),
};

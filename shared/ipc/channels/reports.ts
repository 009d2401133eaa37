/**
 * Channels of issue 7 (reports): the half-year figures of the sprawozdanie rzeczowo-finansowe
 * with their definitions, the drill-down list of families behind a figure (personal data: the
 * opening is audited), the annual report / management dashboard, the report settings
 * (counting conventions, assistants' form of employment), and exports (HTML for the PDF print
 * path; XLSX/CSV bytes, password-protected when they carry personal data). Head only.
 */
import { z } from 'zod';
import { reportConventionsSchema, EMPLOYMENT_FORMS } from '../../reports/conventions';
import { isPeriodId } from '../../reports/period';
import { channel } from '../channel';
import { empty, okSchema } from './common';

const HEAD = ['admin'] as const;

export const periodIdSchema = z
  .string()
  .trim()
  .refine(isPeriodId, 'Okres ma postać „2026-H1”, „2026-H2” albo „2026”.');
export const halfYearIdSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-H[12]$/, 'Okres sprawozdania półrocznego ma postać „2026-H1” albo „2026-H2”.');

const periodSchema = z.object({
  id: z.string(),
  kind: z.enum(['half-year', 'year']),
  year: z.number(),
  from: z.string(),
  to: z.string(),
  dueOn: z.string(),
  label: z.string(),
});

export const reportFigureSchema = z.object({
  id: z.string(),
  section: z.string(),
  sectionLabel: z.string(),
  no: z.string(),
  label: z.string(),
  definition: z.string(),
  rule: z.string(),
  unit: z.enum(['persons', 'families', 'children', 'ratio', 'amount-gr']),
  drill: z.enum(['families', 'assistants', 'none']),
  level: z.union([z.literal(0), z.literal(1)]),
  value: z.number(),
  /** The value as printed (Polish number format). */
  display: z.string(),
  /** Rows the drill-down opens (cases or assistants). */
  rows: z.number().int(),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

/** What the head must know about the figures (period not ended, foster care not recorded…). */
export const reportWarningSchema = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  message: z.string(),
  caseIds: z.array(z.string()),
});
export type ReportWarningView = z.infer<typeof reportWarningSchema>;

export const halfYearReportSchema = z.object({
  period: periodSchema,
  figures: z.array(reportFigureSchema),
  warnings: z.array(reportWarningSchema),
  /** The conventions in force, in Polish sentences. */
  conventionLines: z.array(z.string()),
  /** When the head marked this period as filed (statistics_filed), if so. */
  filedOn: z.string().nullable(),
  asOf: z.string(),
});
export type HalfYearReport = z.infer<typeof halfYearReportSchema>;

export const drilldownRowSchema = z.object({
  caseId: z.string(),
  familyId: z.string(),
  caseNumber: z.string(),
  /** "Head of family, address" — personal data. */
  familyLabel: z.string(),
  track: z.string(),
  stateLabel: z.string(),
  assistantName: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  closureReason: z.string().nullable(),
  courtOrdered: z.boolean(),
  /** Other cases of the same family counted in the figure (their case numbers). */
  otherCases: z.array(z.string()).optional().default([]),
  /** A children's figure: the child counted (personal data). */
  child: z.string().nullable().optional().default(null),
  /** A supporting families' figure: the supporting family counted. */
  supportingFamily: z.string().nullable().optional().default(null),
});
export type DrilldownRow = z.infer<typeof drilldownRowSchema>;

export const drilldownSchema = z.object({
  period: periodSchema,
  figureId: z.string(),
  label: z.string(),
  definition: z.string(),
  display: z.string(),
  kind: z.enum(['families', 'assistants']),
  rows: z.array(drilldownRowSchema),
  assistants: z.array(z.object({ userId: z.string(), fullName: z.string(), form: z.string(), taskBasedTime: z.boolean(), active: z.boolean() })),
});
export type Drilldown = z.infer<typeof drilldownSchema>;

export const annualReportSchema = z.object({
  period: periodSchema,
  asOf: z.string(),
  /** Today's caseload (count, monitoring) and the families on the period's last day (atPeriodEnd, figure 2.5). */
  caseload: z.array(z.object({ assistantId: z.string(), fullName: z.string(), count: z.number(), limit: z.number(), monitoring: z.number(), atPeriodEnd: z.number() })),
  monitoringCounts: z.boolean(),
  familiesByState: z.array(z.object({ state: z.string(), label: z.string(), families: z.number() })),
  closuresByReason: z.array(z.object({ code: z.string(), label: z.string(), cases: z.number() })),
  averageDurationMonths: z.number().nullable(),
  endedCases: z.number(),
  visits: z.object({
    total: z.number(),
    familyMonths: z.number(),
    perFamilyMonth: z.number().nullable(),
    byMonth: z.array(z.object({ month: z.string(), visits: z.number(), families: z.number(), perFamily: z.number().nullable() })),
  }),
  overdueAssessments: z.object({ initial: z.number(), periodic: z.number() }),
  assessmentChange: z.array(
    z.object({ area: z.string(), label: z.string(), cases: z.number(), meanChange: z.number().nullable(), improved: z.number(), same: z.number(), worse: z.number() }),
  ),
  /** The half-year figures counted over the whole period (families supported, ended…). */
  figures: z.array(reportFigureSchema),
  warnings: z.array(reportWarningSchema),
});
export type AnnualReportView = z.infer<typeof annualReportSchema>;

export const reportSettingsSchema = z.object({
  conventions: reportConventionsSchema,
  defaults: reportConventionsSchema,
  staff: z.array(
    z.object({
      userId: z.string(),
      fullName: z.string(),
      active: z.boolean(),
      form: z.enum(EMPLOYMENT_FORMS).nullable(),
      taskBasedTime: z.boolean(),
    }),
  ),
  updatedAt: z.string().nullable(),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const reportKindSchema = z.enum(['half-year', 'annual', 'drilldown']);
export type ReportKind = z.infer<typeof reportKindSchema>;

const exportTarget = {
  report: reportKindSchema,
  period: periodIdSchema,
  /** The figure of a drill-down list. */
  figureId: z.string().min(1).max(100).optional(),
};

const password = z
  .string()
  .min(8, 'Hasło do pliku musi mieć co najmniej 8 znaków.')
  .max(255, 'Hasło do pliku może mieć najwyżej 255 znaków.');

export const reportExportInputSchema = z.object({
  ...exportTarget,
  format: z.enum(['xlsx', 'csv']),
  /** Password of the XLSX (required for a list of families, optional for aggregate figures). */
  password: password.optional(),
  /** The head confirmed exporting a list of families without a password (CSV). */
  confirmPersonal: z.boolean().optional(),
});

export const reportExportSchema = z.object({
  /** The file, base64. */
  base64: z.string(),
  fileName: z.string(),
  mime: z.string(),
  personal: z.boolean(),
  encrypted: z.boolean(),
  rows: z.number().int(),
});
export type ReportExport = z.infer<typeof reportExportSchema>;

export const reportChannels = {
  'reports:halfYear': channel({
    description: 'Sprawozdanie półroczne (asystent rodziny): liczby z definicjami',
    access: HEAD,
    input: z.object({ period: halfYearIdSchema }),
    output: halfYearReportSchema,
  }),
  'reports:drilldown': channel({
    description: 'Lista rodzin (lub asystentów) za liczbą sprawozdania',
    access: HEAD,
    input: z.object({ period: periodIdSchema, figureId: z.string().min(1).max(100) }),
    output: drilldownSchema,
  }),
  'reports:annual': channel({
    description: 'Sprawozdanie roczne dla rady gminy i pulpit kierownika',
    access: HEAD,
    input: z.object({ period: periodIdSchema }),
    output: annualReportSchema,
  }),
  'reports:settingsGet': channel({
    description: 'Ustawienia sprawozdań (zasady liczenia; formy zatrudnienia z kadry)',
    access: HEAD,
    input: empty,
    output: reportSettingsSchema,
  }),
  'reports:settingsSet': channel({
    description: 'Zmiana ustawień sprawozdań',
    access: HEAD,
    input: z.object({ conventions: reportConventionsSchema.optional() }),
    output: reportSettingsSchema,
  }),
  'reports:html': channel({
    description: 'Podgląd sprawozdania do wydruku (PDF)',
    access: HEAD,
    input: z.object({ ...exportTarget, confirmPersonal: z.boolean().optional() }),
    output: z.object({ html: z.string(), title: z.string(), fileName: z.string(), personal: z.boolean() }),
  }),
  'reports:export': channel({
    description: 'Eksport sprawozdania do XLSX lub CSV',
    access: HEAD,
    input: reportExportInputSchema,
    output: reportExportSchema,
  }),
  'reports:exported': channel({
    description: 'Zapis sprawozdania do PDF',
    access: HEAD,
    input: z.object({ ...exportTarget, pages: z.number().int().min(0).max(100_000), target: z.enum(['pdf', 'print']) }),
    output: okSchema,
  }),
};

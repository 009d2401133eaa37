/**
 * Counting conventions of the reports (domain.md §6.1 "Design consequence"): the form's exact
 * fields are [UNVERIFIED], so every counting choice that could differ between readings of the
 * form is a setting here, with the defaults of domain.md §6.1. Stored as JSON in office_settings
 * under REPORT_CONVENTIONS_KEY and validated with this schema on read and write.
 */
import { z } from 'zod';
import type { ClosureReasonCode } from '../rules/labels';

export const REPORT_CONVENTIONS_KEY = 'report.conventions';

export const CLOSURE_GROUPS = ['goals', 'noncooperation', 'moved', 'other'] as const;
export type ClosureGroup = (typeof CLOSURE_GROUPS)[number];

export const CLOSURE_GROUP_LABELS: Readonly<Record<ClosureGroup, string>> = {
  goals: 'osiągnięcie celów (poprawa funkcjonowania rodziny)',
  noncooperation: 'brak współpracy lub rezygnacja rodziny',
  moved: 'zmiana miejsca zamieszkania',
  other: 'inne przyczyny',
};

const closureCode = z.enum(['CEL', 'REZYGNACJA', 'BRAK_WSPOLPRACY', 'ZMIANA_MIEJSCA', 'PIECZA_BEZ_POWROTU', 'SAD', 'ZMIANA_FORMY', 'ZZ_KONIEC', 'INNE']);

export const reportConventionsSchema = z
  .object({
    /** Which date starts the work: the assignment (przydzielenie), or consent (the later of
     *  assignment and consent / the court order replacing it). */
    startDate: z.enum(['assignedOn', 'consentOn']).default('assignedOn'),
    /** Whether post-closure monitoring still counts as support (then the work ends when the
     *  monitoring ends: the archive date, else the planned end). Default: no (domain.md §3.4). */
    monitoringCountsAsSupported: z.boolean().default(false),
    /** Count families (a family with two tracks once) or cases. */
    unit: z.enum(['family', 'case']).default('family'),
    /** Whether cases closed before any work (no consent) count as supported for their short span. */
    countNoConsentClosures: z.boolean().default(false),
    /** Closure reason codes meaning "the family resigned". */
    resignationCodes: z.array(closureCode).min(1, 'Wskaż co najmniej jedną przyczynę oznaczającą rezygnację rodziny.').default(['REZYGNACJA']),
    /** Reporting group of each closure reason code (codes missing here go to "other"). */
    closureGroups: z
      .record(closureCode, z.enum(CLOSURE_GROUPS))
      .default({
        CEL: 'goals',
        ZZ_KONIEC: 'goals',
        REZYGNACJA: 'noncooperation',
        BRAK_WSPOLPRACY: 'noncooperation',
        ZMIANA_MIEJSCA: 'moved',
        PIECZA_BEZ_POWROTU: 'other',
        SAD: 'other',
        ZMIANA_FORMY: 'other',
        INNE: 'other',
      }),
    /** Duration brackets: up to the first threshold, between, over the second (months). */
    durationThresholdsMonths: z
      .tuple([z.number().int().min(1).max(120), z.number().int().min(2).max(240)])
      .refine(([a, b]) => a < b, 'Drugi próg musi być większy od pierwszego.')
      .default([12, 24]),
    /** Duration brackets over families whose work ended in the period, or over every family
     *  supported in the period (measured to the end of the work or of the period). */
    durationOf: z.enum(['ended', 'supported']).default('ended'),
    /** Children counted: every child of the family (also those in foster care), or only those at home. */
    childrenIncludeFosterCare: z.boolean().default(true),
    /** Waiting list: families waiting on the last day of the period, or at any time in it. */
    waitingAt: z.enum(['period-end', 'any-time']).default('period-end'),
    /** Assistants counted: those with a family supported in the period, the active assistant
     *  accounts, or both. */
    assistantsCounted: z.enum(['worked-in-period', 'active-accounts', 'both']).default('both'),
  })
  .strict();

export type ReportConventions = z.output<typeof reportConventionsSchema>;
export type ReportConventionsInput = z.input<typeof reportConventionsSchema>;

export const DEFAULT_REPORT_CONVENTIONS: ReportConventions = reportConventionsSchema.parse({});

/** Stored JSON -> conventions (an unreadable or outdated value falls back to the defaults key by key). */
export function resolveConventions(stored: unknown): ReportConventions {
  const r = reportConventionsSchema.safeParse(stored ?? {});
  if (r.success) return r.data;
  if (stored && typeof stored === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      const one = reportConventionsSchema.safeParse({ [k]: v });
      if (one.success) out[k] = v;
    }
    return reportConventionsSchema.parse(out);
  }
  return DEFAULT_REPORT_CONVENTIONS;
}

export function closureGroupOf(code: string | null, c: ReportConventions): ClosureGroup {
  return (code && (c.closureGroups as Partial<Record<ClosureReasonCode, ClosureGroup>>)[code as ClosureReasonCode]) || 'other';
}

// ---- Staff: form of employment (from the staff register, shared/staff.ts) ----------------------

export { EMPLOYMENT_FORMS, EMPLOYMENT_FORM_LABELS, type EmploymentForm } from '../staff';

/** One assistant's employment as the report counts it (read from the staff register). */
export interface StaffEmployment {
  form: 'employment-contract' | 'service-contract' | null;
  /** Task-based working time (system zadaniowego czasu pracy), only with an employment contract. */
  taskBasedTime: boolean;
}

/** userId -> employment. */
export type ReportStaff = Record<string, StaffEmployment>;

/** Polish description of the conventions in force (printed under the report). */
export function describeConventions(c: ReportConventions): string[] {
  const [t1, t2] = c.durationThresholdsMonths;
  return [
    `Początek pracy z rodziną: ${c.startDate === 'assignedOn' ? 'data przydzielenia asystenta' : 'data zgody rodziny (albo postanowienia sądu), nie wcześniej niż przydzielenie'}.`,
    `Koniec pracy: ${c.monitoringCountsAsSupported ? 'koniec monitoringu po zakończeniu pracy' : 'data zakończenia pracy (monitoring nie jest liczony jako wsparcie)'}.`,
    `Liczone są ${c.unit === 'family' ? 'rodziny (rodzina z dwiema sprawami liczy się raz)' : 'sprawy'}; rodzina objęta wsparciem w okresie = jakakolwiek część pracy przypada w okresie.`,
    c.countNoConsentClosures ? 'Sprawy zamknięte przed zgodą rodziny są liczone.' : 'Sprawy zamknięte przed podjęciem pracy (brak zgody, odmowa) nie są liczone.',
    `Okresy trwania pracy: do ${t1} mies., powyżej ${t1} do ${t2} mies., powyżej ${t2} mies.; liczone dla ${c.durationOf === 'ended' ? 'rodzin, z którymi zakończono pracę w okresie' : 'wszystkich rodzin objętych wsparciem w okresie'}.`,
    `Dzieci: ${c.childrenIncludeFosterCare ? 'wszystkie dzieci w rodzinie (także w pieczy zastępczej)' : 'dzieci przebywające w domu'}.`,
    `Lista oczekujących: ${c.waitingAt === 'period-end' ? 'stan na ostatni dzień okresu' : 'rodziny oczekujące w dowolnym dniu okresu'}.`,
  ];
}

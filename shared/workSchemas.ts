/**
 * zod schemas of the work with the family (issue 4): assessments, work plan versions, visits and
 * contacts, addenda, court opinion requests, the Za życiem catalogue, authorisations, closure and
 * monitoring, work settings, drafts. Shared by the forms (renderer) and the IPC contract. Shapes
 * only: the rules (future dates, end before start, ratings, plan content, locking, scope of an
 * authorisation, closure) are enforced by the main process with shared/rules and refused with
 * their Polish findings.
 */
import { z } from 'zod';
import { dateSchema, optionalDate } from './registrySchemas';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });
const required = (label: string, max: number) => text(label, max).min(1, { error: `${label}: pole jest wymagane.` });
const optionalText = (label: string, max: number) => text(label, max).optional().default('');
const timeSchema = (label: string) =>
  z
    .union([z.literal(''), z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}: wpisz godzinę w formacie GG:MM.` })])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const list = (label: string, max = 50) => z.array(text(label, 200)).max(max).optional().default([]);

// ---- Assessments ----------------------------------------------------------------------------------

export const assessmentKindSchema = z.enum(['initial', 'periodic', 'final'], { error: 'Rodzaj oceny: wstępna, okresowa albo końcowa.' });
export const RECOMMENDATIONS = {
  continue: 'Kontynuować pracę bez zmian',
  'revise-plan': 'Zaktualizować plan pracy',
  close: 'Zakończyć pracę z rodziną',
  'inform-court': 'Poinformować sąd',
} as const;
export const recommendationSchema = z.enum(['continue', 'revise-plan', 'close', 'inform-court'], { error: 'Rekomendacja: wybierz z listy.' });

/** A rated area (the scale −3…+2 is checked by validateAssessment) or a reason for not assessing it. */
export const areaEntrySchema = z.union([
  z.object({ rating: z.number({ error: 'Ocena obszaru: wpisz liczbę od −3 do +2.' }), justification: z.string().trim().max(4000).optional().default('') }),
  z.object({ notAssessedReason: z.string().trim().max(1000) }),
]);

export const assessmentFieldsSchema = z.object({
  assessedOn: dateSchema('Data oceny'),
  periodFrom: optionalDate('Okres oceny od'),
  periodTo: optionalDate('Okres oceny do'),
  areas: z.record(z.string(), areaEntrySchema),
  strengths: optionalText('Mocne strony', 4000),
  resources: optionalText('Zasoby', 4000),
  children: z
    .array(z.object({ memberId: z.string().nullable().optional().default(null), name: required('Dziecko', 120), observations: optionalText('Obserwacje', 4000) }))
    .max(20)
    .optional()
    .default([]),
  familyView: optionalText('Opinia rodziny', 4000),
  cooperation: optionalText('Współpraca rodziny', 4000),
  compositionChanges: optionalText('Zmiany w składzie rodziny', 2000),
  legalSituationChanges: optionalText('Zmiany sytuacji prawnej dzieci', 2000),
  goalAttainment: z
    .array(
      z.object({
        goalId: z.string().nullable().optional().default(null),
        goal: required('Cel', 300),
        status: z.enum(['achieved', 'partly', 'not-achieved']),
        evidence: optionalText('Uzasadnienie', 2000),
      }),
    )
    .max(50)
    .optional()
    .default([]),
  recommendation: recommendationSchema,
  recommendationNote: optionalText('Uzasadnienie rekomendacji', 4000),
  nextAssessmentOn: optionalDate('Termin następnej oceny'),
  /** Final assessment: the recommendations, with the plan of the monitoring after closure
   *  (how long, in what form; art. 15 ust. 1 pkt 16). */
  monitoringPlan: optionalText('Zalecenia i plan monitorowania', 4000),
});
export const assessmentCreateSchema = assessmentFieldsSchema.extend({ caseId: z.string(), kind: assessmentKindSchema });
export const assessmentUpdateSchema = assessmentFieldsSchema.extend({ id: z.string(), version: z.number().int() });
export type AssessmentCreateInput = z.output<typeof assessmentCreateSchema>;
export type AssessmentFields = z.output<typeof assessmentFieldsSchema>;

// ---- Work plan ------------------------------------------------------------------------------------

export const planActionSchema = z.object({
  id: z.string().max(60).optional(),
  description: optionalText('Opis działania', 1000),
  responsible: optionalText('Odpowiedzialny', 200),
  responsibleKind: z.enum(['family', 'assistant', 'institution'], { error: 'Kto realizuje: członek rodziny, asystent albo instytucja.' }),
  dueDate: optionalDate('Termin realizacji'),
  expectedEffect: optionalText('Oczekiwany efekt', 1000),
  status: z.enum(['planned', 'in-progress', 'done', 'not-done', 'dropped']).optional().default('planned'),
  evidence: optionalText('Potwierdzenie realizacji', 2000),
});
export const planGoalSchema = z.object({
  id: z.string().max(60).optional(),
  title: optionalText('Cel', 300),
  areaCode: z.string().nullable().optional().default(null),
  actions: z.array(planActionSchema).max(100),
});
export const planSaveSchema = z.object({
  caseId: z.string(),
  /** The version the user edited (null for the first plan); a newer one on file -> STALE_EDIT. */
  basedOnVersion: z.number().int().nullable(),
  drawnUpOn: dateSchema('Data sporządzenia planu'),
  mainGoal: optionalText('Cel główny', 1000),
  goals: z.array(planGoalSchema).max(30),
  coordinatedWithFosterCareCoordinator: z.boolean().optional().default(false),
  krpzCoordination: optionalText('Koordynacja z koordynatorem pieczy / planem pomocy dziecku', 2000),
  consultedWithSocialWorker: z.boolean().optional().default(false),
  consultation: z
    .object({ on: optionalDate('Data konsultacji'), socialWorkerName: optionalText('Pracownik socjalny', 120), note: optionalText('Uwagi', 2000) })
    .optional()
    .default({ on: null, socialWorkerName: '', note: '' }),
  risks: optionalText('Ryzyka', 2000),
  reviewOn: optionalDate('Termin przeglądu planu'),
  changeNote: optionalText('Powód aktualizacji', 2000),
});
export type PlanSaveInput = z.output<typeof planSaveSchema>;

// ---- Visits, contacts, notes -------------------------------------------------------------------

/** Who signed the visit card for the family (an adult member from the registry, or a name typed
 *  in), or that the person present refused to sign ("podpisu odmówiono", domain.md §4.10). */
export const familySignatorySchema = z
  .object({
    /** An adult member of the case's family (the main process takes the name from the registry). */
    memberId: z.string().trim().max(60).nullable().optional().default(null),
    name: optionalText('Podpisujący w imieniu rodziny', 160),
    refused: z.boolean({ error: 'Odmowa podpisu: zaznacz albo odznacz pole.' }).optional().default(false),
    /** The circumstances of the refusal, as noted by the assistant. */
    refusalNote: optionalText('Okoliczności odmowy podpisu', 500),
  })
  .superRefine((v, ctx) => {
    if (v.refused && !v.memberId && !v.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Odmowa podpisu: wskaż członka rodziny, który odmówił podpisu.' });
    }
    if (!v.refused && v.refusalNote) {
      ctx.addIssue({ code: 'custom', path: ['refusalNote'], message: 'Okoliczności odmowy podpisu: wpisz je tylko przy odmowie podpisu.' });
    }
  });
export type FamilySignatory = z.output<typeof familySignatorySchema>;

export const entryKindSchema = z.enum(['visit', 'failed-visit', 'phone', 'institution', 'note', 'monitoring'], { error: 'Rodzaj wpisu: wybierz z listy.' });
export const entryFieldsSchema = z.object({
  on: dateSchema('Data'),
  start: timeSchema('Godzina rozpoczęcia'),
  end: timeSchema('Godzina zakończenia'),
  place: z.enum(['home', 'office', 'institution']).nullable().optional().default(null),
  placeDetail: optionalText('Miejsce (szczegóły)', 200),
  participants: list('Uczestnik'),
  goalIds: z.array(z.string()).max(50).optional().default([]),
  actionIds: z.array(z.string()).max(100).optional().default([]),
  doneSinceLast: optionalText('Zrealizowano od poprzedniej wizyty', 4000),
  agreedFamily: optionalText('Ustalenia — rodzina', 4000),
  agreedAssistant: optionalText('Ustalenia — asystent', 4000),
  childSafetyConcern: z.boolean().optional().default(false),
  childSafetyObservations: optionalText('Obserwacje dotyczące bezpieczeństwa dzieci', 4000),
  nextAppointmentOn: optionalDate('Następne spotkanie'),
  nextAppointmentTime: timeSchema('Godzina następnego spotkania'),
  failedReason: z.enum(['nobody-home', 'cancelled-by-family', 'cancelled-by-assistant']).nullable().optional().default(null),
  /** Institution or person contacted (phone / institution contact). */
  contactWith: optionalText('Z kim kontakt', 200),
  /** Course of the visit, summary of the contact, content of the note. */
  text: optionalText('Treść', 8000),
  actionsTaken: optionalText('Podjęte działania', 4000),
  informed: optionalText('Kogo poinformowano', 1000),
  km: z.number({ error: 'Kilometry: wpisz liczbę.' }).nullable().optional().default(null),
  /** Visits only: who signed the visit card for the family, or the refusal. */
  familySignatory: familySignatorySchema.nullable().optional().default(null),
});
export const entryCreateSchema = entryFieldsSchema.extend({ caseId: z.string(), kind: entryKindSchema });
export const entryUpdateSchema = entryFieldsSchema.extend({ id: z.string(), version: z.number().int() });
export type EntryFields = z.output<typeof entryFieldsSchema>;

export const addendumSchema = z.object({
  targetType: z.enum(['entry', 'assessment']),
  targetId: z.string(),
  text: z.string().trim().max(8000, { error: 'Adnotacja: najwyżej 8000 znaków.' }),
});

// ---- Court, catalogue, authorisations ------------------------------------------------------------

export const courtRequestFieldsSchema = z.object({
  court: required('Sąd', 200),
  department: optionalText('Wydział', 200),
  caseRef: required('Sygnatura akt', 60),
  requestedOn: dateSchema('Data pisma sądu'),
  deliveredOn: optionalDate('Data doręczenia'),
  termDays: z.number().int().min(1, { error: 'Termin: co najmniej 1 dzień.' }).max(365, { error: 'Termin: najwyżej 365 dni.' }).nullable().optional().default(null),
  fixedDueOn: optionalDate('Termin wyznaczony przez sąd'),
  submittedOn: optionalDate('Data przekazania opinii'),
  scope: optionalText('Zakres opinii, o który prosi sąd', 2000),
  note: optionalText('Uwagi', 2000),
});
export const courtRequestCreateSchema = courtRequestFieldsSchema.extend({ caseId: z.string() });
export const courtRequestUpdateSchema = courtRequestFieldsSchema.extend({ id: z.string(), version: z.number().int() });

export const CATALOGUE_AREAS = {
  care: 'Trudności w opiece i wychowaniu dziecka',
  psychological: 'Wsparcie psychologiczne',
  legal: 'Pomoc prawna (prawa rodzicielskie, prawa pracownicze)',
  rehabilitation: 'Rehabilitacja społeczna i zawodowa',
  health: 'Świadczenia zdrowotne (poradnie, wczesne wspomaganie, hospicjum, rehabilitacja)',
  benefit: 'Świadczenia (m.in. jednorazowe świadczenie 4000 zł)',
  other: 'Inne',
} as const;
export const CATALOGUE_STATUSES = { proposed: 'zaproponowane', applied: 'złożono wniosek', obtained: 'uzyskane', refused: 'odmowa' } as const;
export const catalogueItemFieldsSchema = z.object({
  area: z.enum(['care', 'psychological', 'legal', 'rehabilitation', 'health', 'benefit', 'other'], { error: 'Obszar: wybierz z listy (art. 8 ustawy „Za życiem”).' }),
  title: required('Forma wsparcia', 300),
  provider: required('Realizator / instytucja', 300),
  contact: optionalText('Kontakt', 300),
  conditions: optionalText('Warunki i dokumenty', 2000),
  cost: optionalText('Koszt', 100),
  status: z.enum(['proposed', 'applied', 'obtained', 'refused']),
  /** The assistant acts on the family's behalf (needs a valid authorisation). */
  onBehalf: z.boolean().optional().default(false),
  appliedOn: optionalDate('Data złożenia wniosku'),
  /** When the support was obtained or refused (only for those statuses; see checkCatalogueDecision). */
  decidedOn: optionalDate('Data uzyskania / odmowy'),
  note: optionalText('Uwagi', 2000),
});
export const catalogueCreateSchema = catalogueItemFieldsSchema.extend({ caseId: z.string() });
export const catalogueUpdateSchema = catalogueItemFieldsSchema.extend({ id: z.string(), version: z.number().int() });

export const authorisationCreateSchema = z.object({
  familyId: z.string(),
  caseId: z.string().nullable().optional().default(null),
  kind: z.enum(['general', 'special'], { error: 'Rodzaj upoważnienia: ogólne albo szczególne.' }),
  /** Family members signing; memberId links to the registry (adults only). */
  grantors: z.array(z.object({ memberId: z.string().nullable().optional().default(null), name: required('Upoważniający', 160) })).min(1, { error: 'Upoważniający: wskaż co najmniej jedną osobę.' }).max(5),
  granteeId: z.string().min(1, { error: 'Upoważniony: wybierz asystenta.' }),
  institutions: list('Instytucja'),
  matters: list('Sprawa'),
  description: optionalText('Zakres (opis)', 2000),
  signedOn: dateSchema('Data podpisania'),
  validFrom: dateSchema('Ważne od'),
  validTo: optionalDate('Ważne do'),
});
export const authorisationRevokeSchema = z.object({ id: z.string(), version: z.number().int(), revokedOn: dateSchema('Data odwołania'), note: optionalText('Uwagi', 1000) });

// ---- Closure, monitoring, later stages ----------------------------------------------------------------

export const closureReasonSchema = z.enum(['CEL', 'REZYGNACJA', 'BRAK_WSPOLPRACY', 'ZMIANA_MIEJSCA', 'PIECZA_BEZ_POWROTU', 'SAD', 'ZMIANA_FORMY', 'ZZ_KONIEC', 'INNE'], {
  error: 'Przyczyna zakończenia: wybierz kod z listy.',
});
export const closeSchema = z.object({
  caseId: z.string(),
  version: z.number().int(),
  on: dateSchema('Data zakończenia'),
  reason: closureReasonSchema,
  permanentPlacementConfirmed: z.boolean().optional().default(false),
  courtInformedOn: optionalDate('Data poinformowania sądu'),
  /** Monitoring length in months; default: the office setting. */
  monitoringMonths: z.number().int().min(1).max(24).nullable().optional().default(null),
  /** Why the reason stands when the final assessment speaks against it (e.g. "osiągnięcie celów"
   *  with areas still at −3/−2); printed with the reason. */
  reasonJustification: optionalText('Uzasadnienie przyczyny zakończenia', 2000),
  note: optionalText('Uwagi', 4000),
});
export const endMonitoringSchema = z.object({ caseId: z.string(), version: z.number().int(), on: dateSchema('Data zakończenia monitoringu'), note: optionalText('Uwagi', 2000) });
export const reopenSchema = z.object({
  caseId: z.string(),
  learnedOn: dateSchema('Data powzięcia informacji'),
  urgent: z.boolean().optional().default(false),
  description: optionalText('Opis sytuacji', 4000),
});
export const advanceSchema = z.object({
  caseId: z.string(),
  version: z.number().int(),
  payload: z.discriminatedUnion('action', [
    z.object({ action: z.literal('startRealisation'), on: dateSchema('Data rozpoczęcia realizacji') }),
    z.object({ action: z.literal('drawUpCatalogue'), on: dateSchema('Data katalogu') }),
    z.object({ action: z.literal('startCoordination'), on: dateSchema('Data rozpoczęcia koordynacji') }),
    z.object({ action: z.literal('suspend'), on: dateSchema('Data zawieszenia'), reason: text('Przyczyna zawieszenia', 1000) }),
    z.object({ action: z.literal('resume'), on: dateSchema('Data wznowienia') }),
  ]),
});
export type AdvancePayload = z.output<typeof advanceSchema>['payload'];

// ---- Settings, statistics, drafts -------------------------------------------------------------

export const workSettingsSchema = z.object({
  entryLockDays: z.number().int().min(1, { error: 'Blokada wpisów: co najmniej 1 dzień.' }).max(90, { error: 'Blokada wpisów: najwyżej 90 dni.' }),
  monitoringMonths: z.number().int().min(1, { error: 'Monitoring: co najmniej 1 miesiąc.' }).max(24),
  maxDaysBetweenVisits: z.number().int().min(1).max(120),
  visitGapReminderDays: z.number().int().min(0).max(30),
  firstAssessmentFrom: z.enum(['assignment', 'consent']),
});
export type WorkSettings = z.output<typeof workSettingsSchema>;
export const DEFAULT_WORK_SETTINGS: WorkSettings = {
  entryLockDays: 7,
  monitoringMonths: 3,
  maxDaysBetweenVisits: 14,
  visitGapReminderDays: 3,
  firstAssessmentFrom: 'assignment',
};

export const statisticsPeriodSchema = z.string().regex(/^\d{4}-H[12]$/, { error: 'Okres: np. 2026-H1.' });
export const draftKeySchema = z.string().trim().min(1).max(200);

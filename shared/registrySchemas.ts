/**
 * zod schemas of the registry, cases and supporting families (issue 3), shared by the forms
 * (renderer) and the IPC contract (main process). Messages are Polish and name the field. The
 * semantic rules (PESEL checksum, future dates, "a minor as the only adult", the lifecycle) live
 * in shared/rules and are enforced by the main process on top of these shapes.
 */
import { z } from 'zod';
import { isIsoDate } from './rules/isoDate';
import { CASE_STATE_CODES, CASE_SOURCES, type CaseSource, type CaseState } from './rules/lifecycle';

export const dateSchema = (label: string) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .refine((s) => s !== '', { error: `${label}: pole jest wymagane.`, abort: true })
    .refine((s) => isIsoDate(s), { error: `${label}: wpisz datę jako dd.mm.rrrr, np. 07.12.2026.` });

export const optionalDate = (label: string) =>
  z
    .union([z.literal(''), dateSchema(label)])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });
const required = (label: string, max: number) => text(label, max).min(1, { error: `${label}: pole jest wymagane.` });
const optionalText = (label: string, max: number) => text(label, max).optional().default('');

// ---- Family and members -----------------------------------------------------------------------

export const krpzSchema = z.object({
  name: optionalText('Koordynator rodzinnej pieczy zastępczej', 120),
  phone: optionalText('Telefon koordynatora', 40),
  email: optionalText('E-mail koordynatora', 120),
  address: optionalText('Adres koordynatora', 200),
});

export const placementSchema = z.object({
  kind: z.enum(['home', 'foster-care'], { error: 'Miejsce pobytu dziecka: wybierz „w domu” albo „w pieczy zastępczej”.' }),
  since: optionalDate('Data umieszczenia w pieczy'),
  /** e.g. rodzina zastępcza spokrewniona, niezawodowa, zawodowa, rodzinny dom dziecka, placówka. */
  form: optionalText('Forma pieczy zastępczej', 120),
  pcpr: optionalText('PCPR', 200),
  krpz: krpzSchema.nullable().optional(),
  /** At home again after foster care: the day of the return (closes the episode in `history`). */
  returnedOn: optionalDate('Data powrotu dziecka z pieczy'),
  /** Ended foster-care episodes: kept by the main process (what a client sends here is ignored). */
  history: z
    .array(z.object({ since: z.string().nullable(), until: z.string(), form: z.string().optional(), pcpr: z.string().optional() }))
    .max(50)
    .optional(),
});
export type Placement = z.output<typeof placementSchema>;

export const memberInputSchema = z.object({
  /** Present for an existing member (update); absent for a new one. */
  id: z.string().optional(),
  firstName: required('Imię', 60),
  lastName: required('Nazwisko', 80),
  pesel: z
    .string()
    .trim()
    // A masked number ("•••••••1234", from the card) is accepted here only so that the main
    // process can keep the stored PESEL when it comes back unchanged (db/services/registry.ts).
    .regex(/^(\d{11}|•{7}\d{4})?$/, { error: 'PESEL: wpisz 11 cyfr albo zostaw puste pole, gdy osoba nie ma numeru PESEL.' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  birthDate: optionalDate('Data urodzenia'),
  isChild: z.boolean({ error: 'Wskaż, czy to osoba dorosła, czy dziecko.' }),
  relation: required('Pokrewieństwo / rola w rodzinie', 60),
  phone: optionalText('Telefon', 40),
  isHead: z.boolean().optional().default(false),
  placement: placementSchema.nullable().optional(),
});
export type MemberInput = z.output<typeof memberInputSchema>;

export const PARENTAL_AUTHORITY = {
  full: 'pełna',
  limited: 'ograniczona',
  suspended: 'zawieszona',
  deprived: 'pozbawiona',
  unknown: 'nie ustalono',
} as const;

export const courtSupervisionSchema = z.object({
  active: z.boolean(),
  court: optionalText('Sąd', 200),
  kuratorName: optionalText('Kurator', 120),
  kuratorPhone: optionalText('Telefon kuratora', 40),
  since: optionalDate('Nadzór kuratora od'),
});

export const niebieskaKartaSchema = z.object({
  active: z.boolean(),
  startedOn: optionalDate('Data wszczęcia procedury „Niebieskie Karty”'),
  status: z.enum(['active', 'closed']).optional().default('active'),
  gdpContact: optionalText('Kontakt do grupy diagnostyczno-pomocowej', 200),
});

export const familyFieldsSchema = z.object({
  address: required('Adres', 200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{2}-\d{3})?$/, { error: 'Kod pocztowy: wpisz w formacie 00-000.' })
    .optional()
    .default(''),
  place: required('Miejscowość', 100),
  gmina: required('Gmina', 100),
  area: optionalText('Rejon', 60),
  phone: optionalText('Telefon', 40),
  parentalAuthority: z
    .enum(['full', 'limited', 'suspended', 'deprived', 'unknown'], { error: 'Władza rodzicielska: wybierz z listy.' })
    .optional()
    .default('unknown'),
  courtSupervision: courtSupervisionSchema.nullable().optional().default(null),
  niebieskaKarta: niebieskaKartaSchema.nullable().optional().default(null),
  safetyNote: optionalText('Uwagi o bezpieczeństwie pracownika', 1000),
  notes: optionalText('Uwagi', 2000),
  members: z.array(memberInputSchema).min(1, { error: 'Członkowie rodziny: dodaj co najmniej jedną osobę dorosłą.' }).max(30),
});

export const familyCreateSchema = familyFieldsSchema.extend({
  /** Name + birth-date matches in other families are warnings: the user must acknowledge them. */
  acknowledgeDuplicates: z.boolean().optional().default(false),
});
export type FamilyCreateInput = z.output<typeof familyCreateSchema>;

export const familyUpdateSchema = familyFieldsSchema.extend({
  id: z.string(),
  version: z.number().int(),
  acknowledgeDuplicates: z.boolean().optional().default(false),
  /** The NK date and GDP contact were not revealed in the form: keep the stored ones. */
  keepNiebieskaKartaDetails: z.boolean().optional().default(false),
});
export type FamilyUpdateInput = z.output<typeof familyUpdateSchema>;

// ---- Cases -------------------------------------------------------------------------------------

export const caseStateSchema = z.enum(CASE_STATE_CODES as [CaseState, ...CaseState[]]);
export const caseTrackSchema = z.enum(['general', 'za-zyciem']);
const generalSources = (Object.keys(CASE_SOURCES) as CaseSource[]).filter((s) => s !== 'za-zyciem') as [
  CaseSource,
  ...CaseSource[],
];
export const intakeSourceSchema = z.enum(generalSources, { error: 'Źródło zgłoszenia: wybierz z listy (S1–S5, S7).' });

export const courtOrderSchema = z.object({
  court: text('Sąd', 200),
  caseRef: text('Sygnatura akt', 60),
  date: z.string().trim(),
});

export const intakeSchema = z.object({
  familyId: z.string(),
  source: intakeSourceSchema,
  learnedOn: dateSchema('Data powzięcia informacji'),
  urgent: z.boolean().optional().default(false),
  /** Who reported and what (free text for the intake record). */
  reportedBy: optionalText('Kto zgłosił', 200),
  description: optionalText('Opis sytuacji', 4000),
  courtOrder: courtOrderSchema.nullable().optional().default(null),
});
export type IntakeInput = z.output<typeof intakeSchema>;

export const specialtyFieldSchema = z.enum([
  'obstetrics-gynaecology',
  'perinatology',
  'neonatology',
  'paediatric-neurology',
  'paediatric-cardiology',
  'paediatric-surgery',
  'other',
]);

export const certificateSchema = z.object({
  issuer: optionalText('Lekarz wystawiający zaświadczenie', 200),
  nfzContracted: z.boolean(),
  qualification: z.enum(['specialization-II', 'specialist-title', 'specialization-I', 'none']),
  field: specialtyFieldSchema,
  issuedOn: dateSchema('Data wystawienia zaświadczenia'),
  condition: z.enum(['severe-irreversible-impairment', 'incurable-life-threatening-illness', 'other']),
  origin: z.enum(['prenatal', 'birth', 'other']),
});

export const zzDocumentsSchema = z.object({
  pregnancyDocument: z.boolean().optional().default(false),
  certificate: certificateSchema.nullable().optional().default(null),
  /** Recorded if provided; never required for assistant support (only for the 4000 zł benefit). */
  medicalCareFromWeek10: z.boolean().nullable().optional().default(null),
});

export const zzCategorySchema = z.enum(['ZZ1', 'ZZ2', 'ZZ3', 'ZZ4', 'ZZ5'], { error: 'Kategoria: wybierz ZZ1–ZZ5.' });

export const zzRequestSchema = z.object({
  familyId: z.string(),
  category: zzCategorySchema,
  receivedOn: dateSchema('Data wpływu wniosku'),
  documents: zzDocumentsSchema.optional().default({ pregnancyDocument: false, certificate: null, medicalCareFromWeek10: null }),
  description: optionalText('Opis', 4000),
});

export const consentBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('written-consent'), consentOn: dateSchema('Data zgody') }),
  z.object({
    kind: z.literal('court-order'),
    court: text('Sąd', 200),
    caseRef: text('Sygnatura akt', 60),
    date: z.string().trim(),
  }),
  z.object({
    kind: z.literal('art-11-1a'),
    leftInstitutionOn: optionalDate('Data opuszczenia placówki'),
    institution: optionalText('Placówka', 200),
  }),
]);

const note = optionalText('Notatka', 4000);

/** Attachments listed in the social worker's request (e.g. "kwestionariusz rodzinnego wywiadu
 *  środowiskowego"): printed in its "Załączniki" section. */
export const requestAttachmentsSchema = z
  .array(required('Załącznik', 200))
  .max(20, { error: 'Załączniki: najwyżej 20 pozycji.' })
  .optional()
  .default([]);
/** Agreed place and frequency of the meetings (the consent / acknowledgement document, §4.5).
 *  Optional in the contract (consents recorded before had none); when sent, not empty. */
const meetingText = (label: string, max: number) => required(label, max).optional();

/** The payload of `cases:transition`, one member per action (discriminated by `action`). */
export const transitionPayloadSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('recordInterview'), interviewOn: dateSchema('Data wywiadu'), note }),
  z.object({
    action: z.literal('recordAnalysis'),
    analysisOn: dateSchema('Data analizy'),
    careDifficultiesFound: z.boolean({ error: 'Wynik analizy: wskaż, czy stwierdzono trudności opiekuńczo-wychowawcze.' }),
    note,
  }),
  z.object({ action: z.literal('concludeNoAssistantNeeded'), decidedOn: dateSchema('Data ustalenia'), note }),
  z.object({
    action: z.literal('submitRequest'),
    requestOn: dateSchema('Data wniosku'),
    /** Art. 11 ust. 2: the social worker's analysis of the family's situation (section 2 of the
     *  request); when empty, the note of the analysis step stands for it. */
    analysis: text('Analiza sytuacji rodziny', 4000).optional().default(''),
    justification: text('Uzasadnienie wniosku', 4000),
    attachments: requestAttachmentsSchema,
  }),
  z.object({ action: z.literal('assign'), assistantId: z.string().min(1, { error: 'Asystent: wybierz asystenta.' }), decidedOn: dateSchema('Data decyzji'), note }),
  z.object({
    action: z.literal('forward'),
    decidedOn: dateSchema('Data decyzji'),
    forwardedTo: text('Podmiot', 200),
    forwardKind: z.enum(['gmina-unit', 'commissioned-entity']),
    note,
  }),
  z.object({ action: z.literal('waitlist'), decidedOn: dateSchema('Data decyzji'), note }),
  z.object({ action: z.literal('refuse'), decidedOn: dateSchema('Data decyzji'), reason: text('Przyczyna odmowy', 2000) }),
  z.object({ action: z.literal('recordFirstContact'), contactOn: dateSchema('Data kontaktu'), withSocialWorker: z.boolean().optional().default(true), note }),
  z.object({
    action: z.literal('recordConsent'),
    basis: consentBasisSchema,
    /** "w miejscu zamieszkania rodziny" — completes "Spotkania … będą się odbywać …". */
    meetingPlace: meetingText('Miejsce spotkań', 200),
    /** "raz w tygodniu" — completes "… nie rzadziej niż …". */
    meetingFrequency: meetingText('Częstotliwość spotkań', 100),
    note,
  }),
  z.object({ action: z.literal('recordRefusal'), refusedOn: dateSchema('Data odmowy'), note }),
  z.object({ action: z.literal('refuseZz'), decidedOn: dateSchema('Data decyzji'), reason: text('Przyczyna odmowy', 2000) }),
]);
export type TransitionPayload = z.output<typeof transitionPayloadSchema>;

export const CASE_NUMBER_PLACEHOLDERS = ['{nr}', '{rok}'] as const;

export const caseSettingsSchema = z.object({
  caseNumberPattern: z
    .string()
    .trim()
    .min(1, { error: 'Wzór znaku sprawy: pole jest wymagane.' })
    .max(60, { error: 'Wzór znaku sprawy: najwyżej 60 znaków.' })
    .refine((p) => p.includes('{nr}'), { error: 'Wzór znaku sprawy: musi zawierać {nr} (kolejny numer w roku), np. GOPS.4011.{nr}.{rok}.' })
    .refine((p) => p.includes('{rok}'), { error: 'Wzór znaku sprawy: musi zawierać {rok} — numeracja zaczyna się od 1 w każdym roku.' }),
  monitoringCounts: z.boolean(),
  areaScoping: z.boolean(),
  assessmentDueDays: z.number().int().min(1, { error: 'Termin oceny wstępnej: co najmniej 1 dzień.' }).max(365),
  planDueDays: z.number().int().min(1, { error: 'Termin planu pracy: co najmniej 1 dzień.' }).max(365),
});
export type CaseSettings = z.output<typeof caseSettingsSchema>;

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  caseNumberPattern: 'GOPS.4011.{nr}.{rok}',
  monitoringCounts: false,
  areaScoping: true,
  assessmentDueDays: 30,
  planDueDays: 30,
};

/** The case number for sequence `nr` in `year` ("GOPS.4011.{nr}.{rok}" -> "GOPS.4011.7.2026"). */
export function formatCaseNumber(pattern: string, nr: number, year: number): string {
  return pattern.replaceAll('{nr}', String(nr)).replaceAll('{rok}', String(year));
}

// ---- Supporting families ------------------------------------------------------------------------

export const supportingMemberSchema = z.object({
  firstName: required('Imię', 60),
  lastName: required('Nazwisko', 80),
  pesel: z
    .string()
    .trim()
    .regex(/^(\d{11})?$/, { error: 'PESEL: wpisz 11 cyfr albo zostaw puste pole.' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  birthDate: optionalDate('Data urodzenia'),
  /** From the conviction statement / criminal record information. */
  finalConvictionIntentionalCrime: z.boolean({ error: 'Wskaż, czy osoba była prawomocnie skazana za umyślne przestępstwo.' }),
});

export const supportingFieldsSchema = z.object({
  name: required('Nazwa rodziny wspierającej', 120),
  address: required('Adres', 200),
  place: required('Miejscowość', 100),
  phone: optionalText('Telefon', 40),
  relationToChild: text('Związek z otoczeniem dziecka', 200),
  members: z.array(supportingMemberSchema).min(1, { error: 'Członkowie rodziny wspierającej: dodaj co najmniej jedną osobę.' }).max(20),
  convictionStatementOn: optionalDate('Data oświadczenia o niekaralności'),
  headOpinion: z
    .object({
      positive: z.boolean(),
      on: optionalDate('Data opinii kierownika'),
      interviewOn: optionalDate('Data rodzinnego wywiadu środowiskowego'),
      justification: optionalText('Uzasadnienie opinii kierownika', 2000),
    })
    .nullable()
    .optional()
    .default(null),
});

const grosze = (label: string) =>
  z.number({ error: `${label}: wpisz kwotę w groszach (liczba całkowita).` }).int({ error: `${label}: kwota w groszach musi być liczbą całkowitą.` }).min(0, { error: `${label}: kwota nie może być ujemna.` });

/** Areas of help of a supporting family (art. 29 ust. 2). */
export const SUPPORTING_SCOPES = {
  care: 'opieka i wychowanie dziecka',
  household: 'prowadzenie gospodarstwa domowego',
  roles: 'kształtowanie i wypełnianie podstawowych ról społecznych',
} as const;
/** Optional in the contract: acts and contracts recorded before carry none (the documents then
 *  print all three areas); when sent, at least one area. */
export const supportingScopeSchema = z
  .array(z.enum(['care', 'household', 'roles'], { error: 'Zakres pomocy: wybierz obszar z listy (art. 29 ust. 2).' }))
  .min(1, { error: 'Zakres pomocy: wybierz co najmniej jeden obszar (art. 29 ust. 2).' })
  .max(3)
  .optional();

export const supportingActSchema = z.object({
  by: z.enum(['wojt', 'head-authorised'], { error: 'Akt ustanowienia: wskaż, kto go wydał (wójt albo upoważniony kierownik).' }),
  authorisation: optionalText('Upoważnienie wójta (art. 31 ust. 2)', 200),
  number: text('Numer aktu', 60),
  on: optionalDate('Data aktu'),
  scope: supportingScopeSchema,
  /** End of the period the family is established for (null: indefinite). */
  until: optionalDate('Ustanowienie do dnia'),
});

/** Notice periods offered in the contract (months), with the genitive printed in § 4. */
export const NOTICE_PERIODS = { 1: 'jednomiesięcznego', 2: 'dwumiesięcznego', 3: 'trzymiesięcznego' } as const;

export const supportingContractSchema = z.object({
  number: required('Numer umowy', 60),
  on: dateSchema('Data umowy'),
  monthlyLimitGr: grosze('Limit miesięczny').nullable().optional().default(null),
  totalLimitGr: grosze('Limit łączny').nullable().optional().default(null),
  scope: supportingScopeSchema,
  /** End of the contract's period (null: indefinite). */
  until: optionalDate('Umowa obowiązuje do dnia'),
  /** Day of the following month by which the family settles its costs (§ 3). */
  settlementDay: z
    .number({ error: 'Dzień rozliczenia: wpisz liczbę od 1 do 28.' })
    .int({ error: 'Dzień rozliczenia: wpisz liczbę całkowitą od 1 do 28.' })
    .min(1, { error: 'Dzień rozliczenia: wpisz liczbę od 1 do 28.' })
    .max(28, { error: 'Dzień rozliczenia: wpisz liczbę od 1 do 28.' })
    .nullable()
    .optional(),
  /** Notice period in months (§ 4). */
  noticeMonths: z
    .number({ error: 'Okres wypowiedzenia: wybierz 1, 2 albo 3 miesiące.' })
    .int()
    .min(1, { error: 'Okres wypowiedzenia: wybierz 1, 2 albo 3 miesiące.' })
    .max(3, { error: 'Okres wypowiedzenia: wybierz 1, 2 albo 3 miesiące.' })
    .nullable()
    .optional(),
});

export const reimbursementSchema = z.object({
  supportingFamilyId: z.string(),
  paidOn: dateSchema('Data zwrotu'),
  amountGr: grosze('Kwota').min(1, { error: 'Kwota: co najmniej 1 grosz.' }),
  description: required('Opis wydatku', 500),
});

/**
 * The staff register (kadra, issue 13): what a worker's documents print about them and, for an
 * assistant, the employment and the art. 12 qualification, as zod schemas shared by the form on
 * the accounts page and the contract. Semantic checks (the art. 12 path, missing declarations)
 * are findings in shared/rules/staff.ts.
 */
import { z } from 'zod';
import { OBLIQUE_CASES, type NameForms } from './grammar/names';
import { optionalDate } from './registrySchemas';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: pole jest wymagane.` })
    .trim()
    .max(max, { error: `${label}: najwyżej ${max} znaków.` });
const optionalText = (label: string, max: number) => text(label, max).optional().default('');

export const SALUTATIONS = ['Pani', 'Pan'] as const;
export type Salutation = (typeof SALUTATIONS)[number];

export const EMPLOYMENT_FORMS = ['employment-contract', 'service-contract'] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];
export const EMPLOYMENT_FORM_LABELS: Readonly<Record<EmploymentForm, string>> = {
  'employment-contract': 'umowa o pracę',
  'service-contract': 'umowa o świadczenie usług',
};

/** Fields of study of art. 12 ust. 1 pkt 1 lit. a (a degree in them qualifies on its own). */
export const STUDY_FIELDS = ['pedagogy', 'psychology', 'sociology', 'family-studies', 'social-work', 'other'] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];
export const STUDY_FIELD_LABELS: Readonly<Record<StudyField, string>> = {
  pedagogy: 'pedagogika',
  psychology: 'psychologia',
  sociology: 'socjologia',
  'family-studies': 'nauki o rodzinie',
  'social-work': 'praca socjalna',
  other: 'inny kierunek',
};

export const EDUCATION_LEVELS = ['higher', 'secondary'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Readonly<Record<EducationLevel, string>> = { higher: 'wyższe', secondary: 'średnie' };

const dateOrder = <T extends { from?: string | null; to?: string | null }>(label: string) => (v: T, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `${label}: data końcowa jest wcześniejsza niż początkowa.` });
};

export const educationSchema = z.object({
  level: z.enum(EDUCATION_LEVELS, { error: 'Wykształcenie: wybierz „wyższe” albo „średnie”.' }).nullable().default(null),
  fieldKind: z.enum(STUDY_FIELDS, { error: 'Kierunek studiów: wybierz z listy.' }).nullable().default(null),
  /** The field as written in the diploma ("pedagogika opiekuńczo-wychowawcza"). */
  field: optionalText('Kierunek (jak w dyplomie)', 200),
  school: optionalText('Uczelnia lub szkoła', 200),
  completedOn: optionalDate('Data ukończenia'),
  document: optionalText('Dokument (dyplom, świadectwo)', 200),
});

export const trainingSchema = z.object({
  name: optionalText('Szkolenie (nazwa)', 200),
  /** Studia podyplomowe with the training's programme instead of the training (lit. b). */
  postgraduate: z.boolean().default(false),
  hours: z.number({ error: 'Liczba godzin: wpisz liczbę.' }).int({ error: 'Liczba godzin: liczba całkowita.' }).min(1).max(5000).nullable().default(null),
  completedOn: optionalDate('Data ukończenia szkolenia'),
  document: optionalText('Dokument (zaświadczenie, świadectwo)', 200),
});

export const experienceSchema = z
  .object({
    employer: optionalText('Pracodawca', 200),
    description: optionalText('Praca z dziećmi lub rodziną (opis)', 300),
    from: optionalDate('Staż od'),
    to: optionalDate('Staż do'),
    document: optionalText('Dokument (świadectwo pracy, zaświadczenie)', 200),
  })
  .superRefine(dateOrder('Staż pracy'));

export const qualificationSchema = z.object({
  education: educationSchema.default({ level: null, fieldKind: null, field: '', school: '', completedOn: null, document: '' }),
  training: trainingSchema.nullable().default(null),
  experience: z.array(experienceSchema).max(30).default([]),
});
export type StaffQualification = z.output<typeof qualificationSchema>;

/** The dates of the art. 12 ust. 1 pkt 2–4 declarations (null: not submitted). */
export const declarationsSchema = z.object({
  parentalAuthorityOn: optionalDate('Oświadczenie o władzy rodzicielskiej'),
  maintenanceOn: optionalDate('Oświadczenie o obowiązku alimentacyjnym'),
  noConvictionOn: optionalDate('Oświadczenie o niekaralności'),
});
export type StaffDeclarations = z.output<typeof declarationsSchema>;

const nameFormText = (label: string) => text(label, 160).optional().default('');
export const nameFormsSchema = z.object(Object.fromEntries(OBLIQUE_CASES.map((c) => [c, nameFormText(`Odmiana (${c})`)])) as Record<(typeof OBLIQUE_CASES)[number], ReturnType<typeof nameFormText>>);

/** Drops the empty cases of an override (null when nothing is overridden). */
export function compactNameForms(f: Partial<Record<string, string>> | null | undefined): NameForms | null {
  const out: NameForms = {};
  for (const c of OBLIQUE_CASES) {
    const v = f?.[c];
    if (typeof v === 'string' && v.trim() !== '') out[c] = v.trim();
  }
  return Object.keys(out).length ? out : null;
}

export const staffFieldsSchema = z
  .object({
    salutation: z.enum(SALUTATIONS, { error: 'Forma zwracania się: wybierz „Pani” albo „Pan”.' }).nullable().default(null),
    /** Printed under the signature ("asystent rodziny", "Kierownik Gminnego Ośrodka Pomocy Społecznej w …"). */
    position: optionalText('Stanowisko (pod podpisem)', 200),
    phone: optionalText('Telefon służbowy', 40),
    email: z
      .union([z.literal(''), z.email({ error: 'E-mail służbowy: nieprawidłowy adres.' })])
      .optional()
      .default(''),
    nameForms: nameFormsSchema.nullable().optional().transform((v) => compactNameForms(v ?? null)),
    employmentForm: z.enum(EMPLOYMENT_FORMS, { error: 'Forma zatrudnienia: wybierz z listy.' }).nullable().default(null),
    taskBasedTime: z.boolean().default(false),
    fte: z
      .number({ error: 'Wymiar etatu: wpisz liczbę.' })
      .gt(0, { error: 'Wymiar etatu: więcej niż 0.' })
      .max(1, { error: 'Wymiar etatu: najwyżej 1 (pełny etat).' })
      .nullable()
      .default(null),
    employedFrom: optionalDate('Zatrudnienie od'),
    employedTo: optionalDate('Zatrudnienie do'),
    qualification: qualificationSchema.nullable().default(null),
    declarations: declarationsSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.employedFrom && v.employedTo && v.employedTo < v.employedFrom)
      ctx.addIssue({ code: 'custom', path: ['employedTo'], message: 'Zatrudnienie do: data wcześniejsza niż data rozpoczęcia zatrudnienia.' });
    if (v.taskBasedTime && v.employmentForm !== 'employment-contract')
      ctx.addIssue({ code: 'custom', path: ['taskBasedTime'], message: 'Zadaniowy czas pracy dotyczy tylko umowy o pracę.' });
    if (v.fte !== null && v.employmentForm !== 'employment-contract')
      ctx.addIssue({ code: 'custom', path: ['fte'], message: 'Wymiar etatu wpisuje się tylko przy umowie o pracę.' });
  });
export type StaffFields = z.output<typeof staffFieldsSchema>;
export type StaffFieldsInput = z.input<typeof staffFieldsSchema>;

/** An empty register entry (an account the head has not described yet). */
export const EMPTY_STAFF: StaffFields = {
  salutation: null,
  position: '',
  phone: '',
  email: '',
  nameForms: null,
  employmentForm: null,
  taskBasedTime: false,
  fte: null,
  employedFrom: null,
  employedTo: null,
  qualification: null,
  declarations: null,
};

/** The position printed under the signature when the register has none. */
export function defaultPosition(role: string): string {
  switch (role) {
    case 'assistant':
      return 'asystent rodziny';
    case 'social_worker':
      return 'pracownik socjalny';
    case 'admin':
      return 'kierownik ośrodka';
    case 'dpo':
      return 'inspektor ochrony danych';
    default:
      return '';
  }
}

// ---- Office papers (settings): the RODO clause's DPO contact and retention, the statistics basis ----

export const OFFICE_PAPERS_KEY = 'documents.office';

export const officePapersSchema = z.object({
  /** Contact of the inspektor ochrony danych (e-mail or address), art. 13 ust. 1 lit. b RODO. */
  dpoContact: optionalText('Kontakt z inspektorem ochrony danych', 300),
  /** The retention statement of the RODO clause (from the office's JRWA). */
  retention: optionalText('Okres przechowywania danych', 500),
  /** The legal basis printed for the half-yearly statistical report (empty: the statute's duty). */
  statisticsBasis: optionalText('Podstawa prawna sprawozdania', 500),
});
export type OfficePapers = z.output<typeof officePapersSchema>;
export const EMPTY_OFFICE_PAPERS: OfficePapers = { dpoContact: '', retention: '', statisticsBasis: '' };

/**
 * Database schema (drizzle-orm, SQLite). Migrations in db/migrations are generated from this file
 * with `npm run db:generate` and shipped with the app.
 */

import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CONTRASTS, TEXT_SIZES } from '../shared/display';

/** Key–value facts about the installation (schema of the office, seal private key, flags). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** The office profile (one row, id = 1): used on every printed letterhead. */
export const office = sqliteTable('office', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  postalCode: text('postal_code').notNull(),
  place: text('place').notNull(),
  gmina: text('gmina').notNull(),
  headName: text('head_name').notNull(),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    login: text('login').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: ['admin', 'assistant', 'social_worker', 'dpo'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    personalLimit: integer('personal_limit'),
    /** Area (rejon) of a social worker, set by the head; used when the office scopes by area. */
    area: text('area'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_login_uq').on(t.login)],
);

/**
 * Append-only audit log. No API updates or deletes it, and triggers (migration 0000) make the
 * database itself refuse UPDATE and DELETE on this table.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    userLogin: text('user_login'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    details: text('details'),
    // ---- migration 0005 (issue 7): hash chain ----
    /** Hash of the previous entry ('0' x 64 for the first). */
    prevHash: text('prev_hash'),
    /** sha256 over prevHash and this entry's fields; set once (the update trigger allows only NULL -> value). */
    hash: text('hash'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_user_idx').on(t.userId), index('audit_action_idx').on(t.action)],
);

// ---- Registry (migration 0001) ---------------------------------------------------------------

export const families = sqliteTable(
  'families',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number'),
    address: text('address').notNull(),
    postalCode: text('postal_code').notNull().default(''),
    place: text('place').notNull(),
    gmina: text('gmina').notNull(),
    phone: text('phone').notNull().default(''),
    /** Diacritics-folded, lower-case "surnames address case-number" for search. */
    searchText: text('search_text').notNull(),
    assistantId: text('assistant_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    // ---- migration 0002 (issue 3) ----
    /** Area (rejon) for social-worker scoping. */
    area: text('area').notNull().default(''),
    /** Folded "surname firstname" of the head of the family, for sorting the list. */
    sortName: text('sort_name').notNull().default(''),
    /** 'full' | 'limited' | 'suspended' | 'deprived' | 'unknown' (władza rodzicielska). */
    parentalAuthority: text('parental_authority').notNull().default('unknown'),
    /** JSON: { active, court?, kuratorName?, kuratorPhone?, since? } (nadzór kuratora). */
    courtSupervision: text('court_supervision'),
    nkActive: integer('nk_active', { mode: 'boolean' }).notNull().default(false),
    /** JSON: { active, startedOn?, status?, gdpContact? } (Niebieska Karta). */
    niebieskaKarta: text('niebieska_karta'),
    /** Shown before a visit (e.g. aggressive dog, violent member). */
    safetyNote: text('safety_note').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: text('created_by'),
    // ---- migration 0005 (issue 7) ----
    /** Set by the retention run that removed the identifying data (YYYY-MM-DD). */
    anonymisedOn: text('anonymised_on'),
  },
  (t) => [
    index('families_assistant_idx').on(t.assistantId),
    index('families_case_idx').on(t.caseNumber),
    index('families_sort_idx').on(t.sortName),
    index('families_area_idx').on(t.area),
  ],
);

/**
 * Row numbers of the family search index (migration 0010: the FTS5 table `family_search` over
 * families.search_text, kept by triggers on families). An INTEGER PRIMARY KEY keeps its value
 * through VACUUM, which the implicit rowid of `families` (a text primary key) does not.
 * A migration that rebuilds `families` must recreate those triggers (see 0010).
 */
export const familySearchIds = sqliteTable(
  'family_search_ids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('family_search_ids_family_uq').on(t.familyId)],
);

export const familyMembers = sqliteTable(
  'family_members',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Diacritics-folded lower-case surname, for prefix search. */
    lastNameFolded: text('last_name_folded').notNull(),
    pesel: text('pesel'),
    birthDate: text('birth_date').notNull(),
    sex: text('sex', { enum: ['F', 'M'] }),
    relation: text('relation').notNull(),
    isChild: integer('is_child', { mode: 'boolean' }).notNull(),
    isHead: integer('is_head', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    // ---- migration 0002 (issue 3) ----
    phone: text('phone').notNull().default(''),
    /** JSON placement of a child: { kind: 'home'|'foster-care', since?, form?, pcpr?, krpz? }. */
    placement: text('placement'),
    // ---- migration 0007 (issue 13) ----
    /** JSON NameForms: the person's own declension where the rules are wrong (shared/grammar). */
    nameForms: text('name_forms'),
  },
  (t) => [
    index('members_family_idx').on(t.familyId),
    index('members_surname_idx').on(t.lastNameFolded),
    index('members_pesel_idx').on(t.pesel),
    index('members_surname_birth_idx').on(t.lastNameFolded, t.birthDate),
    // The reports' children facts (db/services/reports.ts loadReportFacts: id, family, birth date
    // and placement history), read from the index alone instead of every member's row.
    index('members_children_report_idx')
      .on(t.isChild, t.familyId, t.id, t.birthDate, t.placement)
      .where(sql`${t.isChild} = 1`),
  ],
);

// ---- Cases and their history (migration 0002, issue 3) -----------------------------------------

/** A case (sprawa): one track of work with a family (general support or "Za życiem"). */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id),
    track: text('track', { enum: ['general', 'za-zyciem'] }).notNull(),
    source: text('source').notNull(),
    state: text('state').notNull(),
    caseNumber: text('case_number').notNull(),
    seqYear: integer('seq_year').notNull(),
    seqNo: integer('seq_no').notNull(),
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    learnedOn: text('learned_on'),
    interviewDueOn: text('interview_due_on'),
    interviewOn: text('interview_on'),
    careDifficultiesFound: integer('care_difficulties_found', { mode: 'boolean' }),
    requestOn: text('request_on'),
    /** JSON: { court, caseRef, date } for S4 (from intake or recorded as consent basis). */
    courtOrder: text('court_order'),
    decision: text('decision'),
    decidedOn: text('decided_on'),
    decidedBy: text('decided_by').references(() => users.id),
    forwardedTo: text('forwarded_to'),
    assistantId: text('assistant_id').references(() => users.id),
    assignedOn: text('assigned_on'),
    consentBasis: text('consent_basis'),
    consentOn: text('consent_on'),
    closedOn: text('closed_on'),
    closureReason: text('closure_reason'),
    // Za życiem
    zzCategory: text('zz_category'),
    receivedOn: text('received_on'),
    /** JSON: documents (pregnancy document, art. 4 ust. 3 certificate, 10th-week certificate). */
    zzDocuments: text('zz_documents'),
    verifiedOn: text('verified_on'),
    /** JSON: free details of the intake (who reported, description). */
    details: text('details'),
    referredBy: text('referred_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    // ---- migration 0003 (issue 4) ----
    /** End of post-closure monitoring (closed_on + office setting, or set by the head). */
    monitoringEndsOn: text('monitoring_ends_on'),
    /** Reopening (wznowienie): the earlier case this one follows. */
    previousCaseId: text('previous_case_id'),
    /** JSON: { on, reason } while ZAWIESZENIE. */
    suspension: text('suspension'),
    // ---- migration 0005 (issue 7) ----
    /** Set by the retention run that removed the identifying data (YYYY-MM-DD). */
    anonymisedOn: text('anonymised_on'),
  },
  (t) => [
    index('cases_family_idx').on(t.familyId),
    index('cases_state_idx').on(t.state),
    index('cases_assistant_idx').on(t.assistantId, t.state),
    uniqueIndex('cases_number_uq').on(t.caseNumber),
    uniqueIndex('cases_seq_uq').on(t.seqYear, t.seqNo),
    // The reports' case facts (loadReportCases) read from this index alone: 20 years of cases
    // are a few MB of index instead of every case row with its JSON.
    index('cases_report_idx').on(
      t.id,
      t.familyId,
      t.track,
      t.source,
      t.state,
      t.assistantId,
      t.assignedOn,
      t.consentOn,
      t.closedOn,
      t.closureReason,
      t.monitoringEndsOn,
      t.consentBasis,
      sql`(${t.courtOrder} IS NOT NULL)`,
    ),
  ],
);

/** Case history: every transition with its actor (append-only, like the audit log). */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    at: text('at').notNull(),
    userId: text('user_id'),
    userLogin: text('user_login'),
    userName: text('user_name'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    details: text('details'),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId),
    // The waiting-list and archive steps the reports read (loadReportCases), from the index alone.
    index('case_events_report_idx')
      .on(t.caseId, t.id, t.fromState, t.toState, t.at, sql`(${t.details} ->> '$.decidedOn')`, sql`(${t.details} ->> '$.on')`)
      .where(sql`${t.toState} IN ('LISTA_OCZEKUJACYCH', 'ARCHIWUM') OR ${t.fromState} = 'LISTA_OCZEKUJACYCH'`),
  ],
);

/** Office-wide case settings (one row, id = 1; defaults apply when absent). */
export const caseSettings = sqliteTable('case_settings', {
  id: integer('id').primaryKey(),
  caseNumberPattern: text('case_number_pattern').notNull(),
  monitoringCounts: integer('monitoring_counts', { mode: 'boolean' }).notNull().default(false),
  areaScoping: integer('area_scoping', { mode: 'boolean' }).notNull().default(false),
  assessmentDueDays: integer('assessment_due_days').notNull().default(30),
  planDueDays: integer('plan_due_days').notNull().default(30),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
});

// ---- Supporting families (rodziny wspierające, migration 0002) -----------------------------------

export const supportingFamilies = sqliteTable(
  'supporting_families',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id),
    assistantId: text('assistant_id').references(() => users.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    place: text('place').notNull(),
    phone: text('phone').notNull().default(''),
    relationToChild: text('relation_to_child').notNull(),
    /** JSON: [{ firstName, lastName, pesel?, birthDate?, finalConvictionIntentionalCrime }]. */
    members: text('members').notNull(),
    convictionStatementOn: text('conviction_statement_on'),
    /** JSON: { positive, on, interviewOn }. */
    headOpinion: text('head_opinion'),
    status: text('status', { enum: ['candidate', 'established', 'ended'] }).notNull(),
    /** JSON: { by, authorisation?, number, on }. */
    act: text('act'),
    /** JSON: { number, on, monthlyLimitGr?, totalLimitGr? }. */
    contract: text('contract'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('supporting_case_idx').on(t.caseId), index('supporting_family_idx').on(t.familyId)],
);

export const supportingReimbursements = sqliteTable(
  'supporting_reimbursements',
  {
    id: text('id').primaryKey(),
    supportingFamilyId: text('supporting_family_id')
      .notNull()
      .references(() => supportingFamilies.id),
    paidOn: text('paid_on').notNull(),
    /** Amount in grosze (integer). */
    amountGr: integer('amount_gr').notNull(),
    description: text('description').notNull(),
    createdBy: text('created_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('reimbursements_sf_idx').on(t.supportingFamilyId)],
);


// ---- Work with the family (migration 0003, issue 4) ----------------------------------------------

/** Office settings of the work with the family (one row, id = 1; defaults apply when absent). */
export const workSettings = sqliteTable('work_settings', {
  id: integer('id').primaryKey(),
  /** Entries (visits, contacts, notes, assessments) lock this many days after they were recorded. */
  entryLockDays: integer('entry_lock_days').notNull().default(7),
  monitoringMonths: integer('monitoring_months').notNull().default(3),
  maxDaysBetweenVisits: integer('max_days_between_visits').notNull().default(14),
  visitGapReminderDays: integer('visit_gap_reminder_days').notNull().default(3),
  firstAssessmentFrom: text('first_assessment_from').notNull().default('assignment'),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
});

/** Assessments of the family situation: initial, periodic, final (domain.md §4.8, §4.13, §4.14, §5.3). */
export const assessments = sqliteTable(
  'assessments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    familyId: text('family_id').notNull().references(() => families.id),
    kind: text('kind', { enum: ['initial', 'periodic', 'final'] }).notNull(),
    assessedOn: text('assessed_on').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    /** JSON: area code -> { rating, justification } | { notAssessedReason }. */
    areas: text('areas').notNull(),
    /** JSON: the rest of the form (strengths, resources, children, familyView, recommendation, goal attainment…). */
    body: text('body').notNull(),
    recommendation: text('recommendation'),
    /** JSON: distribution list (recipients) of a periodic/final assessment. */
    distribution: text('distribution'),
    authorId: text('author_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('assessments_case_idx').on(t.caseId, t.assessedOn)],
);

/** Work plan versions: each revision is a new row; earlier versions stay readable. */
export const workPlans = sqliteTable(
  'work_plans',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    familyId: text('family_id').notNull().references(() => families.id),
    versionNo: integer('version_no').notNull(),
    drawnUpOn: text('drawn_up_on').notNull(),
    /** JSON: PlanContent (goals, actions, coordination flags) and consultation details. */
    content: text('content').notNull(),
    changeNote: text('change_note').notNull().default(''),
    /** JSON: PlanChange[] against the previous version. */
    diff: text('diff'),
    authorId: text('author_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('work_plans_case_version_uq').on(t.caseId, t.versionNo)],
);

/** Visits, failed visits, phone and institution contacts, official notes, monitoring contacts. */
export const caseEntries = sqliteTable(
  'case_entries',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    familyId: text('family_id').notNull().references(() => families.id),
    kind: text('kind').notNull(),
    onDate: text('on_date').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    minutes: integer('minutes').notNull().default(0),
    /** Tenths of a kilometre (travel for task-based working time). */
    kmTenths: integer('km_tenths').notNull().default(0),
    /** JSON: the rest of the entry (place, participants, goals, agreed tasks, observations…). */
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id),
    authorName: text('author_name'),
    recordedOn: text('recorded_on').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('entries_case_idx').on(t.caseId, t.onDate), index('entries_kind_idx').on(t.kind, t.caseId, t.onDate)],
);

/** Dated corrections of locked entries and assessments (never silent edits). */
export const entryAddenda = sqliteTable(
  'entry_addenda',
  {
    id: text('id').primaryKey(),
    /** 'entry' | 'assessment'. */
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    caseId: text('case_id').notNull().references(() => cases.id),
    text: text('text').notNull(),
    authorId: text('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('addenda_target_idx').on(t.targetType, t.targetId)],
);

/** Court requests for an opinion on the family (art. 15 ust. 1 pkt 17). */
export const courtRequests = sqliteTable(
  'court_requests',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    familyId: text('family_id').notNull().references(() => families.id),
    court: text('court').notNull(),
    department: text('department').notNull().default(''),
    caseRef: text('case_ref').notNull(),
    requestedOn: text('requested_on').notNull(),
    deliveredOn: text('delivered_on'),
    termDays: integer('term_days'),
    fixedDueOn: text('fixed_due_on'),
    dueOn: text('due_on'),
    submittedOn: text('submitted_on'),
    scope: text('scope').notNull().default(''),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    // ---- migration 0007 (issue 13) ----
    /** JSON CourtOpinionDraft: the scopes the court asked for, the request's number and the
     *  assistant's text of the sections the record cannot fill, conclusions, attachments. */
    opinion: text('opinion'),
  },
  (t) => [index('court_requests_case_idx').on(t.caseId)],
);

/** "Za życiem" support catalogue items (katalog wsparcia, domain.md §4.17). */
export const catalogueItems = sqliteTable(
  'catalogue_items',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull().references(() => cases.id),
    familyId: text('family_id').notNull().references(() => families.id),
    area: text('area').notNull(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    contact: text('contact').notNull().default(''),
    conditions: text('conditions').notNull().default(''),
    cost: text('cost').notNull().default(''),
    status: text('status').notNull(),
    onBehalf: integer('on_behalf', { mode: 'boolean' }).notNull().default(false),
    appliedOn: text('applied_on'),
    /** When the support was obtained or refused (status 'obtained' / 'refused'). */
    decidedOn: text('decided_on'),
    authorisationId: text('authorisation_id'),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('catalogue_case_idx').on(t.caseId)],
);

/** Written authorisations of the family (upoważnienia, domain.md §3.2, §4.7). */
export const authorisations = sqliteTable(
  'authorisations',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id').notNull().references(() => families.id),
    caseId: text('case_id'),
    kind: text('kind', { enum: ['general', 'special'] }).notNull(),
    /** JSON: [{ memberId?, name }]. */
    grantors: text('grantors').notNull(),
    granteeId: text('grantee_id').notNull().references(() => users.id),
    /** JSON: { institutions: string[], matters: string[], description }. */
    scope: text('scope').notNull(),
    signedOn: text('signed_on').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    revokedOn: text('revoked_on'),
    revocationNote: text('revocation_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('authorisations_family_idx').on(t.familyId)],
);

/** Autosaved drafts of long forms, per user and form key (never a temp file). */
export const drafts = sqliteTable(
  'drafts',
  {
    userId: text('user_id').notNull(),
    formKey: text('form_key').notNull(),
    data: text('data').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('drafts_user_form_uq').on(t.userId, t.formKey)],
);

/** Half-year statistical reports already filed (sprawozdanie rzeczowo-finansowe), e.g. '2026-H1'. */
export const statisticsFiled = sqliteTable('statistics_filed', {
  period: text('period').primaryKey(),
  filedOn: text('filed_on').notNull(),
  filedBy: text('filed_by'),
  createdAt: text('created_at').notNull(),
});

/** An office's own wording of a document text (shared/print/texts DEFAULT_TEXTS key); no row =
 *  the default. Deleting the row restores the default. */
export const documentTexts = sqliteTable('document_texts', {
  key: text('key').primaryKey(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

// ---- Reports and privacy (migration 0005, issue 7) ----------------------------------------------

/**
 * Office settings stored as JSON under a key (e.g. 'report.conventions', 'retention.rules').
 * Each key's JSON is validated by its zod schema in shared/ when read and written.
 */
export const officeSettings = sqliteTable('office_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** A family shared with another assistant for a substitution (zastępstwo), for a period. */
export const familyShares = sqliteTable(
  'family_shares',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id')
      .notNull()
      .references(() => families.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    fromOn: text('from_on').notNull(),
    untilOn: text('until_on').notNull(),
    reason: text('reason').notNull().default(''),
    grantedBy: text('granted_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('family_shares_user_idx').on(t.userId, t.untilOn), index('family_shares_family_idx').on(t.familyId)],
);

/** A retention (anonymisation) run: the list the head confirmed and what was done. */
export const retentionRuns = sqliteTable('retention_runs', {
  id: text('id').primaryKey(),
  at: text('at').notNull(),
  byUser: text('by_user').references(() => users.id),
  /** JSON: the case ids the head confirmed. */
  caseIds: text('case_ids').notNull(),
  /** JSON: counts of what was removed (families, members, entries, ...), no personal data. */
  summary: text('summary').notNull(),
});

// ---- Staff register (migration 0007, issue 13) ----------------------------------------------------

/**
 * The staff register (kadra): one row per account, kept by the head. What documents print about
 * a worker (form of address, position under the signature, own phone and e-mail, declension
 * override) and, for assistants, the employment (form, task-based working time, FTE, dates — the
 * report's assistant figures come from here) and the art. 12 qualification path and declarations.
 * JSON columns are validated by shared/staff.ts on read and write.
 */
export const staffRegister = sqliteTable('staff_register', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  salutation: text('salutation', { enum: ['Pani', 'Pan'] }),
  position: text('position').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  /** JSON NameForms (shared/grammar). */
  nameForms: text('name_forms'),
  employmentForm: text('employment_form', { enum: ['employment-contract', 'service-contract'] }),
  taskBasedTime: integer('task_based_time', { mode: 'boolean' }).notNull().default(false),
  /** Etat (FTE), e.g. 1 or 0.5; only with an employment contract. */
  fte: real('fte'),
  employedFrom: text('employed_from'),
  employedTo: text('employed_to'),
  /** JSON StaffQualification: the art. 12 path with education, training and experience. */
  qualification: text('qualification'),
  /** JSON StaffDeclarations: the dates of the art. 12 declarations. */
  declarations: text('declarations'),
  version: integer('version').notNull().default(1),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/**
 * Display preferences of one account (issue 14: text size A/A+/A++, high contrast), applied when
 * the user logs in. A preference, not an account edit: no version bump and no audit entry.
 */
export const userDisplayPrefs = sqliteTable('user_display_prefs', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  textSize: text('text_size', { enum: TEXT_SIZES }).notNull(),
  contrast: text('contrast', { enum: CONTRASTS }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

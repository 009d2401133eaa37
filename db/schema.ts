/**
 * Database schema (drizzle-orm, SQLite). Migrations in db/migrations are generated from this file
 * with `npm run db:generate` and shipped with the app.
 */

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    role: text('role', { enum: ['admin', 'assistant', 'social_worker'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    personalLimit: integer('personal_limit'),
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
  },
  (t) => [index('families_assistant_idx').on(t.assistantId), index('families_case_idx').on(t.caseNumber)],
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
  },
  (t) => [
    index('members_family_idx').on(t.familyId),
    index('members_surname_idx').on(t.lastNameFolded),
    index('members_pesel_idx').on(t.pesel),
  ],
);


/** Channels of the foundation: status, setup, authentication, accounts, audit, office, settings. */
import { z } from 'zod';
import {
  enteredPasswordSchema,
  idleMinutesSchema,
  loginSchema,
  newAccountSchema,
  officeProfileSchema,
  passwordSchema,
  personNameSchema,
  recoveryKeySchema,
  roleSchema,
} from '../../schemas';
import { channel } from '../channel';
import { empty, okSchema, pageInput } from './common';

export const sessionUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
});
export type SessionUser = z.output<typeof sessionUserSchema>;

export const accountSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  personalLimit: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Account = z.output<typeof accountSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userLogin: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const officeSchema = officeProfileSchema.extend({ version: z.number().int() });

export const foundationChannels = {
  'app:status': channel({
    description: 'Stan aplikacji i sesji',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: z.object({
      setupDone: z.boolean(),
      officeName: z.string().nullable(),
      user: sessionUserSchema.nullable(),
      locked: z.boolean(),
      idleMinutes: z.number().int(),
      recoveryKeyConfirmed: z.boolean(),
    }),
  }),

  'setup:initialize': channel({
    description: 'Pierwsze uruchomienie: profil ośrodka i konto kierownika',
    access: 'public',
    input: z.object({
      office: officeProfileSchema,
      admin: z.object({ fullName: personNameSchema, login: loginSchema, password: passwordSchema }),
    }),
    output: z.object({ recoveryKey: z.string() }),
  }),

  'setup:confirmRecoveryKey': channel({
    description: 'Potwierdzenie zapisania klucza odzyskiwania',
    access: 'public',
    input: z.object({ recoveryKey: recoveryKeySchema }),
    output: okSchema,
  }),

  'auth:login': channel({
    description: 'Logowanie',
    access: 'public',
    input: z.object({ login: loginSchema, password: enteredPasswordSchema }),
    output: z.object({ user: sessionUserSchema }),
  }),

  'auth:recover': channel({
    description: 'Odzyskanie dostępu kluczem odzyskiwania',
    access: 'public',
    input: z.object({
      recoveryKey: recoveryKeySchema,
      login: loginSchema,
      newPassword: passwordSchema,
    }),
    output: z.object({ user: sessionUserSchema }),
  }),

  'auth:logout': channel({
    description: 'Wylogowanie',
    access: 'session',
    whileLocked: true,
    input: empty,
    output: okSchema,
  }),

  'auth:lock': channel({
    description: 'Zablokowanie sesji',
    access: 'session',
    whileLocked: true,
    /** 'idle' when the window's inactivity timer locked it (audited as an automatic lock). */
    input: z.object({ reason: z.enum(['manual', 'idle']).default('manual') }).strict(),
    output: okSchema,
  }),

  'auth:unlock': channel({
    description: 'Odblokowanie sesji',
    access: 'session',
    whileLocked: true,
    input: z.object({ password: enteredPasswordSchema }),
    output: z.object({ user: sessionUserSchema }),
  }),

  'auth:changePassword': channel({
    description: 'Zmiana własnego hasła',
    access: 'session',
    input: z.object({ currentPassword: enteredPasswordSchema, newPassword: passwordSchema }),
    output: okSchema,
  }),

  'session:activity': channel({
    description: 'Aktywność użytkownika (odsuwa automatyczną blokadę)',
    access: 'session',
    input: empty,
    output: okSchema,
  }),

  'users:list': channel({
    description: 'Lista kont',
    access: ['admin', 'dpo'],
    input: empty,
    output: z.array(accountSchema),
  }),

  'users:create': channel({
    description: 'Utworzenie konta',
    access: ['admin'],
    input: newAccountSchema,
    output: accountSchema,
  }),

  'users:update': channel({
    description: 'Zmiana danych konta',
    access: ['admin'],
    input: z.object({
      id: z.string(),
      version: z.number().int(),
      fullName: personNameSchema,
      role: roleSchema,
      personalLimit: newAccountSchema.shape.personalLimit,
    }),
    output: accountSchema,
  }),

  'users:setActive': channel({
    description: 'Aktywacja lub dezaktywacja konta',
    access: ['admin'],
    input: z.object({
      id: z.string(),
      version: z.number().int(),
      active: z.boolean(),
      /** Required when activating: the account gets a new password. */
      newPassword: passwordSchema.optional(),
    }),
    output: accountSchema,
  }),

  'users:resetPassword': channel({
    description: 'Nadanie nowego hasła',
    access: ['admin'],
    input: z.object({ id: z.string(), newPassword: passwordSchema }),
    output: okSchema,
  }),

  'recovery:regenerate': channel({
    description: 'Wygenerowanie nowego klucza odzyskiwania',
    access: ['admin'],
    input: z.object({ password: enteredPasswordSchema }),
    output: z.object({ recoveryKey: z.string() }),
  }),

  'audit:list': channel({
    description: 'Dziennik zdarzeń',
    access: ['admin', 'dpo'],
    input: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      userId: z.string().optional(),
      action: z.string().optional(),
      ...pageInput,
    }),
    output: z.object({ items: z.array(auditEntrySchema), total: z.number().int() }),
  }),

  'office:get': channel({
    description: 'Profil ośrodka',
    access: 'session',
    input: empty,
    output: officeSchema,
  }),

  'office:update': channel({
    description: 'Zmiana profilu ośrodka',
    access: ['admin'],
    input: officeProfileSchema.extend({ version: z.number().int() }),
    output: officeSchema,
  }),

  'settings:get': channel({
    description: 'Ustawienia stanowiska',
    access: 'session',
    input: empty,
    output: z.object({ idleMinutes: z.number().int() }),
  }),

  'settings:update': channel({
    description: 'Zmiana ustawień stanowiska',
    access: ['admin'],
    input: z.object({ idleMinutes: idleMinutesSchema }),
    output: z.object({ idleMinutes: z.number().int() }),
  }),

} as const;

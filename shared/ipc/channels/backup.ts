/**
 * Channels of backups and restore (issue 6). The handlers run an operation to completion and
 * return its result. While `backup:create` is awaited, the same session polls `backup:progress`
 * and may call `backup:cancel` (the transports run calls concurrently).
 */
import { z } from 'zod';
import { enteredPasswordSchema, loginSchema, recoveryKeySchema, roleSchema } from '../../schemas';
import { channel } from '../channel';
import { empty } from './common';

const filePathSchema = z
  .string({ error: 'Plik: pole jest wymagane.' })
  .min(1, { error: 'Wskaż plik kopii zapasowej.' })
  .max(4096, { error: 'Ścieżka jest za długa.' });

/** The recovery key, or the login and password of an account that existed at backup time. */
export const backupSecretSchema = z.union([
  z.object({ recoveryKey: recoveryKeySchema }),
  z.object({ login: loginSchema, password: enteredPasswordSchema }),
]);

export const backupCountsSchema = z.object({
  families: z.number().int().nullable(),
  cases: z.number().int().nullable(),
  users: z.number().int().nullable(),
  auditEntries: z.number().int().nullable(),
});

export const backupInfoSchema = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  officeName: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
  /** False: the backup comes from a newer app version (update before restoring). */
  restorable: z.boolean(),
});
export type BackupInfoDto = z.output<typeof backupInfoSchema>;

/** Steps of making a backup, in order (db/backup/create.ts). */
export const backupPhaseSchema = z.enum(['snapshot', 'write', 'verify', 'prune']);
export type BackupPhase = z.output<typeof backupPhaseSchema>;

export const currentDataSchema = z.object({
  setUp: z.boolean(),
  /** False when the current data belongs to another installation (the backup's key cannot read it). */
  readable: z.boolean(),
  lastChangeAt: z.string().nullable(),
  changesAfterBackup: z.number().int(),
  counts: backupCountsSchema.nullable(),
});

export const backupSettingsSchema = z.object({
  keepCount: z.number().int().min(1, { error: 'Liczba kopii: co najmniej 1.' }).max(100, { error: 'Liczba kopii: najwyżej 100.' }),
  reminderDays: z.number().int().min(1, { error: 'Przypomnienie: co najmniej 1 dzień.' }).max(90, { error: 'Przypomnienie: najwyżej 90 dni.' }),
  /** Roles allowed to make backups besides the administrator. */
  roles: z.array(roleSchema),
});

export const backupChannels = {
  'backup:status': channel({
    description: 'Stan kopii zapasowych (przypomnienie)',
    access: 'session',
    input: empty,
    output: z.object({
      lastVerifiedBackupAt: z.string().nullable(),
      lastBackupFolder: z.string().nullable(),
      reminderDays: z.number().int(),
      keepCount: z.number().int(),
      reminderDue: z.boolean(),
      lastChangeAt: z.string().nullable(),
      changesSinceLastBackup: z.boolean(),
      canCreate: z.boolean(),
    }),
  }),

  'backup:create': channel({
    description: 'Wykonanie kopii zapasowej',
    // Administrators, and the roles the office allows (checked in the handler).
    access: 'session',
    input: z.object({ folder: z.string().min(1, { error: 'Wskaż folder na kopię zapasową.' }).max(4096) }),
    output: z.object({
      file: z.string(),
      name: z.string(),
      folder: z.string(),
      bytes: z.number().int(),
      createdAt: z.string(),
      officeName: z.string(),
      schemaVersion: z.number().int(),
      counts: backupCountsSchema,
      pruned: z.array(z.string()),
    }),
  }),

  'backup:progress': channel({
    description: 'Postęp tworzenia kopii zapasowej',
    // Only the caller's own backup (per session); nothing sensitive.
    access: 'session',
    input: empty,
    output: z.object({
      running: z.boolean(),
      /** snapshot → write → verify → prune; null when no backup is running for this session. */
      phase: backupPhaseSchema.nullable(),
      doneBytes: z.number().int().nonnegative(),
      totalBytes: z.number().int().nonnegative(),
    }),
  }),

  'backup:cancel': channel({
    description: 'Przerwanie tworzenia kopii zapasowej',
    // Cancels only the caller's own running backup (per session).
    access: 'session',
    input: empty,
    output: z.object({ cancelled: z.boolean() }),
  }),

  'backup:verify': channel({
    description: 'Sprawdzenie pliku kopii zapasowej',
    // Any logged-in user; on a fresh installation also without a session.
    access: { beforeSetup: 'public', afterSetup: 'session' },
    input: z.object({ file: filePathSchema, secret: backupSecretSchema }),
    output: backupInfoSchema,
  }),

  'backup:restore': channel({
    description: 'Przywrócenie danych z kopii zapasowej',
    // Administrator; on a fresh installation (first-run wizard) without a session.
    access: { beforeSetup: 'public', afterSetup: ['admin'] },
    input: z.object({ file: filePathSchema, secret: backupSecretSchema, confirm: z.boolean().default(false) }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('needsConfirmation'), backup: backupInfoSchema, current: currentDataSchema }),
      z.object({
        status: z.literal('restored'),
        backup: backupInfoSchema,
        schemaVersion: z.number().int(),
        /** Folder inside the data folder holding the replaced files (null on a fresh installation). */
        previousDataKeptIn: z.string().nullable(),
      }),
    ]),
  }),

  'backup:getSettings': channel({
    description: 'Ustawienia kopii zapasowych',
    access: ['admin'],
    input: empty,
    output: backupSettingsSchema,
  }),

  'backup:updateSettings': channel({
    description: 'Zmiana ustawień kopii zapasowych',
    access: ['admin'],
    input: backupSettingsSchema,
    output: backupSettingsSchema,
  }),
} as const;

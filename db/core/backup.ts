/**
 * Backups through the core: making one of the open database (with per-session progress and
 * cancel), verifying a file, restoring one into this data folder, and the office's backup
 * settings. The pipeline itself lives in db/backup/.
 *
 * A backup made through the core is recorded per session while it runs: `progress` reads its
 * phase and bytes (the `backup:progress` channel, polled by the UI while `backup:create` is
 * awaited) and `cancel` aborts it (`backup:cancel`). The Node API and the CLI may also pass their
 * own `signal` and `onProgress`. Verify and restore run to completion through IPC.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { SessionUser } from '../../shared/ipc/contract';
import type { Role } from '../../shared/roles';
import {
  assessCurrent,
  createBackup,
  needsConfirmation,
  prepareRestore,
  swapIn,
  verifyBackup,
  type BackupProgress,
  type BackupSecret,
  type SecretGuard,
  type SecretTarget,
  type TargetFs,
} from '../backup/index';
import type { LockRetry } from '../fsutil';
import { changesSince } from '../backup/snapshot';
import { acquireDataDirLock, type DataDirLock } from '../lockfile';
import { appMeta } from '../schema';
import { RECOVERY_THROTTLE_KEY } from '../throttle';
import { throttled, type Actor, type CoreKernel } from './kernel';
import type { Office } from './office';
import type { Sessions } from './sessions';

const BACKUP_ROLES_KEY = 'backup_roles';
const DEFAULT_BACKUP_KEEP = 10;
const DEFAULT_BACKUP_REMINDER_DAYS = 7;

export interface CreateBackupOptions {
  folder?: string;
  file?: string;
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
  fs?: TargetFs;
  /** Tests: simulate Windows reporting the new file locked (db/fsutil.ts retryWhileLocked). */
  renameRetry?: LockRetry;
  chunkBytes?: number;
  afterChunk?: (index: number) => void | Promise<void>;
}

export class Backups {
  /** The backup each session is making: its last progress and the handle to cancel it. */
  private readonly running = new Map<string, { ctl: AbortController; progress: BackupProgress }>();

  constructor(
    private readonly k: CoreKernel,
    private readonly sessions: Sessions,
    private readonly office: Office,
  ) {}

  /** Progress of the backup this session is making (`running: false` when there is none). */
  progress(sessionId: string): { running: boolean; phase: BackupProgress['phase'] | null; doneBytes: number; totalBytes: number } {
    const r = this.running.get(sessionId);
    if (!r) return { running: false, phase: null, doneBytes: 0, totalBytes: 0 };
    return { running: true, ...r.progress };
  }

  /**
   * Cancel the backup the caller's session is making. The running `create` then fails with
   * BACKUP_CANCELLED after removing its partial (or unverified) file. Audited when there was one.
   */
  cancel(actor: Actor): { cancelled: boolean } {
    const r = this.running.get(actor.sessionId);
    if (!r || r.ctl.signal.aborted) return { cancelled: false };
    r.ctl.abort();
    if (this.k.isOpen) this.k.audit(actor, 'backup.cancel', null, { ...r.progress });
    return { cancelled: true };
  }

  private setting<K extends 'backupKeepCount' | 'backupReminderDays'>(key: K, fallback: number): number {
    const v = this.k.settings.get(key);
    return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
  }

  /** Roles allowed to make backups besides the administrator (office-wide, in the database). */
  roles(): Role[] {
    const row = this.k.requireDb().db.select().from(appMeta).where(eq(appMeta.key, BACKUP_ROLES_KEY)).get();
    const roles = new Set<Role>(['admin']);
    try {
      for (const r of JSON.parse(row?.value ?? '[]') as Role[]) if (r === 'assistant' || r === 'social_worker') roles.add(r);
    } catch {
      /* a damaged value means administrators only */
    }
    return [...roles];
  }

  canCreate(user: SessionUser): boolean {
    return user.role === 'admin' || this.roles().includes(user.role);
  }

  settings() {
    return {
      keepCount: this.setting('backupKeepCount', DEFAULT_BACKUP_KEEP),
      reminderDays: this.setting('backupReminderDays', DEFAULT_BACKUP_REMINDER_DAYS),
      roles: this.roles(),
    };
  }

  updateSettings(actor: Actor, input: { keepCount: number; reminderDays: number; roles: Role[] }) {
    const before = this.settings();
    const roles = [...new Set(input.roles.filter((r) => r !== 'admin'))];
    this.k.settings.set('backupKeepCount', input.keepCount);
    this.k.settings.set('backupReminderDays', input.reminderDays);
    const { db } = this.k.requireDb();
    db.transaction((tx) => {
      tx.insert(appMeta)
        .values({ key: BACKUP_ROLES_KEY, value: JSON.stringify(roles) })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: JSON.stringify(roles) } })
        .run();
      this.k.audit(actor, 'backup.settings_update', null, { before, after: { ...input, roles } }, tx);
    });
    return this.settings();
  }

  /** For the home-screen reminder and the reminder on quit. */
  status(user: SessionUser | null) {
    const k = this.k;
    const last = k.settings.get('lastVerifiedBackupAt') ?? null;
    const { reminderDays, keepCount } = this.settings();
    const lastChangeAt = k.isOpen ? changesSince(k.requireDb().sqlite, null).lastChangeAt : null;
    return {
      lastVerifiedBackupAt: last,
      lastBackupFolder: k.settings.get('lastBackupFolder') ?? null,
      reminderDays,
      keepCount,
      reminderDue: last === null || k.now() - Date.parse(last) > reminderDays * 86_400_000,
      lastChangeAt,
      changesSinceLastBackup: lastChangeAt !== null && (last === null || lastChangeAt > last),
      canCreate: user ? this.canCreate(user) : false,
    };
  }

  /** Make a backup of the open database into a folder (or an explicit file path). */
  async create(actor: Actor, opts: CreateBackupOptions) {
    const k = this.k;
    const { sqlite } = k.requireDb();
    if (!this.canCreate(actor.user)) throw new AppError('FORBIDDEN');
    const out = opts.file ? { file: opts.file } : opts.folder ? { folder: opts.folder } : null;
    if (!out) throw new AppError('VALIDATION', 'Wskaż folder na kopię zapasową.');
    if (this.running.has(actor.sessionId)) {
      throw new AppError('VALIDATION', 'Kopia zapasowa jest już tworzona. Poczekaj na jej zakończenie albo ją anuluj.');
    }
    // Cancelled by `cancel` (this session) or by the caller's own signal (the CLI's Ctrl+C).
    const ctl = new AbortController();
    const forwardAbort = () => ctl.abort();
    if (opts.signal?.aborted) ctl.abort();
    else opts.signal?.addEventListener('abort', forwardAbort, { once: true });
    const running = { ctl, progress: { phase: 'snapshot', doneBytes: 0, totalBytes: 0 } as BackupProgress };
    this.running.set(actor.sessionId, running);
    const dataKey = k.dataKeyCopy();
    try {
      const r = await createBackup({
        sqlite,
        dataKey,
        keystore: k.keystore().snapshot(),
        out,
        workBase: k.dataDir,
        createdBy: actor.user.login,
        appVersion: k.appVersion,
        now: new Date(k.now()),
        keepCount: this.setting('backupKeepCount', DEFAULT_BACKUP_KEEP),
        nativeBinding: k.nativeBinding,
        ...opts,
        signal: ctl.signal,
        onProgress: (p) => {
          running.progress = { ...p };
          k.emit({ kind: 'backup:progress', sessionId: actor.sessionId, progress: { ...p } });
          opts.onProgress?.(p);
        },
      });
      k.settings.set('lastVerifiedBackupAt', r.createdAt);
      k.settings.set('lastBackupFolder', r.folder);
      // The audit chain's head at backup time becomes an anchor on this workstation.
      this.office.recordAuditAnchor(sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined);
      k.audit(actor, 'backup.created', null, {
        file: r.name,
        folder: r.folder,
        bytes: r.bytes,
        families: r.counts.families,
        pruned: r.pruned,
      });
      return r;
    } catch (e) {
      if (k.isOpen) k.audit(actor, 'backup.failed', null, { code: e instanceof AppError ? e.code : 'INTERNAL' });
      throw e;
    } finally {
      dataKey.fill(0);
      this.running.delete(actor.sessionId);
      opts.signal?.removeEventListener('abort', forwardAbort);
      k.emit({ kind: 'backup:finished', sessionId: actor.sessionId });
    }
  }

  /**
   * Secrets tried against a backup go through the login throttle (auth-state.json, kept across
   * restarts), per target: an account's password counts under the same salted login tag as
   * logging in to that installation, so guesses at the head's password through a backup and
   * through the login screen add up; the recovery key under the installation's recovery-key
   * target. A correct secret for an old backup proves nothing about today's password, so it
   * clears the count only for a backup of another installation (restoring on a new PC).
   */
  private secretGuard(): SecretGuard {
    const k = this.k;
    const localInstall = (): string | null => {
      try {
        return k.isSetUp() ? k.keystore().installId : null;
      } catch {
        return null;
      }
    };
    const keyOf = (t: SecretTarget): { key: string; shared: boolean } => {
      const shared = t.installId === localInstall();
      if (t.kind === 'login') return { key: t.tag, shared };
      return { key: shared ? RECOVERY_THROTTLE_KEY : `recovery:${createHash('sha256').update(t.installId).digest('hex')}`, shared };
    };
    return {
      check(t) {
        const wait = k.throttle.waitSeconds(keyOf(t).key, k.now());
        if (wait > 0) throw throttled(wait);
      },
      failed(t) {
        const { key } = keyOf(t);
        k.throttle.recordFailure(key, k.now());
        const next = k.throttle.waitSeconds(key, k.now());
        if (next > 0) throw throttled(next);
      },
      succeeded(t) {
        const { key, shared } = keyOf(t);
        if (!shared) k.throttle.recordSuccess(key);
      },
    };
  }

  /** Check a backup file without restoring it. */
  async verify(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    const k = this.k;
    const details = { file: basename(input.file) };
    try {
      const info = await verifyBackup(input.file, input.secret, {
        workBase: k.dataDir,
        migrationsFolder: k.migrationsFolder,
        nativeBinding: k.nativeBinding,
        onProgress: input.onProgress,
        signal: input.signal,
        guard: this.secretGuard(),
      });
      if (k.isOpen && actor) k.audit(actor, 'backup.verified', null, { ...details, bytes: info.bytes, createdAt: info.createdAt });
      return info;
    } catch (e) {
      if (k.isOpen && actor) k.audit(actor, 'backup.verify_failed', null, { ...details, code: e instanceof AppError ? e.code : 'INTERNAL' });
      throw e;
    }
  }

  /**
   * Restore a backup into this data folder. Verifies the whole file and stages it first; when the
   * current installation holds changes newer than the backup (or data this backup's key cannot
   * read), returns what would be lost unless `confirm` is set. On success every session is
   * logged out: users log in with the passwords they had at backup time.
   */
  async restore(
    actor: Actor | null,
    input: { file: string; secret: BackupSecret; confirm?: boolean; onProgress?: (p: BackupProgress) => void; signal?: AbortSignal },
  ) {
    const k = this.k;
    const via = 'recoveryKey' in input.secret ? 'recovery-key' : 'password';
    let prepared;
    try {
      prepared = await prepareRestore({
        file: input.file,
        secret: input.secret,
        dataDir: k.dataDir,
        restoredBy: actor?.user.login ?? ('login' in input.secret ? input.secret.login : null),
        restoredByUserId: actor?.user.id ?? null,
        now: new Date(k.now()),
        migrationsFolder: k.migrationsFolder,
        nativeBinding: k.nativeBinding,
        onProgress: input.onProgress,
        signal: input.signal,
        guard: this.secretGuard(),
      });
    } catch (e) {
      // A refused restore (wrong secret, throttled, damaged file) is in the log like a refused verify.
      if (k.isOpen && actor) k.audit(actor, 'backup.restore_failed', null, { file: basename(input.file), code: e instanceof AppError ? e.code : 'INTERNAL' });
      throw e;
    }
    try {
      let lock: DataDirLock | null = null;
      let current;
      if (k.isOpen) {
        current = assessCurrent(k.dataDir, prepared.info.createdAt, { sqlite: k.requireDb().sqlite });
      } else {
        lock = acquireDataDirLock(k.dataDir, { nativeBinding: k.nativeBinding });
        current = assessCurrent(k.dataDir, prepared.info.createdAt, { dataKey: prepared.dataKey, nativeBinding: k.nativeBinding });
      }
      try {
        if (needsConfirmation(current) && !input.confirm) {
          if (k.isOpen && actor) k.audit(actor, 'backup.restore_previewed', null, { file: prepared.info.name });
          return { status: 'needsConfirmation' as const, backup: prepared.info, current };
        }
        if (k.isOpen && actor) {
          k.audit(actor, 'backup.restore', null, { file: prepared.info.name, bytes: prepared.info.bytes, via, backupCreatedAt: prepared.info.createdAt });
        }
        if (k.isOpen) {
          k.closeDatabase();
          lock = acquireDataDirLock(k.dataDir, { nativeBinding: k.nativeBinding });
        }
        this.sessions.logOutAll();
        const stamp = k.nowIso().replace(/[:.]/g, '-');
        const previousDataKeptIn = swapIn(k.dataDir, prepared, { nativeBinding: k.nativeBinding, stamp });
        k.setKeystore(null);
        return {
          status: 'restored' as const,
          backup: prepared.info,
          schemaVersion: prepared.schemaVersion,
          previousDataKeptIn,
        };
      } finally {
        lock?.release();
      }
    } finally {
      prepared.dataKey.fill(0);
      rmSync(prepared.stagingDir, { recursive: true, force: true });
    }
  }
}

/**
 * Reading a backup: header -> secret -> data key -> decrypt every record -> the embedded files in
 * a work folder -> open the database and check it. Used by verify, by restore, and by the
 * read-back after writing a backup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { DEFAULT_SCRYPT, normaliseRecoveryKey } from '../crypto';
import { writeFileAtomic } from '../fsutil';
import { checkKeystoreData, Keystore, KEYSTORE_FILE, KEYSTORE_UNSUPPORTED_KDF } from '../keystore';
import { journalEntries, openDatabase } from '../open';
import { decryptFile } from './envelope';
import {
  BACKUP_EXTENSION,
  decodeHeader,
  FIXED_HEADER_BYTES,
  headerLength,
  MAGIC,
  payloadKey,
  type BackupCounts,
  type BackupHeader,
  type BackupManifest,
} from './format';
import { localDiskError, sourceError, type LocalPurpose } from './io';
import { integrityOk, readCounts, readOfficeName, readSchemaVersion, SNAPSHOT_FILE } from './snapshot';

/** The recovery key, or the login and password of an account that existed at backup time. */
export type BackupSecret = { recoveryKey: string } | { login: string; password: string };

export interface BackupProgress {
  phase: 'snapshot' | 'write' | 'verify' | 'prune' | 'restore';
  doneBytes: number;
  totalBytes: number;
}

export interface BackupInfo {
  file: string;
  name: string;
  bytes: number;
  createdAt: string;
  createdBy: string | null;
  officeName: string;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  /** False when the backup's schema is newer than this app knows (update before restoring). */
  restorable: boolean;
}

export interface ParsedHeader {
  header: BackupHeader;
  headerLength: number;
  digest: Buffer;
  fileBytes: number;
}

/**
 * The one answer for any path that is not an Asysta backup file: missing, a folder, a device, a
 * file without read permission, or a file that does not start like a backup (/etc/passwd). The
 * same code and words for all of them, so checking a backup cannot be used to learn what exists
 * on the disk. Only a regular file that starts like a backup (or an empty or cut-off file named
 * like one: a write interrupted by pulling the stick) gets a more specific diagnosis.
 */
export const NOT_A_BACKUP_MESSAGE =
  'To nie jest czytelny plik kopii zapasowej Asysty. Wskaż plik kopii (.asysta-backup) i sprawdź, czy nośnik jest podłączony.';

export function notABackup(): AppError {
  return new AppError('BACKUP_CORRUPT', NOT_A_BACKUP_MESSAGE, { fields: { file: NOT_A_BACKUP_MESSAGE } });
}

export async function readBackupHeader(path: string): Promise<ParsedHeader> {
  let fh: FileHandle;
  let fileBytes: number;
  const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
  // Until the file is known to be a backup, every failure is the same answer.
  try {
    // stat first: opening a FIFO or a device for reading could block or never end.
    if (!(await stat(path)).isFile()) throw notABackup();
    fh = await open(path, 'r');
  } catch {
    throw notABackup();
  }
  try {
    try {
      fileBytes = (await fh.stat()).size;
      if (fileBytes >= FIXED_HEADER_BYTES) {
        const { bytesRead } = await fh.read(fixed, 0, FIXED_HEADER_BYTES, 0);
        if (bytesRead < FIXED_HEADER_BYTES || !fixed.subarray(0, MAGIC.length).equals(MAGIC)) throw notABackup();
      } else if (!path.toLowerCase().endsWith(BACKUP_EXTENSION)) {
        throw notABackup();
      }
    } catch {
      throw notABackup();
    }
    // A backup (or an empty or cut-off file named like one): from here the diagnosis is specific.
    try {
      if (fileBytes < FIXED_HEADER_BYTES) {
        if (fileBytes === 0) throw new AppError('BACKUP_TRUNCATED', 'Plik kopii zapasowej jest pusty (0 bajtów) — zapis nie został dokończony. Nic nie zostało przywrócone.');
        throw new AppError('BACKUP_TRUNCATED');
      }
      const len = headerLength(fixed);
      if (fileBytes < len) throw new AppError('BACKUP_TRUNCATED');
      const all = Buffer.alloc(len);
      await fh.read(all, 0, len, 0);
      const { header, digest } = decodeHeader(all);
      return { header, headerLength: len, digest, fileBytes };
    } catch (e) {
      throw sourceError(e);
    }
  } finally {
    await fh.close();
  }
}

export const BACKUP_UNSUPPORTED_KDF =
  'Kopia zapasowa ma nieobsługiwane parametry klucza (nagłówek zmieniony albo kopia nie pochodzi z Asysty). Nic nie zostało przywrócone.';

/**
 * What a wrong secret is tried against, for throttling: one account of the backup's
 * installation (its salted login tag, the same tag that installation's keys.json uses, so a
 * guess against a backup counts like a guess at logging in) or the installation's recovery key.
 */
export type SecretTarget = { kind: 'login'; tag: string; installId: string } | { kind: 'recovery'; installId: string };

/** Throttling of secrets tried against a backup (the core passes the login throttle). */
export interface SecretGuard {
  /** Throws THROTTLED when the target must still wait. Called before any key derivation. */
  check(target: SecretTarget): void;
  /** A wrong secret: recorded; throws THROTTLED when the next try must wait. */
  failed(target: SecretTarget): void;
  succeeded(target: SecretTarget): void;
}

/**
 * Unwraps the data key from the header's keystore (written to `workDir` as keys.json). The key
 * parameters are checked before anything is derived; with a `guard`, each try is throttled.
 */
export async function unlockBackup(h: BackupHeader, secret: BackupSecret, workDir: string, guard?: SecretGuard): Promise<Buffer> {
  try {
    checkKeystoreData(h.keystore);
  } catch (e) {
    if (e instanceof AppError && e.message === KEYSTORE_UNSUPPORTED_KDF) throw new AppError('BACKUP_CORRUPT', BACKUP_UNSUPPORTED_KDF);
    if (typeof h.keystore?.format === 'number' && h.keystore.format > 1) throw new AppError('BACKUP_FROM_FUTURE');
    throw new AppError('BACKUP_CORRUPT');
  }
  writeFileAtomic(join(workDir, KEYSTORE_FILE), JSON.stringify(h.keystore, null, 2));
  let ks: Keystore;
  try {
    ks = Keystore.load(workDir, DEFAULT_SCRYPT);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_FROM_FUTURE') throw new AppError('BACKUP_FROM_FUTURE');
    throw new AppError('BACKUP_CORRUPT');
  }
  const target: SecretTarget =
    'recoveryKey' in secret ? { kind: 'recovery', installId: ks.installId } : { kind: 'login', tag: ks.loginTag(secret.login), installId: ks.installId };
  guard?.check(target);
  let key: Buffer | null;
  if ('recoveryKey' in secret) {
    key = await ks.unlockWithRecoveryKey(normaliseRecoveryKey(secret.recoveryKey));
    if (!key) {
      guard?.failed(target);
      throw new AppError('BACKUP_WRONG_SECRET', 'Klucz odzyskiwania nie pasuje do tej kopii (kopia była zrobiona przy innym kluczu odzyskiwania albo w innym ośrodku).');
    }
  } else {
    key = (await ks.unlockWithPassword(secret.login, secret.password))?.dataKey ?? null;
    if (!key) {
      guard?.failed(target);
      throw new AppError('BACKUP_WRONG_SECRET', 'Login lub hasło nie pasuje do tej kopii. Użyj hasła, które konto miało w chwili wykonania kopii, albo klucza odzyskiwania.');
    }
  }
  guard?.succeeded(target);
  return key;
}

export function newWorkDir(base?: string): string {
  return mkdtempSync(join(base ?? tmpdir(), '.asysta-work-'));
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Extracted {
  header: BackupHeader;
  manifest: BackupManifest;
  dbPath: string;
  keysPath: string;
  fileBytes: number;
}

/**
 * Decrypts the whole file into `workDir` (asysta.db stays SQLCipher-encrypted there: the payload
 * is the encrypted database, so no plaintext is ever written) and writes keys.json beside it.
 */
export async function extractBackup(
  path: string,
  dataKey: Buffer,
  parsed: ParsedHeader,
  workDir: string,
  opts: {
    signal?: AbortSignal;
    onProgress?: (p: BackupProgress) => void;
    phase?: BackupProgress['phase'];
    /** What the local work is for, to word a full local disk (default: verifying). */
    purpose?: LocalPurpose;
  } = {},
): Promise<Extracted> {
  const { header } = parsed;
  const key = payloadKey(dataKey, Buffer.from(header.payloadKey.salt, 'base64'));
  const dbPath = join(workDir, SNAPSHOT_FILE);
  const purpose = opts.purpose ?? 'verify';
  // Writes go to the local disk (the work folder): "no space" there names that disk.
  const local = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw localDiskError(e, workDir, purpose);
    }
  };
  const out = await local(() => open(dbPath, 'w', 0o600));
  let manifest: BackupManifest | null = null;
  let pending = Buffer.alloc(0);
  let manifestLen = -1;
  let fileBytesLeft = 0;
  try {
    await decryptFile({
      path,
      header,
      headerLength: parsed.headerLength,
      headerDigest: parsed.digest,
      key,
      signal: opts.signal,
      onChunk: (done) => opts.onProgress?.({ phase: opts.phase ?? 'verify', doneBytes: done, totalBytes: header.payloadBytes }),
      sink: async (plain) => {
        let buf = plain;
        if (!manifest) {
          pending = Buffer.concat([pending, buf]);
          if (manifestLen < 0 && pending.length >= 4) manifestLen = pending.readUInt32BE(0);
          if (manifestLen < 0 || pending.length < 4 + manifestLen) return;
          try {
            manifest = JSON.parse(pending.subarray(4, 4 + manifestLen).toString('utf8')) as BackupManifest;
          } catch {
            throw new AppError('BACKUP_CORRUPT');
          }
          const files = manifest.files ?? [];
          if (files.length !== 1 || files[0]!.name !== SNAPSHOT_FILE || 4 + manifestLen + files[0]!.bytes !== header.payloadBytes) {
            throw new AppError('BACKUP_CORRUPT', 'Spis zawartości kopii nie zgadza się z jej rozmiarem (plik uszkodzony lub z nieznanej wersji).');
          }
          fileBytesLeft = files[0]!.bytes;
          buf = pending.subarray(4 + manifestLen);
          pending = Buffer.alloc(0);
        }
        if (buf.length > fileBytesLeft) throw new AppError('BACKUP_CORRUPT');
        fileBytesLeft -= buf.length;
        let off = 0;
        while (off < buf.length) off += (await local(() => out.write(buf, off, buf.length - off))).bytesWritten;
      },
    });
    if (!manifest || fileBytesLeft !== 0) throw new AppError('BACKUP_CORRUPT');
    await local(() => out.sync());
  } catch (e) {
    throw sourceError(e);
  } finally {
    key.fill(0);
    await out.close();
  }
  return { header, manifest, dbPath, keysPath: join(workDir, KEYSTORE_FILE), fileBytes: parsed.fileBytes };
}

/** How many migrations this app version has (CoreResources.migrationsFolder). */
export function knownSchemaVersion(migrationsFolder: string): number {
  return journalEntries(migrationsFolder).length;
}

/**
 * Opens the extracted database (without migrating it), runs integrity_check and compares what
 * it holds with the manifest.
 */
export function checkExtracted(x: Extracted, dataKey: Buffer, nativeBinding?: string): BackupCounts {
  let opened;
  try {
    opened = openDatabase(x.dbPath, dataKey, { readonly: true, skipMigrations: true, nativeBinding });
  } catch {
    throw new AppError('BACKUP_CORRUPT', 'Baza danych w kopii nie daje się otworzyć (kopia uszkodzona). Nic nie zostało przywrócone.');
  }
  try {
    if (!integrityOk(opened.sqlite)) {
      throw new AppError('BACKUP_CORRUPT', 'Baza danych w kopii nie przeszła kontroli spójności (integrity_check). Nic nie zostało przywrócone.');
    }
    const counts = readCounts(opened.sqlite);
    const m = x.manifest;
    if (
      JSON.stringify(counts) !== JSON.stringify(m.counts) ||
      readSchemaVersion(opened.sqlite) !== x.header.schemaVersion ||
      readOfficeName(opened.sqlite) !== m.officeName
    ) {
      throw new AppError('BACKUP_CORRUPT', 'Zawartość bazy w kopii nie zgadza się ze spisem zawartości kopii.');
    }
    return counts;
  } finally {
    opened.sqlite.close();
  }
}

export function backupInfo(path: string, x: Extracted, migrationsFolder: string): BackupInfo {
  return {
    file: path,
    name: basename(path),
    bytes: x.fileBytes,
    createdAt: x.header.createdAt,
    createdBy: x.manifest.createdBy,
    officeName: x.manifest.officeName,
    appVersion: x.header.appVersion,
    schemaVersion: x.header.schemaVersion,
    counts: x.manifest.counts,
    restorable: x.header.schemaVersion <= knownSchemaVersion(migrationsFolder),
  };
}

/**
 * Verify a backup file without restoring it: decrypt and authenticate everything, open the
 * embedded database and check it. The work folder (under `workBase`, default the OS temp
 * folder) holds only encrypted data and is removed before returning.
 */
export async function verifyBackup(
  path: string,
  secret: BackupSecret,
  opts: {
    migrationsFolder: string;
    workBase?: string;
    nativeBinding?: string;
    signal?: AbortSignal;
    onProgress?: (p: BackupProgress) => void;
    guard?: SecretGuard;
  },
): Promise<BackupInfo> {
  const parsed = await readBackupHeader(path);
  const base = opts.workBase ?? tmpdir();
  let work: string;
  try {
    work = newWorkDir(base);
  } catch (e) {
    throw localDiskError(e, base, 'verify');
  }
  try {
    const dataKey = await unlockBackup(parsed.header, secret, work, opts.guard);
    try {
      const x = await extractBackup(path, dataKey, parsed, work, { ...opts, purpose: 'verify' });
      checkExtracted(x, dataKey, opts.nativeBinding);
      return backupInfo(path, x, opts.migrationsFolder);
    } finally {
      dataKey.fill(0);
    }
  } catch (e) {
    throw localDiskError(e, work, 'verify');
  } finally {
    removeWorkDir(work);
  }
}

/** Read back a backup just written, with the data key (no secret needed), and check it. */
export async function verifyWithKey(
  path: string,
  dataKey: Buffer,
  opts: { workBase?: string; nativeBinding?: string; signal?: AbortSignal; onProgress?: (p: BackupProgress) => void; purpose?: LocalPurpose },
): Promise<Extracted> {
  const parsed = await readBackupHeader(path);
  const work = newWorkDir(opts.workBase);
  try {
    const x = await extractBackup(path, dataKey, parsed, work, opts);
    checkExtracted(x, dataKey, opts.nativeBinding);
    return x;
  } finally {
    removeWorkDir(work);
  }
}

export async function fileSize(path: string): Promise<number> {
  return (await stat(path)).size;
}

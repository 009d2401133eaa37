/**
 * Reading a backup: header -> secret -> data key -> decrypt every record -> the embedded files in
 * a work folder -> open the database and check it. Used by verify, by restore, and by the
 * read-back after writing a backup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { DEFAULT_SCRYPT, normaliseRecoveryKey } from '../crypto';
import { writeFileAtomic } from '../fsutil';
import { Keystore, KEYSTORE_FILE } from '../keystore';
import { journalEntries, openDatabase } from '../open';
import { decryptFile } from './envelope';
import {
  decodeHeader,
  FIXED_HEADER_BYTES,
  headerLength,
  payloadKey,
  type BackupCounts,
  type BackupHeader,
  type BackupManifest,
} from './format';
import { sourceError } from './io';
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

export async function readBackupHeader(path: string): Promise<ParsedHeader> {
  try {
    const fh = await open(path, 'r');
    try {
      const fileBytes = (await fh.stat()).size;
      if (fileBytes < FIXED_HEADER_BYTES) {
        if (fileBytes === 0) throw new AppError('BACKUP_TRUNCATED', 'Plik kopii zapasowej jest pusty (0 bajtów) — zapis nie został dokończony. Nic nie zostało przywrócone.');
        throw new AppError('BACKUP_TRUNCATED');
      }
      const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
      await fh.read(fixed, 0, FIXED_HEADER_BYTES, 0);
      const len = headerLength(fixed);
      if (fileBytes < len) throw new AppError('BACKUP_TRUNCATED');
      const all = Buffer.alloc(len);
      await fh.read(all, 0, len, 0);
      const { header, digest } = decodeHeader(all);
      return { header, headerLength: len, digest, fileBytes };
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw sourceError(e);
  }
}

/** Unwraps the data key from the header's keystore (written to `workDir` as keys.json). */
export async function unlockBackup(h: BackupHeader, secret: BackupSecret, workDir: string): Promise<Buffer> {
  writeFileAtomic(join(workDir, KEYSTORE_FILE), JSON.stringify(h.keystore, null, 2));
  let ks: Keystore;
  try {
    ks = Keystore.load(workDir, DEFAULT_SCRYPT);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_FROM_FUTURE') throw new AppError('BACKUP_FROM_FUTURE');
    throw new AppError('BACKUP_CORRUPT');
  }
  let key: Buffer | null;
  if ('recoveryKey' in secret) {
    key = await ks.unlockWithRecoveryKey(normaliseRecoveryKey(secret.recoveryKey));
    if (!key) {
      throw new AppError('BACKUP_WRONG_SECRET', 'Klucz odzyskiwania nie pasuje do tej kopii (kopia była zrobiona przy innym kluczu odzyskiwania albo w innym ośrodku).');
    }
  } else {
    key = (await ks.unlockWithPassword(secret.login, secret.password))?.dataKey ?? null;
    if (!key) {
      throw new AppError('BACKUP_WRONG_SECRET', 'Login lub hasło nie pasuje do tej kopii. Użyj hasła, które konto miało w chwili wykonania kopii, albo klucza odzyskiwania.');
    }
  }
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
  opts: { signal?: AbortSignal; onProgress?: (p: BackupProgress) => void; phase?: BackupProgress['phase'] } = {},
): Promise<Extracted> {
  const { header } = parsed;
  const key = payloadKey(dataKey, Buffer.from(header.payloadKey.salt, 'base64'));
  const dbPath = join(workDir, SNAPSHOT_FILE);
  const out = await open(dbPath, 'w', 0o600);
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
        while (off < buf.length) off += (await out.write(buf, off, buf.length - off)).bytesWritten;
      },
    });
    if (!manifest || fileBytesLeft !== 0) throw new AppError('BACKUP_CORRUPT');
    await out.sync();
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
  opts: { migrationsFolder: string; workBase?: string; nativeBinding?: string; signal?: AbortSignal; onProgress?: (p: BackupProgress) => void },
): Promise<BackupInfo> {
  const parsed = await readBackupHeader(path);
  const work = newWorkDir(opts.workBase);
  try {
    const dataKey = await unlockBackup(parsed.header, secret, work);
    try {
      const x = await extractBackup(path, dataKey, parsed, work, opts);
      checkExtracted(x, dataKey, opts.nativeBinding);
      return backupInfo(path, x, opts.migrationsFolder);
    } finally {
      dataKey.fill(0);
    }
  } finally {
    removeWorkDir(work);
  }
}

/** Read back a backup just written, with the data key (no secret needed), and check it. */
export async function verifyWithKey(
  path: string,
  dataKey: Buffer,
  opts: { workBase?: string; nativeBinding?: string; signal?: AbortSignal; onProgress?: (p: BackupProgress) => void },
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

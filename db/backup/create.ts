/**
 * Making a backup, as a pipeline of small steps:
 *   snapshot -> encrypt (envelope) -> write `<name>.partial` on the target -> fsync -> rename
 *   -> read back and verify -> prune.
 * Any failure or cancel removes the partial (or the unverified file); earlier backups are only
 * deleted after the new one verified.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { retryWhileLocked, type LockRetry } from '../fsutil';
import type { KeystoreData } from '../keystore';
import { openDatabase, type SqliteHandle } from '../open';
import { encryptToTarget, partsSize, type PayloadPart } from './envelope';
import {
  BACKUP_EXTENSION,
  backupFileName,
  DEFAULT_CHUNK_BYTES,
  encodeHeader,
  isOwnBackupName,
  NONCE_PREFIX_BYTES,
  PARTIAL_SUFFIX,
  PAYLOAD_KEY_INFO,
  payloadKey,
  type BackupCounts,
  type BackupHeader,
  type BackupManifest,
} from './format';
import { crashPoint, localDiskError, nodeTargetFs, targetError, throwIfAborted, type TargetFs } from './io';
import { newWorkDir, removeWorkDir, verifyWithKey, type BackupProgress } from './read';
import { readCounts, readOfficeName, readSchemaVersion, takeSnapshot } from './snapshot';

export interface CreateBackupOptions {
  /** The live connection (the snapshot is taken from it while the app keeps working). */
  sqlite: SqliteHandle;
  dataKey: Buffer;
  keystore: KeystoreData;
  /** A folder (the file name is generated) or a full path ending in `.asysta-backup`. */
  out: { folder: string } | { file: string };
  /** Where the temporary snapshot is made: inside the data folder (same disk, same protection). */
  workBase: string;
  createdBy: string | null;
  appVersion: string;
  now: Date;
  keepCount: number;
  fs?: TargetFs;
  /** How the final rename is retried while Windows reports the file locked (tests simulate it). */
  renameRetry?: LockRetry;
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: (p: BackupProgress) => void;
  nativeBinding?: string;
  /** Test hook: runs after each record is written to the partial file. */
  afterChunk?: (index: number) => void | Promise<void>;
}

export interface CreateBackupResult {
  file: string;
  name: string;
  folder: string;
  bytes: number;
  createdAt: string;
  officeName: string;
  schemaVersion: number;
  counts: BackupCounts;
  /** Older backups deleted after this one verified. */
  pruned: string[];
}

function resolveTarget(out: CreateBackupOptions['out'], officeName: string, now: Date): { folder: string; name: string } {
  if ('file' in out) {
    if (!out.file.endsWith(BACKUP_EXTENSION)) {
      throw new AppError('VALIDATION', `Nazwa pliku kopii musi kończyć się na ${BACKUP_EXTENSION}.`);
    }
    if (existsSync(out.file)) throw new AppError('VALIDATION', 'Plik o tej nazwie już istnieje — wybierz inną nazwę lub folder.');
    return { folder: dirname(out.file), name: basename(out.file) };
  }
  let name = backupFileName(officeName, now);
  for (let i = 2; existsSync(join(out.folder, name)) || existsSync(join(out.folder, name + PARTIAL_SUFFIX)); i++) {
    name = backupFileName(officeName, now, `-${i}`);
  }
  return { folder: out.folder, name };
}

function checkFolder(folder: string): void {
  let st;
  try {
    st = statSync(folder);
  } catch {
    throw new AppError('TARGET_REMOVED', 'Wybrany folder nie istnieje albo nośnik nie jest podłączony.');
  }
  if (!st.isDirectory()) throw new AppError('VALIDATION', 'Wskaż folder na kopię zapasową.');
}

export async function createBackup(o: CreateBackupOptions): Promise<CreateBackupResult> {
  const fs = o.fs ?? nodeTargetFs;
  const progress = (phase: BackupProgress['phase'], doneBytes: number, totalBytes: number) =>
    o.onProgress?.({ phase, doneBytes, totalBytes });
  const officeName = readOfficeName(o.sqlite);
  const { folder, name } = resolveTarget(o.out, officeName, o.now);
  checkFolder(folder);
  throwIfAborted(o.signal);

  // The snapshot and the read-back are staged in the data folder: a full disk there is named as
  // such, not as the (possibly empty) USB stick.
  const onDataDisk = <T>(step: () => T): T => {
    try {
      return step();
    } catch (e) {
      throw localDiskError(e, o.workBase, 'backup');
    }
  };
  const work = onDataDisk(() => newWorkDir(o.workBase));
  const finalPath = join(folder, name);
  const partialPath = finalPath + PARTIAL_SUFFIX;
  let partialCreated = false;
  let renamed = false;
  try {
    // 1. snapshot (encrypted, asserted), and what it holds
    progress('snapshot', 0, 1);
    const snapshotPath = onDataDisk(() => takeSnapshot(o.sqlite, work));
    const snap = openDatabase(snapshotPath, o.dataKey, { readonly: true, skipMigrations: true, nativeBinding: o.nativeBinding });
    let counts: BackupCounts;
    let schemaVersion: number;
    try {
      counts = readCounts(snap.sqlite);
      schemaVersion = readSchemaVersion(snap.sqlite);
    } finally {
      snap.sqlite.close();
    }
    const snapshotBytes = statSync(snapshotPath).size;
    progress('snapshot', 1, 1);
    crashPoint('backup:snapshot');
    throwIfAborted(o.signal);

    // 2. envelope
    const createdAt = o.now.toISOString();
    const manifest: BackupManifest = {
      officeName,
      createdAt,
      createdBy: o.createdBy,
      appVersion: o.appVersion,
      schemaVersion,
      counts,
      files: [{ name: 'asysta.db', bytes: snapshotBytes }],
    };
    const manifestJson = Buffer.from(JSON.stringify(manifest), 'utf8');
    const lenPrefix = Buffer.alloc(4);
    lenPrefix.writeUInt32BE(manifestJson.length, 0);
    const parts: PayloadPart[] = [{ bytes: lenPrefix }, { bytes: manifestJson }, { path: snapshotPath, size: snapshotBytes }];
    const salt = randomBytes(32);
    const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
    const header: BackupHeader = {
      app: 'Asysta',
      appVersion: o.appVersion,
      schemaVersion,
      createdAt,
      payloadBytes: partsSize(parts),
      chunkBytes: o.chunkBytes ?? DEFAULT_CHUNK_BYTES,
      cipher: 'AES-256-GCM',
      noncePrefix: noncePrefix.toString('base64'),
      payloadKey: { kdf: 'HKDF-SHA256', salt: salt.toString('base64'), info: PAYLOAD_KEY_INFO },
      keystore: o.keystore,
    };
    const { bytes: headerBytes, digest } = encodeHeader(header);
    const key = payloadKey(o.dataKey, salt);

    // 3. write the partial file, 4. fsync
    let bytes: number;
    try {
      await fs.rm(partialPath).catch(() => undefined);
      const target = await fs.openForWrite(partialPath);
      partialCreated = true;
      try {
        bytes = await encryptToTarget({
          header,
          headerBytes,
          headerDigest: digest,
          key,
          noncePrefix,
          parts,
          target,
          signal: o.signal,
          onChunk: (done) => progress('write', done, header.payloadBytes),
          afterChunk: async (i) => {
            crashPoint('backup:writing');
            await o.afterChunk?.(i);
          },
        });
        await target.sync();
      } finally {
        await target.close().catch(() => undefined);
      }
    } finally {
      key.fill(0);
    }
    throwIfAborted(o.signal);
    crashPoint('backup:written');

    // 5. rename, and make the rename durable
    // Windows: an antivirus scanning the new file makes rename fail for a moment (db/fsutil.ts).
    await retryWhileLocked(() => fs.rename(partialPath, finalPath), o.renameRetry);
    renamed = true;
    partialCreated = false;
    await fs.syncDir(folder);
    crashPoint('backup:renamed');

    // 6. read back and verify
    try {
      await verifyWithKey(finalPath, o.dataKey, {
        workBase: work,
        nativeBinding: o.nativeBinding,
        signal: o.signal,
        onProgress: (p) => progress('verify', p.doneBytes, p.totalBytes),
        purpose: 'backup',
      });
    } catch (e) {
      if (e instanceof AppError && (e.code === 'BACKUP_CANCELLED' || e.code === 'TARGET_REMOVED')) throw e;
      if (e instanceof AppError && e.code.startsWith('BACKUP_')) {
        throw new AppError('BACKUP_VERIFY_FAILED', `${e.message.replace(/ Nic nie zostało przywrócone\.$/, '')} Kopia na nośniku była błędna i została usunięta; spróbuj ponownie lub użyj innego nośnika.`);
      }
      throw e;
    }
    crashPoint('backup:verified');

    // 7. prune: only now may older backups go
    progress('prune', 0, 1);
    const pruned = 'folder' in o.out ? await prune(fs, folder, officeName, name, o.keepCount) : [];
    progress('prune', 1, 1);
    return { file: finalPath, name, folder, bytes, createdAt, officeName, schemaVersion, counts, pruned };
  } catch (e) {
    // Nothing that looks like a backup may stay behind.
    if (partialCreated) await fs.rm(partialPath).catch(() => undefined);
    if (renamed) await fs.rm(finalPath).catch(() => undefined);
    throw targetError(e);
  } finally {
    removeWorkDir(work);
  }
}

function backupOrderKey(name: string): string {
  // asysta-<slug>-YYYY-MM-DDTHHmm[-n].asysta-backup -> "YYYY-MM-DDTHHmm" + zero-padded n
  const m = /(\d{4}-\d{2}-\d{2}T\d{4})(?:-(\d+))?\.asysta-backup$/.exec(name);
  if (!m) return '';
  return `${m[1]}-${String(m[2] ?? '1').padStart(6, '0')}`;
}

/** Keep the newest `keep` backups of this office in the folder (the new one included). */
async function prune(fs: TargetFs, folder: string, officeName: string, newName: string, keep: number): Promise<string[]> {
  const keepN = Math.max(1, Math.floor(keep));
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((n) => isOwnBackupName(n, officeName));
  } catch {
    return [];
  }
  // Stale partials of this office from an earlier interrupted run.
  for (const n of await fs.readdir(folder).catch(() => [] as string[])) {
    if (n.endsWith(BACKUP_EXTENSION + PARTIAL_SUFFIX) && isOwnBackupName(n.slice(0, -PARTIAL_SUFFIX.length), officeName)) {
      await fs.rm(join(folder, n)).catch(() => undefined);
    }
  }
  names.sort((a, b) => (backupOrderKey(a) < backupOrderKey(b) ? 1 : backupOrderKey(a) > backupOrderKey(b) ? -1 : 0));
  const kept = new Set(names.slice(0, keepN));
  kept.add(newName);
  const removed: string[] = [];
  for (const n of names) {
    if (kept.has(n)) continue;
    try {
      await fs.rm(join(folder, n));
      removed.push(n);
    } catch {
      /* an old backup that cannot be deleted stays; the new one is fine */
    }
  }
  return removed;
}

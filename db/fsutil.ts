/**
 * Durable file writes (temp name in the same folder, fsync, rename, fsync the folder) and renames
 * that survive a Windows file briefly held by another program.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { rename as renameAsync } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

// ---- rename with retry (Windows) ------------------------------------------------------------------

/**
 * On Windows, an antivirus scanning a new file, the search indexer, or Excel / a PDF viewer with
 * the target open makes `rename` fail with EPERM, EBUSY or EACCES for a moment. We retry a few
 * times with growing pauses (≈ 3.5 s in all) and then give the original error to the caller, who
 * says in Polish that the file is in use. On other systems these codes mean a real permission
 * problem that waiting does not fix, so there is no retry.
 *
 * Why not graceful-fs / write-file-atomic: graceful-fs retries only the asynchronous rename (the
 * core's key file and settings are written synchronously), for up to 60 s (a file kept open in
 * Excel would freeze the save for a minute), and does it by patching `fs` globally;
 * write-file-atomic's synchronous path does not retry at all. One small helper, used by the core
 * (fsutil, backups) and the shell (PDF and report saving), with the platform and pauses injectable
 * so tests simulate a locked file on any OS.
 */
export const LOCKED_FILE_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1000, 1000];

export interface LockRetry {
  /** Default process.platform; retries happen only on 'win32'. */
  platform?: NodeJS.Platform;
  /** Pauses between attempts (default RENAME_RETRY_DELAYS_MS). */
  delaysMs?: readonly number[];
}

function retriable(e: unknown, o: LockRetry | undefined): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (o?.platform ?? process.platform) === 'win32' && code !== undefined && LOCKED_FILE_CODES.has(code);
}

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `op`, retrying it while Windows reports the file as locked (see LOCKED_FILE_CODES). */
export async function retryWhileLocked<T>(op: () => Promise<T>, o?: LockRetry): Promise<T> {
  const delays = o?.delaysMs ?? RENAME_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (attempt >= delays.length || !retriable(e, o)) throw e;
      await new Promise((r) => setTimeout(r, delays[attempt]));
    }
  }
}

/** Synchronous `retryWhileLocked` (the pauses block the thread: the core's own small files only). */
export function retryWhileLockedSync<T>(op: () => T, o?: LockRetry): T {
  const delays = o?.delaysMs ?? RENAME_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return op();
    } catch (e) {
      if (attempt >= delays.length || !retriable(e, o)) throw e;
      sleepSync(delays[attempt]!);
    }
  }
}

export function renameWithRetry(from: string, to: string, o?: LockRetry): Promise<void> {
  return retryWhileLocked(() => renameAsync(from, to), o);
}

export function renameWithRetrySync(from: string, to: string, o?: LockRetry): void {
  retryWhileLockedSync(() => renameSync(from, to), o);
}

// ---- durable writes ---------------------------------------------------------------------------------

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomic(path: string, data: string | Buffer): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameWithRetrySync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dir);
}

/** Append one line and flush it to disk. */
export function appendLineDurable(path: string, line: string): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, line.endsWith('\n') ? line : `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

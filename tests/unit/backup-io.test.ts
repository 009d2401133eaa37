/**
 * Pure pieces behind issue 15: which errors mean "no space left", how a disk is named, and which
 * key-derivation parameters from a file are accepted (only the sets the app writes).
 */
import { describe, expect, it } from 'vitest';
import { diskLabel, isDiskFull, localDiskError, targetError } from '../../db/backup/io';
import { DEFAULT_SCRYPT, isSupportedKdf, KDF_LIMITS, TEST_SCRYPT } from '../../db/crypto';
import { AppError } from '../../shared/errors';

describe('no space left', () => {
  it('ENOSPC, EDQUOT and SQLite’s SQLITE_FULL (VACUUM INTO on a full disk) are disk-full; other errors are not', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL']) expect(isDiskFull(Object.assign(new Error(code), { code })), code).toBe(true);
    for (const code of ['EIO', 'EACCES', 'SQLITE_CORRUPT', undefined]) expect(isDiskFull(Object.assign(new Error('x'), { code })), String(code)).toBe(false);
  });

  it('on the data disk it names that disk; anything else passes through unchanged', () => {
    const full = localDiskError(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/srv/asysta/.asysta-work-abc', 'backup');
    expect(full).toBeInstanceOf(AppError);
    expect((full as AppError).code).toBe('DISK_FULL');
    if (process.platform !== 'win32') expect((full as AppError).message).toMatch(/^Na dysku z folderem \/srv\/asysta zabrakło miejsca na kopię roboczą/);
    const other = new Error('EIO');
    expect(localDiskError(other, '/srv/asysta', 'restore')).toBe(other);
    const typed = new AppError('BACKUP_CORRUPT');
    expect(localDiskError(typed, '/srv/asysta', 'verify')).toBe(typed);
    // On the stick the old answer stays.
    expect((targetError(Object.assign(new Error('x'), { code: 'ENOSPC' })) as AppError).message).toMatch(/^Na nośniku docelowym/);
  });

  it('a Windows data folder is named by its drive', () => {
    expect(diskLabel('C:\\Users\\Łucja\\AppData\\Roaming\\Asysta', 'win32')).toBe('dysku C:');
    expect(diskLabel('D:\\Asysta', 'win32')).toBe('dysku D:');
    expect(diskLabel('\\\\serwer\\udział\\Asysta', 'win32')).toBe('dysku \\\\serwer\\udział');
    expect(diskLabel('/home/lucja/.config/Asysta', 'linux')).toBe('dysku z folderem /home/lucja/.config/Asysta');
  });
});

describe('key-derivation parameters read from a file', () => {
  it('accepts the production and the test set, and every power of two between', () => {
    expect(isSupportedKdf(DEFAULT_SCRYPT)).toBe(true);
    expect(isSupportedKdf(TEST_SCRYPT)).toBe(true);
    for (let log = KDF_LIMITS.minLogN; log <= KDF_LIMITS.maxLogN; log++) expect(isSupportedKdf({ algo: 'scrypt', N: 2 ** log, r: 8, p: 1 })).toBe(true);
  });

  it('refuses anything else: bigger or smaller N, other r or p, non-numbers, another algorithm', () => {
    for (const k of [
      { algo: 'scrypt', N: 2 ** 18, r: 8, p: 1 },
      { algo: 'scrypt', N: 2 ** 22, r: 8, p: 1 },
      { algo: 'scrypt', N: 2 ** 30, r: 8, p: 1 },
      { algo: 'scrypt', N: 2 ** 9, r: 8, p: 1 },
      { algo: 'scrypt', N: 3 * 2 ** 10, r: 8, p: 1 },
      { algo: 'scrypt', N: 2 ** 10, r: 16, p: 1 },
      { algo: 'scrypt', N: 2 ** 10, r: 8, p: 24 },
      { algo: 'scrypt', N: 2 ** 10, r: 8, p: 0 },
      { algo: 'scrypt', N: Infinity, r: 8, p: 1 },
      { algo: 'scrypt', N: '1024', r: 8, p: 1 },
      { algo: 'argon2id', N: 2 ** 10, r: 8, p: 1 },
      null,
      'scrypt',
    ]) {
      expect(isSupportedKdf(k), JSON.stringify(k)).toBe(false);
    }
  });
});

/**
 * The key file beside the database (`keys.json`). It holds only *wrapped* copies of the data key
 * (one per active account and one for the recovery key), the KDF parameters of each wrap and the
 * public half of the sealed-box key. Logins are stored as salted hashes, not in plaintext.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors';
import { isSupportedKdf, isWellFormedWrap, unwrapKey, wrapKey, type ScryptParams, type Wrapped } from './crypto';
import { writeFileAtomic } from './fsutil';

export const KEYSTORE_FILE = 'keys.json';

export interface UserSlot {
  kind: 'user';
  userId: string;
  loginTag: string;
  wrap: Wrapped;
}
export interface RecoverySlot {
  kind: 'recovery';
  wrap: Wrapped;
}
export interface KeystoreData {
  format: 1;
  installId: string;
  sealPublicKey: string;
  slots: Array<UserSlot | RecoverySlot>;
  /** When an administrator proved they wrote the recovery key down (not secret). */
  recoveryConfirmedAt?: string;
}

/** keys.json with key parameters this app never writes (tampered, or not Asysta's). */
export const KEYSTORE_UNSUPPORTED_KDF = 'Plik kluczy (keys.json) ma nieobsługiwane parametry klucza (zmieniony lub nie pochodzi z Asysty). Przywróć dane z kopii zapasowej.';
export const KEYSTORE_MALFORMED = 'Plik kluczy (keys.json) jest uszkodzony. Przywróć dane z kopii zapasowej.';
/** At most this many slots: one per account plus the recovery slot (a GOPS has a handful). */
const MAX_SLOTS = 1000;

/**
 * Checks the structure and every slot's key parameters of key-file data (keys.json or a
 * backup's copy of it). Throws DB_CORRUPT with KEYSTORE_UNSUPPORTED_KDF or KEYSTORE_MALFORMED.
 */
export function checkKeystoreData(data: KeystoreData): void {
  const bad = (message: string) => new AppError('DB_CORRUPT', message);
  if (data.format !== 1 || typeof data.installId !== 'string' || typeof data.sealPublicKey !== 'string') throw bad(KEYSTORE_MALFORMED);
  if (!Array.isArray(data.slots) || data.slots.length > MAX_SLOTS) throw bad(KEYSTORE_MALFORMED);
  for (const s of data.slots as unknown[]) {
    if (typeof s !== 'object' || s === null) throw bad(KEYSTORE_MALFORMED);
    const slot = s as Partial<UserSlot> & { kind?: unknown };
    if (slot.kind === 'user') {
      if (typeof slot.userId !== 'string' || typeof slot.loginTag !== 'string') throw bad(KEYSTORE_MALFORMED);
    } else if (slot.kind !== 'recovery') {
      throw bad(KEYSTORE_MALFORMED);
    }
    if (typeof slot.wrap !== 'object' || slot.wrap === null) throw bad(KEYSTORE_MALFORMED);
    if (!isSupportedKdf((slot.wrap as { kdf?: unknown }).kdf)) throw bad(KEYSTORE_UNSUPPORTED_KDF);
    if (!isWellFormedWrap(slot.wrap)) throw bad(KEYSTORE_MALFORMED);
  }
}

const RECOVERY_AAD = 'asysta:recovery';
const userAad = (userId: string) => `asysta:user:${userId}`;

export class Keystore {
  private constructor(
    private readonly path: string,
    private data: KeystoreData,
    private readonly kdf: ScryptParams,
  ) {}

  static exists(dataDir: string): boolean {
    return existsSync(join(dataDir, KEYSTORE_FILE));
  }

  /**
   * Reads keys.json. A file that is not what this app writes is refused before any key is
   * derived from it: DB_FROM_FUTURE for a newer format, KEYSTORE_UNSUPPORTED_KDF for key
   * parameters outside what the app writes (see KDF_LIMITS), KEYSTORE_MALFORMED otherwise (both
   * DB_CORRUPT; a backup's reader turns them into BACKUP_CORRUPT).
   */
  static load(dataDir: string, kdf: ScryptParams): Keystore {
    const path = join(dataDir, KEYSTORE_FILE);
    if (!existsSync(path)) throw new AppError('KEYSTORE_MISSING');
    let data: KeystoreData;
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as KeystoreData;
    } catch {
      throw new AppError('DB_CORRUPT', KEYSTORE_MALFORMED);
    }
    if (typeof data !== 'object' || data === null) throw new AppError('DB_CORRUPT', KEYSTORE_MALFORMED);
    if (typeof data.format === 'number' && data.format > 1) throw new AppError('DB_FROM_FUTURE');
    checkKeystoreData(data);
    return new Keystore(path, data, kdf);
  }

  static create(dataDir: string, sealPublicKey: string, kdf: ScryptParams): Keystore {
    const data: KeystoreData = { format: 1, installId: randomUUID(), sealPublicKey, slots: [] };
    return new Keystore(join(dataDir, KEYSTORE_FILE), data, kdf);
  }

  /** Random id of the installation (not secret): salts the login tags. */
  get installId(): string {
    return this.data.installId;
  }

  get sealPublicKey(): string {
    return this.data.sealPublicKey;
  }

  /** A salted hash of the login, so the key file does not list the office's logins. */
  loginTag(login: string): string {
    return createHash('sha256').update(`${this.data.installId}:${login.trim().toLowerCase()}`).digest('hex');
  }

  hasUserSlot(userId: string): boolean {
    return this.data.slots.some((s) => s.kind === 'user' && s.userId === userId);
  }

  private save(): void {
    writeFileAtomic(this.path, JSON.stringify(this.data, null, 2));
  }

  /** Copy of the file content (for backups): wrapped keys only. */
  snapshot(): KeystoreData {
    return JSON.parse(JSON.stringify(this.data)) as KeystoreData;
  }

  /** Wrap the data key for an account (slow: runs the KDF). Nothing is written yet. */
  async prepareUserSlot(userId: string, login: string, password: string, dataKey: Buffer): Promise<UserSlot> {
    const wrap = await wrapKey(dataKey, password, userAad(userId), this.kdf);
    return { kind: 'user', userId, loginTag: this.loginTag(login), wrap };
  }

  /** Write a prepared slot (replacing the account's previous one). Synchronous and durable. */
  commitUserSlot(slot: UserSlot): void {
    this.data.slots = [...this.data.slots.filter((s) => !(s.kind === 'user' && s.userId === slot.userId)), slot];
    this.save();
  }

  /** First write of the file at setup: every slot at once, atomically. */
  initialise(slots: Array<UserSlot | RecoverySlot>): void {
    this.data.slots = slots;
    this.save();
  }

  removeUserSlot(userId: string): void {
    this.data.slots = this.data.slots.filter((s) => !(s.kind === 'user' && s.userId === userId));
    this.save();
  }

  async prepareRecoverySlot(recoveryKey: string, dataKey: Buffer): Promise<RecoverySlot> {
    return { kind: 'recovery', wrap: await wrapKey(dataKey, recoveryKey, RECOVERY_AAD, this.kdf) };
  }

  commitRecoverySlot(slot: RecoverySlot): void {
    this.data.slots = [...this.data.slots.filter((s) => s.kind !== 'recovery'), slot];
    this.save();
  }

  get recoveryConfirmedAt(): string | null {
    return this.data.recoveryConfirmedAt ?? null;
  }

  markRecoveryConfirmed(at: string): void {
    this.data.recoveryConfirmedAt = at;
    this.save();
  }

  clearRecoveryConfirmed(): void {
    delete this.data.recoveryConfirmedAt;
    this.save();
  }

  /** The data key and the account it belongs to, or null for an unknown login or wrong password. */
  async unlockWithPassword(login: string, password: string): Promise<{ userId: string; dataKey: Buffer } | null> {
    const tag = this.loginTag(login);
    const slot = this.data.slots.find((s): s is UserSlot => s.kind === 'user' && s.loginTag === tag);
    if (!slot) {
      // An unknown login takes as long as a wrong password, so timing does not tell which.
      await this.dummyDerive(password);
      return null;
    }
    const dataKey = await unwrapKey(slot.wrap, password, userAad(slot.userId));
    return dataKey ? { userId: slot.userId, dataKey } : null;
  }

  /** Checks a password against one account's slot (unlock, password change). */
  async verifyUserPassword(userId: string, password: string): Promise<Buffer | null> {
    const slot = this.data.slots.find((s): s is UserSlot => s.kind === 'user' && s.userId === userId);
    if (!slot) return null;
    return unwrapKey(slot.wrap, password, userAad(userId));
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Buffer | null> {
    const slot = this.data.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
    if (!slot) return null;
    return unwrapKey(slot.wrap, recoveryKey, RECOVERY_AAD);
  }

  /** Cost of one wrap under the current parameters (used to make unknown logins take as long). */
  async dummyDerive(password: string): Promise<void> {
    const any = this.data.slots[0];
    if (any) await unwrapKey(any.wrap, password, 'asysta:none');
  }
}

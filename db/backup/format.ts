/**
 * The `.asysta-backup` file format (version 1).
 *
 *   offset  size  field
 *   0       8     magic "ASYSTABK"
 *   8       2     format version, u16 big-endian (1)
 *   10      4     length n of the header JSON, u32 big-endian
 *   14      n     header JSON (UTF-8): app/schema version, creation time, payload size, chunk size,
 *                 cipher parameters and the keystore snapshot (wrapped data keys only)
 *   14+n    32    SHA-256 of bytes 0 .. 14+n (detects a damaged header before anything else)
 *   46+n    ...   payload records: AES-256-GCM ciphertext of each plaintext chunk followed by its
 *                 16-byte tag. Every chunk holds exactly `chunkBytes` plaintext bytes except the
 *                 last one (0 .. chunkBytes).
 *
 * Payload key: HKDF-SHA256(data key, per-file random salt, "asysta-backup-v1"). The data key is
 * unwrapped from the header's keystore with the recovery key or an account's password.
 * Nonce of chunk i: 7-byte per-file random prefix ‖ i as u32 big-endian ‖ final flag (1 on the
 * last chunk, else 0), so chunks cannot be reordered, dropped or the file cut at a chunk boundary
 * without failing authentication. AAD of every chunk: the header SHA-256 (binds the header).
 *
 * Payload plaintext: u32 big-endian length m, manifest JSON (m bytes: office name, counts, who
 * made it, embedded files and their sizes), then the embedded files back to back (today one:
 * the SQLCipher-encrypted database snapshot, itself still encrypted with the data key).
 */
import { createHash, hkdfSync } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { KeystoreData } from '../keystore';

export const MAGIC = Buffer.from('ASYSTABK', 'latin1');
export const FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.asysta-backup';
export const PARTIAL_SUFFIX = '.partial';
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
export const NONCE_PREFIX_BYTES = 7;
const HKDF_INFO = 'asysta-backup-v1';
/** The header JSON is small (a few KiB); anything bigger means the length field is damaged. */
const MAX_HEADER_JSON = 1024 * 1024;
export const FIXED_HEADER_BYTES = 14;
export const HEADER_DIGEST_BYTES = 32;

export interface BackupHeader {
  app: 'Asysta';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  /** Plaintext payload size (manifest + embedded files). */
  payloadBytes: number;
  chunkBytes: number;
  cipher: 'AES-256-GCM';
  noncePrefix: string; // base64
  payloadKey: { kdf: 'HKDF-SHA256'; salt: string; info: string };
  /** Wrapped data keys (never a raw key): opens with the recovery key or an account's password. */
  keystore: KeystoreData;
}

export interface BackupManifest {
  officeName: string;
  createdAt: string;
  createdBy: string | null;
  appVersion: string;
  schemaVersion: number;
  counts: BackupCounts;
  files: Array<{ name: string; bytes: number }>;
}

export interface BackupCounts {
  families: number | null;
  cases: number | null;
  users: number | null;
  auditEntries: number | null;
}

export function encodeHeader(h: BackupHeader): { bytes: Buffer; digest: Buffer } {
  const json = Buffer.from(JSON.stringify(h), 'utf8');
  const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt16BE(FORMAT_VERSION, 8);
  fixed.writeUInt32BE(json.length, 10);
  const body = Buffer.concat([fixed, json]);
  const digest = createHash('sha256').update(body).digest();
  return { bytes: Buffer.concat([body, digest]), digest };
}

/** Length of the whole header (fixed part, JSON, digest) from its first 14 bytes. */
export function headerLength(fixed: Buffer): number {
  if (fixed.length < FIXED_HEADER_BYTES || !fixed.subarray(0, 8).equals(MAGIC)) {
    throw new AppError('BACKUP_CORRUPT', 'To nie jest plik kopii zapasowej Asysty (nieprawidłowy początek pliku) albo jest on uszkodzony.');
  }
  const n = fixed.readUInt32BE(10);
  if (n < 2 || n > MAX_HEADER_JSON) {
    throw new AppError('BACKUP_CORRUPT', 'Nagłówek kopii zapasowej jest uszkodzony. Nic nie zostało przywrócone.');
  }
  return FIXED_HEADER_BYTES + n + HEADER_DIGEST_BYTES;
}

export function decodeHeader(bytes: Buffer): { header: BackupHeader; digest: Buffer } {
  const len = headerLength(bytes);
  if (bytes.length < len) throw new AppError('BACKUP_TRUNCATED');
  const body = bytes.subarray(0, len - HEADER_DIGEST_BYTES);
  const digest = bytes.subarray(len - HEADER_DIGEST_BYTES, len);
  if (!createHash('sha256').update(body).digest().equals(digest)) {
    throw new AppError('BACKUP_CORRUPT', 'Nagłówek kopii zapasowej jest uszkodzony (suma kontrolna się nie zgadza). Nic nie zostało przywrócone.');
  }
  const version = bytes.readUInt16BE(8);
  if (version > FORMAT_VERSION) {
    throw new AppError('BACKUP_FROM_FUTURE', 'Kopię zapisano w nowszym formacie. Zaktualizuj Asystę, aby ją odczytać lub przywrócić.');
  }
  let header: BackupHeader;
  try {
    header = JSON.parse(body.subarray(FIXED_HEADER_BYTES).toString('utf8')) as BackupHeader;
  } catch {
    throw new AppError('BACKUP_CORRUPT', 'Nagłówek kopii zapasowej jest nieczytelny. Nic nie zostało przywrócone.');
  }
  if (
    header.app !== 'Asysta' ||
    header.cipher !== 'AES-256-GCM' ||
    !Number.isSafeInteger(header.payloadBytes) ||
    !Number.isSafeInteger(header.chunkBytes) ||
    header.chunkBytes < 1024 ||
    header.chunkBytes > 64 * 1024 * 1024 ||
    !header.keystore ||
    !Array.isArray(header.keystore.slots)
  ) {
    throw new AppError('BACKUP_CORRUPT', 'Nagłówek kopii zapasowej ma nieprawidłową treść. Nic nie zostało przywrócone.');
  }
  return { header, digest: Buffer.from(digest) };
}

/** Number of ciphertext records for a payload (always at least one, the final one). */
export function chunkCount(payloadBytes: number, chunkBytes: number): number {
  return Math.max(1, Math.ceil(payloadBytes / chunkBytes));
}

/** The exact file size a complete backup with this header has. */
export function expectedFileSize(headerBytes: number, h: Pick<BackupHeader, 'payloadBytes' | 'chunkBytes'>): number {
  return headerBytes + h.payloadBytes + chunkCount(h.payloadBytes, h.chunkBytes) * TAG_BYTES;
}

export function payloadKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, HKDF_INFO, 32));
}

export const PAYLOAD_KEY_INFO = HKDF_INFO;

export function chunkNonce(prefix: Buffer, index: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, NONCE_PREFIX_BYTES);
  n.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  n[11] = final ? 1 : 0;
  return n;
}

/** ASCII slug of the office name for file names: "GOPS w Grębocinie" -> "GOPS-Grebocinie". */
export function officeSlug(name: string): string {
  const short = name
    .replace(/^\s*Miejsko[-\s]Gminny\s+Ośrodek\s+Pomocy\s+Społecznej(\s+w)?\b/iu, 'MGOPS')
    .replace(/^\s*Gminny\s+Ośrodek\s+Pomocy\s+Społecznej(\s+w)?\b/iu, 'GOPS')
    .replace(/^\s*Miejski\s+Ośrodek\s+Pomocy\s+Społecznej(\s+w)?\b/iu, 'MOPS')
    .replace(/^\s*Ośrodek\s+Pomocy\s+Społecznej(\s+w)?\b/iu, 'OPS');
  const folded = short
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');
  return slug || 'biuro';
}

/** Local time as YYYY-MM-DDTHHmm (the time the office sees on the wall clock). */
export function fileTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}${p(d.getMinutes())}`;
}

export function backupFileName(officeName: string, at: Date, suffix = ''): string {
  return `asysta-${officeSlug(officeName)}-${fileTimestamp(at)}${suffix}${BACKUP_EXTENSION}`;
}

/** Matches the backups this office writes into a folder (for pruning): same slug, our pattern. */
export function isOwnBackupName(name: string, officeName: string): boolean {
  const prefix = `asysta-${officeSlug(officeName)}-`;
  if (!name.startsWith(prefix) || !name.endsWith(BACKUP_EXTENSION)) return false;
  return /^\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?$/.test(name.slice(prefix.length, -BACKUP_EXTENSION.length));
}

/**
 * Streaming AES-256-GCM envelope: plaintext parts -> fixed-size chunks -> records on the target;
 * and back: records -> verified plaintext -> a sink. Memory stays at a few chunk buffers whatever
 * the size of the database.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { open } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { chunkCount, chunkNonce, expectedFileSize, TAG_BYTES, type BackupHeader } from './format';
import { throwIfAborted, type WritableTarget } from './io';

/** A piece of the payload: bytes in memory or a whole file on the local disk. */
export type PayloadPart = { bytes: Buffer } | { path: string; size: number };

export function partsSize(parts: PayloadPart[]): number {
  return parts.reduce((n, p) => n + ('bytes' in p ? p.bytes.length : p.size), 0);
}

/** Yields the payload in chunks of exactly `chunkBytes` (the last one shorter). */
async function* rechunk(parts: PayloadPart[], chunkBytes: number): AsyncGenerator<Buffer> {
  const buf = Buffer.alloc(chunkBytes);
  let fill = 0;
  for (const part of parts) {
    if ('bytes' in part) {
      let off = 0;
      while (off < part.bytes.length) {
        const n = part.bytes.copy(buf, fill, off, Math.min(part.bytes.length, off + chunkBytes - fill));
        off += n;
        fill += n;
        if (fill === chunkBytes) {
          yield buf;
          fill = 0;
        }
      }
      continue;
    }
    const fh = await open(part.path, 'r');
    try {
      let pos = 0;
      while (pos < part.size) {
        const { bytesRead } = await fh.read(buf, fill, Math.min(chunkBytes - fill, part.size - pos), pos);
        if (bytesRead === 0) throw new Error(`snapshot shrank while reading: ${part.path}`);
        pos += bytesRead;
        fill += bytesRead;
        if (fill === chunkBytes) {
          yield buf;
          fill = 0;
        }
      }
    } finally {
      await fh.close();
    }
  }
  if (fill > 0) yield buf.subarray(0, fill);
}

export interface EncryptOptions {
  header: BackupHeader;
  headerBytes: Buffer;
  headerDigest: Buffer;
  key: Buffer;
  noncePrefix: Buffer;
  parts: PayloadPart[];
  target: WritableTarget;
  signal?: AbortSignal;
  onChunk?: (doneBytes: number) => void;
  /** Test hook: called after each record is written. */
  afterChunk?: (index: number) => void | Promise<void>;
}

export async function encryptToTarget(o: EncryptOptions): Promise<number> {
  const total = chunkCount(o.header.payloadBytes, o.header.chunkBytes);
  await o.target.write(o.headerBytes);
  let written = o.headerBytes.length;
  let index = 0;
  let done = 0;
  for await (const chunk of rechunk(o.parts, o.header.chunkBytes)) {
    throwIfAborted(o.signal);
    if (index >= total) throw new Error('payload larger than announced');
    const cipher = createCipheriv('aes-256-gcm', o.key, chunkNonce(o.noncePrefix, index, index === total - 1));
    cipher.setAAD(o.headerDigest);
    const ct = Buffer.concat([cipher.update(chunk), cipher.final(), cipher.getAuthTag()]);
    await o.target.write(ct);
    written += ct.length;
    done += chunk.length;
    index++;
    o.onChunk?.(done);
    await o.afterChunk?.(index);
  }
  if (index !== total || done !== o.header.payloadBytes) throw new Error('payload size differs from the header');
  return written;
}

export interface DecryptOptions {
  path: string;
  header: BackupHeader;
  headerLength: number;
  headerDigest: Buffer;
  key: Buffer;
  sink: (plain: Buffer) => Promise<void>;
  signal?: AbortSignal;
  onChunk?: (doneBytes: number) => void;
}

/**
 * Decrypts and authenticates every record. Truncation and appended bytes are recognised from the
 * size announced in the (checksummed) header before any record is read; any changed byte makes
 * its record fail authentication.
 */
export async function decryptFile(o: DecryptOptions): Promise<void> {
  const fh = await open(o.path, 'r');
  try {
    const size = (await fh.stat()).size;
    const expected = expectedFileSize(o.headerLength, o.header);
    if (size < expected) throw new AppError('BACKUP_TRUNCATED');
    if (size > expected) {
      throw new AppError('BACKUP_CORRUPT', 'Plik kopii zapasowej ma dopisane obce dane na końcu (jest uszkodzony). Nic nie zostało przywrócone.');
    }
    const total = chunkCount(o.header.payloadBytes, o.header.chunkBytes);
    const prefix = Buffer.from(o.header.noncePrefix, 'base64');
    const rec = Buffer.alloc(o.header.chunkBytes + TAG_BYTES);
    let pos = o.headerLength;
    let remaining = o.header.payloadBytes;
    let done = 0;
    for (let i = 0; i < total; i++) {
      throwIfAborted(o.signal);
      const plainLen = Math.min(o.header.chunkBytes, remaining);
      const recLen = plainLen + TAG_BYTES;
      let got = 0;
      while (got < recLen) {
        const { bytesRead } = await fh.read(rec, got, recLen - got, pos + got);
        if (bytesRead === 0) throw new AppError('BACKUP_TRUNCATED');
        got += bytesRead;
      }
      pos += recLen;
      const decipher = createDecipheriv('aes-256-gcm', o.key, chunkNonce(prefix, i, i === total - 1));
      decipher.setAAD(o.headerDigest);
      decipher.setAuthTag(rec.subarray(plainLen, recLen));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(rec.subarray(0, plainLen)), decipher.final()]);
      } catch {
        throw new AppError(
          'BACKUP_CORRUPT',
          `Plik kopii zapasowej jest uszkodzony: fragment ${i + 1} z ${total} nie przechodzi kontroli integralności (zmieniony lub źle odczytany bajt). Nic nie zostało przywrócone.`,
        );
      }
      remaining -= plainLen;
      done += plainLen;
      await o.sink(plain);
      o.onChunk?.(done);
    }
  } finally {
    await fh.close();
  }
}

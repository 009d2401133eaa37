/**
 * Key material: the random data key that encrypts the database, its wrapping (AES-256-GCM) under
 * keys derived from passwords or the recovery key (scrypt), recovery-key encoding, and a small
 * sealed box (X25519 + HKDF + AES-GCM) used to write events before the database is open.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

export const DATA_KEY_BYTES = 32;

export interface ScryptParams {
  algo: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * Production parameters: N = 2^17, r = 8 (128 MiB) takes about 0.3–0.6 s on the reference
 * machine (see `npm run bench`). Tests may pass cheaper parameters explicitly.
 */
export const DEFAULT_SCRYPT: ScryptParams = { algo: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** Cheap parameters for tests only (never used by the app). */
export const TEST_SCRYPT: ScryptParams = { algo: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

/**
 * Key-derivation parameters read from a file (keys.json, a backup's header) are accepted only
 * within what this app writes: scrypt, r = 8, p = 1, N a power of two from 2^10 (tests) to 2^17
 * (production). Anything else is refused *before* deriving: the header checksum is a plain
 * SHA-256, so anyone can rewrite these numbers, and N = 2^22 costs 4 GiB and half a minute,
 * N = 2^30 fails to allocate, p = 24 is 24 times the work of one try.
 */
export const KDF_LIMITS = { minLogN: 10, maxLogN: 17, r: 8, p: 1 } as const;

export function isSupportedKdf(k: unknown): k is ScryptParams {
  if (typeof k !== 'object' || k === null) return false;
  const { algo, N, r, p } = k as Record<string, unknown>;
  if (algo !== 'scrypt' || r !== KDF_LIMITS.r || p !== KDF_LIMITS.p) return false;
  if (typeof N !== 'number' || !Number.isSafeInteger(N)) return false;
  const logN = Math.log2(N);
  return Number.isInteger(logN) && logN >= KDF_LIMITS.minLogN && logN <= KDF_LIMITS.maxLogN;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const b64Bytes = (s: unknown): number => (typeof s === 'string' && s.length % 4 === 0 && B64.test(s) ? Buffer.from(s, 'base64').length : -1);

/** A wrapped key as this app writes it: supported KDF, 16-byte salt, 12-byte IV, 16-byte tag, 32-byte key. */
export function isWellFormedWrap(w: unknown): w is Wrapped {
  if (typeof w !== 'object' || w === null) return false;
  const { salt, kdf, iv, ct, tag } = w as Record<string, unknown>;
  return isSupportedKdf(kdf) && b64Bytes(salt) === 16 && b64Bytes(iv) === 12 && b64Bytes(tag) === 16 && b64Bytes(ct) === DATA_KEY_BYTES;
}

export function deriveKey(secret: string | Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  return new Promise((resolve, reject) => {
    scryptCb(input, salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export interface Wrapped {
  salt: string; // base64
  kdf: ScryptParams;
  iv: string; // base64
  ct: string; // base64
  tag: string; // base64
}

/** Encrypt `dataKey` under a key derived from `secret`. `aad` binds the wrap to its slot. */
export async function wrapKey(
  dataKey: Buffer,
  secret: string | Buffer,
  aad: string,
  kdf: ScryptParams = DEFAULT_SCRYPT,
): Promise<Wrapped> {
  const salt = randomBytes(16);
  const kek = await deriveKey(secret, salt, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return {
      salt: salt.toString('base64'),
      kdf,
      iv: iv.toString('base64'),
      ct: ct.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the secret (or the slot binding) is wrong. */
export async function unwrapKey(w: Wrapped, secret: string | Buffer, aad: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, Buffer.from(w.salt, 'base64'), w.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(w.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

// ---- Recovery key: 32 random bytes as 52 base32 characters in 13 groups of 4 -------------------

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newRecoveryKey(): string {
  const bytes = randomBytes(32);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return formatRecoveryKey(out);
}

/** Canonical form used for key derivation: upper case, no separators. */
export function normaliseRecoveryKey(input: string): string {
  return input.toUpperCase().replace(/[^A-Z2-7]/g, '');
}

export function formatRecoveryKey(input: string): string {
  return (normaliseRecoveryKey(input).match(/.{1,4}/g) ?? []).join('-');
}

// ---- Sealed box: anyone may seal with the public key; only the database holds the private key --

export function newSealKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function sealKey(shared: Buffer, ephPub: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephPub, 'asysta-sealed-box-v1', 32));
}

export function seal(plaintext: string, publicKeyPem: string): string {
  const recipient: KeyObject = createPublicKey(publicKeyPem);
  const eph = generateKeyPairSync('x25519');
  const ephPub = eph.publicKey.export({ type: 'spki', format: 'der' });
  const key = sealKey(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephPub);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ephPub, iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64')).join('.');
}

export function unseal(sealed: string, privateKeyPem: string): string | null {
  try {
    const [ephPubB64, ivB64, tagB64, ctB64] = sealed.split('.');
    if (!ephPubB64 || !ivB64 || !tagB64 || ctB64 === undefined) return null;
    const ephPub = Buffer.from(ephPubB64, 'base64');
    const key = sealKey(
      diffieHellman({
        privateKey: createPrivateKey(privateKeyPem),
        publicKey: createPublicKey({ key: ephPub, format: 'der', type: 'spki' }),
      }),
      ephPub,
    );
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64'));
    decipher.setAuthTag(Buffer.from(tagB64, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

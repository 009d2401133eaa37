import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_SCRYPT,
  formatRecoveryKey,
  newDataKey,
  newRecoveryKey,
  newSealKeyPair,
  normaliseRecoveryKey,
  seal,
  TEST_SCRYPT,
  unseal,
  unwrapKey,
  wrapKey,
} from '../../db/crypto';

describe('key wrapping (AES-256-GCM under a scrypt-derived key)', () => {
  it('the right password unwraps the same 256-bit data key', async () => {
    const key = newDataKey();
    expect(key).toHaveLength(32);
    const w = await wrapKey(key, 'Hasło-Żółw-2026', 'asysta:user:u1', TEST_SCRYPT);
    expect(await unwrapKey(w, 'Hasło-Żółw-2026', 'asysta:user:u1')).toEqual(key);
  });

  it('a wrong password, a wrap moved to another slot, or a tampered wrap yields nothing', async () => {
    const key = newDataKey();
    const w = await wrapKey(key, 'Hasło-Żółw-2026', 'asysta:user:u1', TEST_SCRYPT);
    expect(await unwrapKey(w, 'hasło-żółw-2026', 'asysta:user:u1')).toBeNull();
    expect(await unwrapKey(w, 'Hasło-Żółw-2026', 'asysta:user:u2')).toBeNull();
    const ct = Buffer.from(w.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(await unwrapKey({ ...w, ct: ct.toString('base64') }, 'Hasło-Żółw-2026', 'asysta:user:u1')).toBeNull();
  });

  it('the same password wraps differently each time (fresh salt and IV), and the raw key is never in the wrap', async () => {
    const key = newDataKey();
    const a = await wrapKey(key, 'x1234567890', 'slot', TEST_SCRYPT);
    const b = await wrapKey(key, 'x1234567890', 'slot', TEST_SCRYPT);
    expect(a.salt).not.toBe(b.salt);
    expect(a.ct).not.toBe(b.ct);
    expect(JSON.stringify(a)).not.toContain(key.toString('base64'));
    expect(JSON.stringify(a)).not.toContain(key.toString('hex'));
  });

  it('passwords are compared after Unicode normalisation (NFC), so "ż" typed either way works', async () => {
    const key = newDataKey();
    const w = await wrapKey(key, 'Żaneta2026'.normalize('NFC'), 's', TEST_SCRYPT);
    expect(await unwrapKey(w, 'Żaneta2026'.normalize('NFD'), 's')).toEqual(key);
  });

  it('production KDF parameters are stored with every wrap', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ algo: 'scrypt', N: 131072, r: 8, p: 1 });
    const w = await wrapKey(newDataKey(), 'x1234567890', 's', TEST_SCRYPT);
    expect(w.kdf).toEqual(TEST_SCRYPT);
  });
});

describe('recovery key', () => {
  it('is 256 random bits as 13 groups of 4 base32 characters', () => {
    const k = newRecoveryKey();
    expect(k).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    expect(newRecoveryKey()).not.toBe(k);
  });

  it('is accepted with spaces, without dashes and in lower case', () => {
    const k = newRecoveryKey();
    expect(normaliseRecoveryKey(k.toLowerCase().replace(/-/g, ' '))).toBe(k.replace(/-/g, ''));
    expect(formatRecoveryKey(k.replace(/-/g, ''))).toBe(k);
  });
});

describe('sealed box for events written while the database is closed', () => {
  it('only the holder of the private key reads a sealed event', () => {
    const a = newSealKeyPair();
    const b = newSealKeyPair();
    const sealed = seal('{"login":"intruz"}', a.publicKeyPem);
    expect(sealed).not.toContain('intruz');
    expect(unseal(sealed, a.privateKeyPem)).toBe('{"login":"intruz"}');
    expect(unseal(sealed, b.privateKeyPem)).toBeNull();
    expect(unseal(sealed.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), a.privateKeyPem)).toBeNull();
    expect(unseal(randomBytes(10).toString('hex'), a.privateKeyPem)).toBeNull();
  });
});

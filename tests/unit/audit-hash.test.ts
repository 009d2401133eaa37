import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalAuditText, ZERO_HASH, type ChainFields } from '../../db/audit/chain';

const row: ChainFields = {
  id: 7,
  at: '2026-11-22T09:00:00.000Z',
  userId: 'u1',
  userLogin: 'admin',
  action: 'family.open',
  entityType: 'family',
  entityId: 'f1',
  details: '{"kind":"pack"}',
};

describe('canonical audit hash', () => {
  it('is sha256 (hex) of the format tag, prev_hash and the fields in a fixed order, each length-prefixed', () => {
    const text = canonicalAuditText(ZERO_HASH, row);
    expect(text).toBe(`asysta-audit-v1|64:${ZERO_HASH}|7|24:2026-11-22T09:00:00.000Z|2:u1|5:admin|11:family.open|6:family|2:f1|15:{"kind":"pack"}`);
    expect(canonicalAuditText(ZERO_HASH, { ...row, userId: null, entityId: '' })).toContain('|~|5:admin|11:family.open|6:family|0:|');
    expect(auditHash(ZERO_HASH, row)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(auditHash(ZERO_HASH, row)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic and changes with every field and with the previous hash', () => {
    const base = auditHash(ZERO_HASH, row);
    expect(auditHash(ZERO_HASH, { ...row })).toBe(base);
    const variants: ChainFields[] = [
      { ...row, id: 8 },
      { ...row, at: '2026-11-22T09:00:00.001Z' },
      { ...row, userId: null },
      { ...row, userLogin: 'admin2' },
      { ...row, action: 'family.update' },
      { ...row, entityType: null },
      { ...row, entityId: 'f2' },
      { ...row, details: null },
      { ...row, details: '{"kind":"pac"}' },
    ];
    const hashes = new Set(variants.map((v) => auditHash(ZERO_HASH, v)));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(base)).toBe(false);
    expect(auditHash('1'.repeat(64), row)).not.toBe(base);
  });

  it('is unambiguous: shifting text between neighbouring fields, or null versus "null" / "", gives another hash', () => {
    const a = auditHash(ZERO_HASH, { ...row, userLogin: 'ad', action: 'minfamily.open' });
    const b = auditHash(ZERO_HASH, { ...row, userLogin: 'admin', action: 'family.open' });
    expect(a).not.toBe(b);
    const n1 = auditHash(ZERO_HASH, { ...row, entityId: null });
    const n2 = auditHash(ZERO_HASH, { ...row, entityId: 'null' });
    const n3 = auditHash(ZERO_HASH, { ...row, entityId: '' });
    expect(new Set([n1, n2, n3]).size).toBe(3);
    // A separator-like text inside a value cannot fake a field boundary.
    const q1 = auditHash(ZERO_HASH, { ...row, userLogin: 'a|1:b', action: 'c' });
    const q2 = auditHash(ZERO_HASH, { ...row, userLogin: 'a', action: 'b|1:c' });
    expect(q1).not.toBe(q2);
    expect(canonicalAuditText(ZERO_HASH, { ...row, userLogin: 'a|1:b', action: 'c' })).not.toBe(canonicalAuditText(ZERO_HASH, { ...row, userLogin: 'a', action: '1:b|1:c' }));
  });

  it('handles Polish letters as UTF-8', () => {
    const text = canonicalAuditText(ZERO_HASH, { ...row, userLogin: 'łucja' });
    expect(auditHash(ZERO_HASH, { ...row, userLogin: 'łucja' })).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
  });
});

/**
 * The tamper-evident audit log: every row carries the hash of the previous row (`prev_hash`) and
 * its own hash (`hash` = sha256 over a canonical serialisation of prev_hash and all its columns).
 *
 * What the chain gives: editing a row's content, deleting a row (in the middle, at the start or —
 * thanks to the AUTOINCREMENT counter — at the end), or moving rows around is reported by
 * `verifyAuditChain` with the first row where the chain breaks. The database triggers already
 * refuse UPDATE and DELETE; the chain catches changes made around them (a copy of the file opened
 * with the key, the trigger dropped).
 *
 * What it does NOT protect against: someone who holds the data key (an administrator's password
 * or the recovery key) can drop the triggers, rewrite any row and then recompute every hash from
 * that row to the end (and the AUTOINCREMENT counter): the result verifies as consistent. The hash
 * is a plain digest, not a signature, because the application has no secret the key holder lacks.
 * The only defence against such a rewrite is an anchor kept outside the file: the printed audit
 * extract (`shared/print/auditExtract.ts`) states the number and hash of the last entry, so an
 * inspector holding an earlier printout can check that entry nr N still has the same hash; the
 * same head is returned by every verification (and logged with it). Truncating the whole tail
 * together with the counter is likewise only visible against such an anchor.
 */
import * as nodeCrypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx, SqliteHandle } from '../open';

/** prev_hash of the first entry. */
export const ZERO_HASH = '0'.repeat(64);
/** Version tag inside the hashed text, so a future format can coexist. */
const FORMAT = 'asysta-audit-v1';

/** The hashed fields of one row, exactly as stored (details is the stored JSON text). */
export interface ChainFields {
  id: number;
  at: string;
  userId: string | null;
  userLogin: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: string | null;
}

/** One field: `~` for null, else `<length>:<text>` (length in UTF-16 code units, as JS counts). */
const field = (v: string | null): string => (v === null ? '~' : `${v.length}:${v}`);

/**
 * Canonical, unambiguous serialisation: the format tag, then prev_hash, the id (decimal) and the
 * fields in a fixed order, each length-prefixed and separated by `|`. A length prefix says exactly
 * where a value ends, so no text inside a value can fake a field boundary, and `~` (null) is
 * distinct from `0:` (empty) and from `4:null`. (About four times faster to build than JSON,
 * which matters when a million entries are verified.)
 */
export function canonicalAuditText(prevHash: string, f: ChainFields): string {
  return `${FORMAT}|${field(prevHash)}|${f.id}|${field(f.at)}|${field(f.userId)}|${field(f.userLogin)}|${field(f.action)}|${field(f.entityType)}|${field(f.entityId)}|${field(f.details)}`;
}

/** One-shot crypto.hash (Node 20.12+, about twice as fast for short inputs), else createHash. */
const oneShot = (nodeCrypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
const sha256Hex: (text: string) => string = oneShot
  ? (text) => oneShot('sha256', text, 'hex')
  : (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** sha256 (lower-case hex) of the canonical text (UTF-8). */
export function auditHash(prevHash: string, f: ChainFields): string {
  return sha256Hex(canonicalAuditText(prevHash, f));
}

/** Raw row order used by the SELECTs below (positional, for speed over millions of rows). */
const COLS = 'id, at, user_id, user_login, action, entity_type, entity_id, details, prev_hash, hash';
type RawRow = [number, string, string | null, string | null, string, string | null, string | null, string | null, string | null, string | null];

function fieldsOf(r: RawRow): ChainFields {
  return { id: r[0], at: r[1], userId: r[2], userLogin: r[3], action: r[4], entityType: r[5], entityId: r[6], details: r[7] };
}

export interface ChainHead {
  id: number;
  hash: string | null;
}

/** The next id and prev_hash for an insert, read with the same connection/transaction. */
export function nextLink(db: DbOrTx): { id: number; prevHash: string } {
  let last = db.get<{ id: number; hash: string | null } | undefined>(sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  if (last && last.hash === null && chainLegacy(db) > 0) {
    last = db.get<{ id: number; hash: string | null } | undefined>(sql`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  }
  // AUTOINCREMENT's counter survives a deleted tail, so the next id leaves a visible gap.
  const seq = db.get<{ seq: number } | undefined>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`);
  const id = Math.max(last?.id ?? 0, Number(seq?.seq ?? 0)) + 1;
  // A last row without a hash that is not legacy (see chainLegacy) is linked with the zero hash:
  // verification reports that row as broken.
  return { id, prevHash: last ? (last.hash ?? ZERO_HASH) : ZERO_HASH };
}

/**
 * Chains the rows written before migration 0005 (hash and prev_hash NULL), in id order: the update
 * trigger allows filling both once and nothing else. Only an unchained log is legacy: when any row
 * is already chained, nothing is touched (an unchained row among chained ones did not come from
 * this application, and verification reports it). Runs inside the caller's transaction or
 * savepoint; returns how many rows were chained.
 */
export function chainLegacy(db: DbOrTx): number {
  const chained = db.get<{ one: number } | undefined>(sql`SELECT 1 AS one FROM audit_log WHERE hash IS NOT NULL OR prev_hash IS NOT NULL LIMIT 1`);
  if (chained) return 0;
  const rows = db.values<RawRow>(sql.raw(`SELECT ${COLS} FROM audit_log ORDER BY id`));
  let prev = ZERO_HASH;
  for (const r of rows) {
    const h = auditHash(prev, fieldsOf(r));
    db.run(sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${h} WHERE id = ${r[0]}`);
    prev = h;
  }
  return rows.length;
}

/**
 * Chains legacy rows (see chainLegacy) in one transaction; called on every open, so the usual case
 * (the newest entry is chained: nothing is legacy) costs one indexed lookup, not a scan of the log.
 */
export function chainLegacyRows(db: DbOrTx): number {
  const last = db.get<{ hash: string | null } | undefined>(sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  if (!last || last.hash !== null) return 0;
  return db.transaction((tx) => chainLegacy(tx));
}

export type BreakReason = 'hash' | 'prev' | 'gap' | 'anchor';

/** A recorded (id, hash) of an earlier head of the chain, kept outside the database. */
export interface ChainAnchor {
  id: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries checked (all of them when ok; up to and including the first broken one otherwise). */
  checked: number;
  /** The last entry (number and hash): write it down or print it to anchor the log. */
  head: ChainHead | null;
  firstBroken?: { id: number; at: string | null; reason: BreakReason };
}

/**
 * Walks the whole log by id (streaming, constant memory) and recomputes every link:
 * - 'gap': an id is missing before this row (a deleted row; at the start: id 1 missing; at the
 *   end: the AUTOINCREMENT counter is beyond the last row — reported as the missing id, at null),
 * - 'prev': the row's prev_hash is not the previous row's hash (a row deleted or replaced before it),
 * - 'hash': the row's content does not match its hash (an edited row, or a row never chained),
 * - 'anchor': the row is consistent with its neighbours but its hash differs from an anchor
 *   recorded earlier outside the database (the chain was recomputed from an earlier point by
 *   someone holding the data key), or an anchored entry no longer exists (the tail was removed).
 */
export function verifyAuditChain(sqlite: SqliteHandle, anchors: ReadonlyArray<ChainAnchor> = []): ChainVerification {
  const anchorAt = new Map(anchors.map((a) => [a.id, a.hash]));
  const it = sqlite.prepare(`SELECT ${COLS} FROM audit_log ORDER BY id`).raw(true).iterate() as IterableIterator<RawRow>;
  let expectedId = 1;
  let prev = ZERO_HASH;
  let checked = 0;
  let head: ChainHead | null = null;
  let broken: { row: RawRow; reason: BreakReason } | null = null;
  let lastId = 0;
  for (const r of it) {
    checked++;
    if (r[0] !== expectedId) broken = { row: r, reason: 'gap' };
    else if (r[8] !== prev) broken = { row: r, reason: 'prev' };
    else {
      const h = sha256Hex(`${FORMAT}|${field(prev)}|${r[0]}|${field(r[1])}|${field(r[2])}|${field(r[3])}|${field(r[4])}|${field(r[5])}|${field(r[6])}|${field(r[7])}`);
      if (r[9] !== h) broken = { row: r, reason: 'hash' };
      else if (anchorAt.has(r[0]) && anchorAt.get(r[0]) !== h) broken = { row: r, reason: 'anchor' };
      else prev = h;
    }
    if (broken) {
      it.return?.();
      return { ok: false, checked, head: lastRowHead(sqlite), firstBroken: { id: broken.row[0], at: broken.row[1], reason: broken.reason } };
    }
    lastId = r[0];
    expectedId = lastId + 1;
  }
  if (checked > 0) head = { id: lastId, hash: prev };
  const seq = sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`).get() as { seq: number } | undefined;
  if (seq && Number(seq.seq) >= expectedId) {
    return { ok: false, checked, head, firstBroken: { id: expectedId, at: null, reason: 'gap' } };
  }
  // An anchor beyond the last entry: the tail was removed (and the counter reset with it).
  const beyond = anchors.filter((a) => a.id > lastId).sort((a, b) => a.id - b.id)[0];
  if (beyond) return { ok: false, checked, head, firstBroken: { id: lastId + 1, at: null, reason: 'anchor' } };
  return { ok: true, checked, head };
}

function lastRowHead(sqlite: SqliteHandle): ChainHead | null {
  const r = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as ChainHead | undefined;
  return r ?? null;
}

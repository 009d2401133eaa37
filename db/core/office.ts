/**
 * The office profile (in the database), this workstation's settings (idle lock), the audit log's
 * list view and the audit-chain anchors kept on this workstation.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '../../shared/errors';
import type { OfficeProfile } from '../../shared/schemas';
import type { ChainAnchor } from '../audit/chain';
import { listAudit, type AuditFilter } from '../repos/audit';
import { office } from '../schema';
import type { Actor, CoreKernel } from './kernel';

/** How many audit-chain anchors a workstation keeps. */
const AUDIT_ANCHORS_KEPT = 20;

export class Office {
  constructor(private readonly k: CoreKernel) {}

  get() {
    const row = this.k.requireDb().db.select().from(office).get();
    if (!row) throw new AppError('NOT_SET_UP');
    const { id: _id, updatedAt: _u, ...rest } = row;
    return rest;
  }

  update(actor: Actor, input: OfficeProfile & { version: number }) {
    const k = this.k;
    const { db } = k.requireDb();
    const before = db.select().from(office).get();
    if (!before) throw new AppError('NOT_SET_UP');
    if (before.version !== input.version) throw new AppError('STALE_EDIT');
    const { version, ...profile } = input;
    db.transaction((tx) => {
      tx.update(office).set({ ...profile, version: version + 1, updatedAt: k.nowIso() }).where(eq(office.id, 1)).run();
      k.audit(actor, 'office.update', { type: 'office', id: '1' }, { after: profile }, tx);
    });
    return this.get();
  }

  updateWorkstationSettings(actor: Actor, input: { idleMinutes: number }) {
    const before = this.k.idleMinutes;
    this.k.settings.set('idleMinutes', input.idleMinutes);
    this.k.audit(actor, 'settings.update', null, { idleMinutes: { before, after: input.idleMinutes } });
    return { idleMinutes: this.k.idleMinutes };
  }

  listAudit(f: AuditFilter) {
    const { db, sqlite } = this.k.requireDb();
    return listAudit(db, f, sqlite);
  }

  /** Audit-chain heads recorded on this workstation (see WorkstationSettings.auditAnchors). */
  auditAnchors(): ChainAnchor[] {
    const list = this.k.settings.get('auditAnchors');
    return Array.isArray(list) ? list.filter((a) => Number.isInteger(a?.id) && typeof a?.hash === 'string').map(({ id, hash }) => ({ id, hash })) : [];
  }

  /** Remember a verified head of the audit chain (the newest 20 are kept). */
  recordAuditAnchor(head: { id: number; hash: string | null } | null | undefined): void {
    if (!head?.hash) return;
    const list = (this.k.settings.get('auditAnchors') ?? []).filter((a) => a.id !== head.id);
    list.push({ id: head.id, hash: head.hash, at: this.k.nowIso() });
    this.k.settings.set('auditAnchors', list.slice(-AUDIT_ANCHORS_KEPT));
  }
}

/**
 * Sessions: one per window (or bridge page, or tool run). The idle lock is enforced here, whatever
 * the UI does; the last logged-in session to end closes the database.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { office } from '../schema';
import type { CoreKernel, Session } from './kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Sessions {
  constructor(private readonly k: CoreKernel) {}

  /** A new anonymous session; its id is made here unless the host chose one (a fresh random UUID). */
  create(id: string = randomUUID()): string {
    if (!UUID.test(id) || this.k.sessions.has(id)) throw new AppError('INTERNAL', 'Nieprawidłowy identyfikator sesji.');
    this.k.sessions.set(id, { id, user: null, locked: false, lastActivity: this.k.now() });
    return id;
  }

  get(id: string): Session {
    const s = this.k.sessions.get(id);
    if (!s) throw new AppError('NOT_AUTHENTICATED');
    return s;
  }

  find(id: string): Session | undefined {
    return this.k.sessions.get(id);
  }

  ids(): string[] {
    return [...this.k.sessions.keys()];
  }

  /** A session idle longer than the configured time is locked before the call is considered. */
  checkIdle(s: Session): void {
    if (!s.user || s.locked) return;
    if (this.k.now() - s.lastActivity > this.k.idleMinutes * 60_000) {
      s.locked = true;
      this.k.audit({ user: s.user }, 'session.autolock');
    }
  }

  touch(s: Session): void {
    s.lastActivity = this.k.now();
  }

  /** End a session (window closed). With `keepId` the transport keeps an anonymous session. */
  end(id: string, opts: { keepId?: boolean } = {}): void {
    const s = this.k.sessions.get(id);
    if (s?.user && this.k.isOpen) this.k.audit({ user: s.user }, 'auth.logout');
    if (opts.keepId) this.k.sessions.set(id, { id, user: null, locked: false, lastActivity: this.k.now() });
    else this.k.sessions.delete(id);
    this.k.closeIfUnused();
  }

  lock(id: string, reason: 'manual' | 'idle' = 'manual'): void {
    const s = this.get(id);
    if (s.user && !s.locked) {
      s.locked = true;
      this.k.audit({ user: s.user }, reason === 'idle' ? 'session.autolock' : 'session.lock');
    }
  }

  /** Log every session out (after a restore: users log in with the passwords of the backup). */
  logOutAll(): void {
    for (const s of this.k.sessions.values()) {
      s.user = null;
      s.locked = false;
    }
  }

  /** Forget every session (shutdown; the host ends logged-in sessions first to audit their logout). */
  clear(): void {
    this.k.sessions.clear();
  }

  status(sessionId: string) {
    const s = this.k.sessions.get(sessionId);
    if (s) this.checkIdle(s);
    const setUp = this.k.isSetUp();
    let officeName: string | null = setUp ? (this.k.settings.get('officeName') ?? null) : null;
    if (this.k.isOpen) {
      const current = this.k.requireDb().db.select({ n: office.name }).from(office).get()?.n ?? null;
      if (current && current !== officeName) this.k.settings.set('officeName', current);
      officeName = current;
    }
    return {
      setupDone: setUp,
      officeName,
      user: s?.user ?? null,
      locked: s?.locked ?? false,
      idleMinutes: this.k.idleMinutes,
      recoveryKeyConfirmed: setUp ? this.k.keystore().recoveryConfirmedAt !== null : false,
    };
  }
}

/**
 * Login throttling: after a few failed attempts for a login, each next attempt must wait a growing
 * delay. State lives in a small file beside the database so a restart does not reset it. Keys are
 * the keystore's salted login tags, never logins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './fsutil';

export interface ThrottlePolicy {
  /** Failures allowed before any delay. */
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { freeAttempts: 3, baseDelaySeconds: 5, maxDelaySeconds: 15 * 60 };

interface Entry {
  failures: number;
  lastFailureAt: number;
}

export class LoginThrottle {
  private state: Record<string, Entry> = {};
  private readonly path: string;

  constructor(dataDir: string, private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE) {
    this.path = join(dataDir, 'auth-state.json');
    if (existsSync(this.path)) {
      try {
        this.state = (JSON.parse(readFileSync(this.path, 'utf8')) as { failures?: Record<string, Entry> }).failures ?? {};
      } catch {
        this.state = {};
      }
    }
  }

  /** Delay required after `failures` consecutive failures. */
  delayFor(failures: number): number {
    if (failures < this.policy.freeAttempts) return 0;
    const exp = failures - this.policy.freeAttempts;
    return Math.min(this.policy.maxDelaySeconds, this.policy.baseDelaySeconds * 2 ** exp);
  }

  /** Seconds the caller must still wait before trying `key`, 0 when it may try now. */
  waitSeconds(key: string, now: number): number {
    const e = this.state[key];
    if (!e) return 0;
    const until = e.lastFailureAt + this.delayFor(e.failures) * 1000;
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  failures(key: string): number {
    return this.state[key]?.failures ?? 0;
  }

  recordFailure(key: string, now: number): void {
    const e = this.state[key];
    this.state[key] = { failures: (e?.failures ?? 0) + 1, lastFailureAt: now };
    this.save();
  }

  recordSuccess(key: string): void {
    if (this.state[key]) {
      delete this.state[key];
      this.save();
    }
  }

  private save(): void {
    writeFileAtomic(this.path, JSON.stringify({ failures: this.state }));
  }
}

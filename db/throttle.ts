/**
 * Throttling of secrets (login passwords, the recovery key, secrets tried against a backup):
 * after a few failed attempts for one target, each next attempt must wait a growing delay; and
 * over all targets together a per-installation ceiling, so trying one password on many logins
 * ("spraying") is slowed too. State lives in a small file beside the database so a restart does
 * not reset it. Keys are the keystore's salted login tags or fixed names, never logins.
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

/**
 * The per-installation ceiling: failures on any target count here. Unlike a target's count, a
 * success does not clear it (an insider's own login must not reset a spray); it clears itself
 * after `quietSeconds` without a failure. An office where a few people mistype now and then
 * never reaches it; twelve failures in a burst start the delays.
 */
export interface CeilingPolicy extends ThrottlePolicy {
  quietSeconds: number;
}

export const DEFAULT_CEILING: CeilingPolicy = { freeAttempts: 12, baseDelaySeconds: 5, maxDelaySeconds: 5 * 60, quietSeconds: 60 * 60 };

/** The throttle key of the local installation's recovery key. */
export const RECOVERY_THROTTLE_KEY = 'recovery-key';
/** The key under which the per-installation ceiling is kept (not a login tag: tags are hex). */
const INSTALLATION_KEY = '*installation';

interface Entry {
  failures: number;
  lastFailureAt: number;
}

function delay(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.freeAttempts) return 0;
  const exp = failures - policy.freeAttempts;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(exp, 30));
}

export class LoginThrottle {
  private state: Record<string, Entry> = {};
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly ceiling: CeilingPolicy = DEFAULT_CEILING,
  ) {
    this.path = join(dataDir, 'auth-state.json');
    if (existsSync(this.path)) {
      try {
        const failures = (JSON.parse(readFileSync(this.path, 'utf8')) as { failures?: Record<string, Entry> }).failures;
        if (failures && typeof failures === 'object') this.state = failures;
      } catch {
        this.state = {};
      }
    }
  }

  /** Delay required after `failures` consecutive failures of one target. */
  delayFor(failures: number): number {
    return delay(this.policy, failures);
  }

  private waitOf(e: Entry | undefined, policy: ThrottlePolicy, now: number): number {
    if (!e) return 0;
    const until = e.lastFailureAt + delay(policy, e.failures) * 1000;
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** The installation-wide count, unless it has gone quiet. */
  private installation(now: number): Entry | undefined {
    const e = this.state[INSTALLATION_KEY];
    return e && now - e.lastFailureAt < this.ceiling.quietSeconds * 1000 ? e : undefined;
  }

  /** Seconds the caller must still wait before trying `key`, 0 when it may try now. */
  waitSeconds(key: string, now: number): number {
    return Math.max(this.waitOf(this.state[key], this.policy, now), this.waitOf(this.installation(now), this.ceiling, now));
  }

  failures(key: string): number {
    return this.state[key]?.failures ?? 0;
  }

  /** Failures on all targets in the current burst (the per-installation ceiling's count). */
  installationFailures(now: number): number {
    return this.installation(now)?.failures ?? 0;
  }

  recordFailure(key: string, now: number): void {
    const e = this.state[key];
    this.state[key] = { failures: (e?.failures ?? 0) + 1, lastFailureAt: now };
    this.state[INSTALLATION_KEY] = { failures: (this.installation(now)?.failures ?? 0) + 1, lastFailureAt: now };
    this.save();
  }

  /** A correct secret for `key` clears that target's count (never the installation's). */
  recordSuccess(key: string): void {
    if (key !== INSTALLATION_KEY && this.state[key]) {
      delete this.state[key];
      this.save();
    }
  }

  private save(): void {
    writeFileAtomic(this.path, JSON.stringify({ failures: this.state }));
  }
}

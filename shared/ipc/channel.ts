/** The declaration of one IPC channel: zod input, zod output, and who may call it. */
import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * 'public'  — callable without a session (setup, login, status).
 * 'session' — any logged-in, unlocked user.
 * Role[]    — only these roles.
 * { beforeSetup: 'public', afterSetup } — public on a fresh installation (the first-run wizard),
 *             afterwards as `afterSetup` (e.g. restoring a backup).
 */
export type Access = 'public' | 'session' | readonly Role[] | { beforeSetup: 'public'; afterSetup: 'session' | readonly Role[] };

export interface ChannelDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the session is locked (unlock, logout, status). */
  whileLocked?: boolean;
  /** Short Polish description, shown in the audit log and the docs. */
  description: string;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

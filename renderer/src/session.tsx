import { createContext, useContext } from 'react';
import type { ChannelOutput, SessionUser } from '../../shared/ipc/contract';

export type AppStatus = ChannelOutput<'app:status'>;

export interface SessionContextValue {
  status: AppStatus;
  user: SessionUser;
  isAdmin: boolean;
  /** Re-read `app:status` from the core. */
  refresh: () => Promise<void>;
  lock: () => Promise<void>;
  logout: () => Promise<void>;
  /** Local updates after a successful save, so the header and idle timer follow at once. */
  patchStatus: (patch: Partial<AppStatus>) => void;
  /** The core already ended the session (e.g. after a restore): show the login screen with a message. */
  showLogin: (notice: { text: string; color: 'green' | 'blue' | 'yellow' | 'red' }) => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside of a logged-in session');
  return ctx;
}

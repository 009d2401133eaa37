import { useEffect, useRef } from 'react';
import { call } from './api';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'mousedown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 1000;
const MAX_ACTIVITY_PING_MS = 60_000;

/**
 * Locks the session after `idleMinutes` without mouse, keyboard, wheel or touch activity.
 * Uses `Date.now()` and `setInterval`, so a faked clock (Playwright `page.clock`) can fast-forward
 * it. While the user is active, the core is told (`session:activity`) at most once a minute — more
 * often only when the idle time itself is that short, so the core's own idle check (it locks a
 * session on any call after the same idle time) never sees an active user as idle.
 */
export function useIdleLock(enabled: boolean, idleMinutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled) return;
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    const pingEvery = Math.min(MAX_ACTIVITY_PING_MS, Math.floor(idleMs / 4));
    let lastActivity = Date.now();
    let lastPing = Date.now();
    let fired = false;

    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastPing >= pingEvery) {
        lastPing = now;
        // Errors (SESSION_LOCKED, NOT_AUTHENTICATED) are handled by the global listener.
        call('session:activity', {}).catch(() => undefined);
      }
    };
    const check = () => {
      if (!fired && Date.now() - lastActivity >= idleMs) {
        fired = true;
        onIdleRef.current();
      }
    };

    for (const ev of ACTIVITY_EVENTS) window.addEventListener(ev, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const ev of ACTIVITY_EVENTS) window.removeEventListener(ev, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, idleMinutes]);
}

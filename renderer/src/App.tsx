import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionUser } from '../../shared/ipc/contract';
import { call, errorMessage, onApiError } from './api';
import { useDisplay } from './display';
import { LockScreen, type LockReason } from './screens/LockScreen';
import { LoginScreen, type Notice } from './screens/LoginScreen';
import { MainLayout } from './screens/MainLayout';
import { SetupWizard } from './screens/SetupWizard';
import { SessionContext, type AppStatus, type SessionContextValue } from './session';
import { useIdleLock } from './useIdleLock';

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Kept true from the first screen of the wizard until the key is confirmed. */
  const [inSetup, setInSetup] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** Why the lock screen is up, for its explanation line. */
  const [lockReason, setLockReason] = useState<LockReason>('manual');

  const refresh = useCallback(async () => {
    try {
      const s = await call('app:status', {});
      setStatus(s);
      setLoadError(null);
      if (!s.setupDone) setInSetup(true);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Text size and contrast: the user's own once known, the workstation's last choice before.
  const { reload: reloadDisplay } = useDisplay();
  const userId = status?.user?.id ?? null;
  useEffect(() => {
    void reloadDisplay();
  }, [userId, reloadDisplay]);

  // Whatever screen made the call: a locked session shows the lock screen, a lost one the login.
  useEffect(
    () =>
      onApiError((e) => {
        if (e.code === 'SESSION_LOCKED') {
          setLockReason('idle');
          setStatus((s) => (s && s.user ? { ...s, locked: true } : s));
        } else if (e.code === 'NOT_AUTHENTICATED') {
          setStatus((s) => (s && s.user ? { ...s, user: null, locked: false } : s));
          setNotice({ text: 'Sesja wygasła. Zaloguj się ponownie.', color: 'yellow' });
        }
      }),
    [],
  );

  const lock = useCallback(async (reason: LockReason = 'manual') => {
    setLockReason(reason);
    setStatus((s) => (s && s.user ? { ...s, locked: true } : s));
    try {
      await call('auth:lock', { reason });
    } catch {
      // The lock screen is shown anyway; unlocking re-checks the password with the core.
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await call('auth:logout', {});
    } catch {
      // Logged out locally regardless.
    }
    window.location.hash = '';
    setNotice({ text: 'Wylogowano.', color: 'blue' });
    setStatus((s) => (s ? { ...s, user: null, locked: false } : s));
    await refresh();
  }, [refresh]);

  const onLoggedIn = useCallback(
    (user: SessionUser) => {
      setNotice(null);
      setStatus((s) => (s ? { ...s, user, locked: false } : s));
      void refresh();
    },
    [refresh],
  );

  const patchStatus = useCallback((patch: Partial<AppStatus>) => {
    setStatus((s) => (s ? { ...s, ...patch } : s));
  }, []);

  // After a restore from a backup every session is logged out by the core.
  const showLogin = useCallback(
    (n: Notice) => {
      setInSetup(false);
      setNotice(n);
      setStatus((s) => (s ? { ...s, user: null, locked: false } : s));
      void refresh();
    },
    [refresh],
  );

  const loggedIn = !!status?.user && !inSetup;
  const locked = loggedIn && !!status?.locked;
  const lockIdle = useCallback(() => void lock('idle'), [lock]);
  useIdleLock(loggedIn && !locked, status?.idleMinutes ?? 15, lockIdle);

  const ctx = useMemo<SessionContextValue | null>(
    () =>
      status?.user
        ? {
            status,
            user: status.user,
            isAdmin: status.user.role === 'admin',
            refresh,
            lock: () => lock('manual'),
            logout,
            patchStatus,
            showLogin,
          }
        : null,
    [status, refresh, lock, logout, patchStatus, showLogin],
  );

  if (!status) {
    return (
      <Center mih="100vh">
        {loadError ? (
          <Stack align="center" maw={480}>
            <Title order={1} size="h3">
              Nie udało się uruchomić Asysty
            </Title>
            <Alert color="red" role="alert">
              {loadError}
            </Alert>
            <Button onClick={() => void refresh()}>Spróbuj ponownie</Button>
          </Stack>
        ) : (
          <Stack align="center">
            <Loader aria-label="Wczytywanie" />
            <Text c="dimmed">Wczytywanie…</Text>
          </Stack>
        )}
      </Center>
    );
  }

  if (inSetup) {
    return (
      <SetupWizard
        onDone={() => {
          setInSetup(false);
          setNotice({
            text: 'Ośrodek został skonfigurowany, a klucz odzyskiwania potwierdzony. Zaloguj się kontem kierownika.',
            color: 'green',
          });
          void refresh();
        }}
        onRestored={(text) => showLogin({ text, color: 'green' })}
      />
    );
  }

  if (!status.user || !ctx) {
    return <LoginScreen officeName={status.officeName} notice={notice} onLoggedIn={onLoggedIn} />;
  }

  if (locked) {
    return (
      <LockScreen
        user={status.user}
        officeName={status.officeName}
        reason={lockReason}
        idleMinutes={status.idleMinutes}
        onUnlocked={(user) => {
          setStatus((s) => (s ? { ...s, user, locked: false } : s));
          void refresh();
        }}
        onLogout={() => void logout()}
        onSessionEnded={(message) => {
          setNotice({ text: message, color: 'red' });
          setStatus((s) => (s ? { ...s, user: null, locked: false } : s));
        }}
      />
    );
  }

  return (
    <SessionContext.Provider value={ctx}>
      <MainLayout />
    </SessionContext.Provider>
  );
}

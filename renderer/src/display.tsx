/**
 * Text size (A / A+ / A++) and high contrast (issue 14). The choice comes from the core
 * (`display:get`: the user's own once logged in, the workstation's last choice before) and is
 * saved there on every change (`display:set`). Applied as the root font size (every size in the
 * UI is in rem, so the layout grows with the text) and as the theme given to Mantine.
 */
import { MantineProvider } from '@mantine/core';
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DEFAULT_DISPLAY_PREFS, type DisplayPrefs } from '../../shared/display';
import { call } from './api';
import { cssVariables, TEXT_SCALE, themeFor } from './theme';

interface DisplayContextValue {
  prefs: DisplayPrefs;
  /** Apply at once and save (for the user when logged in, and as the workstation's last choice). */
  change: (patch: Partial<DisplayPrefs>) => void;
  /** Re-read after the user changed (login, logout, unlock, restore). */
  reload: () => Promise<void>;
}

const DisplayContext = createContext<DisplayContextValue | null>(null);

export function useDisplay(): DisplayContextValue {
  const ctx = useContext(DisplayContext);
  if (!ctx) throw new Error('useDisplay outside of DisplayProvider');
  return ctx;
}

export function DisplayProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<DisplayPrefs>(DEFAULT_DISPLAY_PREFS);
  const latest = useRef(prefs);

  const reload = useCallback(async () => {
    try {
      const stored = await call('display:get', {});
      latest.current = stored;
      setPrefs(stored);
    } catch {
      // The look stays as it is; nothing depends on it.
    }
  }, []);

  const change = useCallback((patch: Partial<DisplayPrefs>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setPrefs(next);
    call('display:set', next).catch(() => {
      // Shown for this session even if it could not be remembered.
    });
  }, []);

  useLayoutEffect(() => {
    const root = document.documentElement;
    root.style.fontSize = `${TEXT_SCALE[prefs.textSize] * 100}%`;
    root.dataset.textSize = prefs.textSize;
    root.dataset.contrast = prefs.contrast;
  }, [prefs]);

  const value = useMemo(() => ({ prefs, change, reload }), [prefs, change, reload]);
  const resolver = useMemo(() => cssVariables(prefs.contrast), [prefs.contrast]);
  const theme = useMemo(() => themeFor(prefs.contrast, prefs.textSize), [prefs.contrast, prefs.textSize]);

  return (
    <DisplayContext.Provider value={value}>
      <MantineProvider theme={theme} cssVariablesResolver={resolver} forceColorScheme="light">
        {children}
      </MantineProvider>
    </DisplayContext.Provider>
  );
}

/**
 * Shared bits of the "praca z rodziną" screens (issue 4): Polish labels, dates, the refusal
 * alert with the rule findings, and the autosaved draft of a long form (drafts:*).
 */
import { warsawDate } from '../../../../shared/dates';
import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call, errorMessage } from '../../api';
import { formatDate, formatDateTime, plural } from '../../format';
import { FindingsList, type FindingView } from '../registry/Findings';

export { FindingsList, type FindingView };

/** Today's date in Europe/Warsaw as YYYY-MM-DD. */
export function todayIso(): string {
  return warsawDate(new Date())!;
}

export function isIso(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
}

export function dateOrDash(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '—';
}

/** "za 3 dni", "dziś", "po terminie 3 dni". */
export function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'dziś';
  if (daysLeft === 1) return 'jutro';
  const n = Math.abs(daysLeft);
  const word = plural(n, 'dzień', 'dni', 'dni');
  return daysLeft < 0 ? `po terminie ${n} ${word}` : `za ${n} ${word}`;
}

export const KIND_LABELS = { initial: 'wstępna', periodic: 'okresowa', final: 'końcowa' } as const;
export const KIND_TITLES = { initial: 'Ocena wstępna', periodic: 'Ocena okresowa', final: 'Ocena końcowa' } as const;

/** "+2", "0", "−3" (with a real minus sign). */
export function ratingText(r: number | null | undefined): string {
  if (r === null || r === undefined) return '—';
  if (r > 0) return `+${r}`;
  if (r < 0) return `−${Math.abs(r)}`;
  return '0';
}

/** A refusal of the main process: message + findings (or a plain message). */
export interface Refusal {
  message: string;
  findings: FindingView[];
  code?: string;
}

export function refusalOf(e: unknown): Refusal {
  if (e instanceof ApiError) return { message: e.message, findings: e.findings ?? [], code: e.code };
  return { message: errorMessage(e), findings: [] };
}

export function RefusalAlert({ refusal, title, testId }: { refusal: Refusal | null; title: string; testId?: string }) {
  if (!refusal) return null;
  return (
    <div data-testid={testId}>
      <Alert color="red" role="alert" title={title} mb="xs">
        {refusal.message}
      </Alert>
      <FindingsList findings={refusal.findings} />
    </div>
  );
}

/**
 * Autosave of a long form: every `intervalMs` the current data is saved with drafts:save when it
 * changed (and only after the user decided about an older draft). `offer` is the older draft found
 * on open; `restore`/`discard` answer it; `clear` deletes the draft after a successful save.
 */
export function useDraft<T>(formKey: string, data: T, intervalMs = 4000) {
  const [offer, setOffer] = useState<{ data: T; savedAt: string } | null>(null);
  const [ready, setReady] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef(data);
  const lastSaved = useRef<string>(JSON.stringify(data));
  const stopped = useRef(false);
  useEffect(() => {
    latest.current = data;
  }, [data]);

  useEffect(() => {
    let alive = true;
    stopped.current = false;
    void call('drafts:get', { formKey })
      .then((d) => {
        if (!alive) return;
        if (d) setOffer({ data: d.data as T, savedAt: d.savedAt });
        else setReady(true);
      })
      .catch(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, [formKey]);

  useEffect(() => {
    if (!ready) return;
    const t = window.setInterval(() => {
      const json = JSON.stringify(latest.current);
      if (stopped.current || json === lastSaved.current) return;
      lastSaved.current = json;
      void call('drafts:save', { formKey, data: latest.current })
        .then((r) => setSavedAt(r.savedAt))
        .catch(() => undefined);
    }, intervalMs);
    return () => window.clearInterval(t);
  }, [ready, formKey, intervalMs]);

  return {
    offer,
    savedAt,
    /** Returns the draft's data; autosave starts. */
    restore(): T | null {
      const d = offer?.data ?? null;
      if (d) lastSaved.current = JSON.stringify(d);
      setOffer(null);
      setReady(true);
      return d;
    },
    discard() {
      setOffer(null);
      setReady(true);
      void call('drafts:delete', { formKey }).catch(() => undefined);
    },
    async clear() {
      stopped.current = true;
      await call('drafts:delete', { formKey }).catch(() => undefined);
    },
  };
}

/**
 * The head of a long autosaved form: its title, when the draft was last saved, and the offer to
 * restore an older draft (`onRestore` receives the draft's data).
 */
export function DraftFormHeader<T>({
  title,
  draft,
  onRestore,
}: {
  title: string;
  draft: ReturnType<typeof useDraft<T>>;
  onRestore: (data: T) => void;
}) {
  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {title}
        </Title>
        <DraftStatus savedAt={draft.savedAt} />
      </Group>
      {draft.offer && (
        <DraftOffer
          savedAt={draft.offer.savedAt}
          onRestore={() => {
            const d = draft.restore();
            if (d) onRestore(d);
          }}
          onDiscard={() => draft.discard()}
        />
      )}
    </>
  );
}

export function DraftOffer({ savedAt, onRestore, onDiscard }: { savedAt: string; onRestore: () => void; onDiscard: () => void }) {
  return (
    <Alert color="yellow" role="status" title="Niezapisany szkic" data-testid="draft-offer">
      <Text size="sm" mb="xs">
        Przywrócić niezapisany szkic z {formatDateTime(savedAt)}?
      </Text>
      <Group gap="xs">
        <Button size="xs" onClick={onRestore}>
          Przywróć szkic
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Odrzuć szkic
        </Button>
      </Group>
    </Alert>
  );
}

export function DraftStatus({ savedAt }: { savedAt: string | null }) {
  if (!savedAt) return null;
  return (
    <Text size="xs" c="dimmed" aria-live="polite">
      Szkic zapisano automatycznie: {formatDateTime(savedAt, true)}
    </Text>
  );
}

import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { DocumentText } from '../../../../shared/ipc/channels/documents';
import { call, errorMessage } from '../../api';
import { FormError } from '../FormError';

/** Ustawienia → Teksty dokumentów (head): the office's wording of the RODO clause, letter bodies
 *  and contract clauses; `{pola}` are filled from the data; the default can be restored. */
export function DocumentTextsSection() {
  const [texts, setTexts] = useState<DocumentText[] | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const list = await call('documents:textsGet', {});
      setTexts(list);
      const first = list[0];
      if (first) {
        setKey((k) => k ?? first.key);
        setBody((b) => (b === '' ? first.body : b));
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const current = texts?.find((x) => x.key === key) ?? null;
  const replace = (x: DocumentText) => {
    setTexts((list) => (list ? list.map((y) => (y.key === x.key ? x : y)) : list));
    setBody(x.body);
  };

  const pick = (k: string | null) => {
    const x = texts?.find((y) => y.key === k);
    if (!x) return;
    setKey(x.key);
    setBody(x.body);
    setError(null);
    setStatus(null);
  };

  const run = async (what: 'save' | 'reset') => {
    if (!current) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      if (what === 'save') {
        replace(await call('documents:textsSet', { key: current.key, body }));
        setStatus('Zapisano tekst dokumentu.');
      } else {
        replace(await call('documents:textsReset', { key: current.key }));
        setStatus('Przywrócono tekst domyślny.');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" mt="md">
      <Stack gap="sm" maw={820}>
        <Title order={2} size="h4">
          Teksty dokumentów
        </Title>
        <Text size="sm">
          Treść klauzuli RODO, pism i umów, którą ośrodek chce sformułować po swojemu. Pola w nawiasach klamrowych, np. {'{officeName}'}, program wypełnia danymi
          sprawy; pusta linia zaczyna nowy akapit.
        </Text>
        <FormError message={error} />
        {status && (
          <Alert color="green" role="status">
            {status}
          </Alert>
        )}
        {!texts && !error ? (
          <Loader size="sm" aria-label="Wczytywanie" />
        ) : texts ? (
          <>
            <Select
              label="Tekst"
              data={texts.map((x) => ({ value: x.key, label: x.isDefault ? x.label : `${x.label} (zmieniony)` }))}
              value={key}
              onChange={pick}
              allowDeselect={false}
              searchable
            />
            {current && (
              <>
                <Group gap="xs">
                  {current.isDefault ? <Badge color="gray">tekst domyślny</Badge> : <Badge color="blue">tekst ośrodka</Badge>}
                </Group>
                <Textarea label="Treść" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={6} maxRows={24} />
                <Text size="sm" c="dimmed">
                  Dozwolone pola: {current.placeholders.length ? current.placeholders.map((p) => `{${p}}`).join(', ') : 'brak'}
                </Text>
                <Group>
                  <Button onClick={() => void run('save')} loading={busy} disabled={body === current.body}>
                    Zapisz
                  </Button>
                  <Button variant="default" onClick={() => void run('reset')} disabled={busy || current.isDefault}>
                    Przywróć tekst domyślny
                  </Button>
                </Group>
              </>
            )}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

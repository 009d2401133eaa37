import { Alert, Button, Checkbox, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { formatDate, plural } from '../../format';
import { SUMMARY_LABELS, TRACK_LABELS } from './labels';

type Prepared = ChannelOutput<'retention:prepare'>;
type RunResult = ChannelOutput<'retention:run'>;

/**
 * The head's anonymisation run: prepare the exact list, tick "Potwierdzam listę N spraw", run.
 * Nothing changes before the confirmation; if the list changed meanwhile the core refuses.
 */
export function AnonymisationRun({ onDone }: { onDone: () => void }) {
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [consent, setConsent] = useState('');
  const [phase, setPhase] = useState<'idle' | 'preparing' | 'running'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RunResult | null>(null);

  const prepare = async () => {
    setError(null);
    setResult(null);
    setConfirmed(false);
    setPhase('preparing');
    try {
      setPrepared(await call('retention:prepare', {}));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPhase('idle');
    }
  };

  const run = async () => {
    if (!prepared || !confirmed) return;
    setError(null);
    setPhase('running');
    try {
      const r = await call('retention:run', { token: prepared.token, confirmed: true, archiveConsent: consent });
      setResult(r);
      setPrepared(null);
      setConfirmed(false);
      setConsent('');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPhase('idle');
    }
  };

  const n = prepared?.cases.length ?? 0;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Anonimizacja po upływie okresu przechowywania
        </Title>
        <Text size="sm">
          Anonimizacja zastępuje dane identyfikujące (imiona, nazwiska, PESEL, adresy, telefony, dokładne daty urodzenia, treść wizyt, notatek,
          ocen i planów, pisma, upoważnienia, rodziny wspierające) słowem „zanonimizowano”. Zostają daty, stany i kody spraw, oceny obszarów,
          liczba dzieci i miejsce ich pobytu — sprawozdania za minione okresy dają te same liczby. Rodzina jest anonimizowana tylko wtedy, gdy okres
          minął dla wszystkich jej spraw.
        </Text>
        <Group>
          <Button onClick={() => void prepare()} loading={phase === 'preparing'} disabled={phase === 'running'} variant={prepared ? 'default' : 'filled'}>
            Przygotuj listę do anonimizacji
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {prepared && n === 0 && (
          <Alert color="blue" role="status">
            Nie ma spraw, których okres przechowywania upłynął (stan na {formatDate(prepared.asOf)}).
          </Alert>
        )}
        {prepared && n > 0 && (
          <Stack gap="sm" data-testid="retention-prepared">
            <Text fw={600}>
              Lista z dnia {formatDate(prepared.asOf)}: {n} {plural(n, 'sprawa', 'sprawy', 'spraw')}, {prepared.families}{' '}
              {plural(prepared.families, 'rodzina', 'rodziny', 'rodzin')}.
            </Text>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Znak sprawy</Table.Th>
                  <Table.Th>Rodzaj</Table.Th>
                  <Table.Th>Kategoria</Table.Th>
                  <Table.Th>Okres upłynął</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {prepared.cases.map((c) => (
                  <Table.Tr key={c.caseId}>
                    <Table.Td>{c.caseNumber}</Table.Td>
                    <Table.Td>{TRACK_LABELS[c.track]}</Table.Td>
                    <Table.Td>{c.category}</Table.Td>
                    <Table.Td>{formatDate(c.endsOn)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {prepared.heldBack.length > 0 && (
              <Alert color="yellow" role="status" title="Wstrzymane">
                {prepared.heldBack.map((h) => h.caseNumber).join(', ')}: rodzina ma inną sprawę, której okres przechowywania jeszcze trwa lub która nie
                jest zakończona.
              </Alert>
            )}
            <TextInput
              label="Zgoda archiwum państwowego na brakowanie (znak i data pisma)"
              description="Dokumentację niearchiwalną brakuje się za zgodą dyrektora właściwego archiwum państwowego (art. 5 ust. 1 pkt 2 ustawy o narodowym zasobie archiwalnym i archiwach). Bez danych osobowych."
              value={consent}
              onChange={(e) => setConsent(e.currentTarget.value)}
              maxLength={120}
            />
            <Checkbox
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              label={`Potwierdzam listę ${n} ${plural(n, 'sprawy', 'spraw', 'spraw')} do anonimizacji. Tej operacji nie można cofnąć.`}
            />
            <Group>
              <Button color="red" onClick={() => void run()} disabled={!confirmed || phase !== 'idle'} loading={phase === 'running'}>
                Anonimizuj {n} {plural(n, 'sprawę', 'sprawy', 'spraw')}
              </Button>
            </Group>
          </Stack>
        )}
        {phase === 'running' && (
          <Group gap="sm" role="status" aria-live="polite">
            <Loader size="sm" />
            <Text size="sm">Trwa anonimizacja, a potem porządkowanie pliku bazy danych (usunięcie starych wartości z wolnych stron i dziennika)…</Text>
          </Group>
        )}
        {result && (
          <Alert color="green" role="status" title="Anonimizacja zakończona" data-testid="retention-result">
            <Text size="sm">
              Zanonimizowano {result.run.summary.cases} {plural(result.run.summary.cases, 'sprawę', 'sprawy', 'spraw')} ({result.run.caseNumbers.join(', ')}).
            </Text>
            <Text size="sm">
              {SUMMARY_LABELS.filter(([k]) => k !== 'cases' && Number(result.run.summary[k]) > 0)
                .map(([k, l]) => `${l}: ${result.run.summary[k]}`)
                .join('; ')}
              .
            </Text>
            <Text size="sm">
              {result.compaction.done
                ? `Plik bazy danych uporządkowano (${(result.compaction.ms / 1000).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} s).`
                : result.compaction.message}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

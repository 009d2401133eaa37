import { Alert, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../api';
import { formatDateTime } from '../../format';
import { SUMMARY_LABELS, type RetentionRun } from './labels';

/** The record of anonymisation runs: when, who, which cases, what was removed (counts only). */
export function RunsHistory({ refreshKey }: { refreshKey: number }) {
  const [runs, setRuns] = useState<RetentionRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    call('retention:runs', {})
      .then((r) => alive && setRuns(r))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [refreshKey]);

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Historia anonimizacji
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!runs && !error && <Loader aria-label="Wczytywanie" />}
        {runs && runs.length === 0 && <Text c="dimmed">Nie przeprowadzono jeszcze anonimizacji.</Text>}
        {runs && runs.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="retention-runs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Wykonał(a)</Table.Th>
                  <Table.Th>Sprawy</Table.Th>
                  <Table.Th>Zakres</Table.Th>
                  <Table.Th>Zgoda archiwum</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.at)}</Table.Td>
                    <Table.Td>{r.byUserName ?? '—'}</Table.Td>
                    <Table.Td>
                      {r.caseNumbers.length}
                      <Text size="xs" c="dimmed">
                        {r.caseNumbers.join(', ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {SUMMARY_LABELS.filter(([k]) => k !== 'cases' && Number(r.summary[k]) > 0)
                          .map(([k, l]) => `${l}: ${r.summary[k]}`)
                          .join('; ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.summary.archiveConsent ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Badge, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { plural } from '../../format';
import { BASIS_LABELS, STATUS_LABELS, TRACK_LABELS, type QueueItem } from './labels';
import { formatDate } from '../../format';

type Queue = ChannelOutput<'retention:queue'>;

/**
 * The retention queue: closed cases with their clock (znak sprawy, track, end of work, category,
 * period). No names or addresses — the data protection officer reads it too.
 */
export function RetentionQueue({ refreshKey }: { refreshKey: number }) {
  const [scope, setScope] = useState<'due' | 'closed'>('due');
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setQueue(await call('retention:queue', { scope }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [scope]);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Kolejka spraw zakończonych
          </Title>
          <SegmentedControl
            value={scope}
            onChange={(v) => setScope(v as 'due' | 'closed')}
            data={[
              { value: 'due', label: 'Po upływie okresu' },
              { value: 'closed', label: 'Wszystkie zakończone' },
            ]}
            aria-label="Zakres kolejki"
          />
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!queue && !error && <Loader aria-label="Wczytywanie" />}
        {queue && (
          <>
            <Text size="sm" data-testid="retention-counts">
              Stan na {formatDate(queue.asOf)}: spraw zakończonych {queue.counts.closed}, w tym po upływie okresu przechowywania {queue.counts.due} (
              {queue.counts.dueFamilies} {plural(queue.counts.dueFamilies, 'rodzina gotowa', 'rodziny gotowe', 'rodzin gotowych')} do anonimizacji);
              zanonimizowanych spraw: {queue.counts.anonymised}.
            </Text>
            {queue.items.length === 0 ? (
              <Text c="dimmed">{scope === 'due' ? 'Żadna sprawa nie ma upływającego okresu przechowywania.' : 'Brak spraw zakończonych.'}</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped highlightOnHover data-testid="retention-queue">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Znak sprawy</Table.Th>
                      <Table.Th>Rodzaj</Table.Th>
                      <Table.Th>Stan</Table.Th>
                      <Table.Th>Koniec pracy</Table.Th>
                      <Table.Th>Kategoria</Table.Th>
                      <Table.Th>Okres przechowywania</Table.Th>
                      <Table.Th>Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {queue.items.map((i) => (
                      <QueueRow key={i.caseId} item={i} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {queue.reports.length > 0 && (
              <Text size="sm" c="dimmed">
                Złożone sprawozdania:{' '}
                {queue.reports.map((r) => `${r.period} (${r.category}, przechowywane do ${formatDate(r.endsOn)})`).join('; ')}.
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const st = STATUS_LABELS[item.status];
  const held = item.findings.find((f) => f.code === 'RETENTION_FAMILY_HELD');
  // Dates speak for themselves when the period runs or ended; other states need a sentence.
  const lead = item.status === 'ended' || item.status === 'running' ? undefined : item.findings.find((f) => f.code !== 'RETENTION_COUNTED_FROM' && f.code !== 'RETENTION_FAMILY_HELD');
  const note = held ?? lead;
  return (
    <Table.Tr data-testid={`retention-row-${item.caseNumber}`}>
      <Table.Td>{item.caseNumber}</Table.Td>
      <Table.Td>{TRACK_LABELS[item.track]}</Table.Td>
      <Table.Td>{item.stateLabel}</Table.Td>
      <Table.Td>
        {formatDate(item.endOfWorkOn)}
        {item.basis && (
          <Text size="xs" c="dimmed">
            {BASIS_LABELS[item.basis]}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {item.category ?? '—'}
        {item.jrwaSymbol && (
          <Text size="xs" c="dimmed">
            JRWA {item.jrwaSymbol}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{item.startsOn ? `${formatDate(item.startsOn)} – ${item.endsOn ? formatDate(item.endsOn) : 'wieczyście'}` : '—'}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {item.anonymisedOn ? (
            <Badge color="gray" variant="light">
              Zanonimizowano {formatDate(item.anonymisedOn)}
            </Badge>
          ) : (
            <Badge color={held ? 'yellow' : st.color} variant="light">
              {held ? 'Wstrzymana (rodzina)' : st.label}
            </Badge>
          )}
          {!item.anonymisedOn && note && (
            <Text size="xs" c="dimmed" maw={320}>
              {note.message}
            </Text>
          )}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * "Na dziś i na ten tydzień" (issue 4): the user's deadlines from the one deadline engine —
 * overdue (red), due within 14 days, upcoming; the head also sees every assistant's caseload
 * against the limit. On start, when something is overdue: a desktop notification if the
 * permission is already granted (never requested), otherwise an in-app alert.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { dateOrDash, daysText, todayIso } from '../../components/work/common';
import { plural } from '../../format';
import { useSession } from '../../session';

type Groups = ChannelOutput<'deadlines:mine'>;
type Item = Groups['overdue'][number];
type Assistants = ChannelOutput<'deadlines:all'>['assistants'];

const NOTIFIED_KEY = 'asysta.overdueNotified';

function caseHref(id: string) {
  return `#/families/case/${encodeURIComponent(id)}`;
}

export function MorningPanel() {
  const { isAdmin, user } = useSession();
  const [data, setData] = useState<Groups | null>(null);
  const [assistants, setAssistants] = useState<Assistants | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inApp, setInApp] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let alive = true;
    (async () => {
      try {
        if (isAdmin) {
          const all = await call('deadlines:all', {});
          if (!alive) return;
          setData(all);
          setAssistants(all.assistants);
        } else {
          const mine = await call('deadlines:mine', {});
          if (!alive) return;
          setData(mine);
        }
      } catch (e) {
        if (alive) setError(errorMessage(e));
      }
    })();
    return () => {
      alive = false;
    };
  }, [isAdmin, reload]);

  /** The head marks a half-year report as filed: its deadline item disappears. */
  const markFiled = async (period: string) => {
    try {
      await call('statistics:markFiled', { period, filedOn: todayIso() });
      setReload((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const onFiled = isAdmin ? markFiled : undefined;

  // Once per session: tell the user about overdue deadlines.
  useEffect(() => {
    if (!data || data.counts.overdue === 0) return;
    const body = `Masz ${data.counts.overdue} ${plural(data.counts.overdue, 'zaległy termin', 'zaległe terminy', 'zaległych terminów')}`;
    const key = `${NOTIFIED_KEY}:${user.id}`;
    let already = false;
    try {
      already = window.sessionStorage.getItem(key) === '1';
      window.sessionStorage.setItem(key, '1');
    } catch {
      // storage unavailable: notify anyway
    }
    const granted = typeof Notification !== 'undefined' && Notification.permission === 'granted';
    if (granted && !already) {
      try {
        new Notification('Asysta', { body });
      } catch {
        // a failing notification must not break the screen
      }
    }
    if (!granted) setInApp(body);
  }, [data, user.id]);

  return (
    <Paper withBorder p="lg" data-testid="morning-screen">
      <Title order={2} size="h3" mb="sm">
        Na dziś i na ten tydzień
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!data && !error && <Loader aria-label="Wczytywanie terminów" size="sm" />}
      {data && (
        <Stack gap="md">
          {inApp && (
            <Alert color="red" role="alert" title="Zaległe terminy" data-testid="overdue-alert">
              {inApp}.
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            Dziś: {dateOrDash(data.today)} · po terminie: {data.counts.overdue} · w ciągu 14 dni: {data.counts.dueSoon} · później: {data.counts.upcoming}
          </Text>
          <DeadlineGroup title="Po terminie" color="red" items={data.overdue} testId="deadlines-overdue" onFiled={onFiled} />
          <DeadlineGroup title="W ciągu 14 dni" color="orange" items={data.dueSoon} testId="deadlines-due-soon" onFiled={onFiled} />
          <DeadlineGroup title="Później" color="gray" items={data.upcoming} testId="deadlines-upcoming" limit={15} onFiled={onFiled} />
          {data.counts.overdue + data.counts.dueSoon + data.counts.upcoming === 0 && <Text c="dimmed">Brak terminów w Twoich sprawach.</Text>}
          {assistants && <CaseloadTable assistants={assistants} />}
        </Stack>
      )}
    </Paper>
  );
}

function DeadlineGroup({
  title,
  color,
  items,
  testId,
  limit,
  onFiled,
}: {
  title: string;
  color: string;
  items: Item[];
  testId: string;
  limit?: number;
  onFiled?: (period: string) => void;
}) {
  if (items.length === 0) return null;
  const shown = limit ? items.slice(0, limit) : items;
  return (
    <section aria-label={title} data-testid={testId}>
      <Group gap="xs" mb={4}>
        <Title order={3} size="h5" c={color === 'gray' ? undefined : color}>
          {title}
        </Title>
        <Badge color={color} variant="light">
          {items.length}
        </Badge>
      </Group>
      <Stack gap={4}>
        {shown.map((i) => (
          <Paper key={i.key} p="xs" withBorder style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {i.title}
                </Text>
                <Text size="sm">
                  {i.caseId ? (
                    <Anchor href={caseHref(i.caseId)}>
                      {i.familyLabel ?? 'Rodzina'} — sprawa {i.caseNumber}
                    </Anchor>
                  ) : (
                    (i.detail ?? '')
                  )}
                  {i.caseId && i.detail ? <Text span c="dimmed" size="xs"> · {i.detail}</Text> : null}
                </Text>
                <Tooltip label={`Podstawa: ${i.basis}`} withArrow multiline w={320}>
                  <Text size="xs" c="dimmed" tabIndex={0}>
                    {i.basis}
                  </Text>
                </Tooltip>
              </div>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text size="sm">termin: {dateOrDash(i.dueDate)}</Text>
                <Text size="sm" fw={700} c={i.status === 'overdue' ? 'red' : undefined}>
                  {daysText(i.daysLeft)}
                </Text>
                {onFiled && i.kind.startsWith('STATISTICS_') && i.ref && (
                  <Button size="compact-xs" variant="light" mt={4} onClick={() => onFiled(i.ref!)}>
                    Oznacz jako złożone
                  </Button>
                )}
              </Stack>
            </Group>
          </Paper>
        ))}
        {shown.length < items.length && (
          <Text size="xs" c="dimmed">
            … i {items.length - shown.length} dalszych.
          </Text>
        )}
      </Stack>
    </section>
  );
}

function CaseloadTable({ assistants }: { assistants: Assistants }) {
  return (
    <section aria-label="Asystenci i liczba rodzin">
      <Title order={3} size="h5" mb={4}>
        Asystenci — rodziny wobec limitu
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Asystent</Table.Th>
            <Table.Th>Rodziny / limit</Table.Th>
            <Table.Th>Monitoring</Table.Th>
            <Table.Th>Po terminie</Table.Th>
            <Table.Th>W ciągu 14 dni</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assistants.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.fullName}</Table.Td>
              <Table.Td>
                <Text span c={a.count >= a.limit ? 'red' : undefined} fw={a.count >= a.limit ? 700 : undefined}>
                  {a.count} / {a.limit}
                </Text>
              </Table.Td>
              <Table.Td>{a.monitoring}</Table.Td>
              <Table.Td>
                <Text span c={a.overdue > 0 ? 'red' : undefined}>
                  {a.overdue}
                </Text>
              </Table.Td>
              <Table.Td>{a.dueSoon}</Table.Td>
            </Table.Tr>
          ))}
          {assistants.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>Brak kont asystentów.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </section>
  );
}

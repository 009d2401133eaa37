/**
 * "Na dziś i na ten tydzień" (issues 4 and 14): the user's deadlines from the one deadline engine,
 * short enough for a full caseload — overdue and within 14 days open, "później" folded, every
 * group grouped by family with a count, filters by assistant (the head) and by kind, and where
 * each term comes from in plain words (its legal basis on hover or focus). The head also sees
 * every assistant's caseload against the limit. On start, when something is overdue: a desktop
 * notification if the permission is already granted (never requested), otherwise an in-app alert.
 */
import { Alert, Anchor, Badge, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { dateOrDash, daysText, todayIso } from '../../components/work/common';
import { plural } from '../../format';
import { useSession } from '../../session';
import { applyFilter, groupMorning, kindsPresent, NO_ASSISTANT, SOURCE_WORDS, subjectOf, type FamilyGroup, type MorningFilter, type StatusGroup } from './morningGroups';

type Groups = ChannelOutput<'deadlines:mine'>;
type Item = Groups['overdue'][number];
type Assistants = ChannelOutput<'deadlines:all'>['assistants'];

const NOTIFIED_KEY = 'asysta.overdueNotified';

const SECTIONS = {
  overdue: { title: 'Po terminie', color: 'red', testId: 'deadlines-overdue' },
  'due-soon': { title: 'W ciągu 14 dni', color: 'orange', testId: 'deadlines-due-soon' },
  upcoming: { title: 'Później', color: 'gray', testId: 'deadlines-upcoming' },
} as const;

function caseHref(id: string) {
  return `#/families/case/${encodeURIComponent(id)}`;
}

/** Families shown per group before "Pokaż pozostałe". */
const FAMILIES_SHOWN = 8;

const terms = (n: number) => `${n} ${plural(n, 'termin', 'terminy', 'terminów')}`;
const families = (n: number) => `${n} ${plural(n, 'rodzina', 'rodziny', 'rodzin')}`;

export function MorningPanel() {
  const { isAdmin, user } = useSession();
  const [data, setData] = useState<Groups | null>(null);
  const [assistants, setAssistants] = useState<Assistants | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inApp, setInApp] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [filter, setFilter] = useState<MorningFilter>({ assistantId: '', kind: '' });
  const [laterOpen, setLaterOpen] = useState(false);

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

  const all = useMemo(() => (data ? [...data.overdue, ...data.dueSoon, ...data.upcoming] : []), [data]);
  const groups = useMemo(() => groupMorning(applyFilter(all, filter)), [all, filter]);
  const kindOptions = useMemo(() => kindsPresent(all), [all]);
  const total = all.length;

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
          {data.newlyAssigned && data.newlyAssigned.length > 0 && <NewlyAssigned list={data.newlyAssigned} />}
          <Text size="sm" c="dimmed">
            Dziś: {dateOrDash(data.today)} · po terminie: {data.counts.overdue} · w ciągu 14 dni: {data.counts.dueSoon} · później: {data.counts.upcoming}
          </Text>
          {total > 0 && (
            <SimpleGrid cols={{ base: 1, sm: isAdmin ? 2 : 1 }} maw={isAdmin ? 720 : 360}>
              {isAdmin && assistants && (
                <NativeSelect
                  label="Asystent"
                  value={filter.assistantId}
                  onChange={(e) => setFilter((f) => ({ ...f, assistantId: e.currentTarget.value }))}
                  data={[
                    { value: '', label: 'Wszyscy' },
                    ...assistants.map((a) => ({ value: a.id, label: a.fullName })),
                    { value: NO_ASSISTANT, label: 'Bez asystenta (zgłoszenia, decyzje, sprawozdania)' },
                  ]}
                />
              )}
              <NativeSelect
                label="Rodzaj terminu"
                value={filter.kind}
                onChange={(e) => setFilter((f) => ({ ...f, kind: e.currentTarget.value }))}
                data={[{ value: '', label: 'Wszystkie' }, ...kindOptions]}
              />
            </SimpleGrid>
          )}
          {groups.map((g) =>
            g.status === 'upcoming' ? (
              <Section key={g.status} group={g} onFiled={onFiled} folded={!laterOpen} onToggle={() => setLaterOpen((o) => !o)} />
            ) : (
              <Section key={g.status} group={g} onFiled={onFiled} />
            ),
          )}
          {total === 0 && <Text c="dimmed">Brak terminów w Twoich sprawach.</Text>}
          {total > 0 && groups.every((g) => g.items === 0) && <Text c="dimmed">Żaden termin nie pasuje do wybranych filtrów.</Text>}
          {assistants && <CaseloadTable assistants={assistants} />}
        </Stack>
      )}
    </Paper>
  );
}

/** The assistant's newly assigned families: the first contact comes first (issue 14). */
function NewlyAssigned({ list }: { list: NonNullable<Groups['newlyAssigned']> }) {
  return (
    <section aria-label="Nowo przydzielone rodziny" data-testid="newly-assigned">
      <Group gap="xs" mb={6}>
        <Title order={3} size="h5" c="blue.9">
          Nowo przydzielone rodziny
        </Title>
        <Badge color="blue" variant="light">
          {families(list.length)}
        </Badge>
      </Group>
      <Stack gap="xs">
        {list.map((n) => (
          <Paper key={n.caseId} p="xs" withBorder style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor href={caseHref(n.caseId)} fw={600} size="sm">
                  {n.familyLabel} — sprawa {n.caseNumber}
                </Anchor>
                <Text size="sm" data-testid="newly-assigned-step">
                  {n.step ? `${n.step.title}${n.step.dueDate ? ` do ${dateOrDash(n.step.dueDate)}` : ''}` : n.stateLabel}
                </Text>
              </div>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text size="xs" c="dimmed">
                  przydzielono {dateOrDash(n.assignedOn)}
                </Text>
                {n.step?.daysLeft !== null && n.step?.daysLeft !== undefined && (
                  <Text size="sm" fw={700} c={n.step.daysLeft < 0 ? 'red.8' : undefined}>
                    {daysText(n.step.daysLeft)}
                  </Text>
                )}
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
    </section>
  );
}

function Section({
  group,
  onFiled,
  folded,
  onToggle,
}: {
  group: StatusGroup<Item>;
  onFiled?: (period: string) => void;
  /** "Później": folded until asked for. */
  folded?: boolean;
  onToggle?: () => void;
}) {
  const [all, setAll] = useState(false);
  if (group.items === 0) return null;
  const s = SECTIONS[group.status];
  const count = `${terms(group.items)} · ${families(group.families.filter((f) => f.caseId).length)}`;
  // A long list shows its most urgent families first; the rest on request (the screen stays short).
  const shown = all ? group.families : group.families.slice(0, FAMILIES_SHOWN);
  const hidden = group.families.length - shown.length;
  const list = (
    <Stack gap="xs">
      {shown.map((f) => (
        <FamilyCard key={f.key} family={f} color={s.color} onFiled={onFiled} />
      ))}
      {hidden > 0 && (
        <Group>
          <Button size="compact-sm" variant="light" onClick={() => setAll(true)}>
            Pokaż pozostałe: {families(hidden)}
          </Button>
        </Group>
      )}
    </Stack>
  );
  return (
    <section aria-label={s.title} data-testid={s.testId}>
      <Group gap="xs" mb={6}>
        <Title order={3} size="h5" c={s.color === 'gray' ? undefined : `${s.color}.9`}>
          {s.title}
        </Title>
        <Badge color={s.color} variant="light">
          {count}
        </Badge>
        {onToggle && (
          <Button size="compact-sm" variant="subtle" onClick={onToggle} aria-expanded={!folded}>
            {folded ? 'Pokaż' : 'Zwiń'}
          </Button>
        )}
      </Group>
      {!folded && list}
    </section>
  );
}

function FamilyCard({ family, color, onFiled }: { family: FamilyGroup<Item>; color: string; onFiled?: (period: string) => void }) {
  return (
    <Paper p="xs" withBorder style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }} data-testid="morning-family">
      <Group gap="xs" mb={4} wrap="nowrap">
        <Text fw={600} size="sm" style={{ flex: 1, minWidth: 0 }}>
          {family.caseId ? (
            <Anchor href={caseHref(family.caseId)}>
              {family.familyLabel} — sprawa {family.caseNumber}
            </Anchor>
          ) : (
            family.familyLabel
          )}
        </Text>
        {family.items.length > 1 && (
          <Badge variant="outline" color="gray">
            {terms(family.items.length)}
          </Badge>
        )}
      </Group>
      <Stack gap={2}>
        {family.items.map((i) => (
          <Group key={i.key} justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm">{subjectOf(i)}</Text>
              {i.detail && (
                <Text size="xs" c="dimmed">
                  {i.detail}
                </Text>
              )}
            </div>
            <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
              <Text size="sm">
                do {dateOrDash(i.dueDate)}{' '}
                <Text span fw={700} c={i.status === 'overdue' ? 'red.8' : undefined}>
                  ({daysText(i.daysLeft)})
                </Text>
              </Text>
              <Tooltip label={`Podstawa: ${i.basis}`} withArrow multiline w={320}>
                <Text size="xs" c="dimmed" tabIndex={0} aria-label={`${SOURCE_WORDS[i.source]}. Podstawa: ${i.basis}`}>
                  {SOURCE_WORDS[i.source]}
                </Text>
              </Tooltip>
              {onFiled && i.kind.startsWith('STATISTICS_') && i.ref && (
                <Button size="compact-xs" variant="light" mt={4} onClick={() => onFiled(i.ref!)}>
                  Oznacz jako złożone
                </Button>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Paper>
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

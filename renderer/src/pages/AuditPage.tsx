import { Alert, Button, Code, Group, Loader, NativeSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Account, ChannelOutput } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { AUDIT_ACTION_LABELS, auditActionLabel, entityLabel } from '../auditLabels';
import { PageTitle } from '../components/PageTitle';
import { Paging } from '../components/Paging';
import { formatDateTime, plural } from '../format';

const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  userId: string;
  action: string;
}

const EMPTY: Filters = { from: '', to: '', userId: '', action: '' };

/** The audit log is read-only here: there is no control that edits or removes an entry. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ChannelOutput<'audit:list'> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [users, setUsers] = useState<Account[]>([]);

  useEffect(() => {
    call('users:list', {})
      .then(setUsers)
      .catch(() => setUsers([]));
  }, []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    call('audit:list', {
      from: filters.from || undefined,
      to: filters.to || undefined,
      userId: filters.userId || undefined,
      action: filters.action || undefined,
      page,
      pageSize: PAGE_SIZE,
    })
      .then((res) => {
        if (cancelled) return;
        setData(res);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [filters, page]);

  const userNames = useMemo(() => new Map(users.map((u) => [u.id, u.fullName])), [users]);
  const userOptions = useMemo(
    () => [
      { value: '', label: 'Wszyscy użytkownicy' },
      ...users.map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` })),
    ],
    [users],
  );
  const actionOptions = useMemo(
    () => [
      { value: '', label: 'Wszystkie zdarzenia' },
      ...Object.entries(AUDIT_ACTION_LABELS)
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label, 'pl')),
    ],
    [],
  );

  const apply = () => {
    setPage(1);
    setFilters({ ...draft });
  };
  const clear = () => {
    setDraft(EMPTY);
    setPage(1);
    setFilters(EMPTY);
  };
  const set = (k: keyof Filters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const total = data?.total ?? 0;
  return (
    <>
      <PageTitle subtitle="Zapis czynności wykonanych w Asyście. Wpisów nie można zmieniać ani usuwać.">Dziennik zdarzeń</PageTitle>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label="Od dnia" value={draft.from} onChange={set('from')} />
            <TextInput type="date" label="Do dnia" value={draft.to} onChange={set('to')} />
            <NativeSelect label="Użytkownik" data={userOptions} value={draft.userId} onChange={set('userId')} miw={220} />
            <NativeSelect label="Zdarzenie" data={actionOptions} value={draft.action} onChange={set('action')} miw={220} />
            <Button type="submit">Filtruj</Button>
            <Button variant="default" onClick={clear}>
              Wyczyść filtry
            </Button>
            {loading && <Loader size="sm" aria-label="Wczytywanie" />}
          </Group>
        </form>
      </Paper>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>Data i godzina</Table.Th>
                <Table.Th>Użytkownik</Table.Th>
                <Table.Th>Zdarzenie</Table.Th>
                <Table.Th>Obiekt</Table.Th>
                <Table.Th>Szczegóły</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data && data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="md">
                      Brak zdarzeń spełniających warunki.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data?.items.map((entry) => {
                const name = entry.userId ? userNames.get(entry.userId) : undefined;
                return (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, true)}</Table.Td>
                    <Table.Td>
                      {name ? `${name} (${entry.userLogin ?? ''})` : (entry.userLogin ?? '—')}
                    </Table.Td>
                    <Table.Td title={entry.action}>{auditActionLabel(entry.action)}</Table.Td>
                    <Table.Td>{entityLabel(entry.entityType, entry.entityId, userNames)}</Table.Td>
                    <Table.Td>
                      {entry.details && Object.keys(entry.details).length > 0 ? (
                        <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(entry.details)}</Code>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {data && (
        <Paging
          page={page}
          pageSize={PAGE_SIZE}
          total={total}
          onChange={setPage}
          totalLabel={`Łącznie: ${total} ${plural(total, 'zdarzenie', 'zdarzenia', 'zdarzeń')}`}
        />
      )}
    </>
  );
}

import { Anchor, Badge, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { substitutionLabel } from '../../../../shared/access/rules';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { FilterBar } from '../../components/FilterBar';
import { PageTitle } from '../../components/PageTitle';
import { ListTable } from '../../components/ListTable';
import { STATE_OPTIONS, TRACK_SHORT, stateLabel } from '../../components/registry/labels';
import { useListQuery } from '../../components/useListQuery';
import { plural } from '../../format';
import { useSession } from '../../session';
import { go, href } from './nav';

const PAGE_SIZE = 25;
type Sort = NonNullable<ChannelInput<'families:list'>['sort']>;

interface ListState {
  query: string;
  assistantId: string;
  state: string;
  track: string;
  sort: Sort;
  page: number;
}

/** Kept while the app runs, so "back to the list" returns to the same search. */
let remembered: ListState = { query: '', assistantId: '', state: '', track: '', sort: 'name', page: 1 };

const SORT_OPTIONS = [
  { value: 'name', label: 'Nazwisko (A–Ż)' },
  { value: 'caseNumber', label: 'Znak sprawy' },
  { value: 'updated', label: 'Ostatnio zmienione' },
];

export function FamilyList() {
  const { user, isAdmin } = useSession();
  const [s, setS] = useState<ListState>(remembered);
  const [debounced] = useDebouncedValue(s.query.trim(), 300);
  const [assistants, setAssistants] = useState<Array<{ value: string; label: string }>>([]);
  const canCreate = user.role === 'admin' || user.role === 'social_worker';

  const patch = (p: Partial<ListState>) => setS((old) => ({ ...old, page: 1, ...p }));

  useEffect(() => {
    remembered = s;
  }, [s]);

  useEffect(() => {
    if (!isAdmin) return;
    call('users:list', {})
      .then((list) =>
        setAssistants(list.filter((a) => a.role === 'assistant').map((a) => ({ value: a.id, label: a.fullName + (a.active ? '' : ' (nieaktywne)') }))),
      )
      .catch(() => setAssistants([]));
  }, [isAdmin]);

  const { data, loading, error } = useListQuery('families:list', {
    query: debounced,
    page: s.page,
    pageSize: PAGE_SIZE,
    sort: s.sort,
    ...(s.assistantId ? { assistantId: s.assistantId } : {}),
    ...(s.state ? { state: s.state as never } : {}),
    ...(s.track ? { track: s.track as 'general' | 'za-zyciem' } : {}),
  });

  const total = data?.total ?? 0;
  const filtered = !!(debounced || s.assistantId || s.state || s.track);
  return (
    <>
      <PageTitle
        right={
          canCreate ? (
            <Group gap="xs">
              {isAdmin && (
                <Button component="a" href={href.import()} variant="default">
                  Import z arkusza
                </Button>
              )}
              <Button component="a" href={href.new()}>
                Nowa rodzina
              </Button>
            </Group>
          ) : undefined
        }
      >
        Rodziny
      </PageTitle>
      <FilterBar>
        <TextInput
          label="Szukaj rodziny"
          description="Nazwisko, PESEL, adres lub znak sprawy (polskie znaki nie są wymagane)"
          placeholder="np. Wojcik, 90041212345, Polna, GOPS.4011.7.2026"
          value={s.query}
          onChange={(e) => patch({ query: e.currentTarget.value })}
          autoFocus
          w={380}
          maw="100%"
          rightSection={loading ? <Loader size="xs" aria-label="Wyszukiwanie" /> : null}
        />
        {isAdmin && (
          <NativeSelect
            label="Asystent"
            data={[{ value: '', label: 'Wszyscy' }, ...assistants]}
            value={s.assistantId}
            onChange={(e) => patch({ assistantId: e.currentTarget.value })}
            w={200}
          />
        )}
        <NativeSelect
          label="Stan sprawy"
          data={[{ value: '', label: 'Wszystkie' }, ...STATE_OPTIONS]}
          value={s.state}
          onChange={(e) => patch({ state: e.currentTarget.value })}
          w={230}
        />
        <NativeSelect
          label="Ścieżka"
          data={[
            { value: '', label: 'Wszystkie' },
            { value: 'general', label: TRACK_SHORT.general },
            { value: 'za-zyciem', label: TRACK_SHORT['za-zyciem'] },
          ]}
          value={s.track}
          onChange={(e) => patch({ track: e.currentTarget.value })}
          w={170}
        />
        <NativeSelect
          label="Sortuj według"
          data={SORT_OPTIONS}
          value={s.sort}
          onChange={(e) => patch({ sort: e.currentTarget.value as Sort })}
          w={190}
        />
      </FilterBar>
      <ListTable
        error={error}
        tableProps={{ highlightOnHover: true, verticalSpacing: 'sm', 'aria-label': 'Lista rodzin' }}
        head={
          <>
            <Table.Th>Znak sprawy</Table.Th>
            <Table.Th>Rodzina</Table.Th>
            <Table.Th>Adres</Table.Th>
            <Table.Th>Asystent</Table.Th>
            <Table.Th>Stan sprawy</Table.Th>
            <Table.Th>Oznaczenia</Table.Th>
          </>
        }
        columns={6}
        isEmpty={data?.items.length === 0}
        emptyText={filtered ? 'Nie znaleziono rodzin pasujących do wyszukiwania.' : 'Brak rodzin w rejestrze.'}
        paging={
          data && {
            page: s.page,
            pageSize: PAGE_SIZE,
            total,
            onChange: (page) => setS((old) => ({ ...old, page })),
            totalLabel: `Łącznie: ${total} ${plural(total, 'rodzina', 'rodziny', 'rodzin')}`,
          }
        }
      >
        {data?.items.map((f) => (
          <Table.Tr key={f.id} className="clickable-row" onClick={() => go(href.card(f.id))}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.caseNumber ?? f.cases[0]?.caseNumber ?? '—'}</Table.Td>
            <Table.Td>
              <Anchor href={href.card(f.id)} fw={600} onClick={(e) => e.stopPropagation()}>
                {f.headName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {f.membersCount} {plural(f.membersCount, 'osoba', 'osoby', 'osób')}, {f.childrenCount}{' '}
                {plural(f.childrenCount, 'dziecko', 'dzieci', 'dzieci')}
              </Text>
            </Table.Td>
            <Table.Td>
              {f.address}
              {f.place ? `, ${f.place}` : ''}
              {f.area && (
                <Text size="xs" c="dimmed">
                  {f.area}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{f.assistantName ?? '—'}</Table.Td>
            <Table.Td>
              {f.cases.length === 0 ? (
                <Text size="sm" c="dimmed">
                  brak otwartej sprawy
                </Text>
              ) : (
                <Stack gap={2}>
                  {f.cases.map((c) => (
                    <Text size="sm" key={c.id}>
                      {stateLabel(c.state)}
                      {c.track === 'za-zyciem' && (
                        <Badge size="xs" ml={6} color="grape" variant="light">
                          Za życiem
                        </Badge>
                      )}
                    </Text>
                  ))}
                </Stack>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                {f.sharedUntil && (
                  <Badge color="teal" variant="light" data-testid="substitution-badge" title="Rodzina udostępniona Ci na czas zastępstwa">
                    {substitutionLabel(f.sharedUntil)}
                  </Badge>
                )}
                {f.nkActive && (
                  <Badge color="blue" variant="filled" title="Procedura „Niebieskie Karty” w toku">
                    Niebieska Karta
                  </Badge>
                )}
                {f.hasSafetyNote && (
                  <Tooltip label="Uwaga o bezpieczeństwie pracownika — przeczytaj przed wizytą">
                    <Badge color="orange" variant="light" aria-label="Uwaga o bezpieczeństwie pracownika">
                      <span aria-hidden="true">⚠</span> Bezpieczeństwo
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}

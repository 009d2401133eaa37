import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { ChannelOutput, FamilyListItem } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { PageTitle } from '../components/PageTitle';
import { Paging } from '../components/Paging';
import { formatDate, plural } from '../format';

const PAGE_SIZE = 25;

type FamilyList = ChannelOutput<'families:list'>;

export function FamiliesPage() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<FamilyList | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<FamilyListItem | null>(null);

  useEffect(() => {
    setPage(1);
  }, [debounced]);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    call('families:list', { query: debounced, page, pageSize: PAGE_SIZE })
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
  }, [debounced, page]);

  if (opened) {
    return <FamilyCard item={opened} onBack={() => setOpened(null)} />;
  }

  const total = data?.total ?? 0;
  return (
    <>
      <PageTitle>Rodziny</PageTitle>
      <Group align="flex-end">
        <TextInput
          label="Szukaj rodziny"
          placeholder="Nazwisko, adres, miejscowość lub znak sprawy"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          autoFocus
          w={420}
          maw="100%"
          rightSection={loading ? <Loader size="xs" aria-label="Wyszukiwanie" /> : null}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table highlightOnHover verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Znak sprawy</Table.Th>
                <Table.Th>Rodzina</Table.Th>
                <Table.Th>Adres</Table.Th>
                <Table.Th ta="right">Członkowie</Table.Th>
                <Table.Th ta="right">Dzieci</Table.Th>
                <Table.Th>Asystent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data && data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center" py="md">
                      {debounced ? 'Nie znaleziono rodzin pasujących do wyszukiwania.' : 'Brak rodzin w rejestrze.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data?.items.map((f) => (
                <Table.Tr key={f.id} className="clickable-row" onClick={() => setOpened(f)}>
                  <Table.Td>{f.caseNumber ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      fw={600}
                      onClick={(e) => {
                        e.stopPropagation();
                        setOpened(f);
                      }}
                    >
                      {f.headName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {f.address}
                    {f.place ? `, ${f.place}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{f.membersCount}</Table.Td>
                  <Table.Td ta="right">{f.childrenCount}</Table.Td>
                  <Table.Td>{f.assistantName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
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
          totalLabel={`Łącznie: ${total} ${plural(total, 'rodzina', 'rodziny', 'rodzin')}`}
        />
      )}
    </>
  );
}

type FamilyDetail = ChannelOutput<'families:get'>;

function FamilyCard({ item, onBack }: { item: FamilyListItem; onBack: () => void }) {
  const [family, setFamily] = useState<FamilyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('families:get', { id: item.id })
      .then((f) => {
        if (!cancelled) setFamily(f);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [item.id]);

  return (
    <>
      <PageTitle
        subtitle={family?.caseNumber ? `Znak sprawy: ${family.caseNumber}` : item.caseNumber ? `Znak sprawy: ${item.caseNumber}` : undefined}
        right={
          <Button variant="default" onClick={onBack} autoFocus>
            Wróć do listy
          </Button>
        }
      >
        Rodzina: {item.headName}
      </PageTitle>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!family && !error && <Loader aria-label="Wczytywanie karty rodziny" />}
      {family && (
        <>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Adres i kontakt
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <Field label="Adres" value={family.address} />
              <Field label="Kod i miejscowość" value={`${family.postalCode} ${family.place}`.trim()} />
              <Field label="Gmina" value={family.gmina} />
              <Field label="Telefon" value={family.phone} />
              <Field label="Asystent rodziny" value={item.assistantName ?? 'nie przydzielono'} />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Członkowie rodziny ({family.members.length})
            </Title>
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Imię i nazwisko</Table.Th>
                    <Table.Th>PESEL</Table.Th>
                    <Table.Th>Data urodzenia</Table.Th>
                    <Table.Th>Pokrewieństwo</Table.Th>
                    <Table.Th>Dziecko / dorosły</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {family.members.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed">Brak członków rodziny w rejestrze.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {family.members.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td fw={500}>
                        {m.firstName} {m.lastName}
                      </Table.Td>
                      <Table.Td ff="monospace">{m.pesel ?? '—'}</Table.Td>
                      <Table.Td>{formatDate(m.birthDate)}</Table.Td>
                      <Table.Td>{m.relation}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={m.isChild ? 'teal' : 'gray'}>
                          {m.isChild ? 'dziecko' : 'dorosły'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </Stack>
  );
}

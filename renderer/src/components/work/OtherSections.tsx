/** Court opinion requests, the Za życiem support catalogue and written authorisations (issue 4). */
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { CATALOGUE_AREAS, CATALOGUE_STATUSES } from '../../../../shared/workSchemas';
import { call, errorMessage } from '../../api';
import { dateOrDash, refusalOf, RefusalAlert, todayIso, type Refusal } from './common';

type Court = ChannelOutput<'court:list'>[number];
type Item = ChannelOutput<'catalogue:list'>[number];
type Auth = ChannelOutput<'authorisations:list'>[number];

const COURT_STATUS = { 'awaiting-delivery': 'czeka na doręczenie', open: 'w toku', overdue: 'po terminie', submitted: 'opinia przekazana' } as const;

function useList<T>(loader: () => Promise<T[]>) {
  const [list, setList] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setList(await loader());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [loader]);
  useEffect(() => {
    void load();
  }, [load]);
  return { list, error, reload: load };
}

const lines = (s: string) =>
  s
    .split(/[\n,;]/)
    .map((x) => x.trim())
    .filter(Boolean);

// ---- Court -----------------------------------------------------------------------------------

export function CourtSection({ caseId, canEdit }: { caseId: string; canEdit: boolean }) {
  const loader = useCallback(() => call('court:list', { caseId }), [caseId]);
  const { list, error, reload } = useList<Court>(loader);
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ court: '', department: '', caseRef: '', requestedOn: todayIso(), deliveredOn: '', termDays: '' as number | string, fixedDueOn: '', scope: '' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  async function save() {
    setRefusal(null);
    try {
      await call('court:create', {
        caseId,
        court: f.court,
        department: f.department,
        caseRef: f.caseRef,
        requestedOn: f.requestedOn,
        deliveredOn: f.deliveredOn || null,
        termDays: f.termDays === '' ? null : Number(f.termDays),
        fixedDueOn: f.fixedDueOn || null,
        scope: f.scope,
      } as never);
      setOpen(false);
      void reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }
  async function submitted(r: Court) {
    try {
      await call('court:update', { ...r, submittedOn: todayIso() } as never);
      void reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  return (
    <Stack gap="sm">
      {error && <Alert color="red">{error}</Alert>}
      {list && list.length === 0 && <Text c="dimmed">Brak pism sądu z prośbą o opinię.</Text>}
      {list && list.length > 0 && (
        <Table withTableBorder striped aria-label="Pisma sądu">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sąd, wydział</Table.Th>
              <Table.Th>Sygnatura</Table.Th>
              <Table.Th>Pismo / doręczenie</Table.Th>
              <Table.Th>Termin opinii</Table.Th>
              <Table.Th>Stan</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  {r.court}
                  {r.department ? `, ${r.department}` : ''}
                </Table.Td>
                <Table.Td>{r.caseRef}</Table.Td>
                <Table.Td>
                  {dateOrDash(r.requestedOn)} / {dateOrDash(r.deliveredOn)}
                </Table.Td>
                <Table.Td>{dateOrDash(r.dueOn)}</Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'overdue' ? 'red' : r.status === 'submitted' ? 'green' : 'blue'} variant="light">
                    {COURT_STATUS[r.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {canEdit && !r.submittedOn && (
                    <Button size="compact-xs" variant="light" onClick={() => void submitted(r)}>
                      Opinia przekazana dziś
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && !open && (
        <Button variant="light" w="fit-content" onClick={() => setOpen(true)}>
          Zarejestruj pismo sądu
        </Button>
      )}
      {open && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Pismo sądu z prośbą o opinię
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Sąd" withAsterisk value={f.court} onChange={(e) => setF({ ...f, court: e.currentTarget.value })} />
            <TextInput label="Wydział" value={f.department} onChange={(e) => setF({ ...f, department: e.currentTarget.value })} />
            <TextInput label="Sygnatura akt" withAsterisk value={f.caseRef} onChange={(e) => setF({ ...f, caseRef: e.currentTarget.value })} />
            <TextInput type="date" label="Data pisma sądu" withAsterisk value={f.requestedOn} onChange={(e) => setF({ ...f, requestedOn: e.currentTarget.value })} />
            <TextInput type="date" label="Data doręczenia" value={f.deliveredOn} onChange={(e) => setF({ ...f, deliveredOn: e.currentTarget.value })} />
            <NumberInput label="Termin (dni od doręczenia)" min={1} max={365} value={f.termDays} onChange={(v) => setF({ ...f, termDays: v })} />
            <TextInput type="date" label="Termin wyznaczony przez sąd" value={f.fixedDueOn} onChange={(e) => setF({ ...f, fixedDueOn: e.currentTarget.value })} />
            <TextInput label="Zakres opinii" value={f.scope} onChange={(e) => setF({ ...f, scope: e.currentTarget.value })} />
          </SimpleGrid>
          <RefusalAlert refusal={refusal} title="Nie zapisano" />
          <Group mt="sm">
            <Button onClick={() => void save()}>Zapisz pismo sądu</Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Anuluj
            </Button>
          </Group>
        </Paper>
      )}
      {!open && <RefusalAlert refusal={refusal} title="Nie zapisano" />}
    </Stack>
  );
}

// ---- Za życiem catalogue ------------------------------------------------------------------------

export function CatalogueSection({ caseId, canEdit }: { caseId: string; canEdit: boolean }) {
  const loader = useCallback(() => call('catalogue:list', { caseId }), [caseId]);
  const { list, error, reload } = useList<Item>(loader);
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ area: 'health', title: '', provider: '', status: 'proposed', onBehalf: false, appliedOn: '', note: '' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  async function save() {
    setRefusal(null);
    try {
      await call('catalogue:create', { caseId, ...f, appliedOn: f.appliedOn || null } as never);
      setOpen(false);
      void reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  return (
    <Stack gap="sm">
      {error && <Alert color="red">{error}</Alert>}
      {list && list.length === 0 && <Text c="dimmed">Katalog wsparcia jest pusty.</Text>}
      {list && list.length > 0 && (
        <Table withTableBorder striped aria-label="Katalog wsparcia">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Obszar</Table.Th>
              <Table.Th>Forma wsparcia</Table.Th>
              <Table.Th>Realizator</Table.Th>
              <Table.Th>Stan</Table.Th>
              <Table.Th>W imieniu rodziny</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{CATALOGUE_AREAS[i.area]}</Table.Td>
                <Table.Td>{i.title}</Table.Td>
                <Table.Td>{i.provider}</Table.Td>
                <Table.Td>{CATALOGUE_STATUSES[i.status]}</Table.Td>
                <Table.Td>{i.onBehalf ? 'tak (upoważnienie)' : 'nie'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && !open && (
        <Button variant="light" w="fit-content" onClick={() => setOpen(true)}>
          Dodaj pozycję katalogu
        </Button>
      )}
      {open && (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label="Obszar (art. 8 ustawy „Za życiem”)"
              data={Object.entries(CATALOGUE_AREAS).map(([value, label]) => ({ value, label }))}
              value={f.area}
              onChange={(e) => setF({ ...f, area: e.currentTarget.value })}
            />
            <TextInput label="Forma wsparcia" withAsterisk value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} />
            <TextInput label="Realizator / instytucja" withAsterisk value={f.provider} onChange={(e) => setF({ ...f, provider: e.currentTarget.value })} />
            <NativeSelect
              label="Stan"
              data={Object.entries(CATALOGUE_STATUSES).map(([value, label]) => ({ value, label }))}
              value={f.status}
              onChange={(e) => setF({ ...f, status: e.currentTarget.value })}
            />
            <TextInput type="date" label="Data złożenia wniosku" value={f.appliedOn} onChange={(e) => setF({ ...f, appliedOn: e.currentTarget.value })} />
            <Checkbox mt="lg" label="Asystent działa w imieniu rodziny (wymaga upoważnienia)" checked={f.onBehalf} onChange={(e) => setF({ ...f, onBehalf: e.currentTarget.checked })} />
          </SimpleGrid>
          <RefusalAlert refusal={refusal} title="Pozycja nie została zapisana" />
          <Group mt="sm">
            <Button onClick={() => void save()}>Zapisz pozycję</Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Anuluj
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

// ---- Authorisations ---------------------------------------------------------------------------

export function AuthorisationsSection({
  familyId,
  caseId,
  canEdit,
  assistantId,
  assistantName,
}: {
  familyId: string;
  caseId: string;
  canEdit: boolean;
  assistantId: string | null;
  assistantName: string | null;
}) {
  const loader = useCallback(() => call('authorisations:list', { familyId }), [familyId]);
  const { list, error, reload } = useList<Auth>(loader);
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ kind: 'special', grantor: '', institutions: '', matters: '', description: '', signedOn: todayIso(), validFrom: todayIso(), validTo: '' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  async function save() {
    setRefusal(null);
    try {
      await call('authorisations:create', {
        familyId,
        caseId,
        kind: f.kind as 'general' | 'special',
        grantors: [{ memberId: null, name: f.grantor }],
        granteeId: assistantId ?? '',
        institutions: lines(f.institutions),
        matters: lines(f.matters),
        description: f.description,
        signedOn: f.signedOn,
        validFrom: f.validFrom,
        validTo: f.validTo || null,
      } as never);
      setOpen(false);
      void reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }
  async function revoke(a: Auth) {
    setRefusal(null);
    try {
      await call('authorisations:revoke', { id: a.id, version: a.version, revokedOn: todayIso() } as never);
      void reload();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  return (
    <Stack gap="sm">
      {error && <Alert color="red">{error}</Alert>}
      {list && list.length === 0 && <Text c="dimmed">Rodzina nie udzieliła upoważnień.</Text>}
      {list && list.length > 0 && (
        <Table withTableBorder striped aria-label="Upoważnienia">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rodzaj</Table.Th>
              <Table.Th>Upoważniający → upoważniony</Table.Th>
              <Table.Th>Zakres</Table.Th>
              <Table.Th>Ważność</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.kind === 'general' ? 'ogólne' : 'szczególne'}</Table.Td>
                <Table.Td>
                  {a.grantors.map((g) => g.name).join(', ')} → {a.granteeName ?? '—'}
                </Table.Td>
                <Table.Td>{[...a.institutions, ...a.matters].join(', ') || a.description || '—'}</Table.Td>
                <Table.Td>
                  {dateOrDash(a.validFrom)} – {dateOrDash(a.validTo)}{' '}
                  {a.revokedOn ? <Badge color="gray">odwołane {dateOrDash(a.revokedOn)}</Badge> : a.validNow ? <Badge color="green">ważne</Badge> : <Badge color="gray">nieważne</Badge>}
                </Table.Td>
                <Table.Td>
                  {canEdit && !a.revokedOn && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void revoke(a)}>
                      Odwołaj
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && !open && assistantId && (
        <Button variant="light" w="fit-content" onClick={() => setOpen(true)}>
          Nowe upoważnienie
        </Button>
      )}
      {open && (
        <Paper withBorder p="md">
          <Text size="sm" mb="xs">
            Upoważniony: {assistantName ?? 'asystent rodziny'}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label="Rodzaj upoważnienia"
              data={[
                { value: 'special', label: 'szczególne (wskazane instytucje i sprawy)' },
                { value: 'general', label: 'ogólne' },
              ]}
              value={f.kind}
              onChange={(e) => setF({ ...f, kind: e.currentTarget.value })}
            />
            <TextInput label="Upoważniający (osoba dorosła)" withAsterisk value={f.grantor} onChange={(e) => setF({ ...f, grantor: e.currentTarget.value })} />
            <TextInput label="Instytucje (oddziel przecinkami)" value={f.institutions} onChange={(e) => setF({ ...f, institutions: e.currentTarget.value })} />
            <TextInput label="Sprawy (oddziel przecinkami)" value={f.matters} onChange={(e) => setF({ ...f, matters: e.currentTarget.value })} />
            <TextInput type="date" label="Data podpisania" withAsterisk value={f.signedOn} onChange={(e) => setF({ ...f, signedOn: e.currentTarget.value })} />
            <TextInput type="date" label="Ważne od" withAsterisk value={f.validFrom} onChange={(e) => setF({ ...f, validFrom: e.currentTarget.value })} />
            <TextInput type="date" label="Ważne do" value={f.validTo} onChange={(e) => setF({ ...f, validTo: e.currentTarget.value })} />
          </SimpleGrid>
          <RefusalAlert refusal={refusal} title="Upoważnienie nie zostało zapisane" />
          <Group mt="sm">
            <Button onClick={() => void save()}>Zapisz upoważnienie</Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Anuluj
            </Button>
          </Group>
        </Paper>
      )}
      {!open && <RefusalAlert refusal={refusal} title="Nie wykonano" />}
    </Stack>
  );
}

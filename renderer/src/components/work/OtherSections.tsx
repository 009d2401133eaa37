/** Court opinion requests, the Za życiem support catalogue and written authorisations (issue 4). */
import { Alert, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { checkCatalogueDecision, type CatalogueDecisionFacts } from '../../../../shared/rules';
import { CATALOGUE_AREAS, CATALOGUE_STATUSES } from '../../../../shared/workSchemas';
import { ApiError, call, errorMessage } from '../../api';
import { formatDate } from '../../format';
import { dateOrDash, refusalOf, RefusalAlert, todayIso, type Refusal } from './common';
import { DateField } from '../DateField';

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
  /** The delivery or the submission of the opinion being recorded, with its actual date. */
  const [dating, setDating] = useState<{ id: string; field: 'deliveredOn' | 'submittedOn'; date: string } | null>(null);
  async function saveDate(r: Court) {
    if (!dating) return;
    setRefusal(null);
    try {
      const { court, department, caseRef, requestedOn, deliveredOn, termDays, fixedDueOn, submittedOn, scope, note } = r;
      await call('court:update', {
        id: r.id,
        version: r.version,
        court,
        department,
        caseRef,
        requestedOn,
        deliveredOn,
        termDays,
        fixedDueOn,
        submittedOn,
        scope,
        note,
        [dating.field]: dating.date,
      } as never);
      setDating(null);
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
                  {canEdit && !r.submittedOn && dating?.id !== r.id && (
                    <Group gap={4}>
                      {!r.deliveredOn && (
                        <Button size="compact-xs" variant="light" onClick={() => setDating({ id: r.id, field: 'deliveredOn', date: todayIso() })}>
                          Zapisz doręczenie
                        </Button>
                      )}
                      <Button size="compact-xs" variant="light" onClick={() => setDating({ id: r.id, field: 'submittedOn', date: todayIso() })}>
                        Opinia przekazana
                      </Button>
                    </Group>
                  )}
                  {dating?.id === r.id && (
                    <Group gap={4} align="flex-end" data-testid="court-date-form">
                      <DateField
                        size="xs"
                        label={dating.field === 'deliveredOn' ? 'Data doręczenia' : 'Data przekazania opinii'}
                        value={dating.date}
                        onChange={(v) => setDating({ ...dating, date: v })}
                      />
                      <Button size="compact-sm" onClick={() => void saveDate(r)}>
                        Zapisz datę
                      </Button>
                      <Button size="compact-sm" variant="default" onClick={() => setDating(null)}>
                        Anuluj
                      </Button>
                    </Group>
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
            <TextInput label="Sąd" required value={f.court} onChange={(e) => setF({ ...f, court: e.currentTarget.value })} />
            <TextInput label="Wydział" value={f.department} onChange={(e) => setF({ ...f, department: e.currentTarget.value })} />
            <TextInput label="Sygnatura akt" required value={f.caseRef} onChange={(e) => setF({ ...f, caseRef: e.currentTarget.value })} />
            <DateField label="Data pisma sądu" required value={f.requestedOn} onChange={(v) => setF({ ...f, requestedOn: v })} />
            <DateField label="Data doręczenia" value={f.deliveredOn} onChange={(v) => setF({ ...f, deliveredOn: v })} />
            <NumberInput label="Termin (dni od doręczenia)" min={1} max={365} value={f.termDays} onChange={(v) => setF({ ...f, termDays: v })} />
            <DateField label="Termin wyznaczony przez sąd" value={f.fixedDueOn} onChange={(v) => setF({ ...f, fixedDueOn: v })} />
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

type ItemForm = {
  area: string;
  title: string;
  provider: string;
  contact: string;
  conditions: string;
  cost: string;
  status: string;
  onBehalf: boolean;
  appliedOn: string;
  decidedOn: string;
  note: string;
};
const emptyItem: ItemForm = { area: 'health', title: '', provider: '', contact: '', conditions: '', cost: '', status: 'proposed', onBehalf: false, appliedOn: '', decidedOn: '', note: '' };
/** Obtained or refused: the only statuses with a "Data uzyskania / odmowy". */
const isDecided = (status: string) => status === 'obtained' || status === 'refused';
const itemFormOf = (i: Item): ItemForm => ({
  area: i.area,
  title: i.title,
  provider: i.provider,
  contact: i.contact,
  conditions: i.conditions,
  cost: i.cost,
  status: i.status,
  onBehalf: i.onBehalf,
  appliedOn: i.appliedOn ?? '',
  decidedOn: i.decidedOn ?? '',
  note: i.note,
});

export function CatalogueSection({
  caseId,
  canEdit,
  onCaseChanged,
  openNew,
}: {
  caseId: string;
  canEdit: boolean;
  onCaseChanged?: () => void;
  /** Set (a new object) by "Następny krok": open the new item form. */
  openNew?: object | null;
}) {
  const loader = useCallback(() => call('catalogue:list', { caseId }), [caseId]);
  const { list, error, reload } = useList<Item>(loader);
  /** null: no form; 'new': a new item; otherwise the item being changed. */
  const [editing, setEditing] = useState<'new' | Item | null>(null);
  useEffect(() => {
    if (openNew && canEdit) setEditing('new');
  }, [openNew, canEdit]);

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
              <Table.Th>Wniosek</Table.Th>
              <Table.Th>Uzyskano / odmowa</Table.Th>
              <Table.Th>W imieniu rodziny</Table.Th>
              <Table.Th>Uwagi</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((i) => (
              <Table.Tr key={i.id} data-testid="catalogue-item">
                <Table.Td>{CATALOGUE_AREAS[i.area]}</Table.Td>
                <Table.Td>{i.title}</Table.Td>
                <Table.Td>{i.provider}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={i.status === 'obtained' ? 'green.8' : i.status === 'refused' ? 'red.8' : undefined}>
                    {CATALOGUE_STATUSES[i.status]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    zmiana {formatDate(i.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{dateOrDash(i.appliedOn)}</Table.Td>
                <Table.Td data-testid="catalogue-decided-on">{dateOrDash(i.decidedOn)}</Table.Td>
                <Table.Td>{i.onBehalf ? 'tak (upoważnienie)' : 'nie'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.note || '—'}</Table.Td>
                <Table.Td>
                  {canEdit && !editing && (
                    <Button size="compact-xs" variant="light" aria-label={`Zmień pozycję: ${i.title}`} onClick={() => setEditing(i)}>
                      Zmień
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && !editing && (
        <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
          Dodaj pozycję katalogu
        </Button>
      )}
      {editing && (
        <CatalogueForm
          key={editing === 'new' ? 'new' : editing.id}
          caseId={caseId}
          item={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
            // The first item moves the case to "Katalog wsparcia": the case view follows.
            onCaseChanged?.();
          }}
        />
      )}
    </Stack>
  );
}

/** A new catalogue item, or a change of one (status proposed → applied → obtained / refused, the application date, notes). */
function CatalogueForm({ caseId, item, onSaved, onCancel }: { caseId: string; item: Item | null; onSaved: () => void; onCancel: () => void }) {
  const [f, setF] = useState<ItemForm>(() => (item ? itemFormOf(item) : emptyItem));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const decided = isDecided(f.status);
  // The same rule the main process enforces (art. 8 ustawy „Za życiem”): shown while typing.
  const decision = checkCatalogueDecision({
    status: f.status as CatalogueDecisionFacts['status'],
    appliedOn: f.appliedOn || null,
    decidedOn: decided ? f.decidedOn || null : null,
    asOf: todayIso(),
  });
  const decidedError = fieldErrors.decidedOn ?? decision.find((x) => x.severity === 'blocker')?.message;
  const decidedHint = decision.find((x) => x.severity === 'warning')?.message;

  async function save() {
    setRefusal(null);
    setFieldErrors({});
    setSaving(true);
    try {
      const fields = { ...f, appliedOn: f.appliedOn || null, decidedOn: decided ? f.decidedOn || null : null };
      if (item) await call('catalogue:update', { ...fields, id: item.id, version: item.version } as never);
      else await call('catalogue:create', { ...fields, caseId } as never);
      onSaved();
    } catch (e) {
      setRefusal(refusalOf(e));
      if (e instanceof ApiError) setFieldErrors(e.fields ?? {});
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="catalogue-form">
      <Title order={3} size="h5" mb="xs">
        {item ? `Zmiana pozycji katalogu: ${item.title}` : 'Nowa pozycja katalogu wsparcia'}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Obszar (art. 8 ustawy „Za życiem”)"
          data={Object.entries(CATALOGUE_AREAS).map(([value, label]) => ({ value, label }))}
          value={f.area}
          onChange={(e) => setF({ ...f, area: e.currentTarget.value })}
        />
        <TextInput label="Forma wsparcia" required value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} />
        <TextInput label="Realizator / instytucja" required value={f.provider} onChange={(e) => setF({ ...f, provider: e.currentTarget.value })} />
        <TextInput label="Kontakt" value={f.contact} onChange={(e) => setF({ ...f, contact: e.currentTarget.value })} />
        <TextInput label="Warunki i dokumenty" value={f.conditions} onChange={(e) => setF({ ...f, conditions: e.currentTarget.value })} />
        <TextInput label="Koszt" value={f.cost} onChange={(e) => setF({ ...f, cost: e.currentTarget.value })} />
        <NativeSelect
          label="Stan"
          data={Object.entries(CATALOGUE_STATUSES).map(([value, label]) => ({ value, label }))}
          value={f.status}
          onChange={(e) => setF({ ...f, status: e.currentTarget.value })}
        />
        <DateField label="Data złożenia wniosku" value={f.appliedOn} onChange={(v) => setF({ ...f, appliedOn: v })} />
        {decided && (
          <DateField
            label="Data uzyskania / odmowy"
            value={f.decidedOn}
            onChange={(v) => {
              setF({ ...f, decidedOn: v });
              setFieldErrors({});
            }}
            error={decidedError}
            description={decidedError ? undefined : decidedHint}
          />
        )}
        <Checkbox mt="lg" label="Asystent działa w imieniu rodziny (wymaga upoważnienia)" checked={f.onBehalf} onChange={(e) => setF({ ...f, onBehalf: e.currentTarget.checked })} />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label="Uwagi (np. treść decyzji, powód odmowy)"
        autosize
        minRows={2}
        value={f.note}
        onChange={(e) => setF({ ...f, note: e.currentTarget.value })}
      />
      <RefusalAlert refusal={refusal} title="Pozycja nie została zapisana" />
      <Group mt="sm">
        <Button onClick={() => void save()} loading={saving}>
          {item ? 'Zapisz zmiany pozycji' : 'Zapisz pozycję'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Anuluj
        </Button>
      </Group>
    </Paper>
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
  const [f, setF] = useState({
    kind: 'special',
    grantorIds: [] as string[],
    other: false,
    grantor: '',
    institutions: '',
    matters: '',
    description: '',
    signedOn: todayIso(),
    validFrom: todayIso(),
    validTo: '',
  });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  /** The family's adult members: the signers of an authorisation are picked from them. */
  const [adults, setAdults] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    let alive = true;
    void call('families:get', { id: familyId })
      .then((fam) => alive && setAdults(fam.members.filter((m) => !m.isChild).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}`.trim() }))))
      .catch(() => alive && setAdults([]));
    return () => {
      alive = false;
    };
  }, [familyId]);

  async function save() {
    setRefusal(null);
    try {
      await call('authorisations:create', {
        familyId,
        caseId,
        kind: f.kind as 'general' | 'special',
        grantors: [
          ...adults.filter((a) => f.grantorIds.includes(a.id)).map((a) => ({ memberId: a.id, name: a.name })),
          ...(f.other ? [{ memberId: null, name: f.grantor }] : []),
        ],
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
            <TextInput label="Instytucje (oddziel przecinkami)" value={f.institutions} onChange={(e) => setF({ ...f, institutions: e.currentTarget.value })} />
            <TextInput label="Sprawy (oddziel przecinkami)" value={f.matters} onChange={(e) => setF({ ...f, matters: e.currentTarget.value })} />
            <DateField label="Data podpisania" required value={f.signedOn} onChange={(v) => setF({ ...f, signedOn: v })} />
            <DateField label="Ważne od" required value={f.validFrom} onChange={(v) => setF({ ...f, validFrom: v })} />
            <DateField label="Ważne do" value={f.validTo} onChange={(v) => setF({ ...f, validTo: v })} />
          </SimpleGrid>
          <Checkbox.Group
            mt="sm"
            label="Upoważniający (dorośli członkowie rodziny, którzy podpisali)"
            required
            value={f.grantorIds}
            onChange={(v) => setF({ ...f, grantorIds: v })}
          >
            <Stack gap={4} mt={4}>
              {adults.map((a) => (
                <Checkbox key={a.id} value={a.id} label={a.name} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox mt={4} label="inna osoba (wpisz imię i nazwisko)" checked={f.other} onChange={(e) => setF({ ...f, other: e.currentTarget.checked })} />
          {f.other && (
            <TextInput mt="xs" label="Imię i nazwisko upoważniającego (inna osoba)" value={f.grantor} onChange={(e) => setF({ ...f, grantor: e.currentTarget.value })} />
          )}
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

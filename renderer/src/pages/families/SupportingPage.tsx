import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Textarea,
  Fieldset,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { NOTICE_PERIODS, SUPPORTING_SCOPES, supportingFieldsSchema } from '../../../../shared/registrySchemas';
import { checkHeadOpinionDates, formatGrosze, headOpinionFieldOf } from '../../../../shared/rules';
import { ApiError, call, errorMessage, isApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList, type FindingView } from '../../components/registry/Findings';
import { dateOrDash, parseZlote, todayIso } from '../../components/registry/labels';
import { MaskedSupportingPesel } from '../../components/registry/Sensitive';
import { SupportingOpinionButton } from '../../components/work/SupportingOpinion';
import { useSession } from '../../session';
import { headNameOf, SUPPORTING_STATUS, useFamily } from './FamilyCard';
import { href } from './nav';
import { DateField, FormDateField } from '../../components/DateField';

type SF = ChannelOutput<'supporting:list'>[number];
const registerSchema = supportingFieldsSchema
  .extend({ caseId: z.string().min(1, { error: 'Sprawa: wybierz sprawę wspieranej rodziny.' }) })
  .superRefine((v, zctx) => {
    // The head's opinion dates (art. 30), as the main process checks them.
    if (!v.headOpinion?.positive) return;
    for (const x of checkHeadOpinionDates(v.headOpinion, todayIso())) {
      const field = headOpinionFieldOf(x.code);
      if (field) zctx.addIssue({ code: 'custom', path: field.split('.'), message: x.message });
    }
  });
type RegIn = z.input<typeof registerSchema>;
type RegOut = z.output<typeof registerSchema>;

type ScopeCode = keyof typeof SUPPORTING_SCOPES;
const ALL_SCOPES = Object.keys(SUPPORTING_SCOPES) as ScopeCode[];
/** "opieka i wychowanie dziecka; prowadzenie gospodarstwa domowego" (records without a scope: —). */
const scopeLabel = (scope: ReadonlyArray<string> | undefined) =>
  scope?.length ? scope.map((x) => SUPPORTING_SCOPES[x as ScopeCode] ?? x).join('; ') : '';
/** "od 01.03.2026 do 28.02.2027" / "od 01.03.2026, na czas nieokreślony". */
const periodLabel = (from: string | null | undefined, until: string | null | undefined) =>
  `od ${dateOrDash(from ?? null)}${until ? ` do ${dateOrDash(until)}` : ', na czas nieokreślony'}`;

type Dialog = { kind: 'register' } | { kind: 'act'; sf: SF } | { kind: 'contract'; sf: SF } | { kind: 'reimbursement'; sf: SF };

/** Supporting families of one family (art. 29–31): register; head: act, contract, reimbursements. */
export function SupportingPage({ familyId }: { familyId: string }) {
  const { isAdmin } = useSession();
  const { family } = useFamily(familyId);
  const [list, setList] = useState<SF[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('supporting:list', { familyId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [familyId]);
  useEffect(() => {
    void load();
  }, [load]);

  const finish = (msg: string) => {
    setDialog(null);
    setDone(msg);
    void load();
  };

  return (
    <>
      <PageTitle
        subtitle={family ? `Rodzina wspierana: ${headNameOf(family)}, ${family.address}, ${family.place}` : undefined}
        right={
          <Group gap="xs">
            <Button component="a" variant="default" href={href.card(familyId)}>
              Karta rodziny
            </Button>
            <Button onClick={() => setDialog({ kind: 'register' })} disabled={!family}>
              Zarejestruj rodzinę wspierającą
            </Button>
          </Group>
        }
      >
        Rodziny wspierające
      </PageTitle>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Zamknij" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {!list && !error && <Loader aria-label="Wczytywanie" />}
      {list && list.length === 0 && <Text c="dimmed">Ta rodzina nie ma jeszcze rodziny wspierającej.</Text>}
      {list?.map((sf) => (
        <Paper withBorder p="lg" key={sf.id}>
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4">
              {sf.name}{' '}
              <Badge variant="light" color={sf.status === 'established' ? 'green' : sf.status === 'ended' ? 'gray' : 'yellow'}>
                {SUPPORTING_STATUS[sf.status]}
              </Badge>
            </Title>
            {isAdmin && (
              <Group gap="xs">
                {sf.status !== 'ended' && <SupportingOpinionButton sf={sf} onDone={finish} onStale={() => void load()} />}
                {sf.status === 'candidate' && (
                  <Button size="xs" onClick={() => setDialog({ kind: 'act', sf })}>
                    Akt ustanowienia
                  </Button>
                )}
                {sf.status === 'established' && (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'contract', sf })}>
                    {sf.contract ? 'Zmień umowę' : 'Umowa o zwrot kosztów'}
                  </Button>
                )}
                {sf.status === 'established' && sf.contract && (
                  <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'reimbursement', sf })}>
                    Dodaj zwrot kosztów
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Info label="Adres" value={`${sf.address}, ${sf.place}`} />
            <Info label="Telefon" value={sf.phone} />
            <Info label="Związek z otoczeniem dziecka" value={sf.relationToChild} />
            <Info label="Sprawa" value={sf.caseNumber} />
            <Info label="Asystent" value={sf.assistantName ?? '—'} />
            <Info label="Oświadczenie o niekaralności" value={dateOrDash(sf.convictionStatementOn)} />
            <Info
              label="Opinia kierownika"
              value={sf.headOpinion ? `${sf.headOpinion.positive ? 'pozytywna' : 'negatywna'}, ${dateOrDash(sf.headOpinion.on)}` : '—'}
            />
            <Info
              label="Akt ustanowienia"
              value={
                sf.act
                  ? `${sf.act.number}, ${dateOrDash(sf.act.on)} (${sf.act.by === 'wojt' ? 'wójt' : 'kierownik z upoważnienia'}); ${periodLabel(sf.act.on, sf.act.until)}${sf.act.scope?.length ? `; zakres: ${scopeLabel(sf.act.scope)}` : ''}`
                  : '—'
              }
            />
            <Info
              label="Umowa o zwrot kosztów"
              value={
                sf.contract
                  ? [
                      `${sf.contract.number}, ${dateOrDash(sf.contract.on)}`,
                      periodLabel(sf.contract.on, sf.contract.until),
                      sf.contract.monthlyLimitGr !== null ? `limit miesięczny ${formatGrosze(sf.contract.monthlyLimitGr)}` : '',
                      sf.contract.totalLimitGr !== null ? `limit łączny ${formatGrosze(sf.contract.totalLimitGr)}` : '',
                      sf.contract.scope?.length ? `zakres: ${scopeLabel(sf.contract.scope)}` : '',
                      sf.contract.settlementDay ? `rozliczenie do ${sf.contract.settlementDay}. dnia następnego miesiąca` : '',
                      sf.contract.noticeMonths ? `wypowiedzenie: ${sf.contract.noticeMonths} mies.` : '',
                    ]
                      .filter(Boolean)
                      .join(', ')
                  : '—'
              }
            />
          </SimpleGrid>
          {sf.headOpinion?.justification && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              Uzasadnienie opinii kierownika: {sf.headOpinion.justification}
            </Text>
          )}
          <Text size="sm" mt="xs" component="div">
            Członkowie:{' '}
            {sf.members.map((m, i) => (
              // Members have no ids: the index addresses one (also for revealing its PESEL).
              <span key={i}>
                {i > 0 && ', '}
                {m.firstName} {m.lastName}
                {m.pesel && (
                  <>
                    {' '}
                    (PESEL <MaskedSupportingPesel supportingFamilyId={sf.id} memberIndex={i} pesel={m.pesel} name={`${m.firstName} ${m.lastName}`} />)
                  </>
                )}
              </span>
            ))}
          </Text>
          {sf.status === 'candidate' && <FindingsList findings={sf.findings} />}
          {sf.reimbursements.length > 0 && (
            <Table mt="sm" striped aria-label={`Zwroty kosztów — ${sf.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Opis</Table.Th>
                  <Table.Th ta="right">Kwota</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sf.reimbursements.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{dateOrDash(r.paidOn)}</Table.Td>
                    <Table.Td>{r.description}</Table.Td>
                    <Table.Td ta="right">{formatGrosze(r.amountGr)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td colSpan={2} fw={700}>
                    Razem
                  </Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {formatGrosze(sf.reimbursedTotalGr)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="xl"
        title={
          dialog?.kind === 'register'
            ? 'Rejestracja rodziny wspierającej'
            : dialog?.kind === 'act'
              ? 'Akt ustanowienia rodziny wspierającej'
              : dialog?.kind === 'contract'
                ? 'Umowa o zwrot kosztów (art. 31 ust. 1)'
                : 'Zwrot kosztów'
        }
        closeButtonProps={{ 'aria-label': 'Zamknij' }}
      >
        {dialog?.kind === 'register' && family && (
          <RegisterForm
            cases={family.cases.filter((c) => c.track === 'general' && !['ZAMKNIETA', 'ARCHIWUM'].includes(c.state))}
            onCancel={() => setDialog(null)}
            onDone={(name) => finish(`Zarejestrowano rodzinę wspierającą: ${name}.`)}
          />
        )}
        {dialog && dialog.kind !== 'register' && (
          <HeadForm dialog={dialog} onCancel={() => setDialog(null)} onDone={finish} onStale={() => void load()} />
        )}
      </Modal>
      {family && (
        <Text size="sm">
          <Anchor href={href.card(familyId)}>Wróć do karty rodziny</Anchor>
        </Text>
      )}
    </>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
}

function RegisterForm({
  cases,
  onCancel,
  onDone,
}: {
  cases: Array<{ id: string; caseNumber: string; stateLabel: string }>;
  onCancel: () => void;
  onDone: (name: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const form = useForm<RegIn, unknown, RegOut>({
    resolver: zodResolver(registerSchema),
    defaultValues: {
      caseId: cases[0]?.id ?? '',
      name: '',
      address: '',
      place: '',
      phone: '',
      relationToChild: '',
      members: [{ firstName: '', lastName: '', pesel: '', birthDate: '', finalConvictionIntentionalCrime: false }],
      convictionStatementOn: '',
      headOpinion: { positive: false, on: '', interviewOn: '', justification: '' },
    },
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const members = useFieldArray({ control, name: 'members' });
  const opinion = useWatch({ control, name: 'headOpinion.positive' });

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    setFindings(null);
    try {
      const r = await call('supporting:register', { ...v, headOpinion: v.headOpinion?.positive ? v.headOpinion : null });
      onDone(r.supportingFamily.name);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) {
        setFindings(e.findings ?? null);
        for (const [k, m] of Object.entries(e.fields ?? {})) form.setError(k as never, { type: 'server', message: m });
      }
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Rejestracja rodziny wspierającej">
      <Stack>
        <NativeSelect
          label="Sprawa wspieranej rodziny"
          data={cases.length ? cases.map((c) => ({ value: c.id, label: `${c.caseNumber} — ${c.stateLabel}` })) : [{ value: '', label: 'brak otwartej sprawy' }]}
          {...register('caseId')}
          error={errors.caseId?.message}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Nazwa rodziny wspierającej" required {...register('name')} error={errors.name?.message} />
          <TextInput label="Związek z otoczeniem dziecka" placeholder="np. sąsiedzi, dziadkowie" {...register('relationToChild')} error={errors.relationToChild?.message} />
          <TextInput label="Adres" required {...register('address')} error={errors.address?.message} />
          <TextInput label="Miejscowość" required {...register('place')} error={errors.place?.message} />
          <TextInput label="Telefon" {...register('phone')} error={errors.phone?.message} />
          <FormDateField control={control} label="Data oświadczenia o niekaralności" name={'convictionStatementOn'} error={errors.convictionStatementOn?.message} />
        </SimpleGrid>
        <Fieldset legend="Opinia kierownika (na podstawie rodzinnego wywiadu środowiskowego)">
          <Checkbox label="Opinia pozytywna" {...register('headOpinion.positive')} />
          {opinion && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <FormDateField control={control} label="Data opinii kierownika" name={'headOpinion.on'} error={errors.headOpinion?.on?.message} />
              <FormDateField control={control}
                label="Data rodzinnego wywiadu środowiskowego"
                name={'headOpinion.interviewOn'}
                error={errors.headOpinion?.interviewOn?.message}
              />
            </SimpleGrid>
          )}
          {opinion && (
            <Textarea
              mt="xs"
              label="Uzasadnienie opinii kierownika"
              description="Drukowane w opinii w sprawie ustanowienia rodziny wspierającej."
              autosize
              minRows={2}
              {...register('headOpinion.justification')}
              error={errors.headOpinion?.justification?.message}
            />
          )}
        </Fieldset>
        {members.fields.map((f, i) => (
          <Fieldset key={f.id} legend={`Członek rodziny wspierającej nr ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <TextInput label={`Imię (członek ${i + 1})`} required {...register(`members.${i}.firstName`)} error={errors.members?.[i]?.firstName?.message} />
              <TextInput label={`Nazwisko (członek ${i + 1})`} required {...register(`members.${i}.lastName`)} error={errors.members?.[i]?.lastName?.message} />
              <TextInput label={`PESEL (członek ${i + 1})`} {...register(`members.${i}.pesel`)} error={errors.members?.[i]?.pesel?.message} />
              <FormDateField control={control} label={`Data urodzenia (członek ${i + 1})`} name={`members.${i}.birthDate`} error={errors.members?.[i]?.birthDate?.message} />
            </SimpleGrid>
            <Checkbox mt="xs" label="Prawomocnie skazana za umyślne przestępstwo" {...register(`members.${i}.finalConvictionIntentionalCrime`)} />
          </Fieldset>
        ))}
        <Group>
          <Button variant="light" onClick={() => members.append({ firstName: '', lastName: '', pesel: '', birthDate: '', finalConvictionIntentionalCrime: false })}>
            Dodaj członka
          </Button>
          {members.fields.length > 1 && (
            <Button variant="subtle" color="red" onClick={() => members.remove(members.fields.length - 1)}>
              Usuń ostatniego członka
            </Button>
          )}
        </Group>
        <FormError message={error} />
        <FindingsList findings={findings} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Zarejestruj
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Act, contract and reimbursement (head only). Amounts typed as "1 234,56" are sent in grosze. */
function HeadForm({
  dialog,
  onCancel,
  onDone,
  onStale,
}: {
  dialog: Exclude<Dialog, { kind: 'register' }>;
  onCancel: () => void;
  onDone: (msg: string) => void;
  onStale: () => void;
}) {
  const sf = dialog.sf;
  const [v, setV] = useState<Record<string, string>>({
    by: 'wojt',
    authorisation: '',
    number: dialog.kind === 'contract' ? (sf.contract?.number ?? '') : '',
    on: todayIso(),
    monthly: '',
    total: '',
    paidOn: todayIso(),
    amount: '',
    description: '',
    until: dialog.kind === 'contract' ? (sf.contract?.until ?? sf.act?.until ?? '') : '',
    settlementDay: String(sf.contract?.settlementDay ?? 10),
    noticeMonths: String(sf.contract?.noticeMonths ?? 1),
  });
  // Areas of help (art. 29 ust. 2): the contract starts from the act's.
  const [scope, setScope] = useState<string[]>(() => [...((dialog.kind === 'contract' ? (sf.contract?.scope ?? sf.act?.scope) : sf.act?.scope) ?? ALL_SCOPES)]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [busy, setBusy] = useState(false);
  // The value is read now: the updater may run after the event (currentTarget is then null).
  const set = (k: string) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setV((o) => ({ ...o, [k]: value }));
  };

  const amount = (k: string, label: string, required: boolean): number | null | undefined => {
    const t = v[k]!.trim();
    if (!t) {
      if (required) setFields((f) => ({ ...f, [k]: `${label}: pole jest wymagane.` }));
      return required ? undefined : null;
    }
    const gr = parseZlote(t);
    if (gr === null) {
      setFields((f) => ({ ...f, [k]: `${label}: wpisz kwotę w złotych, np. 1 234,56.` }));
      return undefined;
    }
    return gr;
  };

  const submit = async () => {
    setFields({});
    setError(null);
    setFindings(null);
    try {
      setBusy(true);
      if (dialog.kind === 'act') {
        await call('supporting:establish', {
          id: sf.id,
          version: sf.version,
          act: { by: v.by as 'wojt' | 'head-authorised', authorisation: v.authorisation, number: v.number!, on: v.on, scope: scope as ScopeCode[], until: v.until },
        });
        onDone(`Wpisano akt ustanowienia rodziny wspierającej ${sf.name}.`);
      } else if (dialog.kind === 'contract') {
        const monthly = amount('monthly', 'Limit miesięczny', false);
        const total = amount('total', 'Limit łączny', false);
        if (monthly === undefined || total === undefined) return;
        const day = Number(v.settlementDay);
        await call('supporting:setContract', {
          id: sf.id,
          version: sf.version,
          contract: {
            number: v.number!,
            on: v.on!,
            monthlyLimitGr: monthly,
            totalLimitGr: total,
            scope: scope as ScopeCode[],
            until: v.until,
            settlementDay: v.settlementDay!.trim() === '' || !Number.isFinite(day) ? null : day,
            noticeMonths: Number(v.noticeMonths),
          },
        });
        onDone(`Zapisano umowę o zwrot kosztów z rodziną ${sf.name}.`);
      } else {
        const gr = amount('amount', 'Kwota', true);
        if (gr === undefined || gr === null) return;
        await call('supporting:addReimbursement', { supportingFamilyId: sf.id, paidOn: v.paidOn!, amountGr: gr, description: v.description! });
        onDone(`Zapisano zwrot kosztów ${formatGrosze(gr)} dla rodziny ${sf.name}.`);
      }
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) {
        setError('Ktoś inny zmienił te dane w międzyczasie. Zamknij okno — widok został odświeżony.');
        onStale();
      } else if (e instanceof ApiError) {
        setError(e.message);
        setFindings(e.findings ?? null);
        const f: Record<string, string> = {};
        for (const [k, m] of Object.entries(e.fields ?? {}))
          f[k.replace(/^(act|contract)\./, '').replace(/^scope\..*$/, 'scope').replace('amountGr', 'amount').replace('monthlyLimitGr', 'monthly').replace('totalLimitGr', 'total')] = m;
        setFields(f);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {dialog.kind === 'act' && (
          <>
            <FindingsList findings={sf.findings} />
            <NativeSelect
              label="Akt wydał"
              data={[
                { value: 'wojt', label: 'wójt (burmistrz, prezydent miasta)' },
                { value: 'head-authorised', label: 'kierownik ośrodka z upoważnienia wójta' },
              ]}
              value={v.by}
              onChange={set('by')}
            />
            {v.by === 'head-authorised' && (
              <TextInput label="Upoważnienie wójta (art. 31 ust. 2)" value={v.authorisation} onChange={set('authorisation')} error={fields.authorisation} />
            )}
            <TextInput label="Numer aktu" required value={v.number} onChange={set('number')} error={fields.number} />
            <DateField label="Data aktu" value={v.on} onChange={(v) => set('on')({ currentTarget: { value: v } })} error={fields.on} />
            <ScopeField value={scope} onChange={setScope} error={fields.scope} />
            <DateField
              label="Ustanowienie do dnia"
              description="Puste pole: na czas nieokreślony."
              value={v.until}
              onChange={(v) => set('until')({ currentTarget: { value: v } })}
              error={fields.until}
            />
          </>
        )}
        {dialog.kind === 'contract' && (
          <>
            <TextInput label="Numer umowy" required value={v.number} onChange={set('number')} error={fields.number} />
            <DateField label="Data umowy" required value={v.on} onChange={(v) => set('on')({ currentTarget: { value: v } })} error={fields.on} />
            <TextInput label="Limit miesięczny (zł)" placeholder="np. 1 234,56" value={v.monthly} onChange={set('monthly')} error={fields.monthly} />
            <TextInput label="Limit łączny (zł)" placeholder="np. 12 000,00" value={v.total} onChange={set('total')} error={fields.total} />
            <ScopeField value={scope} onChange={setScope} error={fields.scope} />
            <DateField
              label="Umowa obowiązuje do dnia"
              description="Puste pole: na czas nieokreślony."
              value={v.until}
              onChange={(v) => set('until')({ currentTarget: { value: v } })}
              error={fields.until}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Dzień miesiąca na rozliczenie kosztów"
                description="Rozliczenie do tego dnia następnego miesiąca (1–28)."
                inputMode="numeric"
                value={v.settlementDay}
                onChange={set('settlementDay')}
                error={fields.settlementDay}
              />
              <NativeSelect
                label="Okres wypowiedzenia"
                data={Object.keys(NOTICE_PERIODS).map((m) => ({ value: m, label: m === '1' ? '1 miesiąc' : `${m} miesiące` }))}
                value={v.noticeMonths}
                onChange={set('noticeMonths')}
                error={fields.noticeMonths}
              />
            </SimpleGrid>
          </>
        )}
        {dialog.kind === 'reimbursement' && (
          <>
            <DateField label="Data zwrotu" required value={v.paidOn} onChange={(v) => set('paidOn')({ currentTarget: { value: v } })} error={fields.paidOn} />
            <TextInput label="Kwota (zł)" required placeholder="np. 1 234,56" value={v.amount} onChange={set('amount')} error={fields.amount} />
            <TextInput label="Opis wydatku" required value={v.description} onChange={set('description')} error={fields.description} />
            <Text size="sm" c="dimmed">
              Dotychczas zwrócono: {formatGrosze(sf.reimbursedTotalGr)}
            </Text>
          </>
        )}
        <FormError message={error} />
        <FindingsList findings={findings} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
          <Button type="submit" loading={busy}>
            Zapisz
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Areas of help of a supporting family (art. 29 ust. 2), at least one. */
function ScopeField({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error?: string | undefined }) {
  return (
    <Checkbox.Group label="Zakres pomocy rodziny wspierającej (art. 29 ust. 2)" required value={value} onChange={onChange} error={error}>
      <Stack gap={4} mt={4}>
        {ALL_SCOPES.map((k) => (
          <Checkbox key={k} value={k} label={SUPPORTING_SCOPES[k]} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

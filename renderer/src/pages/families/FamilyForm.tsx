import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useFormState, useWatch, type Control, type FieldPath, type UseFormRegister } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { familyFieldsSchema, PARENTAL_AUTHORITY } from '../../../../shared/registrySchemas';
import { isMasked } from '../../../../shared/access/rules';
import { parsePesel, PESEL_REASON_LABELS } from '../../../../shared/rules';
import { ApiError, call, errorMessage, isApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList, type FindingView } from '../../components/registry/Findings';
import { reveal, revealPesel, RevealButton } from '../../components/registry/Sensitive';
import { formatDate } from '../../format';
import { useSession } from '../../session';
import { go, href } from './nav';
import { FormDateField } from '../../components/DateField';

const formSchema = familyFieldsSchema.extend({ acknowledgeDuplicates: z.boolean().optional().default(false) });
type FormIn = z.input<typeof formSchema>;
type FormOut = z.output<typeof formSchema>;
type FamilyDetail = ChannelOutput<'families:get'>;
type Duplicate = ChannelOutput<'families:checkDuplicates'>['duplicates'][number];

const emptyKrpz = { name: '', phone: '', email: '', address: '' };
const emptyPlacement = { kind: 'home' as const, since: '', form: '', pcpr: '', krpz: emptyKrpz };

function emptyMember(isChild: boolean): FormIn['members'][number] {
  return {
    firstName: '',
    lastName: '',
    pesel: '',
    birthDate: '',
    isChild,
    relation: '',
    phone: '',
    placement: isChild ? emptyPlacement : null,
  };
}

const EMPTY: FormIn = {
  address: '',
  postalCode: '',
  place: '',
  gmina: '',
  area: '',
  phone: '',
  parentalAuthority: 'unknown',
  courtSupervision: { active: false, court: '', kuratorName: '', kuratorPhone: '', since: '' },
  niebieskaKarta: { active: false, startedOn: '', status: 'active', gdpContact: '' },
  safetyNote: '',
  notes: '',
  members: [emptyMember(false)],
  acknowledgeDuplicates: false,
};

function toForm(f: FamilyDetail): FormIn {
  return {
    address: f.address,
    postalCode: f.postalCode,
    place: f.place,
    gmina: f.gmina,
    area: f.area,
    phone: f.phone,
    parentalAuthority: f.parentalAuthority,
    courtSupervision: {
      active: f.courtSupervision?.active ?? false,
      court: f.courtSupervision?.court ?? '',
      kuratorName: f.courtSupervision?.kuratorName ?? '',
      kuratorPhone: f.courtSupervision?.kuratorPhone ?? '',
      since: f.courtSupervision?.since ?? '',
    },
    niebieskaKarta: {
      active: f.niebieskaKarta?.active ?? false,
      startedOn: f.niebieskaKarta?.startedOn ?? '',
      status: f.niebieskaKarta?.status ?? 'active',
      gdpContact: f.niebieskaKarta?.gdpContact ?? '',
    },
    safetyNote: f.safetyNote,
    notes: f.notes,
    members: f.members.map((m) => ({
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      pesel: m.pesel ?? '',
      birthDate: m.pesel ? '' : m.birthDate,
      isChild: m.isChild,
      relation: m.relation,
      phone: m.phone,
      isHead: m.isHead,
      placement: m.isChild
        ? {
            kind: m.placement?.kind ?? 'home',
            since: m.placement?.since ?? '',
            form: m.placement?.form ?? '',
            pcpr: m.placement?.pcpr ?? '',
            krpz: { ...emptyKrpz, ...(m.placement?.krpz ?? {}) },
            returnedOn: m.placement?.returnedOn ?? '',
          }
        : null,
    })),
    acknowledgeDuplicates: false,
  };
}

/** What is sent: sections switched off are null, adults carry no placement. */
function toInput(v: FormOut) {
  const { acknowledgeDuplicates, ...rest } = v;
  return {
    ...rest,
    courtSupervision: v.courtSupervision?.active ? v.courtSupervision : null,
    niebieskaKarta: v.niebieskaKarta?.active ? v.niebieskaKarta : null,
    members: v.members.map((m) => ({
      ...m,
      placement: m.isChild
        ? m.placement?.kind === 'foster-care'
          ? { ...m.placement, returnedOn: null }
          : { kind: 'home' as const, returnedOn: m.placement?.returnedOn || null }
        : null,
    })),
    acknowledgeDuplicates,
  };
}

const TOP_FIELDS = ['address', 'postalCode', 'place', 'gmina', 'area', 'phone', 'parentalAuthority', 'safetyNote', 'notes'];

export function FamilyForm({ familyId }: { familyId?: string }) {
  const { user } = useSession();
  const editing = !!familyId;
  const [family, setFamily] = useState<FamilyDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [serverFindings, setServerFindings] = useState<FindingView[] | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [dupFindings, setDupFindings] = useState<FindingView[]>([]);
  const canCheckDuplicates = user.role === 'admin' || user.role === 'social_worker';
  // Issue 7: the card comes masked. The NK date and GDP contact stay hidden (and are kept on
  // save) unless revealed; a masked PESEL is sent back unchanged or revealed to be edited.
  const [nkMasked, setNkMasked] = useState(false);
  const [revealError, setRevealError] = useState<string | null>(null);

  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(formSchema), defaultValues: EMPTY, mode: 'onSubmit' });
  const { register, control, formState, setError } = form;
  const members = useFieldArray({ control, name: 'members' });
  // A person added to the family starts with the first person's surname (most families share
  // one); it stays an ordinary field to change.
  const newMember = (isChild: boolean) => ({ ...emptyMember(isChild), lastName: form.getValues('members.0.lastName')?.trim() ?? '' });

  const load = useCallback(async () => {
    if (!familyId) return;
    try {
      const f = await call('families:get', { id: familyId });
      setFamily(f);
      setNkMasked(f.masked.niebieskaKarta);
      form.reset(toForm(f));
      setLoadError(null);
      setStale(false);
      setFormError(null);
      setServerFindings(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [familyId, form]);

  useEffect(() => {
    void load();
  }, [load]);

  // A new family of a gmina office usually lives in the office's gmina: the field starts with it.
  useEffect(() => {
    if (familyId) return;
    let alive = true;
    call('office:get', {})
      .then((o) => {
        if (alive && !form.getFieldState('gmina').isDirty && !form.getValues('gmina')) form.setValue('gmina', o.gmina);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [familyId, form]);

  // Live duplicate check: PESEL (blocks) and name + birth date (needs an acknowledgement).
  const watchedMembers = useWatch({ control, name: 'members' });
  const dupKey = JSON.stringify(
    (watchedMembers ?? []).map((m) => [m?.firstName?.trim(), m?.lastName?.trim(), m?.pesel?.trim(), m?.birthDate]),
  );
  const [debouncedDupKey] = useDebouncedValue(dupKey, 400);
  useEffect(() => {
    if (!canCheckDuplicates) return;
    const list = (JSON.parse(debouncedDupKey) as Array<[string?, string?, string?, string?]>)
      .map(([firstName, lastName, pesel, birthDate], index) => ({ index, firstName: firstName ?? '', lastName: lastName ?? '', pesel: pesel ?? '', birthDate: birthDate ?? '' }))
      .filter((m) => m.firstName && m.lastName && (/^\d{11}$/.test(m.pesel) || (!m.pesel && /^\d{4}-\d{2}-\d{2}$/.test(m.birthDate))));
    if (list.length === 0) {
      setDuplicates([]);
      setDupFindings([]);
      return;
    }
    let cancelled = false;
    call('families:checkDuplicates', {
      members: list.map((m) => ({ firstName: m.firstName, lastName: m.lastName, pesel: m.pesel || null, birthDate: m.pesel ? null : m.birthDate })),
      ...(familyId ? { excludeFamilyId: familyId } : {}),
    })
      .then((r) => {
        if (cancelled) return;
        setDuplicates(r.duplicates.map((d) => ({ ...d, memberIndex: list[d.memberIndex]?.index ?? d.memberIndex })));
        setDupFindings(r.findings);
      })
      .catch(() => {
        // The save repeats the check; nothing to show here.
      });
    return () => {
      cancelled = true;
    };
  }, [debouncedDupKey, canCheckDuplicates, familyId]);

  const peselDup = duplicates.some((d) => d.kind === 'pesel');
  const nameDup = duplicates.some((d) => d.kind === 'name-birth');

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setServerFindings(null);
    setStale(false);
    const input = toInput(v);
    try {
      const res = editing
        ? await call('families:update', { ...input, id: familyId!, version: family!.version, keepNiebieskaKartaDetails: nkMasked })
        : await call('families:create', input);
      go(href.card(res.family.id));
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) {
        setStale(true);
        return;
      }
      setFormError(applyServerError(e, setError, members.fields.length));
      if (e instanceof ApiError && e.findings) setServerFindings(e.findings);
      if (isApiError(e, 'DUPLICATE_WARNING') || isApiError(e, 'DUPLICATE_FAMILY')) {
        // Show the acknowledgement right away, even if the live check has not answered yet.
        setDupFindings(e instanceof ApiError && e.findings ? e.findings : []);
        if (isApiError(e, 'DUPLICATE_WARNING')) setDuplicates((d) => (d.some((x) => x.kind === 'name-birth') ? d : [...d, FAKE_NAME_DUP]));
      }
    }
  });

  /** "Pokaż" beside a masked PESEL in the form: the real number (audited as a reveal for editing). */
  const revealMember = async (index: number) => {
    const memberId = form.getValues(`members.${index}.id`);
    if (!familyId || !memberId) return;
    setRevealError(null);
    try {
      form.setValue(`members.${index}.pesel`, (await revealPesel(familyId, memberId, 'edit')) ?? '', { shouldDirty: true });
    } catch (e) {
      setRevealError(errorMessage(e));
    }
  };
  const revealNk = async () => {
    if (!familyId) return;
    setRevealError(null);
    try {
      const r = await reveal({ field: 'niebieskaKarta', familyId, purpose: 'edit' });
      if (r.field === 'niebieskaKarta' && r.value) {
        form.setValue('niebieskaKarta.startedOn', r.value.startedOn ?? '', { shouldDirty: true });
        form.setValue('niebieskaKarta.gdpContact', r.value.gdpContact ?? '', { shouldDirty: true });
      }
      setNkMasked(false);
    } catch (e) {
      setRevealError(errorMessage(e));
    }
  };

  if (editing && !family) {
    return (
      <>
        <PageTitle>Edycja danych rodziny</PageTitle>
        {loadError ? (
          <Alert color="red" role="alert">
            {loadError}
          </Alert>
        ) : (
          <Loader aria-label="Wczytywanie danych rodziny" />
        )}
      </>
    );
  }

  const errors = formState.errors;
  return (
    <>
      <PageTitle
        subtitle={editing ? family?.caseNumber ?? undefined : 'Założenie kartoteki rodziny'}
        right={
          <Button component="a" variant="default" href={editing ? href.card(familyId!) : href.list()}>
            Anuluj
          </Button>
        }
      >
        {editing ? 'Edycja danych rodziny' : 'Nowa rodzina'}
      </PageTitle>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={editing ? 'Edycja danych rodziny' : 'Nowa rodzina'}>
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Adres i kontakt
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <TextInput label="Adres" required {...register('address')} error={errors.address?.message} />
              <TextInput label="Kod pocztowy" placeholder="00-000" {...register('postalCode')} error={errors.postalCode?.message} />
              <TextInput label="Miejscowość" required {...register('place')} error={errors.place?.message} />
              <TextInput label="Gmina" required {...register('gmina')} error={errors.gmina?.message} />
              <TextInput label="Rejon" description="Rejon pracownika socjalnego" {...register('area')} error={errors.area?.message} />
              <TextInput label="Telefon rodziny" {...register('phone')} error={errors.phone?.message} />
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Sytuacja prawna i bezpieczeństwo
            </Title>
            <Stack>
              <NativeSelect
                label="Władza rodzicielska"
                w={280}
                data={Object.entries(PARENTAL_AUTHORITY).map(([value, label]) => ({ value, label }))}
                {...register('parentalAuthority')}
                error={errors.parentalAuthority?.message}
              />
              <SectionToggle
                control={control}
                register={register}
                name="courtSupervision.active"
                label="Nadzór kuratora sądowego"
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label="Sąd" {...register('courtSupervision.court')} error={errors.courtSupervision?.court?.message} />
                  <TextInput label="Kurator (imię i nazwisko)" {...register('courtSupervision.kuratorName')} />
                  <TextInput label="Telefon kuratora" {...register('courtSupervision.kuratorPhone')} />
                  <FormDateField control={control} label="Nadzór od" name={'courtSupervision.since'} error={errors.courtSupervision?.since?.message} />
                </SimpleGrid>
              </SectionToggle>
              <SectionToggle control={control} register={register} name="niebieskaKarta.active" label="Procedura „Niebieskie Karty”">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {nkMasked ? (
                    <Stack gap={2} data-testid="nk-masked">
                      <Text size="sm" fw={500}>
                        Data wszczęcia i kontakt do GDP
                      </Text>
                      <Group gap={6}>
                        <Text size="sm" c="dimmed">
                          ukryte (zostaną zachowane)
                        </Text>
                        <RevealButton label="Pokaż szczegóły procedury „Niebieskie Karty”" onClick={() => void revealNk()} />
                      </Group>
                    </Stack>
                  ) : (
                    <FormDateField control={control}
                      label="Data wszczęcia procedury"
                      name={'niebieskaKarta.startedOn'}
                      error={errors.niebieskaKarta?.startedOn?.message}
                    />
                  )}
                  <NativeSelect
                    label="Stan procedury"
                    data={[
                      { value: 'active', label: 'w toku' },
                      { value: 'closed', label: 'zakończona' },
                    ]}
                    {...register('niebieskaKarta.status')}
                  />
                  {!nkMasked && <TextInput label="Kontakt do grupy diagnostyczno-pomocowej" {...register('niebieskaKarta.gdpContact')} />}
                </SimpleGrid>
              </SectionToggle>
              <Textarea
                label="Uwagi o bezpieczeństwie pracownika"
                description="Wyświetlane na górze karty rodziny — przeczytaj przed wizytą (np. agresywny pies, przemoc, choroba zakaźna)."
                autosize
                minRows={2}
                {...register('safetyNote')}
                error={errors.safetyNote?.message}
              />
              <Textarea label="Uwagi" autosize minRows={2} {...register('notes')} error={errors.notes?.message} />
            </Stack>
          </Paper>

          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Członkowie rodziny
            </Title>
            {errors.members?.message && (
              <Text c="red" size="sm" role="alert">
                {errors.members.message}
              </Text>
            )}
            <Stack gap="md">
              {members.fields.map((field, i) => (
                <MemberFields
                  key={field.id}
                  index={i}
                  control={control}
                  register={register}
                  errors={errors.members?.[i]}
                  canRemove={members.fields.length > 1}
                  onRemove={() => members.remove(i)}
                  duplicates={duplicates.filter((d) => d.memberIndex === i && (d.familyId !== '' || d.outsideScope))}
                  onRevealPesel={() => void revealMember(i)}
                />
              ))}
            </Stack>
            <Group mt="md">
              <Button variant="light" onClick={() => members.append(newMember(false))}>
                Dodaj osobę dorosłą
              </Button>
              <Button variant="light" onClick={() => members.append(newMember(true))}>
                Dodaj dziecko
              </Button>
            </Group>
          </Paper>

          {(peselDup || nameDup) && (
            <Paper withBorder p="lg" data-testid="duplicates">
              <Title order={2} size="h4" mb="sm">
                Te osoby mogą już być w kartotece
              </Title>
              <FindingsList findings={dupFindings} />
              {peselDup && (
                <Text size="sm" c="red.8" mt="xs">
                  {duplicates.some((d) => d.kind === 'pesel' && !d.outsideScope)
                    ? 'Osoby o tym samym numerze PESEL nie można dopisać do drugiej rodziny. Sprawdź numer albo otwórz istniejącą kartotekę.'
                    : 'Osoby o tym samym numerze PESEL nie można dopisać do drugiej rodziny. Sprawdź numer albo zapytaj kierownika ośrodka, w której kartotece jest ta osoba.'}
                </Text>
              )}
              {nameDup && !peselDup && (
                <Checkbox mt="sm" label="Rozumiem, to inna rodzina" {...register('acknowledgeDuplicates')} />
              )}
            </Paper>
          )}

          {stale && (
            <Alert color="orange" role="alert" title="Dane zmieniły się w międzyczasie">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">Ktoś inny zmienił te dane w międzyczasie. Odśwież widok i wprowadź zmiany ponownie.</Text>
                <Button size="xs" onClick={() => void load()}>
                  Odśwież
                </Button>
              </Stack>
            </Alert>
          )}
          <FormError message={formError ?? revealError} />
          {serverFindings && !isDupOnly(serverFindings) && <FindingsList findings={serverFindings} />}
          <Group>
            <Button type="submit" loading={formState.isSubmitting} disabled={peselDup}>
              {editing ? 'Zapisz zmiany' : 'Zapisz rodzinę'}
            </Button>
            <Button component="a" variant="default" href={editing ? href.card(familyId!) : href.list()}>
              Anuluj
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

const FAKE_NAME_DUP: Duplicate = { kind: 'name-birth', familyId: '', familyLabel: '', memberName: '', pesel: null, birthDate: '', memberIndex: -1 };

function isDupOnly(f: FindingView[]): boolean {
  return f.every((x) => x.code.startsWith('DUPLICATE'));
}

/** Server field messages onto the inputs (`members.2.pesel`); the rest goes to the form alert. */
function applyServerError(e: unknown, setError: (p: FieldPath<FormIn>, err: { type: string; message: string }) => void, memberCount: number): string {
  if (!(e instanceof ApiError)) return errorMessage(e);
  let unmatched = false;
  const memberFields = ['firstName', 'lastName', 'pesel', 'birthDate', 'relation', 'phone', 'isChild'];
  for (const [path, message] of Object.entries(e.fields ?? {})) {
    const m = /^members\.(\d+)\.(.+)$/.exec(path);
    const ok =
      TOP_FIELDS.includes(path) ||
      /^(courtSupervision|niebieskaKarta)\.\w+$/.test(path) ||
      (m && Number(m[1]) < memberCount && (memberFields.includes(m[2]!) || m[2]!.startsWith('placement')));
    if (ok) setError(path as FieldPath<FormIn>, { type: 'server', message });
    else unmatched = true;
  }
  if (e.code === 'DUPLICATE_WARNING') return 'Potwierdź, że to inna rodzina (pole „Rozumiem, to inna rodzina”), albo popraw dane.';
  if (e.fields && !unmatched && e.code === 'VALIDATION') return `${e.message} Popraw zaznaczone pola.`;
  return e.message;
}

function SectionToggle({
  control,
  register,
  name,
  label,
  children,
}: {
  control: Control<FormIn>;
  register: UseFormRegister<FormIn>;
  name: 'courtSupervision.active' | 'niebieskaKarta.active';
  label: string;
  children: ReactNode;
}) {
  const on = useWatch({ control, name });
  return (
    <Stack gap="xs">
      <Checkbox label={label} {...register(name)} />
      {on && <Fieldset legend={label}>{children}</Fieldset>}
    </Stack>
  );
}

type MemberErrors = NonNullable<NonNullable<ReturnType<typeof useForm<FormIn>>['formState']['errors']['members']>[number]>;

function MemberFields({
  index,
  control,
  register,
  errors,
  canRemove,
  onRemove,
  duplicates,
  onRevealPesel,
}: {
  index: number;
  control: Control<FormIn>;
  register: UseFormRegister<FormIn>;
  errors: MemberErrors | undefined;
  canRemove: boolean;
  onRemove: () => void;
  duplicates: Duplicate[];
  onRevealPesel: () => void;
}) {
  const m = useWatch({ control, name: `members.${index}` });
  const isChild = m?.isChild === true || (m?.isChild as unknown) === 'true';
  const pesel = (m?.pesel ?? '').trim();
  const derived = useMemo(() => (/^\d{11}$/.test(pesel) ? parsePesel(pesel) : null), [pesel]);
  const peselMasked = isMasked(pesel);
  const who = `${m?.firstName ?? ''} ${m?.lastName ?? ''}`.trim() || `osoba nr ${index + 1}`;
  const n = index + 1;
  const inFoster = isChild && m?.placement?.kind === 'foster-care';
  // A child who was in foster care when the form opened and is now "at home": the day of the
  // return closes the placement in its history (the report counts care by the period).
  const wasInFoster = useFormState({ control }).defaultValues?.members?.[index]?.placement?.kind === 'foster-care';
  return (
    <Fieldset legend={`${isChild ? 'Dziecko' : 'Osoba dorosła'} — ${who}`} aria-label={`Członek rodziny nr ${n}`} data-testid={`member-${index}`}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput label={`Imię (osoba ${n})`} required {...register(`members.${index}.firstName`)} error={errors?.firstName?.message} />
        <TextInput label={`Nazwisko (osoba ${n})`} required {...register(`members.${index}.lastName`)} error={errors?.lastName?.message} />
        <TextInput
          label={`PESEL (osoba ${n})`}
          inputMode="numeric"
          maxLength={11}
          readOnly={peselMasked}
          rightSectionWidth={peselMasked ? 64 : undefined}
          rightSectionPointerEvents="all"
          rightSection={peselMasked ? <RevealButton label={`Pokaż ukryty PESEL osoby nr ${n}`} onClick={onRevealPesel} /> : undefined}
          {...register(`members.${index}.pesel`)}
          error={errors?.pesel?.message}
          description={
            peselMasked ? (
              'PESEL ukryty — zostanie zachowany. Kliknij „Pokaż”, aby go zobaczyć lub zmienić.'
            ) : derived ? (
              derived.valid ? (
                <span data-testid={`pesel-derived-${index}`}>
                  Data urodzenia: {formatDate(derived.birthDate)}, płeć: {derived.sex === 'F' ? 'kobieta' : 'mężczyzna'}
                </span>
              ) : (
                <Text span c="red.8" size="xs">
                  PESEL {PESEL_REASON_LABELS[derived.reason]}
                </Text>
              )
            ) : pesel ? (
              'PESEL ma 11 cyfr'
            ) : (
              'Bez numeru PESEL wpisz datę urodzenia'
            )
          }
        />
        {!pesel ? (
          <FormDateField control={control}
            label={`Data urodzenia (osoba ${n})`}
            name={`members.${index}.birthDate`}
            error={errors?.birthDate?.message}
          />
        ) : (
          <div />
        )}
        <TextInput
          label={`Pokrewieństwo / rola (osoba ${n})`}
          placeholder={isChild ? 'np. syn, córka, wnuczka' : 'np. matka, ojciec, babcia'}
          required
          {...register(`members.${index}.relation`)}
          error={errors?.relation?.message}
        />
        <NativeSelect
          label={`Dorosły czy dziecko (osoba ${n})`}
          data={[
            { value: 'false', label: 'osoba dorosła' },
            { value: 'true', label: 'dziecko' },
          ]}
          {...register(`members.${index}.isChild`, { setValueAs: (v: unknown) => v === true || v === 'true' })}
          error={errors?.isChild?.message}
        />
        <TextInput label={`Telefon (osoba ${n})`} {...register(`members.${index}.phone`)} error={errors?.phone?.message} />
      </SimpleGrid>
      {duplicates.length > 0 && (
        <Text size="sm" c={duplicates.some((d) => d.kind === 'pesel') ? 'red.8' : 'yellow.9'} mt="xs" role="status">
          {duplicates
            .map((d) =>
              d.outsideScope
                ? `${d.kind === 'pesel' ? 'Ten sam PESEL' : 'To samo imię, nazwisko i data urodzenia'}: osoba jest już zarejestrowana w ośrodku (kartoteka, do której nie masz dostępu — zapytaj kierownika ośrodka)`
                : `${d.kind === 'pesel' ? 'Ten sam PESEL' : 'To samo imię, nazwisko i data urodzenia'}: ${d.memberName} — ${d.familyLabel}`,
            )
            .join('; ')}
        </Text>
      )}
      {isChild && (
        <>
          <Divider my="sm" label="Miejsce pobytu dziecka" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NativeSelect
              label={`Miejsce pobytu (osoba ${n})`}
              data={[
                { value: 'home', label: 'w domu rodzinnym' },
                { value: 'foster-care', label: 'w pieczy zastępczej' },
              ]}
              {...register(`members.${index}.placement.kind`)}
            />
            {!inFoster && wasInFoster && (
              <FormDateField control={control}
                label={`Data powrotu z pieczy do domu (osoba ${n})`}
                name={`members.${index}.placement.returnedOn`}
                error={errors?.placement?.returnedOn?.message}
              />
            )}
            {inFoster && (
              <>
                <FormDateField control={control}
                  label={`Data umieszczenia w pieczy (osoba ${n})`}
                  name={`members.${index}.placement.since`}
                  error={errors?.placement?.since?.message}
                />
                <TextInput
                  label={`Forma pieczy (osoba ${n})`}
                  placeholder="np. rodzina zastępcza spokrewniona"
                  {...register(`members.${index}.placement.form`)}
                />
                <TextInput label={`PCPR (osoba ${n})`} {...register(`members.${index}.placement.pcpr`)} />
                <TextInput label={`Koordynator pieczy — imię i nazwisko (osoba ${n})`} {...register(`members.${index}.placement.krpz.name`)} />
                <TextInput label={`Koordynator — telefon (osoba ${n})`} {...register(`members.${index}.placement.krpz.phone`)} />
                <TextInput label={`Koordynator — e-mail (osoba ${n})`} {...register(`members.${index}.placement.krpz.email`)} />
                <TextInput label={`Koordynator — adres (osoba ${n})`} {...register(`members.${index}.placement.krpz.address`)} />
              </>
            )}
          </SimpleGrid>
        </>
      )}
      {canRemove && (
        <Group justify="flex-end" mt="sm">
          <Anchor component="button" type="button" c="red" size="sm" onClick={onRemove}>
            Usuń osobę {n} z formularza
          </Anchor>
        </Group>
      )}
    </Fieldset>
  );
}

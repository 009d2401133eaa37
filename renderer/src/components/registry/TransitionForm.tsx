import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { transitionPayloadSchema } from '../../../../shared/registrySchemas';
import { ApiError, call, errorMessage, isApiError } from '../../api';
import { FormError } from '../FormError';
import { ClosingConfirmation, closingSentence, CLOSING_UNCONFIRMED } from './ClosingConfirmation';
import { FindingsList, useEngagement, type FindingView } from './Findings';
import { saveButtonLabel, todayIso } from './labels';
import { FormDateField } from '../DateField';

type CaseDetail = ChannelOutput<'cases:get'>;
type Assistant = ChannelOutput<'cases:decisionScreen'>['assistants'][number];
type Values = Record<string, unknown> & { action: string };

/** Actions this form knows how to ask for (the rest are later stages). */
export const FORM_ACTIONS = [
  'recordInterview',
  'recordAnalysis',
  'concludeNoAssistantNeeded',
  'submitRequest',
  'assign',
  'forward',
  'waitlist',
  'refuse',
  'recordFirstContact',
  'recordConsent',
  'recordRefusal',
  'refuseZz',
] as const;

/** Actions that close the case at once: they need an explicit confirmation naming the family. */
export const CLOSING_ACTIONS: ReadonlySet<string> = new Set(['concludeNoAssistantNeeded', 'refuse', 'recordRefusal', 'refuseZz']);

export function hasForm(action: string): boolean {
  return (FORM_ACTIONS as readonly string[]).includes(action);
}

const DEFAULT_REQUEST_ATTACHMENT = 'kwestionariusz rodzinnego wywiadu środowiskowego';
/** Suggestions only (the fields take any text): they complete "Spotkania … będą się odbywać …,
 *  nie rzadziej niż …" in the consent document. */
const MEETING_PLACES = ['w miejscu zamieszkania rodziny', 'w miejscu zamieszkania rodziny lub w miejscu przez nią wskazanym', 'w siedzibie ośrodka'];
const MEETING_FREQUENCIES = ['raz w tygodniu', 'dwa razy w tygodniu', 'raz na dwa tygodnie', 'raz w miesiącu'];
/** One attachment a line in the textarea -> the list the contract expects. */
const linesToList = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean)
    : v;

function defaults(action: string): Values {
  const today = todayIso();
  switch (action) {
    case 'recordInterview':
      return { action, interviewOn: today, note: '' };
    case 'recordAnalysis':
      return { action, analysisOn: today, careDifficultiesFound: undefined, note: '' };
    case 'submitRequest':
      return { action, requestOn: today, analysis: '', justification: '', attachments: [DEFAULT_REQUEST_ATTACHMENT] };
    case 'assign':
      return { action, assistantId: '', decidedOn: today, note: '' };
    case 'forward':
      return { action, decidedOn: today, forwardedTo: '', forwardKind: 'gmina-unit', note: '' };
    case 'refuse':
    case 'refuseZz':
      return { action, decidedOn: today, reason: '' };
    case 'recordFirstContact':
      return { action, contactOn: today, withSocialWorker: true, note: '' };
    case 'recordConsent':
      return { action, basis: { kind: 'written-consent', consentOn: today }, meetingPlace: MEETING_PLACES[0], meetingFrequency: MEETING_FREQUENCIES[0], note: '' };
    case 'recordRefusal':
      return { action, refusedOn: today, note: '' };
    default:
      return { action, decidedOn: today, note: '' };
  }
}

/** "Agnieszka Śliwińska — 14/15" (+ personal limit and monitoring when relevant). */
export function assistantOptionLabel(a: Assistant): string {
  const extra = [a.personalLimit !== null ? `limit osobisty ${a.personalLimit}` : '', a.monitoring ? `monitoring: ${a.monitoring}` : '']
    .filter(Boolean)
    .join(', ');
  return `${a.fullName} — ${a.count}/${a.limit}${a.count >= a.limit ? ' (limit osiągnięty)' : ''}${extra ? ` (${extra})` : ''}`;
}

/**
 * The form of one case action. While the user types, `cases:check` runs the same rules as the
 * main process and the findings are shown (blockers red with the legal basis, warnings yellow);
 * on submit the main process decides, and its refusal is shown the same way.
 */
export function TransitionForm({
  caseDetail,
  action,
  label,
  onDone,
  onCancel,
  onRefresh,
}: {
  caseDetail: CaseDetail;
  action: string;
  label: string;
  onDone: (c: CaseDetail) => void;
  onCancel: () => void;
  onRefresh: () => void;
}) {
  const form = useForm<Values>({ resolver: zodResolver(transitionPayloadSchema) as never, defaultValues: defaults(action) });
  const { register, control, formState, setError } = form;
  const errors = formState.errors as FieldErrors<Record<string, unknown>> & { basis?: Record<string, { message?: string }> & { message?: string } };
  const [checkFindings, setCheckFindings] = useState<FindingView[] | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; findings: FindingView[] | null } | null>(null);
  const [stale, setStale] = useState(false);
  const [assistants, setAssistants] = useState<Assistant[] | null>(null);
  const { engaged, engage, bind } = useEngagement();
  const closing = CLOSING_ACTIONS.has(action);
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);

  useEffect(() => {
    if (action !== 'assign') return;
    call('cases:decisionScreen', {})
      .then((d) => setAssistants(d.assistants))
      .catch((e: unknown) => setRefusal({ message: errorMessage(e), findings: null }));
  }, [action]);

  // Live preview with the main process's rules (debounced).
  const values = useWatch({ control });
  const [debounced] = useDebouncedValue(JSON.stringify(values), 350);
  useEffect(() => {
    // A change answers the last refusal: the live findings of the new values take over.
    setRefusal(null);
    const parsed = transitionPayloadSchema.safeParse(JSON.parse(debounced));
    if (!parsed.success) {
      // Incomplete input: no stale findings of earlier values (the fields say what is missing).
      setCheckFindings(null);
      return;
    }
    let cancelled = false;
    call('cases:check', { caseId: caseDetail.id, payload: parsed.data })
      .then((r) => {
        if (!cancelled) setCheckFindings(r.findings);
      })
      .catch(() => {
        // The submit shows the refusal, if any.
      });
    return () => {
      cancelled = true;
    };
  }, [debounced, caseDetail.id]);

  const onSubmit = form.handleSubmit(async (v) => {
    setRefusal(null);
    setStale(false);
    if (closing && !confirmed) {
      setUnconfirmed(true);
      return;
    }
    try {
      const payload = transitionPayloadSchema.parse(v);
      const res = await call('cases:transition', { caseId: caseDetail.id, version: caseDetail.version, payload });
      onDone(res.case);
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) {
        setStale(true);
        return;
      }
      if (e instanceof ApiError) {
        for (const [path, message] of Object.entries(e.fields ?? {})) setError(path, { type: 'server', message });
        setRefusal({ message: e.message, findings: e.findings ?? null });
      } else setRefusal({ message: errorMessage(e), findings: null });
    }
  });

  const basisKind = (values as { basis?: { kind?: string } }).basis?.kind;
  const err = (name: string) => {
    const e = errors[name] as { message?: string } | Array<{ message?: string } | undefined> | undefined;
    // A list (attachments): the message of its first wrong item.
    return Array.isArray(e) ? e.find((x) => x?.message)?.message : e?.message;
  };

  return (
    <form
      onSubmit={(e) => {
        engage();
        if (closing && !confirmed) setUnconfirmed(true);
        void onSubmit(e);
      }}
      noValidate
      aria-label={label}
      {...bind}
    >
      <Stack>
        <Fields
          action={action}
          register={register}
          control={control}
          err={err}
          basisKind={basisKind}
          basisErrors={errors.basis}
          assistants={assistants}
          caseDetail={caseDetail}
        />
        {!refusal && <FindingsList findings={checkFindings} engaged={engaged} testId="check-findings" />}
        {closing && (
          <ClosingConfirmation
            sentence={closingSentence(action, caseDetail.caseNumber, caseDetail.familyNames)}
            checked={confirmed}
            onChange={(v) => {
              setConfirmed(v);
              setUnconfirmed(false);
            }}
            error={unconfirmed ? CLOSING_UNCONFIRMED : null}
          />
        )}
        {refusal && (
          <Stack gap="xs" data-testid="transition-refusal">
            {refusal.findings && refusal.findings.some((f) => f.severity === 'blocker') ? (
              <>
                <Text fw={700} c="red.8" role="alert">
                  {/* The message is said once: when a finding below says it, the title stays short. */}
                  {refusal.findings.some((f) => f.message === refusal.message) ? 'Czynność odrzucona.' : `Czynność odrzucona — ${refusal.message}`}
                </Text>
                <FindingsList findings={refusal.findings.filter((f) => f.severity !== 'info')} />
              </>
            ) : (
              <FormError message={refusal.message} title="Czynność odrzucona" />
            )}
          </Stack>
        )}
        {stale && (
          <Alert color="orange" role="alert" title="Sprawa zmieniła się w międzyczasie">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Ktoś inny zmienił te dane w międzyczasie. Odśwież widok i wprowadź zmiany ponownie.</Text>
              <Button size="xs" onClick={onRefresh}>
                Odśwież
              </Button>
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {saveButtonLabel(label)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Fields({
  action,
  register,
  control,
  err,
  basisKind,
  basisErrors,
  assistants,
  caseDetail,
}: {
  action: string;
  register: UseFormRegister<Values>;
  control: Control<Values>;
  err: (name: string) => string | undefined;
  basisKind: string | undefined;
  basisErrors: (Record<string, { message?: string }> & { message?: string }) | undefined;
  assistants: Assistant[] | null;
  caseDetail: CaseDetail;
}) {
  const note = <Textarea label="Notatka" autosize minRows={2} {...register('note')} error={err('note')} />;
  const date = (name: string, label: string) => <FormDateField control={control} label={label} required name={name} error={err(name)} />;
  switch (action) {
    case 'recordInterview':
      return (
        <>
          {date('interviewOn', 'Data wywiadu')}
          {note}
        </>
      );
    case 'recordAnalysis':
      return (
        <>
          {date('analysisOn', 'Data analizy')}
          <NativeSelect
            label="Wynik analizy: czy stwierdzono trudności opiekuńczo-wychowawcze?"
            required
            data={[
              { value: '', label: '— wybierz —' },
              { value: 'true', label: 'tak — stwierdzono trudności' },
              { value: 'false', label: 'nie — nie stwierdzono trudności' },
            ]}
            {...register('careDifficultiesFound', { setValueAs: (v: unknown) => (v === 'true' || v === true ? true : v === 'false' || v === false ? false : undefined) })}
            error={err('careDifficultiesFound')}
          />
          {note}
        </>
      );
    case 'concludeNoAssistantNeeded':
      return (
        <>
          {date('decidedOn', 'Data ustalenia')}
          {note}
        </>
      );
    case 'submitRequest':
      return (
        <>
          {date('requestOn', 'Data wniosku')}
          <Textarea
            label="Analiza sytuacji rodziny (art. 11 ust. 2)"
            description="Jakie trudności w wypełnianiu funkcji opiekuńczo-wychowawczych stwierdzono w wywiadzie i analizie. Puste pole: obowiązuje notatka z etapu analizy."
            required
            autosize
            minRows={3}
            {...register('analysis')}
            error={err('analysis')}
          />
          <Textarea label="Uzasadnienie wniosku" required autosize minRows={3} {...register('justification')} error={err('justification')} />
          <Textarea
            label="Załączniki do wniosku"
            description="Każdy załącznik w osobnym wierszu, np. kwestionariusz rodzinnego wywiadu środowiskowego, postanowienie sądu."
            autosize
            minRows={2}
            {...register('attachments', { setValueAs: linesToList })}
            error={err('attachments')}
          />
        </>
      );
    case 'assign':
      return (
        <>
          <NativeSelect
            label="Asystent rodziny"
            description="Obok nazwiska: liczba prowadzonych rodzin / limit (art. 15 ust. 4)."
            required
            data={[
              { value: '', label: assistants ? '— wybierz asystenta —' : 'Wczytywanie…' },
              ...(assistants ?? []).map((a) => ({ value: a.id, label: assistantOptionLabel(a) })),
            ]}
            {...register('assistantId')}
            error={err('assistantId')}
          />
          {date('decidedOn', 'Data decyzji')}
          {note}
        </>
      );
    case 'forward':
      return (
        <>
          {date('decidedOn', 'Data decyzji')}
          <TextInput label="Podmiot, do którego skierowano" required {...register('forwardedTo')} error={err('forwardedTo')} />
          <NativeSelect
            label="Rodzaj podmiotu"
            data={[
              { value: 'gmina-unit', label: 'jednostka organizacyjna gminy' },
              { value: 'commissioned-entity', label: 'podmiot, któremu gmina zleciła zadanie' },
            ]}
            {...register('forwardKind')}
          />
          {note}
        </>
      );
    case 'waitlist':
      return (
        <>
          {date('decidedOn', 'Data decyzji')}
          {note}
        </>
      );
    case 'refuse':
    case 'refuseZz':
      return (
        <>
          {date('decidedOn', 'Data decyzji')}
          <Textarea label="Przyczyna odmowy" required autosize minRows={3} {...register('reason')} error={err('reason')} />
        </>
      );
    case 'recordFirstContact':
      return (
        <>
          {date('contactOn', 'Data kontaktu')}
          <Checkbox label="Kontakt wspólnie z pracownikiem socjalnym" {...register('withSocialWorker')} />
          {note}
        </>
      );
    case 'recordConsent':
      return (
        <>
          <NativeSelect
            label="Podstawa pracy z rodziną"
            data={[
              { value: 'written-consent', label: 'pisemna zgoda rodziny' },
              ...(caseDetail.track === 'general'
                ? [
                    { value: 'court-order', label: 'postanowienie sądu (art. 109 § 2 pkt 1 KRO)' },
                    { value: 'art-11-1a', label: 'art. 11 ust. 1a — małoletni rodzic opuszczający placówkę' },
                  ]
                : []),
            ]}
            {...register('basis.kind')}
            error={basisErrors?.message}
          />
          {basisKind === 'written-consent' && (
            <FormDateField control={control} label="Data zgody" required name={'basis.consentOn'} error={basisErrors?.consentOn?.message} />
          )}
          {basisKind === 'court-order' && (
            <>
              <TextInput label="Sąd" required {...register('basis.court')} error={basisErrors?.court?.message} />
              <TextInput label="Sygnatura akt" required {...register('basis.caseRef')} error={basisErrors?.caseRef?.message} />
              <FormDateField control={control} label="Data postanowienia" required name={'basis.date'} error={basisErrors?.date?.message} />
            </>
          )}
          {basisKind === 'art-11-1a' && (
            <>
              <TextInput label="Placówka" {...register('basis.institution')} error={basisErrors?.institution?.message} />
              <FormDateField control={control}
                label="Data opuszczenia placówki"
                name={'basis.leftInstitutionOn'}
                error={basisErrors?.leftInstitutionOn?.message}
              />
            </>
          )}
          <TextInput
            label="Miejsce spotkań z asystentem"
            description="Na dokumencie: „Spotkania … będą się odbywać …”."
            required
            list="meeting-places"
            {...register('meetingPlace')}
            error={err('meetingPlace')}
          />
          <TextInput
            label="Częstotliwość spotkań (nie rzadziej niż…)"
            required
            list="meeting-frequencies"
            {...register('meetingFrequency')}
            error={err('meetingFrequency')}
          />
          <datalist id="meeting-places">
            {MEETING_PLACES.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          <datalist id="meeting-frequencies">
            {MEETING_FREQUENCIES.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
          {note}
        </>
      );
    case 'recordRefusal':
      return (
        <>
          {date('refusedOn', 'Data odmowy')}
          {note}
        </>
      );
    default:
      return <Text c="dimmed">Tej czynności nie można jeszcze zapisać w tej wersji programu.</Text>;
  }
}

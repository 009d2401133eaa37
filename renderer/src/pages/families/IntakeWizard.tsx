import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, Group, Loader, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { intakeSchema } from '../../../../shared/registrySchemas';
import { CASE_SOURCES, checkIntake, LIFECYCLE_BASIS, interviewDueDate, isIsoDate, REFERRAL_SOURCES, type CaseSource } from '../../../../shared/rules';
import { ApiError, call } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList, type FindingView } from '../../components/registry/Findings';
import { GENERAL_SOURCES, todayIso } from '../../components/registry/labels';
import { applyApiError } from '../../forms';
import { formatDate } from '../../format';
import { headNameOf, useFamily } from './FamilyCard';
import { go, href } from './nav';
import { FormDateField } from '../../components/DateField';

type FormIn = z.input<typeof intakeSchema>;
type FormOut = z.output<typeof intakeSchema>;

function sourceDescription(s: CaseSource): string | undefined {
  return (REFERRAL_SOURCES as Record<string, { basis: string } | undefined>)[s]?.basis ?? (s === 'child-in-foster-care' ? 'art. 11 ustawy o wspieraniu rodziny (ta sama ścieżka co po powzięciu informacji przez ośrodek)' : undefined);
}

/** Referral (zgłoszenie): source, dates, urgency with the RWŚ due date computed live, court order for S4. */
export function IntakeWizard({ familyId }: { familyId: string }) {
  const { family, error: loadError } = useFamily(familyId);
  const [formError, setFormError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<FindingView[] | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(intakeSchema),
    defaultValues: {
      familyId,
      source: undefined as unknown as FormIn['source'],
      learnedOn: todayIso(),
      urgent: false,
      reportedBy: '',
      description: '',
      courtOrder: { court: '', caseRef: '', date: '' },
    },
  });
  const { register, control, formState, setError } = form;
  const errors = formState.errors;
  const [source, learnedOn, urgent, courtOrder] = useWatch({ control, name: ['source', 'learnedOn', 'urgent', 'courtOrder'] });
  const due = learnedOn && isIsoDate(learnedOn) ? interviewDueDate({ learnedOn, urgent: !!urgent }) : null;
  const preview =
    source && learnedOn && isIsoDate(learnedOn)
      ? checkIntake({
          source,
          learnedOn,
          urgent: !!urgent,
          courtOrder:
            source === 'court-order' && courtOrder
              ? { court: courtOrder.court ?? '', caseRef: courtOrder.caseRef ?? '', date: courtOrder.date ?? '' }
              : null,
          asOf: todayIso(),
        }).findings.filter((f) => f.code !== 'INTERVIEW_DUE')
      : [];

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setRefusal(null);
    try {
      const res = await call('cases:intake', { ...v, courtOrder: v.source === 'court-order' ? v.courtOrder : null });
      go(href.case(res.case.id));
    } catch (e) {
      setFormError(applyApiError(e, setError, ['source', 'learnedOn', 'courtOrder', 'courtOrder.court', 'courtOrder.caseRef', 'courtOrder.date']));
      if (e instanceof ApiError && e.findings) setRefusal(e.findings);
    }
  });

  return (
    <>
      <PageTitle
        subtitle={family ? `Rodzina: ${headNameOf(family)}, ${family.address}, ${family.place}` : undefined}
        right={
          <Button component="a" variant="default" href={href.card(familyId)}>
            Anuluj
          </Button>
        }
      >
        Nowe zgłoszenie
      </PageTitle>
      {loadError && (
        <Alert color="red" role="alert">
          {loadError}
        </Alert>
      )}
      {!family && !loadError && <Loader aria-label="Wczytywanie rodziny" />}
      <form
        onSubmit={(e) => void onSubmit(e)}
        noValidate
        aria-label="Nowe zgłoszenie"
        // A change answers the last refusal: it goes, and the live findings take over.
        onChangeCapture={() => refusal && setRefusal(null)}
      >
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              1. Źródło informacji o rodzinie
            </Title>
            <Controller
              control={control}
              name="source"
              render={({ field }) => (
                <Radio.Group
                  label="Źródło zgłoszenia"
                  required
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v as CaseSource)}
                  error={errors.source?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {GENERAL_SOURCES.map((s) => (
                      <Radio key={s} value={s} label={CASE_SOURCES[s].label} description={sourceDescription(s)} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
          </Paper>

          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              2. Termin wywiadu środowiskowego
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FormDateField control={control} label="Data powzięcia informacji" required name={'learnedOn'} error={errors.learnedOn?.message} />
              <Checkbox mt={28} label="Sprawa pilna (wywiad w ciągu 2 dni roboczych)" {...register('urgent')} />
            </SimpleGrid>
            <Alert color="blue" mt="md" role="status" title="Termin przeprowadzenia rodzinnego wywiadu środowiskowego">
              {due ? (
                <Text data-testid="rws-due-preview">
                  {formatDate(due)} — {urgent ? '2 dni robocze (sprawa pilna)' : '14 dni roboczych'} od powzięcia informacji (z pominięciem świąt).
                </Text>
              ) : (
                <Text>Wpisz datę powzięcia informacji.</Text>
              )}
              <Text size="xs" c="dimmed">
                Podstawa: {LIFECYCLE_BASIS.interview}
              </Text>
            </Alert>
          </Paper>

          {source === 'court-order' && (
            <Paper withBorder p="lg">
              <Fieldset legend="Postanowienie sądu (art. 109 § 2 pkt 1 KRO)">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label="Sąd" required {...register('courtOrder.court')} error={errors.courtOrder?.court?.message} />
                  <TextInput label="Sygnatura akt" required {...register('courtOrder.caseRef')} error={errors.courtOrder?.caseRef?.message} />
                  <FormDateField control={control} label="Data postanowienia" required name={'courtOrder.date'} error={errors.courtOrder?.date?.message} />
                </SimpleGrid>
                {errors.courtOrder?.message && (
                  <Text c="red" size="sm">
                    {errors.courtOrder.message}
                  </Text>
                )}
              </Fieldset>
            </Paper>
          )}

          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              3. Opis zgłoszenia
            </Title>
            <Stack>
              <TextInput label="Kto zgłosił" placeholder="np. pedagog szkolny, dzielnicowy, sama rodzina" {...register('reportedBy')} error={errors.reportedBy?.message} />
              <Textarea label="Opis sytuacji" autosize minRows={3} {...register('description')} error={errors.description?.message} />
            </Stack>
          </Paper>

          <FindingsList findings={preview} />
          <FormError message={formError} />
          <FindingsList findings={refusal} />
          <Group>
            <Button type="submit" loading={formState.isSubmitting}>
              Przyjmij zgłoszenie
            </Button>
            <Button component="a" variant="default" href={href.card(familyId)}>
              Anuluj
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/** Ustawienia → Praca z rodziną (head): entry lock, monitoring length, visit gap (office:*WorkSettings). */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { workSettingsSchema, type WorkSettings } from '../../../../shared/workSchemas';
import { call } from '../../api';
import { IntegerField } from '../../components/IntegerField';
import { PageTitle } from '../../components/PageTitle';
import { applyApiError } from '../../forms';

const FIELDS = ['entryLockDays', 'monitoringMonths', 'maxDaysBetweenVisits', 'visitGapReminderDays', 'firstAssessmentFrom'] as const;

export function WorkSettingsPage() {
  const [version, setVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<WorkSettings>({ resolver: zodResolver(workSettingsSchema) as never });
  const { control, handleSubmit, reset, setError: setFieldError, formState } = form;

  useEffect(() => {
    void call('office:getWorkSettings', {})
      .then(({ version: v, ...rest }) => {
        reset(rest);
        setVersion(v);
      })
      .catch((e) => setError(applyApiError(e, setFieldError, FIELDS)));
  }, [reset, setFieldError]);

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      const r = await call('office:updateWorkSettings', { ...values, version: version ?? 0 });
      setVersion(r.version);
      setSaved(true);
    } catch (e) {
      setError(applyApiError(e, setFieldError, FIELDS));
    }
  });

  const num = (name: Exclude<(typeof FIELDS)[number], 'firstAssessmentFrom'>, label: string, min: number, max: number, description?: string) => (
    <IntegerField control={control} name={name} label={label} description={description} min={min} max={max} onEdit={() => setSaved(false)} />
  );

  return (
    <>
      <PageTitle subtitle="Ustawienia ośrodka: blokada wpisów, monitoring, wizyty">Parametry pracy z rodziną</PageTitle>
      {version === null && !error && <Loader aria-label="Wczytywanie ustawień" />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {saved && (
        <Alert color="green" role="status">
          Zapisano ustawienia pracy z rodziną.
        </Alert>
      )}
      {version !== null && (
        <Paper withBorder p="lg" component="form" onSubmit={(e) => void onSubmit(e)}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {num('entryLockDays', 'Blokada wpisów w dzienniku (dni od zapisu)', 1, 90, 'Po tym czasie wpis można tylko uzupełnić datowaną adnotacją.')}
              {num('monitoringMonths', 'Monitoring po zakończeniu pracy (miesiące)', 1, 24)}
              {num('maxDaysBetweenVisits', 'Najdłuższa przerwa między wizytami (dni)', 1, 120)}
              {num('visitGapReminderDays', 'Przypomnienie o wizycie (dni przed upływem przerwy)', 0, 30)}
              <Controller
                control={control}
                name="firstAssessmentFrom"
                render={({ field }) => (
                  <NativeSelect
                    label="Pierwsza ocena okresowa liczona od"
                    data={[
                      { value: 'assignment', label: 'przydzielenia asystenta' },
                      { value: 'consent', label: 'zgody rodziny' },
                    ]}
                    value={field.value}
                    onChange={(e) => field.onChange(e.currentTarget.value)}
                  />
                )}
              />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              Zmiana dotyczy nowych wpisów i terminów; wpisy już zablokowane pozostają zablokowane.
            </Text>
            <Group>
              <Button type="submit" loading={formState.isSubmitting}>
                Zapisz ustawienia
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </>
  );
}

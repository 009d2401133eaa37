import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, idleMinutesSchema, officeProfileSchema } from '../../../shared/schemas';
import { call, errorMessage, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { IntegerField } from '../components/IntegerField';
import { OFFICE_FIELDS, OfficeFields, type OfficeFormIn, type OfficeFormOut } from '../components/OfficeFields';
import { PageTitle } from '../components/PageTitle';
import { RecoveryKeyRegenerate } from '../components/RecoveryKeyRegenerate';
import { CaseSettingsSection } from '../components/registry/CaseSettingsSection';
import { DocumentTextsSection } from '../components/documents/DocumentTextsSection';
import { OfficePapersSection } from '../components/documents/OfficePapersSection';
import { applyApiError } from '../forms';
import { useSession } from '../session';

export function SettingsPage() {
  return (
    <>
      <PageTitle>Ustawienia</PageTitle>
      <IdleSettings />
      <OfficeSettings />
      <CaseSettingsSection />
      <OfficePapersSection />
      <DocumentTextsSection />
      <RecoverySettings />
    </>
  );
}

const idleSchema = z.object({ idleMinutes: idleMinutesSchema });
type IdleIn = z.input<typeof idleSchema>;
type IdleOut = z.output<typeof idleSchema>;

function IdleSettings() {
  const { patchStatus } = useSession();
  const [loaded, setLoaded] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<IdleIn, unknown, IdleOut>({ resolver: zodResolver(idleSchema), defaultValues: { idleMinutes: 15 } });

  useEffect(() => {
    call('settings:get', {})
      .then((s) => {
        form.reset({ idleMinutes: s.idleMinutes });
        setLoaded(true);
      })
      .catch((e: unknown) => setFormError(errorMessage(e)));
  }, [form]);

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setSaved(false);
    try {
      const s = await call('settings:update', { idleMinutes: v.idleMinutes });
      form.reset({ idleMinutes: s.idleMinutes });
      patchStatus({ idleMinutes: s.idleMinutes });
      setSaved(true);
    } catch (e) {
      setFormError(applyApiError(e, form.setError, ['idleMinutes']));
    }
  });

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={520}>
          <Title order={2} size="h4">
            Automatyczna blokada
          </Title>
          <Text size="sm">
            Po tylu minutach bez używania klawiatury i myszy Asysta blokuje sesję; do dalszej pracy trzeba wpisać hasło.
          </Text>
          <FormError message={formError} />
          {saved && (
            <Alert color="green" role="status">
              Zapisano czas blokady.
            </Alert>
          )}
          {!loaded && !formError ? (
            <Loader size="sm" aria-label="Wczytywanie" />
          ) : (
            <IntegerField
              control={form.control}
              name="idleMinutes"
              label="Blokada po bezczynności (minuty)"
              description={`Od ${IDLE_MINUTES_MIN} do ${IDLE_MINUTES_MAX} minut.`}
              min={IDLE_MINUTES_MIN}
              max={IDLE_MINUTES_MAX}
              width={260}
              onEdit={() => setSaved(false)}
            />
          )}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting} disabled={!loaded}>
              Zapisz czas blokady
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function OfficeSettings() {
  const { patchStatus } = useSession();
  const [version, setVersion] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<OfficeFormIn, unknown, OfficeFormOut>({ resolver: zodResolver(officeProfileSchema) });

  const load = async () => {
    try {
      const { version: v, ...profile } = await call('office:get', {});
      form.reset(profile);
      setVersion(v);
    } catch (e) {
      setFormError(errorMessage(e));
    }
  };

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onSubmit = form.handleSubmit(async (profile) => {
    if (version === null) return;
    setFormError(null);
    setSaved(false);
    try {
      const { version: v, ...next } = await call('office:update', { ...profile, version });
      form.reset(next);
      setVersion(v);
      patchStatus({ officeName: next.name });
      setSaved(true);
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) {
        setFormError(e.message);
        return;
      }
      setFormError(applyApiError(e, form.setError, OFFICE_FIELDS));
    }
  });

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={720}>
          <Title order={2} size="h4">
            Dane ośrodka
          </Title>
          <FormError message={formError} />
          {saved && (
            <Alert color="green" role="status">
              Zapisano dane ośrodka.
            </Alert>
          )}
          {version === null && !formError ? (
            <Loader size="sm" aria-label="Wczytywanie" />
          ) : (
            <OfficeFields form={form} />
          )}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting} disabled={version === null}>
              Zapisz dane ośrodka
            </Button>
            {formError && version !== null && (
              <Button variant="default" onClick={() => void load().then(() => setFormError(null))}>
                Wczytaj aktualne dane
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RecoverySettings() {
  const { status } = useSession();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm" maw={900}>
        <Title order={2} size="h4">
          Klucz odzyskiwania
        </Title>
        <Text size="sm">
          {status.recoveryKeyConfirmed
            ? 'Klucz odzyskiwania jest potwierdzony. Jeśli karta zaginęła lub mógł ją zobaczyć ktoś niepowołany, wygeneruj nowy klucz — dotychczasowy przestanie działać.'
            : 'Klucz odzyskiwania nie został potwierdzony. Wygeneruj nowy klucz, zapisz go i potwierdź.'}
        </Text>
        {done && (
          <Alert color="green" role="status">
            Nowy klucz odzyskiwania został potwierdzony.
          </Alert>
        )}
        {open ? (
          <RecoveryKeyRegenerate
            onCancel={() => setOpen(false)}
            onDone={() => {
              setOpen(false);
              setDone(true);
            }}
          />
        ) : (
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setDone(false);
                setOpen(true);
              }}
            >
              Wygeneruj nowy klucz odzyskiwania
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

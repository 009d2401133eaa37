import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Container, Group, PasswordInput, Paper, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { loginSchema, officeProfileSchema, passwordSchema, personNameSchema, suggestLogin } from '../../../shared/schemas';
import { call, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { DisplaySwitch } from '../components/DisplaySwitch';
import { emptyOffice, OFFICE_FIELDS, OfficeFields, type OfficeFormIn, type OfficeFormOut } from '../components/OfficeFields';
import { RecoveryKeyCard } from '../components/RecoveryKeyCard';
import { RecoveryKeyConfirm } from '../components/RecoveryKeyConfirm';
import { restoredNotice, RestoreFromBackup } from '../components/RestoreFromBackup';
import { applyApiError, PASSWORD_RULE, repeatField, withRepeat } from '../forms';

const adminSchema = withRepeat(
  z.object({ fullName: personNameSchema, login: loginSchema, password: passwordSchema, repeat: repeatField }),
  'password',
  'repeat',
);
type AdminIn = z.input<typeof adminSchema>;
type AdminOut = z.output<typeof adminSchema>;
const ADMIN_FIELDS = ['fullName', 'login', 'password', 'repeat'] as const;

export interface SetupWizardProps {
  /** The key is confirmed: continue to the login screen. */
  onDone: () => void;
  /** Data restored from a backup instead (issue 6): the login screen with this message. */
  onRestored?: (notice: string) => void;
}

/**
 * First run: office profile, the head's account, the recovery key card and the retyping check.
 * The recovery key lives only in this component's state.
 */
export function SetupWizard({ onDone, onRestored }: SetupWizardProps) {
  const [step, setStep] = useState(0);
  const [restoring, setRestoring] = useState(false);
  const [created, setCreated] = useState<{ recoveryKey: string; officeName: string; at: Date } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const officeForm = useForm<OfficeFormIn, unknown, OfficeFormOut>({
    resolver: zodResolver(officeProfileSchema),
    defaultValues: emptyOffice,
  });
  const adminForm = useForm<AdminIn, unknown, AdminOut>({
    resolver: zodResolver(adminSchema),
    defaultValues: { fullName: '', login: '', password: '', repeat: '' },
  });

  // The login follows the head's name ("a.kowalska") until the user types one of their own.
  const adminName = adminForm.watch('fullName');
  useEffect(() => {
    if (!adminForm.getFieldState('login').isDirty) adminForm.setValue('login', suggestLogin(adminName ?? ''));
  }, [adminName, adminForm]);

  const submitOffice = officeForm.handleSubmit((office) => {
    if (!adminForm.getValues('fullName')) adminForm.setValue('fullName', office.headName);
    setFormError(null);
    setStep(1);
  });

  const submitAdmin = adminForm.handleSubmit(async (admin) => {
    setFormError(null);
    // The office step was validated when leaving it; parse again to get the cleaned values.
    const office = officeProfileSchema.safeParse(officeForm.getValues());
    if (!office.success) {
      setStep(0);
      void officeForm.trigger();
      return;
    }
    try {
      const { recoveryKey } = await call('setup:initialize', {
        office: office.data,
        admin: { fullName: admin.fullName, login: admin.login, password: admin.password },
      });
      adminForm.resetField('password');
      adminForm.resetField('repeat');
      setCreated({ recoveryKey, officeName: office.data.name, at: new Date() });
      setStep(2);
    } catch (e) {
      const fields = isApiError(e) ? Object.keys(e.fields ?? {}) : [];
      if (fields.some((f) => f.startsWith('office.'))) {
        setStep(0);
        setFormError(applyApiError(e, officeForm.setError, OFFICE_FIELDS, 'office.'));
      } else {
        setFormError(applyApiError(e, adminForm.setError, ADMIN_FIELDS, 'admin.'));
      }
    }
  });

  const ae = adminForm.formState.errors;

  if (restoring && onRestored) {
    return (
      <Container size="md" py="xl">
        <Stack gap="lg">
          <Group justify="flex-end">
            <DisplaySwitch />
          </Group>
          <div>
            <Title order={1}>Asysta — przywracanie z kopii zapasowej</Title>
            <Text c="dimmed">
              Nowy komputer lub ponowna instalacja: wskaż plik kopii zapasowej ośrodka (np. z pendrive&apos;a).
            </Text>
          </div>
          <Paper withBorder p="lg">
            <RestoreFromBackup onCancel={() => setRestoring(false)} onRestored={(r) => onRestored(restoredNotice(r))} />
          </Paper>
        </Stack>
      </Container>
    );
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="flex-end">
          <DisplaySwitch />
        </Group>
        <div>
          <Title order={1}>Asysta — pierwsze uruchomienie</Title>
          <Text c="dimmed">
            Kreator pierwszego uruchomienia: wpisz dane ośrodka i utwórz konto kierownika. Na końcu otrzymasz klucz
            odzyskiwania.
          </Text>
        </div>
        <Stepper active={step} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label="Dane ośrodka">
            <Paper withBorder p="lg" mt="md">
              <form onSubmit={submitOffice} noValidate>
                <Stack gap="sm">
                  <Title order={2} size="h3">
                    Dane ośrodka
                  </Title>
                  {onRestored && (
                    <Alert color="gray" variant="light">
                      <Group justify="space-between" gap="sm">
                        <Text size="sm">Masz kopię zapasową Asysty (np. z poprzedniego komputera)?</Text>
                        <Button variant="light" size="sm" onClick={() => setRestoring(true)}>
                          Przywróć z kopii zapasowej
                        </Button>
                      </Group>
                    </Alert>
                  )}
                  <FormError message={step === 0 ? formError : null} />
                  <OfficeFields form={officeForm} autoFocus />
                  <Group justify="flex-end" mt="sm">
                    <Button type="submit">Dalej</Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          </Stepper.Step>

          <Stepper.Step label="Konto kierownika">
            <Paper withBorder p="lg" mt="md">
              <form onSubmit={submitAdmin} noValidate>
                <Stack gap="sm">
                  <Title order={2} size="h3">
                    Konto kierownika
                  </Title>
                  <Text size="sm">
                    Kierownik ośrodka jest administratorem Asysty: zakłada konta pracowników i przegląda dziennik
                    zdarzeń.
                  </Text>
                  <FormError message={step === 1 ? formError : null} />
                  <TextInput
                    label="Imię i nazwisko" required
                    autoFocus
                    error={ae.fullName?.message}
                    {...adminForm.register('fullName')}
                  />
                  <TextInput
                    label="Login" required
                    description="Małe litery bez polskich znaków, cyfry, kropka, myślnik lub podkreślenie, np. a.kowalska"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    error={ae.login?.message}
                    {...adminForm.register('login')}
                  />
                  <PasswordInput
                    label="Hasło" required
                    description={PASSWORD_RULE}
                    autoComplete="new-password"
                    error={ae.password?.message}
                    {...adminForm.register('password')}
                  />
                  <PasswordInput
                    label="Powtórz hasło" required
                    autoComplete="new-password"
                    error={ae.repeat?.message}
                    {...adminForm.register('repeat')}
                  />
                  <Group justify="space-between" mt="sm">
                    <Button variant="default" onClick={() => setStep(0)} disabled={adminForm.formState.isSubmitting}>
                      Wstecz
                    </Button>
                    <Button type="submit" loading={adminForm.formState.isSubmitting}>
                      Utwórz ośrodek
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Paper>
          </Stepper.Step>

          <Stepper.Step label="Klucz odzyskiwania">
            {created && (
              <Stack mt="md">
                <RecoveryKeyCard
                  recoveryKey={created.recoveryKey}
                  officeName={created.officeName}
                  createdAt={created.at}
                  onNext={() => setStep(3)}
                />
              </Stack>
            )}
          </Stepper.Step>

          <Stepper.Step label="Sprawdzenie">
            <Paper withBorder p="lg" mt="md">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  Sprawdzenie klucza
                </Title>
                <RecoveryKeyConfirm onBack={() => setStep(2)} onConfirmed={onDone} />
              </Stack>
            </Paper>
          </Stepper.Step>
        </Stepper>
      </Stack>
    </Container>
  );
}

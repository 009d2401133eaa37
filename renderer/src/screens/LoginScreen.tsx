import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { enteredPasswordSchema, loginSchema, passwordSchema, recoveryKeySchema } from '../../../shared/schemas';
import type { SessionUser } from '../../../shared/ipc/contract';
import { call, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { DisplaySwitch } from '../components/DisplaySwitch';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { applyApiError, repeatField, withRepeat } from '../forms';
import { useCountdown } from '../useCountdown';

const loginFormSchema = z.object({ login: loginSchema, password: enteredPasswordSchema });
type LoginIn = z.input<typeof loginFormSchema>;
type LoginOut = z.output<typeof loginFormSchema>;

export interface Notice {
  text: string;
  color: 'green' | 'blue' | 'yellow' | 'red';
}

export interface LoginScreenProps {
  officeName: string | null;
  /** Shown above the form (e.g. "Ośrodek został skonfigurowany…", "Wylogowano."). */
  notice: Notice | null;
  onLoggedIn: (user: SessionUser) => void;
}

export function LoginScreen({ officeName, notice, onLoggedIn }: LoginScreenProps) {
  const [mode, setMode] = useState<'login' | 'recover'>('login');
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={mode === 'login' ? 420 : 560}>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" gap="sm">
            <div>
              <Title order={1}>Asysta</Title>
              {officeName && <Text c="dimmed">{officeName}</Text>}
            </div>
            <DisplaySwitch />
          </Group>
          {mode === 'login' ? (
            <LoginForm notice={notice} onLoggedIn={onLoggedIn} onForgot={() => setMode('recover')} />
          ) : (
            <RecoverForm onLoggedIn={onLoggedIn} onBack={() => setMode('login')} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

function LoginForm({
  notice,
  onLoggedIn,
  onForgot,
}: {
  notice: Notice | null;
  onLoggedIn: (user: SessionUser) => void;
  onForgot: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);
  const throttled = secondsLeft > 0;
  const form = useForm<LoginIn, unknown, LoginOut>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { login: '', password: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (throttled) return;
    setFormError(null);
    try {
      const { user } = await call('auth:login', values);
      onLoggedIn(user);
    } catch (e) {
      form.resetField('password');
      if (isApiError(e, 'THROTTLED') && e.retryAfterSeconds) {
        setRetryAt(Date.now() + e.retryAfterSeconds * 1000);
      }
      setFormError(applyApiError(e, form.setError, ['login', 'password']));
      if (isApiError(e, 'WRONG_CREDENTIALS')) form.setFocus('password');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Logowanie
        </Title>
        {notice && !formError && (
          <Alert color={notice.color} variant="light" role="status">
            {notice.text}
          </Alert>
        )}
        <FormError message={formError} />
        <TextInput
          label="Login"
          autoFocus
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={form.formState.errors.login?.message}
          {...form.register('login')}
        />
        <PasswordInput
          label="Hasło"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        {throttled && (
          <Text c="red" size="sm" role="status" aria-live="polite">
            Spróbuj ponownie za {secondsLeft} s
          </Text>
        )}
        <Button type="submit" fullWidth loading={form.formState.isSubmitting} disabled={throttled}>
          Zaloguj
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onForgot}>
          Nie pamiętam hasła — użyj klucza odzyskiwania
        </Anchor>
      </Stack>
    </form>
  );
}

const recoverSchema = withRepeat(
  z.object({
    recoveryKey: recoveryKeySchema,
    login: loginSchema,
    newPassword: passwordSchema,
    repeat: repeatField,
  }),
  'newPassword',
  'repeat',
);
type RecoverIn = z.input<typeof recoverSchema>;
type RecoverOut = z.output<typeof recoverSchema>;

function RecoverForm({ onLoggedIn, onBack }: { onLoggedIn: (user: SessionUser) => void; onBack: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);
  const throttled = secondsLeft > 0;
  const form = useForm<RecoverIn, unknown, RecoverOut>({
    resolver: zodResolver(recoverSchema),
    defaultValues: { recoveryKey: '', login: '', newPassword: '', repeat: '' },
  });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    if (throttled) return;
    setFormError(null);
    try {
      const { user } = await call('auth:recover', {
        recoveryKey: values.recoveryKey,
        login: values.login,
        newPassword: values.newPassword,
      });
      onLoggedIn(user);
    } catch (err) {
      if (isApiError(err, 'THROTTLED') && err.retryAfterSeconds) {
        setRetryAt(Date.now() + err.retryAfterSeconds * 1000);
      }
      if (isApiError(err, 'WRONG_RECOVERY_KEY')) {
        form.setError('recoveryKey', { type: 'server', message: err.message });
      }
      setFormError(applyApiError(err, form.setError, ['recoveryKey', 'login', 'newPassword', 'repeat']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Odzyskiwanie dostępu
        </Title>
        <Text size="sm">
          Klucz odzyskiwania z karty przechowywanej w ośrodku pozwala kierownikowi ustawić nowe hasło do swojego konta.
        </Text>
        <FormError message={formError} />
        <TextInput
          label="Klucz odzyskiwania"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          placeholder="XXXX-XXXX-XXXX-…"
          error={e.recoveryKey?.message}
          {...form.register('recoveryKey')}
        />
        <TextInput
          label="Login kierownika"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={e.login?.message}
          {...form.register('login')}
        />
        <NewPasswordFields newPassword={form.register('newPassword')} repeat={form.register('repeat')} errors={e} />
        {throttled && (
          <Text c="red" size="sm" role="status" aria-live="polite">
            Spróbuj ponownie za {secondsLeft} s
          </Text>
        )}
        <Button type="submit" fullWidth loading={form.formState.isSubmitting} disabled={throttled}>
          Odzyskaj dostęp
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          Wróć do logowania
        </Anchor>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ROLE_LABELS } from '../../../shared/roles';
import { enteredPasswordSchema } from '../../../shared/schemas';
import type { SessionUser } from '../../../shared/ipc/contract';
import { call, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { DisplaySwitch } from '../components/DisplaySwitch';
import { applyApiError } from '../forms';
import { plural } from '../format';
import { useCountdown } from '../useCountdown';

const schema = z.object({ password: enteredPasswordSchema });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

export type LockReason = 'manual' | 'idle';

export interface LockScreenProps {
  user: SessionUser;
  officeName: string | null;
  reason: LockReason;
  idleMinutes: number;
  onUnlocked: (user: SessionUser) => void;
  onLogout: () => void;
  /** The core ended the session (e.g. the account was deactivated meanwhile). */
  onSessionEnded: (message: string) => void;
}

/** Full-screen lock: nothing of the work behind it stays on screen or in the page. */
export function LockScreen({ user, officeName, reason, idleMinutes, onUnlocked, onLogout, onSessionEnded }: LockScreenProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const secondsLeft = useCountdown(retryAt);
  const throttled = secondsLeft > 0;
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { password: '' },
  });

  const onSubmit = form.handleSubmit(async ({ password }) => {
    if (throttled) return;
    setFormError(null);
    try {
      const res = await call('auth:unlock', { password });
      onUnlocked(res.user);
    } catch (e) {
      form.resetField('password');
      form.setFocus('password');
      if (isApiError(e, 'ACCOUNT_DISABLED')) {
        onSessionEnded(e.message);
        return;
      }
      if (isApiError(e, 'THROTTLED') && e.retryAfterSeconds) setRetryAt(Date.now() + e.retryAfterSeconds * 1000);
      if (isApiError(e, 'WRONG_PASSWORD')) {
        form.setError('password', { type: 'server', message: e.message });
        return;
      }
      setFormError(applyApiError(e, form.setError, ['password']));
    }
  });

  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Paper withBorder shadow="md" p="xl" w="100%" maw={420}>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" gap="sm">
              <div>
                <Title order={1} size="h2">
                  Sesja zablokowana
                </Title>
                {officeName && (
                  <Text size="sm" c="dimmed">
                    {officeName}
                  </Text>
                )}
              </div>
              <DisplaySwitch />
            </Group>
            <div>
              <Text fw={600} size="lg">
                {user.fullName}
              </Text>
              <Text size="sm" c="dimmed">
                {ROLE_LABELS[user.role]} · login: {user.login}
              </Text>
            </div>
            <Text size="sm">
              {reason === 'idle'
                ? `Sesja została zablokowana po ${idleMinutes} ${plural(idleMinutes, 'minucie', 'minutach', 'minutach')} bezczynności. `
                : ''}
              Wpisz swoje hasło, aby wrócić do pracy.
            </Text>
            <FormError message={formError} />
            <PasswordInput
              label="Hasło"
              autoFocus
              autoComplete="current-password"
              error={form.formState.errors.password?.message}
              {...form.register('password')}
            />
            {throttled && (
              <Text c="red" size="sm" role="status" aria-live="polite">
                Spróbuj ponownie za {secondsLeft} s
              </Text>
            )}
            <Group justify="space-between" mt="xs">
              <Button variant="default" onClick={onLogout}>
                Wyloguj
              </Button>
              <Button type="submit" loading={form.formState.isSubmitting} disabled={throttled}>
                Odblokuj
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { enteredPasswordSchema } from '../../../shared/schemas';
import { call, isApiError } from '../api';
import { applyApiError } from '../forms';
import { useSession } from '../session';
import { FormError } from './FormError';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { RecoveryKeyConfirm } from './RecoveryKeyConfirm';

const schema = z.object({ password: enteredPasswordSchema });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

/**
 * A new recovery key: the head confirms with their password, gets the card, retypes the key.
 * The key stays in this component's state only.
 */
export function RecoveryKeyRegenerate({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const { status, patchStatus } = useSession();
  const [stage, setStage] = useState<'password' | 'card' | 'confirm'>('password');
  const [created, setCreated] = useState<{ recoveryKey: string; at: Date } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(schema), defaultValues: { password: '' } });

  const onSubmit = form.handleSubmit(async ({ password }) => {
    setFormError(null);
    try {
      const { recoveryKey } = await call('recovery:regenerate', { password });
      form.reset({ password: '' });
      // The old key no longer works and the new one is not confirmed yet.
      patchStatus({ recoveryKeyConfirmed: false });
      setCreated({ recoveryKey, at: new Date() });
      setStage('card');
    } catch (e) {
      if (isApiError(e, 'WRONG_PASSWORD')) {
        form.setError('password', { type: 'server', message: e.message });
        form.setFocus('password');
        return;
      }
      setFormError(applyApiError(e, form.setError, ['password']));
    }
  });

  if (stage === 'card' && created) {
    return (
      <RecoveryKeyCard
        recoveryKey={created.recoveryKey}
        officeName={status.officeName ?? ''}
        createdAt={created.at}
        onNext={() => setStage('confirm')}
      />
    );
  }

  if (stage === 'confirm') {
    return (
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Sprawdzenie klucza
          </Title>
          <RecoveryKeyConfirm
            onBack={() => setStage('card')}
            onConfirmed={() => {
              patchStatus({ recoveryKeyConfirmed: true });
              onDone();
            }}
          />
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            Nowy klucz odzyskiwania
          </Title>
          <Text size="sm">
            Wpisz swoje hasło, aby wygenerować nowy klucz odzyskiwania. Dotychczasowy klucz przestanie działać — zniszcz
            starą kartę.
          </Text>
          <FormError message={formError} />
          <PasswordInput
            label="Hasło"
            autoFocus
            autoComplete="current-password"
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Anuluj
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Wygeneruj klucz
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

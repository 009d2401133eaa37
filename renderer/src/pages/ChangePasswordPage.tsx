import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { enteredPasswordSchema, passwordSchema } from '../../../shared/schemas';
import { call, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { PageTitle } from '../components/PageTitle';
import { applyApiError, repeatField, withRepeat } from '../forms';

const schema = withRepeat(
  z.object({ currentPassword: enteredPasswordSchema, newPassword: passwordSchema, repeat: repeatField }),
  'newPassword',
  'repeat',
);
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

export function ChangePasswordPage() {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setDone(false);
    try {
      await call('auth:changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      form.reset();
      setDone(true);
    } catch (err) {
      if (isApiError(err, 'WRONG_PASSWORD')) {
        form.setError('currentPassword', { type: 'server', message: err.fields?.currentPassword ?? err.message });
        form.setFocus('currentPassword');
        return;
      }
      setFormError(applyApiError(err, form.setError, ['currentPassword', 'newPassword', 'repeat']));
    }
  });

  return (
    <>
      <PageTitle>Zmień hasło</PageTitle>
      <Paper withBorder p="lg" maw={520}>
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            {done && (
              <Alert color="green" role="status">
                Hasło zostało zmienione. Przy następnym logowaniu użyj nowego hasła.
              </Alert>
            )}
            <FormError message={formError} />
            <PasswordInput
              label="Obecne hasło"
              autoFocus
              autoComplete="current-password"
              error={e.currentPassword?.message}
              {...form.register('currentPassword')}
            />
            <NewPasswordFields newPassword={form.register('newPassword')} repeat={form.register('repeat')} errors={e} />
            <Group justify="flex-end">
              <Button type="submit" loading={form.formState.isSubmitting}>
                Zmień hasło
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

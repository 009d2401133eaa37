import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { recoveryKeySchema } from '../../../shared/schemas';
import { call, isApiError } from '../api';
import { applyApiError } from '../forms';
import { FormError } from './FormError';

const schema = z.object({ recoveryKey: recoveryKeySchema });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

export interface RecoveryKeyConfirmProps {
  onBack: () => void;
  onConfirmed: () => void;
}

/** The administrator retypes the whole key; the core checks it really opens the data. */
export function RecoveryKeyConfirm({ onBack, onConfirmed }: RecoveryKeyConfirmProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { recoveryKey: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await call('setup:confirmRecoveryKey', { recoveryKey: values.recoveryKey });
      onConfirmed();
    } catch (e) {
      if (isApiError(e, 'WRONG_RECOVERY_KEY')) {
        form.setError('recoveryKey', {
          type: 'server',
          message: 'Ten klucz nie pasuje. Sprawdź, czy przepisałeś/przepisałaś wszystkie grupy bez pomyłek.',
        });
        return;
      }
      setFormError(applyApiError(e, form.setError, ['recoveryKey']));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text>
          Przepisz cały klucz odzyskiwania z karty. Myślniki, spacje i wielkość liter nie mają znaczenia.
        </Text>
        <FormError message={formError} />
        <TextInput
          label="Klucz odzyskiwania"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          placeholder="XXXX-XXXX-XXXX-…"
          error={form.formState.errors.recoveryKey?.message}
          {...form.register('recoveryKey')}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            Wróć do karty
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Potwierdź klucz
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Radio, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { enteredPasswordSchema, loginSchema, recoveryKeySchema } from '../../../shared/schemas';
import { ApiError, errorMessage } from '../api';
import { BACKUP_EXTENSION, nativeShell } from '../backup';
import { FormError } from './FormError';

export type BackupSecret = ChannelInput<'backup:verify'>['secret'];
export interface BackupFileAndSecret {
  file: string;
  secret: BackupSecret;
}

const formSchema = z
  .object({
    file: z.string().trim().min(1, { error: 'Wskaż plik kopii zapasowej.' }).max(4096, { error: 'Ścieżka jest za długa.' }),
    via: z.enum(['recoveryKey', 'password']),
    recoveryKey: z.string(),
    login: z.string(),
    password: z.string(),
  })
  .superRefine((v, ctx) => {
    const check = (field: 'recoveryKey' | 'login' | 'password', schema: z.ZodType) => {
      const r = schema.safeParse(v[field]);
      if (!r.success) ctx.addIssue({ code: 'custom', path: [field], message: r.error.issues[0]?.message ?? 'Nieprawidłowa wartość.' });
    };
    if (v.via === 'recoveryKey') check('recoveryKey', recoveryKeySchema);
    else {
      check('login', loginSchema);
      check('password', enteredPasswordSchema);
    }
  });
type FormValues = z.input<typeof formSchema>;

const FIELDS = ['file', 'recoveryKey', 'login', 'password'] as const;

export interface BackupFileFormProps {
  submitLabel: string;
  /** Shown while the core reads the whole file (it can take a while for a large database). */
  busy?: ReactNode;
  /** Called with the validated file and secret; an ApiError it throws is shown on the form. */
  onSubmit: (v: BackupFileAndSecret) => Promise<void>;
  /** Extra buttons next to the submit button (e.g. "Anuluj"). */
  extraButtons?: ReactNode;
  autoFocus?: boolean;
  /** A file to offer in the field (e.g. the backup just made) unless the user typed one. */
  file?: string | null;
}

/**
 * A backup file and the secret that opens it: the recovery key, or the login and password of an
 * account that existed when the backup was made. With the Electron shell a "Wybierz plik…"
 * button opens the system dialog; in the browser preview the path is typed.
 */
export function BackupFileForm({ submitLabel, busy, onSubmit, extraButtons, autoFocus, file }: BackupFileFormProps) {
  const shell = nativeShell();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { file: '', via: 'recoveryKey', recoveryKey: '', login: '', password: '' },
  });
  useEffect(() => {
    if (file && !form.getFieldState('file').isDirty) form.setValue('file', file);
  }, [file, form]);
  const via = form.watch('via');
  const e = form.formState.errors;
  const submitting = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (v) => {
    setFormError(null);
    const secret: BackupSecret =
      v.via === 'recoveryKey'
        ? { recoveryKey: recoveryKeySchema.parse(v.recoveryKey) }
        : { login: loginSchema.parse(v.login), password: v.password };
    try {
      await onSubmit({ file: v.file.trim(), secret });
    } catch (err) {
      setFormError(showApiError(err, (field, message) => form.setError(field, { type: 'server', message })));
    }
  });

  const pickFile = async () => {
    if (!shell) return;
    try {
      const file = await shell.chooseFile();
      if (file) form.setValue('file', file, { shouldValidate: true });
    } catch {
      setFormError('Nie udało się otworzyć okna wyboru pliku. Wpisz ścieżkę do pliku.');
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label="Plik kopii zapasowej"
            description={shell ? undefined : `Pełna ścieżka do pliku ${BACKUP_EXTENSION} (np. na pendrivie).`}
            placeholder={`E:\\Kopie Asysty\\asysta-….${BACKUP_EXTENSION.slice(1)}`}
            autoFocus={autoFocus}
            autoComplete="off"
            spellCheck={false}
            disabled={submitting}
            error={e.file?.message}
            style={{ flex: 1 }}
            {...form.register('file')}
          />
          {shell && (
            <Button variant="default" onClick={() => void pickFile()} disabled={submitting}>
              Wybierz plik…
            </Button>
          )}
        </Group>
        <Controller
          control={form.control}
          name="via"
          render={({ field }) => (
            <Radio.Group label="Czym otworzyć kopię" value={field.value} onChange={(v) => field.onChange(v)}>
              <Group gap="lg" mt={6}>
                <Radio value="recoveryKey" label="Kluczem odzyskiwania" disabled={submitting} />
                <Radio value="password" label="Hasłem konta z chwili wykonania kopii" disabled={submitting} />
              </Group>
            </Radio.Group>
          )}
        />
        {via === 'recoveryKey' ? (
          <TextInput
            label="Klucz odzyskiwania"
            description="Z karty klucza odzyskiwania. Myślniki, spacje i wielkość liter nie mają znaczenia."
            autoComplete="off"
            spellCheck={false}
            disabled={submitting}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            placeholder="XXXX-XXXX-XXXX-…"
            error={e.recoveryKey?.message}
            {...form.register('recoveryKey')}
          />
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label="Login"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              disabled={submitting}
              error={e.login?.message}
              {...form.register('login')}
            />
            <PasswordInput
              label="Hasło"
              description="Hasło, które to konto miało w chwili wykonania kopii."
              autoComplete="off"
              disabled={submitting}
              error={e.password?.message}
              {...form.register('password')}
            />
          </Group>
        )}
        {submitting && busy}
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {extraButtons}
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The Polish message of a backup error for the form-level alert; field messages of the core
 * ("file", "secret.login", …) go on the matching inputs.
 */
export function showApiError(err: unknown, setField: (field: (typeof FIELDS)[number], message: string) => void): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  for (const [raw, message] of Object.entries(err.fields ?? {})) {
    const path = raw.startsWith('secret.') ? raw.slice('secret.'.length) : raw;
    if ((FIELDS as readonly string[]).includes(path)) setField(path as (typeof FIELDS)[number], message);
  }
  return err.message;
}

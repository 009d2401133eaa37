import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm, type Control, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { z } from 'zod';
import type { Account, StaffEntry } from '../../../shared/ipc/contract';
import { countOf, NOUNS } from '../../../shared/grammar';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/roles';
import { newAccountSchema, passwordSchema, personNameSchema, roleSchema, suggestLogin } from '../../../shared/schemas';
import { call, errorMessage, isApiError } from '../api';
import { FormError } from '../components/FormError';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { AreasSection } from '../components/registry/CaseSettingsSection';
import { PageTitle } from '../components/PageTitle';
import { StaffFindings, StaffForm } from '../components/staff/StaffForm';
import { applyApiError, PASSWORD_RULE, repeatField, withRepeat } from '../forms';
import { useSession } from '../session';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
/** What each role sees (issue 7: access scoping in the main process). */
const ROLE_HELP: Record<Role, string> = {
  admin: 'Widzi wszystkie rodziny i sprawy; konta, ustawienia, dziennik zdarzeń.',
  assistant: 'Widzi rodziny swoich spraw (także w monitoringu) i udostępnione na czas zastępstwa.',
  social_worker: 'Widzi rodziny, które zgłosił lub zarejestrował, albo — przy podziale na rejony — ze swojego rejonu.',
  dpo: 'Widzi dziennik zdarzeń, listę kont i okresy przechowywania; bez dostępu do danych rodzin i spraw.',
};
const LIMIT_LABEL = 'Limit rodzin (art. 15 ust. 4 — najwyżej 15)';
const LIMIT_HELP = 'Nieobowiązkowe. Puste pole oznacza limit ustawowy: 15 rodzin.';
const MODAL_CLOSE = { 'aria-label': 'Zamknij' };

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'deactivate'; account: Account }
  | { kind: 'activate'; account: Account }
  | { kind: 'password'; account: Account }
  | { kind: 'staff'; entry: StaffEntry };

export function UsersPage() {
  const { user: me } = useSession();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [staff, setStaff] = useState<Map<string, StaffEntry>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Bumped on every reload of the accounts: the areas table below follows (new accounts appear).
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      setAccounts(await call('users:list', {}));
      if (me.role === 'admin') setStaff(new Map((await call('staff:list', {})).map((e) => [e.userId, e])));
      setRevision((r) => r + 1);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [me.role]);

  useEffect(() => {
    void load();
  }, [load]);

  const finish = (message: string) => {
    setDialog(null);
    setDone(message);
    void load();
  };
  const open = (d: Dialog) => {
    setDone(null);
    setDialog(d);
  };

  return (
    <>
      <PageTitle right={<Button onClick={() => open({ kind: 'create' })}>Nowe konto</Button>}>Konta użytkowników</PageTitle>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Zamknij" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" striped aria-label="Konta użytkowników">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Imię i nazwisko</Table.Th>
                <Table.Th>Login</Table.Th>
                <Table.Th>Rola</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Limit rodzin</Table.Th>
                <Table.Th>Kadra</Table.Th>
                <Table.Th>Działania</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts?.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td fw={500}>
                    {a.fullName}
                    {a.id === me.id && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        (Ty)
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace">{a.login}</Table.Td>
                  <Table.Td>{ROLE_LABELS[a.role]}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} c={a.active ? 'green.8' : 'red.8'} style={{ whiteSpace: 'nowrap' }}>
                      {a.active ? 'Aktywne' : 'Nieaktywne'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.role === 'assistant' ? (a.personalLimit ?? 'ustawowy (15)') : '—'}</Table.Td>
                  <Table.Td>
                    {staff.get(a.id) && (
                      <Text size="sm" c={staff.get(a.id)!.findings.length ? 'orange.9' : 'green.8'} style={{ whiteSpace: 'nowrap' }}>
                        {staff.get(a.id)!.findings.length ? `braki: ${countOf(staff.get(a.id)!.findings.length, NOUNS.pozycja)}` : 'kompletna'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {staff.get(a.id) && (
                        <Button size="xs" variant="default" onClick={() => open({ kind: 'staff', entry: staff.get(a.id)! })}>
                          Kadra
                        </Button>
                      )}
                      <Button size="xs" variant="default" onClick={() => open({ kind: 'edit', account: a })}>
                        Edytuj
                      </Button>
                      <Button size="xs" variant="default" onClick={() => open({ kind: 'password', account: a })}>
                        Nadaj nowe hasło
                      </Button>
                      {a.active ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          disabled={a.id === me.id}
                          title={a.id === me.id ? 'Nie możesz dezaktywować własnego konta.' : undefined}
                          onClick={() => open({ kind: 'deactivate', account: a })}
                        >
                          Dezaktywuj
                        </Button>
                      ) : (
                        <Button size="xs" variant="light" color="green" onClick={() => open({ kind: 'activate', account: a })}>
                          Aktywuj
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? (dialog.kind === 'staff' ? `Dane kadrowe: ${dialog.entry.fullName}` : DIALOG_TITLES[dialog.kind]) : ''}
        size={dialog?.kind === 'staff' ? 'xl' : 'lg'}
        closeButtonProps={MODAL_CLOSE}
      >
        {dialog?.kind === 'create' && (
          <CreateAccountForm onCancel={() => setDialog(null)} onDone={(a) => finish(`Utworzono konto ${a.fullName} (${a.login}).`)} />
        )}
        {dialog?.kind === 'staff' && (
          <Stack gap="sm">
            <StaffFindings entry={dialog.entry} />
            <StaffForm
              entry={dialog.entry}
              onCancel={() => setDialog(null)}
              onDone={(e) =>
                finish(
                  e.findings.length
                    ? `Zapisano dane kadrowe: ${e.fullName}. Do uzupełnienia: ${countOf(e.findings.length, NOUNS.pozycja)}.`
                    : `Zapisano dane kadrowe: ${e.fullName}. Dane są kompletne.`,
                )
              }
            />
          </Stack>
        )}
        {dialog?.kind === 'edit' && (
          <EditAccountForm
            account={dialog.account}
            onCancel={() => setDialog(null)}
            onDone={(a) => finish(`Zapisano zmiany konta ${a.fullName}.`)}
            onStale={() => void load()}
          />
        )}
        {dialog?.kind === 'deactivate' && (
          <DeactivateConfirm
            account={dialog.account}
            onCancel={() => setDialog(null)}
            onDone={(a) => finish(`Konto ${a.fullName} zostało dezaktywowane.`)}
            onStale={() => void load()}
          />
        )}
        {dialog?.kind === 'activate' && (
          <PasswordForm
            intro={`Konto ${dialog.account.fullName} (${dialog.account.login}) zostanie aktywowane z nowym hasłem. Przekaż hasło tej osobie osobiście.`}
            submitLabel="Aktywuj konto"
            onCancel={() => setDialog(null)}
            submit={async (newPassword) => {
              const a = await call('users:setActive', {
                id: dialog.account.id,
                version: dialog.account.version,
                active: true,
                newPassword,
              });
              finish(`Konto ${a.fullName} zostało aktywowane.`);
            }}
            onStale={() => void load()}
          />
        )}
        {dialog?.kind === 'password' && (
          <PasswordForm
            intro={`Nowe hasło dla konta ${dialog.account.fullName} (${dialog.account.login}). Przekaż je tej osobie osobiście; może je potem zmienić w „Zmień hasło”.`}
            submitLabel="Nadaj hasło"
            onCancel={() => setDialog(null)}
            submit={async (newPassword) => {
              await call('users:resetPassword', { id: dialog.account.id, newPassword });
              finish(`Nadano nowe hasło kontu ${dialog.account.fullName}.`);
            }}
            onStale={() => void load()}
          />
        )}
      </Modal>
      <AreasSection revision={revision} />
    </>
  );
}

const DIALOG_TITLES: Record<Dialog['kind'], string> = {
  create: 'Nowe konto',
  staff: 'Dane kadrowe',
  edit: 'Zmiana konta',
  deactivate: 'Dezaktywacja konta',
  activate: 'Aktywacja konta',
  password: 'Nadaj nowe hasło',
};

function FormButtons({ onCancel, submitLabel, loading, danger }: { onCancel: () => void; submitLabel: string; loading: boolean; danger?: boolean }) {
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        Anuluj
      </Button>
      <Button type="submit" loading={loading} color={danger ? 'red' : undefined}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/** Caseload limit input: empty means the statutory maximum (null). */
function LimitInput<T extends FieldValues>({ control, name, error }: { control: Control<T>; name: Path<T>; error?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={LIMIT_LABEL}
          description={LIMIT_HELP}
          min={1}
          max={15}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          error={error}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={(field.value as number | null | undefined) ?? ''}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
        />
      )}
    />
  );
}

/** The caseload limit as stored: only an assistant has one (empty = the statutory maximum). */
const limitFor = (v: { role: Role; personalLimit?: number | null }): number | null => (v.role === 'assistant' ? (v.personalLimit ?? null) : null);

function staleMessage(e: unknown, onStale: () => void): string | null {
  if (isApiError(e, 'STALE_EDIT', 'NOT_FOUND')) {
    onStale();
    return `${e.message} Zamknij okno i otwórz je ponownie.`;
  }
  return null;
}

/**
 * A form in an account dialog: validated on screen by `schema`; on a valid submit `send` runs. A
 * refusal is shown on its field (one of `fields`) or above the form; with `onStale`, a stale edit
 * or a removed account asks to close the dialog and open it again.
 */
function useDialogForm<In extends FieldValues, Out>(
  schema: z.ZodType<Out, In>,
  defaultValues: DefaultValues<In>,
  fields: readonly Path<In>[],
  send: (v: Out) => Promise<void>,
  onStale?: () => void,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues });
  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      await send(v);
    } catch (err) {
      setFormError((onStale ? staleMessage(err, onStale) : null) ?? applyApiError(err, form.setError, fields));
    }
  });
  return { form, errors: form.formState.errors, formError, onSubmit };
}

const createSchema = withRepeat(newAccountSchema.extend({ repeat: repeatField }), 'password', 'repeat');
type CreateIn = z.input<typeof createSchema>;
type CreateOut = z.output<typeof createSchema>;

function CreateAccountForm({ onCancel, onDone }: { onCancel: () => void; onDone: (a: Account) => void }) {
  const { form, errors: e, formError, onSubmit } = useDialogForm<CreateIn, CreateOut>(
    createSchema,
    { fullName: '', login: '', role: 'assistant', password: '', repeat: '', personalLimit: null },
    ['fullName', 'login', 'role', 'password', 'personalLimit'],
    async (v) => {
      onDone(await call('users:create', { fullName: v.fullName, login: v.login, role: v.role, password: v.password, personalLimit: limitFor(v) }));
    },
  );
  const role = form.watch('role');
  const fullName = form.watch('fullName');
  // The login follows the name ("j.nowak") until the user types one of their own.
  useEffect(() => {
    if (!form.getFieldState('login').isDirty) form.setValue('login', suggestLogin(fullName ?? ''));
  }, [fullName, form]);

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={formError} />
        <TextInput label="Imię i nazwisko" required autoFocus error={e.fullName?.message} {...form.register('fullName')} />
        <TextInput
          label="Login" required
          description="Małe litery bez polskich znaków, cyfry, kropka, myślnik lub podkreślenie, np. j.nowak"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={e.login?.message}
          {...form.register('login')}
        />
        <NativeSelect label="Rola" required data={ROLE_OPTIONS} description={ROLE_HELP[role]} error={e.role?.message} {...form.register('role')} />
        {role === 'assistant' && <LimitInput control={form.control} name="personalLimit" error={e.personalLimit?.message} />}
        <PasswordInput
          label="Hasło" required
          description={`Hasło początkowe — przekaż je tej osobie osobiście. ${PASSWORD_RULE}`}
          autoComplete="new-password"
          error={e.password?.message}
          {...form.register('password')}
        />
        <PasswordInput label="Powtórz hasło" required autoComplete="new-password" error={e.repeat?.message} {...form.register('repeat')} />
        <FormButtons onCancel={onCancel} submitLabel="Utwórz konto" loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

const editSchema = z.object({
  fullName: personNameSchema,
  role: roleSchema,
  personalLimit: newAccountSchema.shape.personalLimit,
});
type EditIn = z.input<typeof editSchema>;
type EditOut = z.output<typeof editSchema>;

/** A dialog about one account: `onDone` gets the stored account; `onStale` reloads the list when the account changed meanwhile. */
interface AccountDialogProps {
  account: Account;
  onCancel: () => void;
  onDone: (a: Account) => void;
  onStale: () => void;
}

function EditAccountForm({
  account,
  onCancel,
  onDone,
  onStale,
}: AccountDialogProps) {
  const { form, errors: e, formError, onSubmit } = useDialogForm<EditIn, EditOut>(
    editSchema,
    { fullName: account.fullName, role: account.role, personalLimit: account.personalLimit },
    ['fullName', 'role', 'personalLimit'],
    async (v) => {
      onDone(await call('users:update', { id: account.id, version: account.version, fullName: v.fullName, role: v.role, personalLimit: limitFor(v) }));
    },
    onStale,
  );
  const role = form.watch('role');

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Login: <strong>{account.login}</strong> (loginu nie można zmienić)
        </Text>
        <FormError message={formError} />
        <TextInput label="Imię i nazwisko" required autoFocus error={e.fullName?.message} {...form.register('fullName')} />
        <NativeSelect label="Rola" required data={ROLE_OPTIONS} description={ROLE_HELP[role]} error={e.role?.message} {...form.register('role')} />
        {role === 'assistant' && <LimitInput control={form.control} name="personalLimit" error={e.personalLimit?.message} />}
        <FormButtons onCancel={onCancel} submitLabel="Zapisz" loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

function DeactivateConfirm({
  account,
  onCancel,
  onDone,
  onStale,
}: AccountDialogProps) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setFormError(null);
    try {
      onDone(await call('users:setActive', { id: account.id, version: account.version, active: false }));
    } catch (err) {
      setFormError(staleMessage(err, onStale) ?? errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Text>
        Czy na pewno dezaktywować konto <strong>{account.fullName}</strong> ({account.login})?
      </Text>
      <Text size="sm">
        Ta osoba nie będzie mogła się zalogować, dopóki konto nie zostanie ponownie aktywowane (z nowym hasłem). Dane i
        wpisy w dzienniku zdarzeń pozostają bez zmian.
      </Text>
      <FormError message={formError} />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel} autoFocus>
          Anuluj
        </Button>
        <Button color="red" loading={busy} onClick={() => void confirm()}>
          Dezaktywuj
        </Button>
      </Group>
    </Stack>
  );
}

const newPasswordSchema = withRepeat(z.object({ newPassword: passwordSchema, repeat: repeatField }), 'newPassword', 'repeat');
type NewPasswordIn = z.input<typeof newPasswordSchema>;
type NewPasswordOut = z.output<typeof newPasswordSchema>;

function PasswordForm({
  intro,
  submitLabel,
  onCancel,
  submit,
  onStale,
}: {
  intro: ReactNode;
  submitLabel: string;
  onCancel: () => void;
  submit: (newPassword: string) => Promise<void>;
  onStale: () => void;
}) {
  const { form, errors: e, formError, onSubmit } = useDialogForm<NewPasswordIn, NewPasswordOut>(
    newPasswordSchema,
    { newPassword: '', repeat: '' },
    ['newPassword', 'repeat'],
    (v) => submit(v.newPassword),
    onStale,
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <FormError message={formError} />
        <NewPasswordFields newPassword={form.register('newPassword')} repeat={form.register('repeat')} errors={e} autoFocus />
        <FormButtons onCancel={onCancel} submitLabel={submitLabel} loading={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

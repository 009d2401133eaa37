import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { backupSettingsSchema } from '../../../shared/ipc/channels/backup';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../shared/roles';
import { call, errorMessage, isApiError } from '../api';
import {
  casesLabel,
  familiesLabel,
  formatBytes,
  nativeShell,
  useBackupProgress,
  useBackupStatus,
  usersLabel,
  type BackupInfo,
  type BackupStatus,
} from '../backup';
import { BackupCreateProgress } from '../components/BackupCreateProgress';
import { IntegerField } from '../components/IntegerField';
import { BackupFileForm } from '../components/BackupFileForm';
import { BackupInfoView } from '../components/BackupInfoView';
import { FormError } from '../components/FormError';
import { PageTitle } from '../components/PageTitle';
import { ProgressNote, restoredNotice, RestoreFromBackup, type RestoredResult } from '../components/RestoreFromBackup';
import { applyApiError } from '../forms';
import { formatDateTime } from '../format';
import { useSession } from '../session';

type Created = ChannelOutput<'backup:create'>;

/**
 * Backups (issue 6): status and reminder, making a verified backup into a folder (a USB stick),
 * checking a backup file, restoring (administrator) and the office's backup settings.
 */
export function BackupPage() {
  const { isAdmin } = useSession();
  const { status, reload } = useBackupStatus();
  const [justCreated, setJustCreated] = useState<string | null>(null);

  if (!status) {
    return (
      <>
        <PageTitle>Kopia zapasowa</PageTitle>
        <Loader aria-label="Wczytywanie" />
      </>
    );
  }
  if (!status.canCreate && !isAdmin) {
    return (
      <>
        <PageTitle>Kopia zapasowa</PageTitle>
        <Alert color="yellow" role="status">
          Kopie zapasowe wykonuje kierownik ośrodka (albo rola, której ośrodek na to pozwolił w ustawieniach).
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageTitle subtitle="Kopia na pendrivie lub dysku zewnętrznym chroni dane ośrodka przed awarią komputera.">Kopia zapasowa</PageTitle>
      <StatusPanel status={status} />
      {status.canCreate && (
        <CreatePanel
          status={status}
          onCreated={(file) => {
            setJustCreated(file);
            void reload();
          }}
        />
      )}
      <VerifyPanel file={justCreated} />
      {isAdmin && <RestorePanel />}
      {isAdmin && <SettingsPanel onSaved={() => void reload()} />}
    </>
  );
}

function StatusPanel({ status }: { status: BackupStatus }) {
  return (
    <Paper withBorder p="lg">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Stan kopii
        </Title>
        <Text data-testid="last-backup">
          {status.lastVerifiedBackupAt
            ? `Ostatnia sprawdzona kopia zapasowa: ${formatDateTime(status.lastVerifiedBackupAt)}`
            : 'Na tym komputerze nie wykonano jeszcze kopii zapasowej.'}
        </Text>
        {status.lastVerifiedBackupAt && (
          <Text size="sm" c="dimmed">
            {status.changesSinceLastBackup
              ? 'Od tej kopii wprowadzono zmiany w danych.'
              : 'Od tej kopii nie wprowadzono zmian w danych.'}
          </Text>
        )}
        {status.reminderDue && (
          <Alert color="orange" role="alert" title="Czas na kopię zapasową">
            {status.lastVerifiedBackupAt
              ? `Ostatnia kopia jest starsza niż ${status.reminderDays} ${status.reminderDays === 1 ? 'dzień' : 'dni'}. Wykonaj nową kopię na pendrivie lub dysku zewnętrznym.`
              : 'Wykonaj pierwszą kopię zapasową na pendrivie lub dysku zewnętrznym.'}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function CreatePanel({ status, onCreated }: { status: BackupStatus; onCreated: (file: string) => void }) {
  const shell = nativeShell();
  const [folder, setFolder] = useState(status.lastBackupFolder ?? '');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [drives, setDrives] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // The number of the backup this panel is making (drives the progress polling).
  const runs = useRef(0);
  const [run, setRun] = useState<number | null>(null);
  const progress = useBackupProgress(run);

  useEffect(() => {
    let cancelled = false;
    shell
      ?.removableDrives?.()
      .then((d) => {
        if (!cancelled) setDrives(d);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [shell]);

  const choose = async () => {
    if (!shell) return;
    try {
      const f = await shell.chooseFolder();
      if (f) {
        setFolder(f);
        setFolderError(null);
      }
    } catch {
      setError('Nie udało się otworzyć okna wyboru folderu. Wpisz ścieżkę folderu.');
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const target = folder.trim();
    if (!target) {
      setFolderError('Wskaż folder na kopię zapasową.');
      return;
    }
    setBusy(true);
    setError(null);
    setFolderError(null);
    setCreated(null);
    setCancelled(false);
    setCancelling(false);
    runs.current += 1;
    setRun(runs.current);
    try {
      // Awaited to the end; meanwhile useBackupProgress polls backup:progress for the bar.
      const r = await call('backup:create', { folder: target });
      setCreated(r);
      onCreated(r.file);
    } catch (err) {
      if (isApiError(err, 'BACKUP_CANCELLED')) setCancelled(true);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
      setCancelling(false);
      setRun(null);
    }
  };

  const cancel = async () => {
    setCancelling(true);
    try {
      // Not cancelled: the backup had already finished (its result arrives with backup:create).
      if (!(await call('backup:cancel', {})).cancelled) setCancelling(false);
    } catch {
      setCancelling(false);
    }
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={(e) => void create(e)} noValidate>
        <Stack gap="sm" maw={900}>
          <Title order={2} size="h4">
            Utwórz kopię zapasową
          </Title>
          <Text size="sm">
            Kopia jest zaszyfrowana i po zapisaniu sprawdzana w całości. W folderze zostaje {status.keepCount}{' '}
            {status.keepCount === 1 ? 'ostatnia kopia' : 'ostatnich kopii'}; starsze są usuwane dopiero po sprawdzeniu nowej.
          </Text>
          {drives.length > 0 && (
            <Group gap="xs">
              <Text size="sm">Nośniki wymienne:</Text>
              {drives.map((d) => (
                <Button key={d} size="xs" variant="light" disabled={busy} onClick={() => setFolder(d)}>
                  {d}
                </Button>
              ))}
            </Group>
          )}
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label="Folder na kopię"
              description={shell ? 'Najlepiej na pendrivie lub dysku zewnętrznym.' : 'Pełna ścieżka folderu, najlepiej na pendrivie lub dysku zewnętrznym.'}
              placeholder="E:\Kopie Asysty"
              value={folder}
              onChange={(e) => {
                setFolder(e.currentTarget.value);
                setFolderError(null);
              }}
              disabled={busy}
              error={folderError}
              autoComplete="off"
              spellCheck={false}
              style={{ flex: 1 }}
            />
            {shell && (
              <Button variant="default" onClick={() => void choose()} disabled={busy}>
                Wybierz folder…
              </Button>
            )}
          </Group>
          <FormError message={error} title="Kopia zapasowa nie została wykonana" />
          {cancelled && (
            <Alert color="yellow" role="status" title="Kopia zapasowa nie została wykonana" data-testid="backup-cancelled">
              Tworzenie kopii przerwano. Na nośniku nie pozostał żaden niepełny plik.
            </Alert>
          )}
          {busy ? (
            // While it runs: the progress bar and "Anuluj" take the place of the button.
            <BackupCreateProgress progress={progress} cancelling={cancelling} onCancel={() => void cancel()} />
          ) : (
            <Group>
              <Button type="submit">Utwórz kopię zapasową</Button>
            </Group>
          )}
          {created && <CreatedResult created={created} />}
        </Stack>
      </form>
    </Paper>
  );
}

function CreatedResult({ created }: { created: Created }) {
  return (
    <Alert color="green" role="status" title="Kopia zapasowa wykonana i sprawdzona">
      <Stack gap={6}>
        <Table variant="vertical" layout="fixed" withTableBorder={false} data-testid="backup-created">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>Plik</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{created.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Folder</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{created.folder}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Rozmiar</Table.Th>
              <Table.Td>{formatBytes(created.bytes)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Data</Table.Th>
              <Table.Td>{formatDateTime(created.createdAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Sprawdzono</Table.Th>
              <Table.Td>
                {familiesLabel(created.counts.families)}, {casesLabel(created.counts.cases)}, {usersLabel(created.counts.users)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {created.pruned.length > 0 && (
          <Text size="sm">
            Usunięto starsze kopie z tego folderu: {created.pruned.join(', ')}.
          </Text>
        )}
        <Text size="sm">Przechowuj nośnik w zamkniętej szafie, osobno od komputera.</Text>
      </Stack>
    </Alert>
  );
}

/** `file`: the backup just made on this screen, offered for checking (the user may type another). */
function VerifyPanel({ file }: { file: string | null }) {
  const [info, setInfo] = useState<BackupInfo | null>(null);
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm" maw={900}>
        <Title order={2} size="h4">
          Sprawdź kopię
        </Title>
        <Text size="sm">
          Sprawdza, czy plik kopii (np. z pendrive&apos;a w szafie) jest cały i daje się otworzyć — niczego nie przywraca. Kopię
          otwiera klucz odzyskiwania albo hasło konta, które istniało w chwili wykonania kopii.
        </Text>
        <BackupFileForm
          file={file}
          submitLabel="Sprawdź plik kopii"
          busy={<ProgressNote text="Trwa sprawdzanie kopii…" />}
          onSubmit={async (v) => {
            setInfo(null);
            setInfo(await call('backup:verify', v));
          }}
        />
        {info && (
          <Alert color="green" role="status" title="Kopia jest poprawna">
            <BackupInfoView info={info} testId="verified-backup" />
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function RestorePanel() {
  const { showLogin } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm" maw={900}>
        <Title order={2} size="h4">
          Przywróć z kopii
        </Title>
        <Text size="sm">
          Zastępuje dane w programie danymi z kopii zapasowej. Wszyscy zostaną wylogowani; potem logują się hasłami, które mieli w
          chwili wykonania kopii.
        </Text>
        {open ? (
          <RestoreFromBackup
            onCancel={() => setOpen(false)}
            onRestored={(r: RestoredResult) => {
              window.location.hash = '';
              showLogin({
                text: restoredNotice(r),
                color: 'green',
              });
            }}
          />
        ) : (
          <Group>
            <Button variant="default" onClick={() => setOpen(true)}>
              Przywróć z kopii zapasowej…
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

const ROLE_CHOICES = ['assistant', 'social_worker'] as const;
type SettingsIn = z.input<typeof backupSettingsSchema>;
type SettingsOut = z.output<typeof backupSettingsSchema>;

function SettingsPanel({ onSaved }: { onSaved: () => void }) {
  const [loaded, setLoaded] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<SettingsIn, unknown, SettingsOut>({
    resolver: zodResolver(backupSettingsSchema),
    defaultValues: { keepCount: 10, reminderDays: 7, roles: [] },
  });

  useEffect(() => {
    call('backup:getSettings', {})
      .then((s) => {
        form.reset(s);
        setLoaded(true);
      })
      .catch((e: unknown) => setFormError(errorMessage(e)));
  }, [form]);

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setSaved(false);
    try {
      form.reset(await call('backup:updateSettings', v));
      setSaved(true);
      onSaved();
    } catch (e) {
      setFormError(applyApiError(e, form.setError, ['keepCount', 'reminderDays', 'roles']));
    }
  });

  const numberField = (name: 'keepCount' | 'reminderDays', label: string, description: string, min: number, max: number) => (
    <IntegerField control={form.control} name={name} label={label} description={description} min={min} max={max} width={320} onEdit={() => setSaved(false)} />
  );

  return (
    <Paper withBorder p="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={720}>
          <Title order={2} size="h4">
            Ustawienia kopii zapasowych
          </Title>
          <FormError message={formError} />
          {saved && (
            <Alert color="green" role="status">
              Zapisano ustawienia kopii zapasowych.
            </Alert>
          )}
          {!loaded && !formError ? (
            <Loader size="sm" aria-label="Wczytywanie" />
          ) : (
            <>
              {numberField('keepCount', 'Liczba przechowywanych kopii', 'Tyle ostatnich kopii zostaje w folderze (od 1 do 100).', 1, 100)}
              {numberField(
                'reminderDays',
                'Przypomnienie po (dniach)',
                'Strona główna przypomina o kopii, gdy ostatnia jest starsza (od 1 do 90 dni).',
                1,
                90,
              )}
              <Controller
                control={form.control}
                name="roles"
                render={({ field }) => (
                  <Checkbox.Group
                    label="Kopie mogą wykonywać także"
                    description="Kierownik (administrator) może zawsze. Przywracać dane może tylko kierownik."
                    value={field.value ?? []}
                    onChange={(v) => {
                      setSaved(false);
                      field.onChange(v);
                    }}
                  >
                    <Group mt="xs">
                      {ROLE_CHOICES.map((r) => (
                        <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                )}
              />
            </>
          )}
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting} disabled={!loaded}>
              Zapisz ustawienia kopii
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

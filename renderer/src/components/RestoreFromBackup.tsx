import { Alert, Button, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api';
import { casesLabel, familiesLabel, usersLabel, type BackupInfo } from '../backup';
import { formatDateTime, plural } from '../format';
import { BackupFileForm, type BackupFileAndSecret } from './BackupFileForm';
import { BackupInfoView } from './BackupInfoView';
import { FormError } from './FormError';

type RestoreResult = ChannelOutput<'backup:restore'>;
type CurrentData = Extract<RestoreResult, { status: 'needsConfirmation' }>['current'];
export type RestoredResult = Extract<RestoreResult, { status: 'restored' }>;

/** What the restore screens must say (issue 6). */
export const RESTORE_SECRET_NOTE =
  'Kopia zapasowa otwiera się tylko kluczem odzyskiwania albo hasłem konta, które istniało w chwili wykonania kopii. ' +
  'Hasła zmienione lub konta założone później nie otworzą tej kopii.';

export function ProgressNote({ text }: { text: string }) {
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{text}</Text>
      <Progress value={100} animated striped aria-label={text} />
    </Stack>
  );
}

/**
 * Restore from a backup file: file and secret → verify and show the contents → restore; when the
 * core answers that current data would be lost, say what and ask again. Used by the first-run
 * wizard (no session) and by the administrator's backup page.
 */
export function RestoreFromBackup({ onRestored, onCancel }: { onRestored: (r: RestoredResult) => void; onCancel?: () => void }) {
  const [verified, setVerified] = useState<{ input: BackupFileAndSecret; info: BackupInfo } | null>(null);
  const [confirm, setConfirm] = useState<{ current: CurrentData; info: BackupInfo } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const verify = async (input: BackupFileAndSecret) => {
    const info = await call('backup:verify', input);
    setError(null);
    setConfirm(null);
    setVerified({ input, info });
  };

  const restore = async (confirmLoss: boolean) => {
    if (!verified) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('backup:restore', { ...verified.input, confirm: confirmLoss });
      if (r.status === 'needsConfirmation') {
        setConfirm({ current: r.current, info: r.backup });
      } else {
        setVerified(null);
        onRestored(r);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    setVerified(null);
    setConfirm(null);
    setError(null);
  };

  return (
    <Stack gap="md">
      <Alert color="blue" variant="light" title="Czym otworzyć kopię">
        {RESTORE_SECRET_NOTE}
      </Alert>

      {!verified && (
        <>
          <Text size="sm">
            Najpierw sprawdzimy cały plik i pokażemy, co zawiera. Dane zostaną zastąpione dopiero po Twoim potwierdzeniu.
          </Text>
          <BackupFileForm
            submitLabel="Sprawdź kopię"
            busy={<ProgressNote text="Trwa sprawdzanie kopii…" />}
            onSubmit={verify}
            autoFocus
            extraButtons={
              onCancel && (
                <Button variant="default" onClick={onCancel}>
                  Anuluj
                </Button>
              )
            }
          />
        </>
      )}

      {verified && (
        <Stack gap="sm">
          <Title order={3} size="h4">
            Kopia jest poprawna. Zawiera:
          </Title>
          <BackupInfoView info={confirm?.info ?? verified.info} testId="restore-backup-info" />
          <FormError message={error} />
          {confirm ? (
            <LossWarning current={confirm.current} backupCreatedAt={confirm.info.createdAt} />
          ) : (
            <Text size="sm">
              Po przywróceniu użytkownicy logują się hasłami, które mieli w chwili wykonania kopii. Obecne pliki danych (jeśli są)
              zostaną odłożone w folderze danych.
            </Text>
          )}
          {busy && <ProgressNote text="Trwa przywracanie danych z kopii…" />}
          <Group>
            {confirm ? (
              <Button color="red" onClick={() => void restore(true)} loading={busy}>
                Przywróć i zastąp obecne dane
              </Button>
            ) : (
              <Button onClick={() => void restore(false)} loading={busy} disabled={!verified.info.restorable}>
                Przywróć dane z tej kopii
              </Button>
            )}
            <Button variant="default" onClick={back} disabled={busy}>
              Wybierz inny plik
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel} disabled={busy}>
                Anuluj
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}

/** The login screen's message after a restore. */
export function restoredNotice(r: RestoredResult): string {
  return (
    `Przywrócono dane z kopii z ${formatDateTime(r.backup.createdAt)} (${familiesLabel(r.backup.counts.families)}). ` +
    'Użytkownicy logują się teraz hasłami, które mieli w chwili wykonania kopii.' +
    (r.previousDataKeptIn ? ' Poprzednie dane odłożono w folderze danych.' : '')
  );
}

function LossWarning({ current, backupCreatedAt }: { current: CurrentData; backupCreatedAt: string }) {
  const n = current.changesAfterBackup;
  return (
    <Alert color="red" role="alert" title="Przywrócenie usunie nowsze dane">
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          {!current.readable && (
            <List.Item>
              Obecne dane pochodzą z innej instalacji albo są zaszyfrowane innym kluczem — ta kopia nie może ich odczytać. Po
              przywróceniu nie będą dostępne w programie.
            </List.Item>
          )}
          {n > 0 && (
            <List.Item>
              Od chwili wykonania kopii ({formatDateTime(backupCreatedAt)}) zapisano w programie {n}{' '}
              {plural(n, 'zmianę', 'zmiany', 'zmian')}
              {current.lastChangeAt ? ` (ostatnia: ${formatDateTime(current.lastChangeAt)})` : ''}. Zostaną utracone.
            </List.Item>
          )}
          {current.counts && (
            <List.Item>
              Obecnie w programie: {familiesLabel(current.counts.families)}, {casesLabel(current.counts.cases)},{' '}
              {usersLabel(current.counts.users)}.
            </List.Item>
          )}
        </List>
        <Text size="sm">
          Obecne pliki danych zostaną odłożone w folderze danych (nie są kasowane), ale program będzie pracował na danych z kopii.
          Czy na pewno przywrócić?
        </Text>
      </Stack>
    </Alert>
  );
}

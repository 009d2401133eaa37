import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ROLE_LABELS } from '../../../shared/roles';
import { useBackupStatus } from '../backup';
import { PageTitle } from '../components/PageTitle';
import { RecoveryKeyRegenerate } from '../components/RecoveryKeyRegenerate';
import { useSession } from '../session';
import { formatDateTime } from '../format';
import { hrefOf } from '../useHashRoute';
import { MorningPanel } from './work/MorningPanel';
import { FirstStepsCard } from '../components/FirstSteps';

export function HomePage() {
  const { status, user, isAdmin } = useSession();
  const [regenerating, setRegenerating] = useState(false);
  const [confirmedNow, setConfirmedNow] = useState(false);
  const backup = useBackupStatus().status;

  return (
    <>
      <PageTitle subtitle={status.officeName ?? undefined}>Strona główna</PageTitle>
      <Paper withBorder p="lg">
        <Stack gap={4}>
          <Text size="lg" fw={600}>
            Witaj, {user.fullName}!
          </Text>
          <Text c="dimmed">Rola: {ROLE_LABELS[user.role]}</Text>
          <Text mt="sm">Wybierz sekcję z menu po lewej stronie.</Text>
        </Stack>
      </Paper>

      {isAdmin && <FirstStepsCard refreshKey={status.recoveryKeyConfirmed} onRecoveryKey={() => setRegenerating(true)} />}

      {user.role === 'dpo' ? (
        // The data protection officer sees no family data or deadlines (issue 7).
        <Paper withBorder p="lg" data-testid="dpo-home">
          <Stack gap="xs" align="flex-start">
            <Text>
              Jako inspektor ochrony danych masz wgląd w dziennik zdarzeń i okresy przechowywania dokumentacji. Dane rodzin i
              spraw nie są dla Ciebie dostępne.
            </Text>
            <Group gap="xs">
              <Button component="a" href={hrefOf('audit')} variant="light">
                Dziennik zdarzeń
              </Button>
              <Button component="a" href={hrefOf('retention')} variant="light">
                Okresy przechowywania
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <MorningPanel />
      )}

      {backup?.reminderDue && backup.canCreate && (
        <Alert color="orange" title="Czas na kopię zapasową" role="alert" data-testid="backup-reminder">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              {backup.lastVerifiedBackupAt
                ? `Ostatnia sprawdzona kopia zapasowa: ${formatDateTime(backup.lastVerifiedBackupAt)} — to dawniej niż ${backup.reminderDays} ${backup.reminderDays === 1 ? 'dzień' : 'dni'} temu.`
                : 'Na tym komputerze nie wykonano jeszcze kopii zapasowej danych ośrodka.'}{' '}
              Zrób kopię na pendrivie lub dysku zewnętrznym.
            </Text>
            <Button component="a" href={hrefOf('backup')}>
              Przejdź do kopii zapasowej
            </Button>
          </Stack>
        </Alert>
      )}

      {isAdmin && confirmedNow && status.recoveryKeyConfirmed && (
        <Alert color="green" title="Klucz odzyskiwania potwierdzony" role="status">
          Nowy klucz odzyskiwania działa. Przechowuj kartę w zamkniętej szafie; starą kartę zniszcz.
        </Alert>
      )}

      {isAdmin && !status.recoveryKeyConfirmed && !regenerating && (
        <Alert color="orange" title="Klucz odzyskiwania nie został potwierdzony" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Jeśli wszyscy zapomną haseł, bez zapisanego klucza odzyskiwania danych ośrodka nie da się już otworzyć.
              Wygeneruj nowy klucz, zapisz go na karcie i potwierdź, przepisując go.
            </Text>
            <Button onClick={() => setRegenerating(true)}>Wygeneruj nowy klucz odzyskiwania</Button>
          </Stack>
        </Alert>
      )}

      {isAdmin && regenerating && (
        <RecoveryKeyRegenerate
          onCancel={() => setRegenerating(false)}
          onDone={() => {
            setRegenerating(false);
            setConfirmedNow(true);
          }}
        />
      )}
    </>
  );
}

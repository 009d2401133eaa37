import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { BACKUP_PHASE_LABELS, backupPercent, formatBytes, type BackupProgressState } from '../backup';

/**
 * The determinate progress bar of a running backup (phase in Polish, percent, bytes) with its
 * "Anuluj" button. `progress` is null until the first answer of `backup:progress`.
 */
export function BackupCreateProgress({
  progress,
  cancelling,
  onCancel,
}: {
  progress: BackupProgressState | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const percent = backupPercent(progress);
  const phase = progress?.phase ?? null;
  const label = cancelling
    ? 'Przerywanie tworzenia kopii…'
    : phase
      ? `${BACKUP_PHASE_LABELS[phase]}…`
      : 'Rozpoczynanie tworzenia kopii…';
  const bytes =
    progress && (phase === 'write' || phase === 'verify') && progress.totalBytes > 0
      ? ` (${formatBytes(progress.doneBytes)} z ${formatBytes(progress.totalBytes)})`
      : '';
  return (
    <Stack gap={6} data-testid="backup-progress">
      <Group justify="space-between" gap="xs">
        <Text size="sm" role="status" aria-live="polite" data-testid="backup-progress-phase">
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {percent}%{bytes}
        </Text>
      </Group>
      <Progress value={percent} aria-label="Postęp tworzenia kopii zapasowej" transitionDuration={250} />
      <Group>
        <Button variant="default" onClick={onCancel} disabled={cancelling}>
          Anuluj
        </Button>
      </Group>
    </Stack>
  );
}

/** Export buttons of an aggregate report (no personal data): preview/PDF, XLSX and CSV. */
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { ReportKind } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { saveExport } from './exports';
import { ReportPreview } from './ReportPreview';

export function ExportButtons({ report, period, title }: { report: Exclude<ReportKind, 'drilldown'>; period: string; title: string }) {
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [status, setStatus] = useState<{ color: 'green' | 'red'; text: string } | null>(null);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setStatus(null);
    try {
      const x = await call('reports:export', { report, period, format });
      const r = await saveExport(x, format);
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się zapisać pliku. Spróbuj ponownie lub wybierz inny folder.' });
      else if (r.saved) setStatus({ color: 'green', text: `Zapisano plik ${format.toUpperCase()}${r.path ? `: ${r.path}` : ` „${x.fileName}”`}.` });
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Group gap="xs">
        <Button variant="default" onClick={() => setPreview(true)}>
          Podgląd i PDF…
        </Button>
        <Button variant="default" onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'} disabled={busy !== null}>
          Eksport XLSX…
        </Button>
        <Button variant="default" onClick={() => void exportAs('csv')} loading={busy === 'csv'} disabled={busy !== null}>
          Eksport CSV…
        </Button>
      </Group>
      {status && (
        <Alert color={status.color} role="status" withCloseButton closeButtonLabel="Zamknij komunikat" onClose={() => setStatus(null)} mt="xs">
          {status.text}
        </Alert>
      )}
      {preview && <ReportPreview target={{ report, period, title }} onClose={() => setPreview(false)} />}
    </>
  );
}

/**
 * Preview of a report for printing or saving as PDF: the standalone HTML from reports:html
 * (the same print layout as every document), shown in a sandboxed iframe; "Zapisz jako PDF…" and
 * "Drukuj…" go through the shell exactly like documents, and each is recorded with
 * reports:exported. A list of families is personal data: the caller asks for confirmation first.
 */
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput, ReportKind } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { documentShell, pagesLabel } from '../documents/shell';

export interface ReportTarget {
  report: ReportKind;
  period: string;
  figureId?: string;
  title: string;
  confirmPersonal?: boolean;
}

const SCREEN_STYLE =
  '<style>@media screen{html{background:#e9ecef;}body{box-sizing:border-box;width:210mm;min-height:297mm;margin:6mm auto;padding:16mm 17mm 18mm 20mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);}}</style>';

function withScreenStyle(html: string): string {
  const i = html.search(/<\/head>/i);
  return i < 0 ? html : `${html.slice(0, i)}${SCREEN_STYLE}${html.slice(i)}`;
}

export function ReportPreview({ target, onClose }: { target: ReportTarget; onClose: () => void }) {
  const [doc, setDoc] = useState<ChannelOutput<'reports:html'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ color: 'green' | 'red' | 'yellow'; text: string } | null>(null);
  const shell = documentShell();
  const ref = { report: target.report, period: target.period, ...(target.figureId ? { figureId: target.figureId } : {}) };

  useEffect(() => {
    let alive = true;
    void call('reports:html', { ...ref, ...(target.confirmPersonal ? { confirmPersonal: true } : {}) })
      .then((d) => alive && setDoc(d))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target.report, target.period, target.figureId, target.confirmPersonal]);

  const run = async (via: 'pdf' | 'print') => {
    if (!doc) return;
    setBusy(true);
    setStatus(null);
    try {
      const r =
        via === 'pdf'
          ? await shell.savePdf!({ html: doc.html, fileName: doc.fileName }).then((x) => ({ done: x.saved, pages: x.pages, failed: x.failed, path: x.path }))
          : await shell.print!({ html: doc.html }).then((x) => ({ done: x.printed, pages: x.pages, failed: x.failed, path: undefined as string | undefined }));
      if (r.failed) setStatus({ color: 'red', text: via === 'pdf' ? 'Nie udało się zapisać pliku PDF.' : 'Nie udało się wydrukować.' });
      else if (r.done) {
        const msg = via === 'pdf' ? `Zapisano plik PDF (${pagesLabel(r.pages)})${r.path ? `: ${r.path}` : ''}.` : `Wysłano do drukarki (${pagesLabel(r.pages)}).`;
        try {
          await call('reports:exported', { ...ref, pages: r.pages, target: via });
          setStatus({ color: 'green', text: msg });
        } catch (e) {
          setStatus({ color: 'yellow', text: `${msg} Nie udało się odnotować tego w dzienniku zdarzeń: ${errorMessage(e)}` });
        }
      }
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={target.title}
      closeButtonProps={{ 'aria-label': 'Zamknij podgląd' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', height: 'calc(100dvh - 64px)' } }}
    >
      <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
        <Group gap="sm">
          {shell.print && (
            <Button onClick={() => void run('print')} loading={busy} disabled={!doc}>
              Drukuj…
            </Button>
          )}
          {shell.savePdf && (
            <Button onClick={() => void run('pdf')} loading={busy} disabled={!doc} variant={shell.print ? 'default' : 'filled'}>
              Zapisz jako PDF…
            </Button>
          )}
          {!shell.print && !shell.savePdf && (
            <Text size="sm" c="dimmed">
              Drukowanie i zapis do PDF są dostępne w aplikacji Asysta na komputerze.
            </Text>
          )}
          <Button variant="subtle" onClick={onClose} ml="auto">
            Zamknij
          </Button>
        </Group>
        {status && (
          <Alert color={status.color} role="status" withCloseButton closeButtonLabel="Zamknij komunikat" onClose={() => setStatus(null)}>
            {status.text}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!doc && !error && <Loader aria-label="Przygotowywanie podglądu" />}
        {doc && (
          <iframe
            sandbox=""
            srcDoc={withScreenStyle(doc.html)}
            title="Podgląd sprawozdania"
            style={{ flex: 1, minHeight: 0, width: '100%', border: '1px solid var(--mantine-color-gray-4)', background: '#e9ecef' }}
          />
        )}
      </Stack>
    </Modal>
  );
}

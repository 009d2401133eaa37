/**
 * Full-screen preview of a standalone HTML document (case documents and the teczka pack, reports,
 * the audit extract, the art. 15 RODO information) in an `<iframe sandbox="">` (no scripts, opaque
 * origin): A4 layout, fonts and page numbers come from the document itself, and the very same
 * HTML is what the shell prints or saves ("Drukuj…", "Zapisz jako PDF…" through ./shell.ts).
 * Optional extra actions (e.g. saving the JSON) and toolbar fields (e.g. a date range). Each
 * print or saved PDF is reported to `onExported` (which records it in the audit log).
 */
import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage } from '../../api';
import { documentShell, pagesLabel } from './shell';

export interface PrintableDoc {
  html: string;
  fileName: string;
}

export type Status = { color: 'green' | 'red' | 'yellow'; text: string } | null;

/**
 * Until the templates bring a screen style of their own: show the document on a grey desk as an
 * A4-wide sheet with the @page margins (print is not affected: screen media only).
 */
const SCREEN_STYLE =
  '<style>@media screen{html{background:#e9ecef;}body{box-sizing:border-box;width:210mm;min-height:297mm;margin:6mm auto;padding:16mm 17mm 18mm 20mm;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);}}</style>';

function withScreenStyle(html: string): string {
  if (/@media\s+screen/i.test(html)) return html;
  const i = html.search(/<\/head>/i);
  return i < 0 ? html : `${html.slice(0, i)}${SCREEN_STYLE}${html.slice(i)}`;
}

export function PrintPreview<D extends PrintableDoc>({
  title,
  load,
  onExported,
  onClose,
  notice,
  extraActions,
  toolbar,
  reloadKey = '',
  frameTitle = 'Podgląd dokumentu',
}: {
  title: string;
  /** Called on open and again whenever `reloadKey` changes. */
  load: () => Promise<D>;
  reloadKey?: string;
  frameTitle?: string;
  /** Fields after the buttons (e.g. the date range of the teczka pack). */
  toolbar?: ReactNode;
  onExported: (target: 'pdf' | 'print', pages: number) => Promise<void>;
  onClose: () => void;
  /** Shown above the document (e.g. what to check before handing it over). */
  notice?: ReactNode;
  /** More buttons, given the loaded document and a way to show a status line. */
  extraActions?: (doc: D, setStatus: (s: Status) => void) => ReactNode;
}) {
  const [doc, setDoc] = useState<D | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const shell = documentShell();

  useEffect(() => {
    let cancelled = false;
    setDoc(null);
    setError(null);
    load()
      .then((d) => !cancelled && setDoc(d))
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
    // The loader changes only with reloadKey (callers pass inline functions).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reloadKey]);

  const record = async (target: 'pdf' | 'print', pages: number, done: string) => {
    try {
      await onExported(target, pages);
      setStatus({ color: 'green', text: done });
    } catch (e) {
      setStatus({ color: 'yellow', text: `${done} Nie udało się odnotować tego w dzienniku zdarzeń: ${errorMessage(e)}` });
    }
  };

  const savePdf = async () => {
    if (!doc || !shell.savePdf) return;
    setBusy('pdf');
    setStatus(null);
    try {
      const r = await shell.savePdf({ html: doc.html, fileName: doc.fileName });
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się zapisać pliku PDF. Spróbuj ponownie lub wybierz inny folder.' });
      else if (r.saved) await record('pdf', r.pages, `Zapisano plik PDF (${pagesLabel(r.pages)})${r.path ? `: ${r.path}` : ''}.`);
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const print = async () => {
    if (!doc || !shell.print) return;
    setBusy('print');
    setStatus(null);
    try {
      const r = await shell.print({ html: doc.html });
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się wydrukować dokumentu. Sprawdź drukarkę i spróbuj ponownie.' });
      else if (r.printed) await record('print', r.pages, `Wysłano do drukarki (${pagesLabel(r.pages)}).`);
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={title}
      closeButtonProps={{ 'aria-label': 'Zamknij podgląd' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', height: 'calc(100dvh - 64px)' } }}
    >
      <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {shell.print && (
            <Button onClick={() => void print()} loading={busy === 'print'} disabled={!doc || busy !== null}>
              Drukuj…
            </Button>
          )}
          {shell.savePdf && (
            <Button onClick={() => void savePdf()} loading={busy === 'pdf'} disabled={!doc || busy !== null} variant={shell.print ? 'default' : 'filled'}>
              Zapisz jako PDF…
            </Button>
          )}
          {doc && extraActions?.(doc, setStatus)}
          {!shell.print && !shell.savePdf && (
            <Text size="sm" c="dimmed">
              Drukowanie i zapis do PDF są dostępne w aplikacji Asysta na komputerze.
            </Text>
          )}
          {toolbar}
          <Button variant="subtle" onClick={onClose} ml="auto">
            Zamknij
          </Button>
        </Group>
        {notice}
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
            title={frameTitle}
            style={{ flex: 1, minHeight: 0, width: '100%', border: '1px solid var(--mantine-color-gray-4)', background: '#e9ecef' }}
          />
        )}
      </Stack>
    </Modal>
  );
}

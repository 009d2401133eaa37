/**
 * Full-screen preview of one document (or the teczka pack) with "Drukuj…" and "Zapisz jako
 * PDF…". The document is the standalone HTML from documents:html / documents:pack, shown in an
 * `<iframe sandbox="">` (no scripts, opaque origin): A4 layout, fonts and page numbers come from
 * the document itself, and the very same HTML is what the shell prints or saves. Every print or
 * saved PDF is recorded with documents:exported (the page count comes from the shell).
 */
import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput, PrintableKind } from '../../../../shared/ipc/contract';
import type { LetterParams } from '../../../../shared/ipc/channels/documents';
import { call, errorMessage } from '../../api';
import { documentShell, pagesLabel } from './shell';

type DocumentHtml = ChannelOutput<'documents:html'>;

export interface PreviewTarget {
  kind: PrintableKind | 'pack';
  ref?: string;
  /** Modal title, e.g. "Plan pracy z rodziną z dnia 12.03.2026 r.". */
  title: string;
  /** Offer an optional date range (visit diary, teczka pack). */
  range: boolean;
  /** Institution letters: what the user typed in LetterForm. */
  letter?: LetterParams;
}

type Status = { color: 'green' | 'red' | 'yellow'; text: string } | null;

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

export function DocumentPreview({ caseId, target, onClose }: { caseId: string; target: PreviewTarget; onClose: () => void }) {
  const [doc, setDoc] = useState<DocumentHtml | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const shell = documentShell();

  const load = useCallback(async () => {
    setDoc(null);
    setError(null);
    try {
      const r =
        target.kind === 'pack'
          ? await call('documents:pack', { caseId, ...range })
          : await call('documents:html', {
              caseId,
              kind: target.kind,
              ...(target.ref ? { ref: target.ref } : {}),
              ...(target.letter ? { letter: target.letter } : {}),
              ...range,
            });
      setDoc(r);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId, target.kind, target.ref, target.letter, range]);

  useEffect(() => {
    void load();
  }, [load]);

  const recordExport = async (pages: number, via: 'pdf' | 'print') => {
    await call('documents:exported', { caseId, kind: target.kind, ...(target.ref ? { ref: target.ref } : {}), pages, target: via });
  };

  const savePdf = async () => {
    if (!doc || !shell.savePdf) return;
    setBusy('pdf');
    setStatus(null);
    try {
      const r = await shell.savePdf({ html: doc.html, fileName: doc.fileName });
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się zapisać pliku PDF. Spróbuj ponownie lub wybierz inny folder.' });
      else if (r.saved) {
        const saved = `Zapisano plik PDF (${pagesLabel(r.pages)})${r.path ? `: ${r.path}` : ''}.`;
        try {
          await recordExport(r.pages, 'pdf');
          setStatus({ color: 'green', text: saved });
        } catch (e) {
          setStatus({ color: 'yellow', text: `${saved} Nie udało się odnotować zapisu w dzienniku zdarzeń: ${errorMessage(e)}` });
        }
      }
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
      else if (r.printed) {
        const printed = `Wysłano do drukarki (${pagesLabel(r.pages)}).`;
        try {
          await recordExport(r.pages, 'print');
          setStatus({ color: 'green', text: printed });
        } catch (e) {
          setStatus({ color: 'yellow', text: `${printed} Nie udało się odnotować wydruku w dzienniku zdarzeń: ${errorMessage(e)}` });
        }
      }
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
      title={target.title}
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
          {!shell.print && !shell.savePdf && (
            <Text size="sm" c="dimmed">
              Drukowanie i zapis do PDF są dostępne w aplikacji Asysta na komputerze.
            </Text>
          )}
          {target.range && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
              }}
            >
              <Group gap="xs" align="flex-end">
                <TextInput type="date" label="Od dnia (opcjonalnie)" value={from} onChange={(e) => setFrom(e.currentTarget.value)} size="sm" />
                <TextInput type="date" label="Do dnia (opcjonalnie)" value={to} onChange={(e) => setTo(e.currentTarget.value)} size="sm" />
                <Button type="submit" variant="light" size="sm">
                  Pokaż za ten okres
                </Button>
              </Group>
            </form>
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
            title="Podgląd dokumentu"
            style={{ flex: 1, minHeight: 0, width: '100%', border: '1px solid var(--mantine-color-gray-4)', background: '#e9ecef' }}
          />
        )}
      </Stack>
    </Modal>
  );
}

/**
 * "Dane osobowe (art. 15 RODO)" of one family member, for the head: the information document
 * (preview, print, save as PDF) and the same data as a JSON file ("Zapisz dane JSON…", through
 * the shell's saveFile). Preparing it and every print or saved file are recorded in the audit
 * log (ids only).
 */
import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { PrintPreview } from '../documents/PrintPreview';

type SubjectExport = ChannelOutput<'rodo:subjectExport'>;

/** UTF-8 text as base64 (the shell's saveFile takes bytes). */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function saveFileShell() {
  const shell = (window as Partial<Window>).asystaShell;
  return shell && typeof shell.saveFile === 'function' ? shell.saveFile.bind(shell) : undefined;
}

export function SubjectExportDialog({ memberId, personLabel, onClose }: { memberId: string; personLabel: string; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const saveFile = saveFileShell();

  const saveJson = async (doc: SubjectExport, setStatus: (s: { color: 'green' | 'red' | 'yellow'; text: string } | null) => void) => {
    if (!saveFile) return;
    setBusy(true);
    setStatus(null);
    try {
      const r = await saveFile({ base64: utf8Base64(doc.json), fileName: doc.jsonFileName, kind: 'json' });
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się zapisać pliku JSON. Spróbuj ponownie lub wybierz inny folder.' });
      else if (r.saved) {
        const done = `Zapisano plik JSON${r.path ? `: ${r.path}` : ''}.`;
        try {
          await call('rodo:subjectExported', { memberId, target: 'json' });
          setStatus({ color: 'green', text: done });
        } catch (e) {
          setStatus({ color: 'yellow', text: `${done} Nie udało się odnotować tego w dzienniku zdarzeń: ${errorMessage(e)}` });
        }
      }
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PrintPreview<SubjectExport>
      title={`Informacja o przetwarzanych danych osobowych (art. 15 RODO) — ${personLabel}`}
      load={() => call('rodo:subjectExport', { memberId })}
      onExported={async (target, pages) => {
        await call('rodo:subjectExported', { memberId, target, pages });
      }}
      onClose={onClose}
      notice={
        <Alert color="blue" variant="light">
          Przed wydaniem sprawdź, czy kopia nie narusza praw i wolności innych osób (art. 15 ust. 4 RODO), np. treści notatek o innych członkach rodziny. Przygotowanie informacji
          odnotowano w dzienniku zdarzeń.
        </Alert>
      }
      extraActions={(doc, setStatus) =>
        saveFile ? (
          <Button variant="default" loading={busy} onClick={() => void saveJson(doc, setStatus)}>
            Zapisz dane JSON…
          </Button>
        ) : null
      }
    />
  );
}

/**
 * Preview of one case document (or the teczka pack) in the common PrintPreview: the standalone
 * HTML from documents:html / documents:pack, with an optional date range for the visit diary and
 * the pack. Every print or saved PDF is recorded with documents:exported (the page count comes
 * from the shell).
 */
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { PrintableKind } from '../../../../shared/ipc/contract';
import type { LetterParams } from '../../../../shared/ipc/channels/documents';
import { call } from '../../api';
import { FindingsList, type FindingView } from '../registry/Findings';
import { PrintPreview } from './PrintPreview';
import { DateField } from '../DateField';

export interface PreviewTarget {
  kind: PrintableKind | 'pack';
  ref?: string;
  /** Modal title, e.g. "Plan pracy z rodziną z dnia 12.03.2026 r.". */
  title: string;
  /** Offer an optional date range (visit diary, teczka pack). */
  range: boolean;
  /** Institution letters: what the user typed in LetterForm. */
  letter?: LetterParams;
  /** Visit sheet: offer the date of the visit (else the one agreed at the last visit). */
  visitDate?: boolean;
}

export function DocumentPreview({
  caseId,
  target,
  onClose,
  findings = [],
}: {
  caseId: string;
  target: PreviewTarget;
  onClose: () => void;
  /** Where this document disagrees with the record (documents:list), shown before printing. */
  findings?: ReadonlyArray<FindingView>;
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [visitOnInput, setVisitOnInput] = useState('');
  const [visitOn, setVisitOn] = useState('');

  const load = () =>
    target.kind === 'pack'
      ? call('documents:pack', { caseId, ...range })
      : call('documents:html', {
          caseId,
          kind: target.kind,
          ...(target.ref ? { ref: target.ref } : {}),
          ...(target.letter ? { letter: target.letter } : {}),
          ...(target.visitDate && visitOn ? { visitOn } : {}),
          ...range,
        });

  return (
    <PrintPreview
      title={target.title}
      reloadKey={JSON.stringify([caseId, target.kind, target.ref ?? null, target.letter ?? null, range, visitOn])}
      load={load}
      onExported={async (via, pages) => {
        await call('documents:exported', { caseId, kind: target.kind, ...(target.ref ? { ref: target.ref } : {}), pages, target: via });
      }}
      onClose={onClose}
      notice={findings.length > 0 ? <FindingsList findings={findings} testId="document-findings" /> : undefined}
      toolbar={
        target.visitDate ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setVisitOn(visitOnInput);
            }}
          >
            <Group gap="xs" align="flex-end">
              <DateField label="Data wizyty (opcjonalnie)" value={visitOnInput} onChange={(v) => setVisitOnInput(v)} size="sm" />
              <Button type="submit" variant="light" size="sm">
                Wpisz tę datę
              </Button>
            </Group>
          </form>
        ) : (
        target.range && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setRange({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
            }}
          >
            <Group gap="xs" align="flex-end">
              <DateField label="Od dnia (opcjonalnie)" value={from} onChange={(v) => setFrom(v)} size="sm" />
              <DateField label="Do dnia (opcjonalnie)" value={to} onChange={(v) => setTo(v)} size="sm" />
              <Button type="submit" variant="light" size="sm">
                Pokaż za ten okres
              </Button>
            </Group>
          </form>
        ))
      }
    />
  );
}

/**
 * "Dokumenty" in the case view (issue 5): the documents the case has (documents:list), each with
 * "Podgląd" (full-screen preview, then print or save as PDF), and the whole teczka pack. A letter
 * to an institution first asks for its subject, scope, purpose and reply-by date (LetterForm).
 */
import { Alert, Badge, Button, Group, Loader, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { FindingsList } from '../registry/Findings';
import { dateOrDash } from '../registry/labels';
import type { LetterParams } from '../../../../shared/ipc/channels/documents';
import { DocumentPreview, type PreviewTarget } from './DocumentPreview';
import { LetterForm } from './LetterForm';

type DocumentList = ChannelOutput<'documents:list'>;

/** The record findings of one document: a work plan collects those of all its versions. */
function findingsOf(list: DocumentList, kind: string, ref: string | null) {
  return list.findings.filter((f) => f.document === kind && (kind === 'work-plan' || kind === 'pack' || f.ref === null || ref === null || f.ref === ref));
}

/** `revision` changes when the case's records change (a new visit, assessment…): the list reloads. */
export function CaseDocuments({ caseId, revision = 0 }: { caseId: string; revision?: number }) {
  const [list, setList] = useState<DocumentList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [letterFor, setLetterFor] = useState<{ kind: 'institution-request' | 'institution-proposal'; title: string } | null>(null);
  // The last letter typed, offered again (for this case view only, never stored).
  const [lastLetter, setLastLetter] = useState<Partial<Record<string, LetterParams>>>({});

  const load = useCallback(async () => {
    try {
      setList(await call('documents:list', { caseId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const headingId = `case-documents-${caseId}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId} data-testid="case-documents">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id={headingId}>
          Dokumenty
        </Title>
        {list && list.documents.length > 0 && (
          <Button variant="light" onClick={() => setPreview({ kind: 'pack', title: 'Teczka (wszystkie dokumenty)', range: true })}>
            Teczka (wszystkie dokumenty)
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!list && !error && <Loader size="sm" aria-label="Wczytywanie dokumentów" />}
      {list && list.findings.length > 0 && (
        <div data-testid="case-record-findings">
          <Text size="sm" fw={600} mb={4}>
            Zgodność dokumentów z aktami sprawy — do poprawienia przed wydrukiem
          </Text>
          <FindingsList findings={list.findings} />
        </div>
      )}
      {list && list.documents.length === 0 && <Text c="dimmed">Ta sprawa nie ma jeszcze dokumentów do wydruku.</Text>}
      {list && list.documents.length > 0 && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dokument</Table.Th>
              <Table.Th>Data</Table.Th>
              <Table.Th>
                <VisuallyHidden>Czynności</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.documents.map((d) => {
              const name = d.label ? `${d.title} ${d.label}` : d.title;
              return (
                <Table.Tr key={`${d.kind}/${d.ref ?? ''}`}>
                  <Table.Td>
                    <Text span fw={500}>
                      {d.title}
                    </Text>
                    {d.label && (
                      <Text span c="dimmed">
                        {' '}
                        {d.label}
                      </Text>
                    )}
                    {findingsOf(list, d.kind, d.ref).some((f) => f.severity === 'blocker') && (
                      <Badge ml="xs" color="red" variant="light">
                        niezgodny z aktami
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{dateOrDash(d.date)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Podgląd: ${name}`}
                      onClick={() =>
                        d.kind === 'institution-request' || d.kind === 'institution-proposal'
                          ? setLetterFor({ kind: d.kind, title: name })
                          : setPreview({ kind: d.kind, ...(d.ref ? { ref: d.ref } : {}), title: name, range: d.range, visitDate: d.kind === 'visit-sheet' })
                      }
                    >
                      Podgląd
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {letterFor && (
        <LetterForm
          kind={letterFor.kind}
          title={letterFor.title}
          initial={lastLetter[letterFor.kind] ?? null}
          onCancel={() => setLetterFor(null)}
          onSubmit={(letter) => {
            setLastLetter((o) => ({ ...o, [letterFor.kind]: letter }));
            setLetterFor(null);
            setPreview({ kind: letterFor.kind, title: letterFor.title, range: false, letter });
          }}
        />
      )}
      {preview && (
        <DocumentPreview
          key={`${preview.kind}/${preview.ref ?? ''}`}
          caseId={caseId}
          target={preview}
          onClose={() => setPreview(null)}
          findings={list ? (preview.kind === 'pack' ? list.findings : findingsOf(list, preview.kind, preview.ref ?? null)) : []}
        />
      )}
    </Paper>
  );
}

/**
 * The families (or assistants) behind one figure, so the numbers can be checked against the
 * files ("rzetelność sprawozdawczości"). Personal data: the core records the opening in the audit
 * log; the list is exported as a password-protected XLSX, or — after an explicit confirmation —
 * as CSV or PDF without a password (also recorded).
 */
import { Alert, Anchor, Button, Checkbox, Group, Loader, Modal, PasswordInput, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Drilldown } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { href } from '../../pages/families/nav';
import { dmy, saveExport } from './exports';
import { ReportPreview } from './ReportPreview';

export function DrilldownModal({ period, figureId, onClose }: { period: string; figureId: string; onClose: () => void }) {
  const [data, setData] = useState<Drilldown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [status, setStatus] = useState<{ color: 'green' | 'red'; text: string } | null>(null);
  const [preview, setPreview] = useState(false);

  useEffect(() => {
    let alive = true;
    void call('reports:drilldown', { period, figureId })
      .then((d) => alive && setData(d))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [period, figureId]);

  const personal = data?.kind === 'families';

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setStatus(null);
    try {
      const x = await call('reports:export', {
        report: 'drilldown',
        period,
        figureId,
        format,
        ...(format === 'xlsx' && password ? { password } : {}),
        ...(format === 'csv' && confirm ? { confirmPersonal: true } : {}),
      });
      const r = await saveExport(x, format);
      if (r.failed) setStatus({ color: 'red', text: 'Nie udało się zapisać pliku.' });
      else if (r.saved)
        setStatus({
          color: 'green',
          text: `Zapisano plik ${format.toUpperCase()}${x.encrypted ? ' zabezpieczony hasłem' : ''}${r.path ? `: ${r.path}` : ` „${x.fileName}”`}.`,
        });
    } catch (e) {
      setStatus({ color: 'red', text: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  const hasChild = data?.kind === 'families' && data.rows.some((r) => r.child);
  const hasSf = data?.kind === 'families' && data.rows.some((r) => r.supportingFamily);
  return (
    <Modal opened onClose={onClose} size="90%" title={data ? `${data.label}: ${data.display}` : 'Lista za liczbą sprawozdania'} closeButtonProps={{ 'aria-label': 'Zamknij listę' }}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!data && !error && <Loader aria-label="Wczytywanie listy" />}
        {data && (
          <>
            <Text size="sm" c="dimmed">
              {data.period.label}. {data.definition}
            </Text>
            {personal && (
              <Alert color="yellow" variant="light">
                Lista zawiera dane osobowe rodzin. Jej otwarcie i każdy eksport są zapisywane w dzienniku zdarzeń.
              </Alert>
            )}
            <ScrollArea.Autosize mah="55vh">
              {data.kind === 'families' ? (
                <Table striped highlightOnHover stickyHeader data-testid="drilldown-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Lp.</Table.Th>
                      <Table.Th>Znak sprawy</Table.Th>
                      <Table.Th>Rodzina</Table.Th>
                      {hasChild && <Table.Th>Dziecko</Table.Th>}
                      {hasSf && <Table.Th>Rodzina wspierająca</Table.Th>}
                      <Table.Th>Stan</Table.Th>
                      <Table.Th>Asystent</Table.Th>
                      <Table.Th>Początek pracy</Table.Th>
                      <Table.Th>Koniec pracy</Table.Th>
                      <Table.Th>Przyczyna zakończenia</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((r, i) => (
                      <Table.Tr key={`${r.caseId}/${r.child ?? ''}/${r.supportingFamily ?? ''}/${i}`}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>
                          <Anchor href={href.case(r.caseId)} onClick={onClose}>
                            {r.caseNumber}
                          </Anchor>
                          {r.otherCases.length > 0 && (
                            <Text size="xs" c="dimmed">
                              także: {r.otherCases.join(', ')}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Anchor href={href.card(r.familyId)} onClick={onClose}>
                            {r.familyLabel}
                          </Anchor>
                        </Table.Td>
                        {hasChild && <Table.Td>{r.child ?? '—'}</Table.Td>}
                        {hasSf && <Table.Td>{r.supportingFamily ?? '—'}</Table.Td>}
                        <Table.Td>{r.stateLabel}</Table.Td>
                        <Table.Td>{r.assistantName ?? '—'}</Table.Td>
                        <Table.Td>{dmy(r.start)}</Table.Td>
                        <Table.Td>{r.end ? dmy(r.end) : 'trwa'}</Table.Td>
                        <Table.Td>{r.closureReason ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                    {data.rows.length === 0 && (
                      <Table.Tr>
                        <Table.Td colSpan={8 + (hasChild ? 1 : 0) + (hasSf ? 1 : 0)}>Brak rodzin w tej pozycji.</Table.Td>
                      </Table.Tr>
                    )}
                  </Table.Tbody>
                </Table>
              ) : (
                <Table striped data-testid="drilldown-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Lp.</Table.Th>
                      <Table.Th>Asystent</Table.Th>
                      <Table.Th>Forma zatrudnienia</Table.Th>
                      <Table.Th>Zadaniowy czas pracy</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.assistants.map((a, i) => (
                      <Table.Tr key={a.userId}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>
                          {a.fullName}
                          {a.active ? '' : ' (konto nieaktywne)'}
                        </Table.Td>
                        <Table.Td>{a.form}</Table.Td>
                        <Table.Td>{a.taskBasedTime ? 'tak' : 'nie'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </ScrollArea.Autosize>
            {personal ? (
              <Stack gap="xs">
                <Group align="flex-end" gap="xs">
                  <PasswordInput
                    label="Hasło do pliku XLSX"
                    description="Co najmniej 8 znaków; przekaż je odbiorcy inną drogą niż plik."
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    w={320}
                  />
                  <Button onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'} disabled={busy !== null || password.length < 8}>
                    Zapisz XLSX z hasłem…
                  </Button>
                </Group>
                <Checkbox
                  label="Rozumiem, że plik CSV lub PDF bez hasła zawiera dane osobowe rodzin"
                  checked={confirm}
                  onChange={(e) => setConfirm(e.currentTarget.checked)}
                />
                <Group gap="xs">
                  <Button variant="default" onClick={() => void exportAs('csv')} loading={busy === 'csv'} disabled={!confirm || busy !== null}>
                    CSV bez hasła…
                  </Button>
                  <Button variant="default" onClick={() => setPreview(true)} disabled={!confirm}>
                    Podgląd i PDF…
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Group gap="xs">
                <Button variant="default" onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'} disabled={busy !== null}>
                  Eksport XLSX…
                </Button>
                <Button variant="default" onClick={() => void exportAs('csv')} loading={busy === 'csv'} disabled={busy !== null}>
                  Eksport CSV…
                </Button>
              </Group>
            )}
            {status && (
              <Alert color={status.color} role="status" withCloseButton closeButtonLabel="Zamknij komunikat" onClose={() => setStatus(null)}>
                {status.text}
              </Alert>
            )}
          </>
        )}
      </Stack>
      {preview && data && (
        <ReportPreview
          target={{ report: 'drilldown', period, figureId, title: `Lista rodzin — ${data.label}`, confirmPersonal: true }}
          onClose={() => setPreview(false)}
        />
      )}
    </Modal>
  );
}

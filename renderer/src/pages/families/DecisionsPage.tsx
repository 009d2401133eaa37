import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { availableTransitions, type CaseSource, type CaseState, type CaseTrack } from '../../../../shared/rules';
import { call, errorMessage } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList } from '../../components/registry/Findings';
import { dateOrDash, sourceLabel, todayIso, TRACK_SHORT } from '../../components/registry/labels';
import { TransitionForm } from '../../components/registry/TransitionForm';
import { useSession } from '../../session';
import { href } from './nav';

type Screen = ChannelOutput<'cases:decisionScreen'>;
type Awaiting = Screen['awaiting'][number];
type CaseDetail = ChannelOutput<'cases:get'>;

const DECISIONS = ['assign', 'forward', 'waitlist', 'refuse', 'refuseZz'] as const;
const SHORT: Record<string, string> = {
  assign: 'Przydziel',
  forward: 'Skieruj',
  waitlist: 'Lista oczekujących',
  refuse: 'Odmów',
  refuseZz: 'Odmów',
};

/** The head's decisions: requests awaiting a decision and every assistant's caseload. */
export function DecisionsPage() {
  const { user } = useSession();
  const [screen, setScreen] = useState<Screen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ item: Awaiting; action: string; label: string; c: CaseDetail | null; error: string | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setScreen(await call('cases:decisionScreen', {}));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const openDialog = async (item: Awaiting, action: string, label: string) => {
    setDone(null);
    setDialog({ item, action, label, c: null, error: null });
    try {
      const c = await call('cases:get', { id: item.id });
      setDialog((d) => (d && d.item.id === item.id ? { ...d, c } : d));
    } catch (e) {
      setDialog((d) => (d ? { ...d, error: errorMessage(e) } : d));
    }
  };

  return (
    <>
      <PageTitle subtitle="Wnioski o przydzielenie asystenta czekające na decyzję i obciążenie asystentów">Decyzje kierownika</PageTitle>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Zamknij" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      {!screen && !error && <Loader aria-label="Wczytywanie" />}
      {screen && (
        <>
          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Asystenci rodziny — obciążenie
            </Title>
            <Table.ScrollContainer minWidth={700}>
              <Table verticalSpacing="xs" striped aria-label="Obciążenie asystentów">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Asystent</Table.Th>
                    <Table.Th>Rodziny / limit</Table.Th>
                    <Table.Th>Limit osobisty</Table.Th>
                    <Table.Th>Monitoring</Table.Th>
                    <Table.Th>Wolne miejsca</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {screen.assistants.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={5}>
                        <Text c="dimmed">Brak aktywnych kont asystentów rodziny.</Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                  {screen.assistants.map((a) => (
                    <Table.Tr key={a.id} data-testid={`caseload-${a.id}`}>
                      <Table.Td fw={600}>{a.fullName}</Table.Td>
                      <Table.Td>
                        <Text fw={700} c={a.count >= a.limit ? 'red.8' : undefined} span>
                          {a.count} / {a.limit}
                        </Text>
                        {a.count >= a.limit && (
                          <Badge ml="xs" color="red" variant="light">
                            limit osiągnięty
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{a.personalLimit ?? 'ustawowy (15)'}</Table.Td>
                      <Table.Td>{a.monitoring}</Table.Td>
                      <Table.Td>{a.free}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed" mt="xs">
              Limit: najwyżej 15 rodzin na asystenta (art. 15 ust. 4 ustawy o wspieraniu rodziny i systemie pieczy zastępczej); rodzina liczy się raz.{' '}
              {screen.monitoringCounts
                ? 'Rodziny w monitoringu po zakończeniu pracy są wliczane (ustawienie ośrodka).'
                : 'Rodziny w monitoringu po zakończeniu pracy nie są wliczane do limitu (można to zmienić w ustawieniach).'}
            </Text>
          </Paper>

          <Paper withBorder p="lg">
            <Title order={2} size="h4" mb="sm">
              Sprawy czekające na decyzję ({screen.awaiting.length})
            </Title>
            {screen.awaiting.length === 0 ? (
              <Text c="dimmed">Żadna sprawa nie czeka na decyzję.</Text>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table verticalSpacing="sm" striped aria-label="Sprawy czekające na decyzję">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Znak sprawy</Table.Th>
                      <Table.Th>Rodzina</Table.Th>
                      <Table.Th>Ścieżka i źródło</Table.Th>
                      <Table.Th>Stan</Table.Th>
                      <Table.Th>Wniosek</Table.Th>
                      <Table.Th>Decyzja</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {screen.awaiting.map((a) => {
                      const options = availableTransitions(
                        { track: a.track as CaseTrack, state: a.state as CaseState, source: a.source as CaseSource, assistantId: null, receivedOn: a.receivedOn },
                        { role: user.role, userId: user.id },
                        { asOf: todayIso() },
                      ).filter((t) => (DECISIONS as readonly string[]).includes(t.action) && t.implemented);
                      const blocked = options.filter((t) => !t.allowed);
                      return (
                        <Table.Tr key={a.id} data-testid={`awaiting-${a.caseNumber}`}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Anchor href={href.case(a.id)} fw={600}>
                              {a.caseNumber}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{a.familyLabel}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{TRACK_SHORT[a.track]}</Text>
                            <Text size="xs" c="dimmed">
                              {sourceLabel(a.track === 'za-zyciem' ? 'za-zyciem' : a.source)}
                            </Text>
                            <Group gap={4}>
                              {a.urgent && <Badge color="red">pilne</Badge>}
                              {a.mandatory && <Badge color="orange">obowiązkowe</Badge>}
                            </Group>
                          </Table.Td>
                          <Table.Td>{a.stateLabel}</Table.Td>
                          <Table.Td>
                            {dateOrDash(a.requestOn ?? a.receivedOn)}
                            {a.assignmentDueOn && (
                              <Text size="xs" c="dimmed">
                                przydzielić do {dateOrDash(a.assignmentDueOn)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              {options
                                .filter((t) => t.allowed)
                                .map((t) => (
                                  <Button
                                    key={t.action}
                                    size="xs"
                                    variant={t.action === 'assign' ? 'filled' : t.action.startsWith('refuse') ? 'light' : 'default'}
                                    color={t.action.startsWith('refuse') ? 'red' : undefined}
                                    onClick={() => void openDialog(a, t.action, t.label)}
                                    aria-label={`${SHORT[t.action]}: ${a.caseNumber}`}
                                  >
                                    {SHORT[t.action]}
                                  </Button>
                                ))}
                            </Group>
                            {blocked.length > 0 && (
                              <Stack gap={2} mt={4}>
                                {blocked.map((t) => (
                                  <Text key={t.action} size="xs" c="red.8">
                                    {SHORT[t.action]} — niedostępne: {t.findings.find((f) => f.severity === 'blocker')?.message}{' '}
                                    <Text span size="xs" c="dimmed">
                                      ({t.findings.find((f) => f.severity === 'blocker')?.basis})
                                    </Text>
                                  </Text>
                                ))}
                              </Stack>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </>
      )}

      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? `${dialog.label} — ${dialog.item.caseNumber}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Zamknij' }}
      >
        {dialog && (
          <Stack>
            <Text size="sm">{dialog.item.familyLabel}</Text>
            {dialog.error && (
              <Alert color="red" role="alert">
                {dialog.error}
              </Alert>
            )}
            {!dialog.c && !dialog.error && <Loader aria-label="Wczytywanie sprawy" />}
            {dialog.c && (
              <>
                <FindingsList findings={dialog.c.availableTransitions.find((t) => t.action === dialog.action)?.findings.filter((f) => f.severity !== 'info')} />
                <TransitionForm
                  caseDetail={dialog.c}
                  action={dialog.action}
                  label={dialog.label}
                  onCancel={() => setDialog(null)}
                  onDone={(c) => {
                    setDialog(null);
                    setDone(`${dialog.label}: ${c.caseNumber} — ${c.stateLabel}${c.assistantName ? ` (${c.assistantName})` : ''}.`);
                    void load();
                  }}
                  onRefresh={() => {
                    setDialog(null);
                    void load();
                  }}
                />
              </>
            )}
          </Stack>
        )}
      </Modal>
    </>
  );
}

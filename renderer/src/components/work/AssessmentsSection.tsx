/** Assessments of a case: the list, a new assessment (grid), one assessment read back, the trend. */
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ASSESSMENT_AREAS, RATING_LABELS, type Rating } from '../../../../shared/rules';
import { RECOMMENDATIONS } from '../../../../shared/workSchemas';
import { call, errorMessage } from '../../api';
import { formatDateTime } from '../../format';
import { AssessmentForm } from './AssessmentForm';
import { dateOrDash, FindingsList, KIND_TITLES, ratingText } from './common';
import { TrendChart } from './TrendChart';

type Kind = 'initial' | 'periodic' | 'final';
type ListItem = ChannelOutput<'assessments:list'>[number];
type Assessment = ChannelOutput<'assessments:get'>;
type Findings = ChannelOutput<'assessments:create'>['findings'];

export function AssessmentsSection({
  caseId,
  familyId,
  caseLabel,
  canEdit,
  onCaseChanged,
  openInitial,
  openPeriodic,
}: {
  caseId: string;
  familyId: string;
  caseLabel: string;
  canEdit: boolean;
  onCaseChanged: () => void;
  /** Set (a new object) by "Następny krok": open the new initial / periodic assessment form. */
  openInitial?: object | null;
  openPeriodic?: object | null;
}) {
  const [list, setList] = useState<ListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<Kind | null>(null);
  const [shown, setShown] = useState<Assessment | null>(null);
  const [savedFindings, setSavedFindings] = useState<Findings | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setList(await call('assessments:list', { caseId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const hasInitial = list?.some((a) => a.kind === 'initial') ?? false;

  useEffect(() => {
    if (openInitial && canEdit) setCreating('initial');
  }, [openInitial, canEdit]);
  useEffect(() => {
    if (openPeriodic && canEdit) setCreating('periodic');
  }, [openPeriodic, canEdit]);

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {savedFindings && (
        <Alert color="green" role="status" title="Ocena zapisana" withCloseButton closeButtonLabel="Zamknij" onClose={() => setSavedFindings(null)}>
          <FindingsList findings={savedFindings} />
        </Alert>
      )}
      {canEdit && !creating && (
        <Group gap="xs">
          {!hasInitial && <Button onClick={() => setCreating('initial')}>Nowa ocena wstępna</Button>}
          {hasInitial && <Button onClick={() => setCreating('periodic')}>Nowa ocena okresowa</Button>}
          {hasInitial && (
            <Button variant="light" onClick={() => setCreating('final')}>
              Nowa ocena końcowa
            </Button>
          )}
        </Group>
      )}
      {creating && (
        <AssessmentForm
          caseId={caseId}
          familyId={familyId}
          kind={creating}
          onCancel={() => setCreating(null)}
          onSaved={(r) => {
            setCreating(null);
            setSavedFindings(r.findings);
            setShown(r.assessment);
            setRefreshKey((k) => k + 1);
            void load();
            onCaseChanged();
          }}
        />
      )}

      {!list && !error && <Loader size="sm" aria-label="Wczytywanie ocen" />}
      {list && list.length === 0 && !creating && <Text c="dimmed">Nie zapisano jeszcze żadnej oceny sytuacji rodziny.</Text>}
      {list && list.length > 0 && (
        <Table striped withTableBorder aria-label="Oceny sytuacji rodziny">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Data</Table.Th>
              <Table.Th>Rodzaj</Table.Th>
              <Table.Th>Rekomendacja</Table.Th>
              <Table.Th>Autor</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{dateOrDash(a.assessedOn)}</Table.Td>
                <Table.Td>
                  {KIND_TITLES[a.kind]} {a.locked && <Badge size="xs" variant="light" color="gray">zablokowana</Badge>}
                </Table.Td>
                <Table.Td>{a.recommendation ? ((RECOMMENDATIONS as Record<string, string>)[a.recommendation] ?? a.recommendation) : '—'}</Table.Td>
                <Table.Td>{a.authorName ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => void call('assessments:get', { id: a.id }).then(setShown, (e) => setError(errorMessage(e)))}>
                    Pokaż ({KIND_TITLES[a.kind].toLowerCase()}, {dateOrDash(a.assessedOn)})
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {shown && <AssessmentView a={shown} onClose={() => setShown(null)} />}
      <TrendChart caseId={caseId} refreshKey={refreshKey} caseLabel={caseLabel} />
    </Stack>
  );
}

function AssessmentView({ a, onClose }: { a: Assessment; onClose: () => void }) {
  return (
    <Paper withBorder p="md" data-testid="assessment-view">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {KIND_TITLES[a.kind]} z {dateOrDash(a.assessedOn)}
        </Title>
        <Button size="xs" variant="default" onClick={onClose}>
          Zamknij podgląd
        </Button>
      </Group>
      {a.comparison && (
        <Text size="sm" mb="xs" data-testid="assessment-comparison">
          W porównaniu z poprzednią oceną: poprawa w {a.comparison.improved}, pogorszenie w {a.comparison.worsened}, bez zmian w {a.comparison.unchanged} obszarach.
        </Text>
      )}
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Obszar</Table.Th>
            <Table.Th>Poprzednio</Table.Th>
            <Table.Th>Ocena</Table.Th>
            <Table.Th>Uzasadnienie / powód braku oceny</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(a.areas).map(([code, e]) => {
            const prev = a.previous?.areas[code];
            return (
              <Table.Tr key={code}>
                <Table.Td>{labelOf(code)}</Table.Td>
                <Table.Td>{prev ? ('rating' in prev ? ratingText(prev.rating) : 'nie oceniono') : '—'}</Table.Td>
                <Table.Td>{'rating' in e ? `${ratingText(e.rating)} ${RATING_LABELS[e.rating as Rating] ?? ''}` : 'nie oceniono'}</Table.Td>
                <Table.Td>{'rating' in e ? e.justification : e.notAssessedReason}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Stack gap={2} mt="xs">
        {a.strengths && <Text size="sm">Mocne strony: {a.strengths}</Text>}
        {a.resources && <Text size="sm">Zasoby: {a.resources}</Text>}
        {a.familyView && <Text size="sm">Opinia rodziny: {a.familyView}</Text>}
        <Text size="sm">Rekomendacja: {(RECOMMENDATIONS as Record<string, string>)[a.recommendation] ?? a.recommendation}</Text>
        {a.distribution && <FindingsList findings={a.distribution.findings} />}
        {a.addenda.map((ad) => (
          <Text size="sm" key={ad.id}>
            Uzupełnienie ({ad.authorName}, {formatDateTime(ad.createdAt)}): {ad.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

function labelOf(code: string): string {
  return ASSESSMENT_AREAS.find((x) => x.code === code)?.label ?? code;
}

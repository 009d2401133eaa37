/**
 * "Sprawozdanie półroczne": the figures of the family-assistant part of the sprawozdanie
 * rzeczowo-finansowe for a half-year, each with its definition, each (where it counts families or
 * assistants) a button that opens the list behind it; exports to PDF, XLSX and CSV.
 */
import { warsawDate } from '../../../../shared/dates';
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useEffect, useMemo, useState } from 'react';
import type { HalfYearReport } from '../../../../shared/ipc/contract';
import { lastFinishedHalfYear, parsePeriod, recentHalfYears } from '../../../../shared/reports/period';
import { call, errorMessage } from '../../api';
import { DrilldownModal } from './DrilldownModal';
import { ExportButtons } from './ExportButtons';
import { dmy } from './exports';

function todayIso(): string {
  return warsawDate(new Date())!;
}

export function HalfYearTab() {
  const today = todayIso();
  const options = useMemo(() => recentHalfYears(today, 8).map((p) => ({ value: p, label: parsePeriod(p).label })), [today]);
  const [period, setPeriod] = useState(() => lastFinishedHalfYear(today));
  const [report, setReport] = useState<HalfYearReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setReport(null);
    setError(null);
    void call('reports:halfYear', { period })
      .then((r) => alive && setReport(r))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [period]);

  const sections = useMemo(() => {
    const out: Array<{ label: string; figures: HalfYearReport['figures'] }> = [];
    for (const f of report?.figures ?? []) {
      const last = out[out.length - 1];
      if (last && last.label === f.sectionLabel) last.figures.push(f);
      else out.push({ label: f.sectionLabel, figures: [f] });
    }
    return out;
  }, [report]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select
          label="Okres sprawozdawczy"
          data={options}
          value={period}
          onChange={(v) => v && setPeriod(v)}
          allowDeselect={false}
          w={340}
          data-testid="half-year-period"
        />
        {report && <ExportButtons report="half-year" period={period} title={`Sprawozdanie półroczne — ${report.period.label}`} />}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!report && !error && <Loader aria-label="Liczenie sprawozdania" />}
      {report && (
        <>
          <Group gap="xs">
            <Text size="sm">
              {report.period.label}; termin złożenia do wojewody: <b>{dmy(report.period.dueOn)}</b>.
            </Text>
            {report.filedOn ? <Badge color="green">złożone {dmy(report.filedOn)}</Badge> : <Badge color="gray">niezłożone</Badge>}
          </Group>
          {report.warnings.map((w) => (
            <Alert key={w.code} color={w.severity === 'warning' ? 'yellow' : 'blue'} variant="light" role="status" data-testid={`report-warning-${w.code}`}>
              {w.message}
            </Alert>
          ))}
          <Alert color="blue" variant="light" title="Pola formularza do sprawdzenia">
            Układ pól odpowiada danym, o które pyta sprawozdanie rzeczowo-finansowe (część o asystentach rodziny), ale nie został sprawdzony z aktualnym
            wzorem formularza. Przy każdej liczbie jest jej definicja; kliknij liczbę, aby zobaczyć rodziny, z których wynika.
          </Alert>
          <Paper withBorder>
            <Table verticalSpacing="xs" data-testid="half-year-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Lp.</Table.Th>
                  <Table.Th>Wyszczególnienie i definicja</Table.Th>
                  <Table.Th w={140} ta="right">
                    Liczba / kwota
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sections.map((s) => (
                  <Fragment key={s.label}>
                    <Table.Tr bg="gray.1">
                      <Table.Td colSpan={3}>
                        <Title order={3} size="h5">
                          {s.label}
                        </Title>
                      </Table.Td>
                    </Table.Tr>
                    {s.figures.map((f) => (
                      <Table.Tr key={f.id} data-figure={f.id}>
                        <Table.Td>{f.no}</Table.Td>
                        <Table.Td pl={f.level === 1 ? 'xl' : undefined}>
                          <Text fw={f.level === 0 ? 600 : 400}>{f.label}</Text>
                          <Text size="xs" c="dimmed">
                            {f.definition}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {f.drill === 'none' ? (
                            <Text fw={700}>{f.display}</Text>
                          ) : (
                            <Button
                              variant="subtle"
                              fw={700}
                              size="compact-md"
                              onClick={() => setDrill(f.id)}
                              aria-label={`${f.label}: ${f.display} — pokaż listę`}
                              title="Pokaż rodziny, z których wynika ta liczba"
                            >
                              {f.display}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="xs">
              Zasady liczenia (Ustawienia sprawozdań)
            </Title>
            <Stack gap={2}>
              {report.conventionLines.map((l) => (
                <Text key={l} size="sm">
                  {l}
                </Text>
              ))}
            </Stack>
          </Paper>
        </>
      )}
      {drill && <DrilldownModal period={period} figureId={drill} onClose={() => setDrill(null)} />}
    </Stack>
  );
}

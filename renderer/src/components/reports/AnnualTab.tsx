/**
 * "Sprawozdanie roczne / pulpit": the family-assistance section of the annual report to the rada
 * gminy and the head's dashboard — caseload against the limits, families per state, closures by
 * reason, average duration, visits per family per month, overdue assessments and the change of
 * assessment ratings per area (aggregated, anonymous). Charts: @mantine/charts, as the trend chart.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { warsawDate } from '../../../../shared/dates';
import type { AnnualReportView } from '../../../../shared/ipc/contract';
import { closureFigureId } from '../../../../shared/reports/annual';
import { CASELOAD_STATUTORY_LIMIT } from '../../../../shared/rules/caseload';
import { call, errorMessage } from '../../api';
import { formatNumber } from '../../numbers';
import { CategoryTick, categoryChartHeight } from '../ChartTick';
import { DrilldownModal } from './DrilldownModal';
import { ExportButtons } from './ExportButtons';
import { dec, dmy } from './exports';

/** Chart values in Polish (axes and tooltips): "0,35". */
const plValue = (v: number) => formatNumber(v);

const MONTHS = ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'];

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" component="div">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function ChartCard({ title, children, note }: { title: string; children: ReactNode; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {note && (
        <Text size="xs" c="dimmed" mb="xs">
          {note}
        </Text>
      )}
      {children}
    </Paper>
  );
}

export function AnnualTab() {
  const year = Number(warsawDate(Date.now())!.slice(0, 4));
  const options = useMemo(() => Array.from({ length: 5 }, (_, i) => String(year - i)).map((y) => ({ value: y, label: `rok ${y}` })), [year]);
  const [period, setPeriod] = useState(String(year));
  const [r, setR] = useState<AnnualReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    setR(null);
    setError(null);
    void call('reports:annual', { period })
      .then((x) => alive && setR(x))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [period]);

  /** A figure of the report as a button opening the list of the families it counts. */
  const fig = (id: string) => {
    const f = r?.figures.find((x) => x.id === id);
    if (!f) return '—';
    return (
      <Button
        variant="subtle"
        fw={700}
        size="compact-lg"
        px={4}
        onClick={() => setDrill(id)}
        aria-label={`${f.label}: ${f.display} — pokaż listę`}
        title="Pokaż rodziny, z których wynika ta liczba"
        data-testid={`annual-figure-${id}`}
      >
        {f.display}
      </Button>
    );
  };
  const atEndDay = r ? dmy(r.asOf < r.period.to ? r.asOf : r.period.to) : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Select label="Rok" data={options} value={period} onChange={(v) => v && setPeriod(v)} allowDeselect={false} w={200} />
        {r && <ExportButtons report="annual" period={period} title={`Sprawozdanie roczne — ${r.period.label}`} />}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {!r && !error && <Loader aria-label="Liczenie sprawozdania" />}
      {r && (
        <>
          {r.warnings.map((w) => (
            <Alert key={w.code} color={w.severity === 'warning' ? 'yellow' : 'blue'} variant="light" role="status" data-testid={`report-warning-${w.code}`}>
              {w.message}
            </Alert>
          ))}
          <Text size="sm" c="dimmed">
            Dane zbiorcze, bez danych osobowych rodzin. Obciążenie, stany spraw i zaległe oceny — stan na {dmy(r.asOf)}; pozostałe — za {r.period.label}.
          </Text>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label="Rodziny objęte wsparciem w roku" value={fig('families_supported')} hint={<>w tym nowe: {fig('families_new')}</>} />
            <Stat label="Zakończono pracę z rodzinami" value={fig('ended_total')} hint={<>w tym rezygnacja: {fig('ended_resigned')}</>} />
            <Stat
              label="Przeciętny czas pracy"
              value={r.averageDurationMonths === null ? '—' : `${dec(r.averageDurationMonths)} mies.`}
              hint={`sprawy zakończone w okresie: ${r.endedCases}`}
            />
            <Stat
              label="Oceny zaległe (dziś)"
              value={r.overdueAssessments.initial + r.overdueAssessments.periodic}
              hint={`wstępne: ${r.overdueAssessments.initial}, okresowe: ${r.overdueAssessments.periodic}`}
            />
          </SimpleGrid>

          <ChartCard
            title="Obciążenie asystentów a limit"
            note={`Limit ustawowy ${CASELOAD_STATUTORY_LIMIT} rodzin (art. 15 ust. 4) albo niższy limit indywidualny. „W ostatnim dniu okresu” (${atEndDay}) — rodziny z listy „Rodziny objęte wsparciem w ostatnim dniu okresu” według asystenta; „Dziś” — stan na ${dmy(r.asOf)}. ${r.monitoringCounts ? 'Rodziny w monitoringu są liczone.' : 'Rodziny w monitoringu nie są liczone.'}`}
          >
            <Group gap="xs" mb="xs">
              <Text size="sm">Rodziny objęte wsparciem w ostatnim dniu okresu:</Text>
              {fig('families_at_period_end')}
            </Group>
            {r.caseload.length === 0 ? (
              <Text size="sm">Brak aktywnych asystentów.</Text>
            ) : (
              <BarChart
                h={260}
                data={r.caseload.map((c) => ({ asystent: c.fullName, 'W ostatnim dniu okresu': c.atPeriodEnd, Dziś: c.count, Limit: c.limit, 'W monitoringu': c.monitoring }))}
                dataKey="asystent"
                series={[
                  { name: 'W ostatnim dniu okresu', color: 'indigo.7' },
                  { name: 'Dziś', color: 'blue.6' },
                  { name: 'Limit', color: 'gray.5' },
                  { name: 'W monitoringu', color: 'teal.4' },
                ]}
                referenceLines={[{ y: CASELOAD_STATUTORY_LIMIT, label: `limit ustawowy ${CASELOAD_STATUTORY_LIMIT}`, color: 'red.6' }]}
                withLegend
                valueFormatter={plValue}
                data-testid="chart-caseload"
              />
            )}
            {r.caseload.length > 0 && (
              <Table mt="sm" striped data-testid="caseload-table" aria-label="Obciążenie asystentów">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Asystent</Table.Th>
                    <Table.Th ta="right">W ostatnim dniu okresu ({atEndDay})</Table.Th>
                    <Table.Th ta="right">Dziś</Table.Th>
                    <Table.Th ta="right">Limit</Table.Th>
                    <Table.Th ta="right">W monitoringu dziś</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.caseload.map((c) => (
                    <Table.Tr key={c.assistantId}>
                      <Table.Td>{c.fullName}</Table.Td>
                      <Table.Td ta="right">{c.atPeriodEnd}</Table.Td>
                      <Table.Td ta="right">{c.count}</Table.Td>
                      <Table.Td ta="right">{c.limit}</Table.Td>
                      <Table.Td ta="right">{c.monitoring}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </ChartCard>

          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard title="Rodziny według stanu sprawy (dziś)">
              <BarChart
                h={categoryChartHeight(r.familiesByState.map((s) => s.label), 220)}
                data={r.familiesByState.map((s) => ({ stan: s.label, Rodziny: s.families }))}
                dataKey="stan"
                orientation="vertical"
                yAxisProps={{ width: 220, interval: 0, tick: <CategoryTick /> }}
                valueFormatter={plValue}
                series={[{ name: 'Rodziny', color: 'blue.6' }]}
              />
            </ChartCard>
            <ChartCard title="Zakończenia w okresie według przyczyny">
              {r.closuresByReason.length === 0 ? (
                <Text size="sm">Brak zakończeń w tym okresie.</Text>
              ) : (
                <BarChart
                  h={categoryChartHeight(r.closuresByReason.map((c) => c.label), 240)}
                  data={r.closuresByReason.map((c) => ({ przyczyna: c.label, Sprawy: c.cases }))}
                  dataKey="przyczyna"
                  orientation="vertical"
                  yAxisProps={{ width: 240, interval: 0, tick: <CategoryTick /> }}
                  valueFormatter={plValue}
                  series={[{ name: 'Sprawy', color: 'orange.6' }]}
                />
              )}
              {r.closuresByReason.length > 0 && (
                <Table mt="sm" striped data-testid="closures-table" aria-label="Zakończenia w okresie według przyczyny">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Przyczyna</Table.Th>
                      <Table.Th ta="right">Sprawy</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.closuresByReason.map((c) => (
                      <Table.Tr key={c.code}>
                        <Table.Td>{c.label}</Table.Td>
                        <Table.Td ta="right">
                          <Button
                            variant="subtle"
                            fw={700}
                            size="compact-sm"
                            onClick={() => setDrill(closureFigureId(c.code))}
                            aria-label={`${c.label}: ${c.cases} — pokaż listę`}
                            title="Pokaż sprawy, z których wynika ta liczba"
                          >
                            {c.cases}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </ChartCard>
          </SimpleGrid>

          <ChartCard
            title="Wizyty na rodzinę miesięcznie"
            note={`Przeciętnie ${r.visits.perFamilyMonth === null ? '—' : formatNumber(r.visits.perFamilyMonth)} wizyty na rodzinę w miesiącu (wizyt w okresie: ${formatNumber(r.visits.total)}).`}
          >
            <LineChart
              h={220}
              data={r.visits.byMonth.map((m) => ({ miesiąc: `${MONTHS[Number(m.month.slice(5)) - 1]} ${m.month.slice(0, 4)}`, 'Wizyt na rodzinę': m.perFamily ?? 0, Rodziny: m.families }))}
              dataKey="miesiąc"
              series={[{ name: 'Wizyt na rodzinę', color: 'grape.6' }]}
              curveType="linear"
              connectNulls
              valueFormatter={plValue}
            />
          </ChartCard>

          <ChartCard
            title="Zmiana ocen sytuacji rodziny: pierwsza a ostatnia ocena"
            note="Sprawy z co najmniej dwiema ocenami, ostatnia w okresie. Skala od −3 (poważny problem) do +2 (wyraźna mocna strona). Dane zbiorcze."
          >
            <BarChart
              h={categoryChartHeight(r.assessmentChange.map((a) => a.label), 260, 220)}
              data={r.assessmentChange.map((a) => ({ obszar: a.label, Poprawa: a.improved, 'Bez zmian': a.same, Pogorszenie: a.worse }))}
              dataKey="obszar"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 260, interval: 0, tick: <CategoryTick /> }}
              valueFormatter={plValue}
              series={[
                { name: 'Poprawa', color: 'green.6' },
                { name: 'Bez zmian', color: 'gray.5' },
                { name: 'Pogorszenie', color: 'red.6' },
              ]}
              withLegend
            />
            <Table mt="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Obszar</Table.Th>
                  <Table.Th ta="right">Sprawy</Table.Th>
                  <Table.Th ta="right">Średnia zmiana</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.assessmentChange.map((a) => (
                  <Table.Tr key={a.area}>
                    <Table.Td>{a.label}</Table.Td>
                    <Table.Td ta="right">{a.cases}</Table.Td>
                    <Table.Td ta="right">{a.meanChange === null ? '—' : `${a.meanChange > 0 ? '+' : a.meanChange < 0 ? '−' : ''}${dec(Math.abs(a.meanChange))}`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ChartCard>
        </>
      )}
      {drill && <DrilldownModal period={period} figureId={drill} onClose={() => setDrill(null)} />}
    </Stack>
  );
}

/** "Droga rodziny": every area across all assessments of the case (assessments:trend), printable. */
import { LineChart } from '@mantine/charts';
import { Button, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { dateOrDash, KIND_LABELS, ratingText } from './common';

type Trend = ChannelOutput<'assessments:trend'>;

const COLORS = ['blue.6', 'red.6', 'green.7', 'orange.6', 'grape.6', 'teal.6', 'pink.6', 'indigo.6', 'lime.7', 'cyan.7', 'yellow.7', 'gray.7'];

export function TrendChart({ caseId, refreshKey, caseLabel }: { caseId: string; refreshKey: number; caseLabel: string }) {
  const [trend, setTrend] = useState<Trend | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void call('assessments:trend', { caseId })
      .then((t) => alive && setTrend(t))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [caseId, refreshKey]);

  if (error) return <Text c="red">{error}</Text>;
  if (!trend || trend.assessments.length === 0) return null;

  const columns = trend.assessments.map((a) => `${KIND_LABELS[a.kind]} ${dateOrDash(a.assessedOn)}`);
  const data = trend.assessments.map((_, i) => {
    const row: Record<string, string | number | null> = { ocena: columns[i]! };
    for (const area of trend.areas) row[area.label] = area.ratings[i] ?? null;
    return row;
  });
  const series = trend.areas.map((a, i) => ({ name: a.label, color: COLORS[i % COLORS.length]! }));

  const print = () => {
    document.body.classList.add('print-trend');
    const done = () => {
      document.body.classList.remove('print-trend');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <Paper withBorder p="md" className="trend-print" data-testid="trend-chart">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Droga rodziny — oceny obszarów w kolejnych ocenach
        </Title>
        <Button variant="default" size="xs" className="no-print" onClick={print}>
          Drukuj wykres
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {caseLabel}. Skala od −3 (poważny problem) do +2 (wyraźna mocna strona).
      </Text>
      <div role="img" aria-label="Wykres ocen obszarów w kolejnych ocenach">
        <LineChart
          h={320}
          data={data}
          dataKey="ocena"
          series={series}
          curveType="linear"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [-3, 2], ticks: [-3, -2, -1, 0, 1, 2] }}
          valueFormatter={(v) => ratingText(v)}
          withDots
        />
      </div>
      <ScrollArea mt="md">
        <Table withTableBorder striped aria-label="Tabela ocen obszarów">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Obszar</Table.Th>
              {columns.map((c, i) => (
                <Table.Th key={i}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.areas.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td>{a.label}</Table.Td>
                {a.ratings.map((r, i) => (
                  <Table.Td key={i}>{ratingText(r)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

import { Table, Text } from '@mantine/core';
import { formatDateTime } from '../../format';
import { historyActionLabel, stateLabel } from './labels';

interface Entry {
  id: number;
  caseNumber: string;
  at: string;
  userName: string | null;
  action: string;
  fromState: string | null;
  toState: string;
}

/** Case history: when, who, what, from which state to which. */
export function HistoryTable({ entries, showCase = false }: { entries: ReadonlyArray<Entry>; showCase?: boolean }) {
  if (entries.length === 0) return <Text c="dimmed">Brak wpisów w historii.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table verticalSpacing="xs" striped aria-label="Historia sprawy">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Kiedy</Table.Th>
            {showCase && <Table.Th>Sprawa</Table.Th>}
            <Table.Th>Czynność</Table.Th>
            <Table.Th>Stan</Table.Th>
            <Table.Th>Kto</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
              {showCase && <Table.Td style={{ whiteSpace: 'nowrap' }}>{h.caseNumber}</Table.Td>}
              <Table.Td>{historyActionLabel(h.action)}</Table.Td>
              <Table.Td>
                {h.fromState ? `${stateLabel(h.fromState)} → ` : ''}
                {stateLabel(h.toState)}
              </Table.Td>
              <Table.Td>{h.userName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Alert, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { casesLabel, familiesLabel, formatBytes, usersLabel, type BackupInfo } from '../backup';
import { formatDateTime } from '../format';

/** What a verified backup file contains (date, office, versions, counts). */
export function BackupInfoView({ info, testId }: { info: BackupInfo; testId?: string }) {
  return (
    <>
      <Table variant="vertical" layout="fixed" withTableBorder data-testid={testId} maw={720}>
        <Table.Tbody>
          <Row label="Plik" value={<Text size="sm" style={{ overflowWrap: 'anywhere' }}>{info.name}</Text>} />
          <Row label="Data wykonania" value={formatDateTime(info.createdAt)} />
          {info.createdBy && <Row label="Wykonał(a)" value={info.createdBy} />}
          <Row label="Ośrodek" value={info.officeName} />
          <Row label="Wersja aplikacji" value={info.appVersion} />
          <Row label="Wersja bazy danych" value={String(info.schemaVersion)} />
          <Row label="Rodziny" value={familiesLabel(info.counts.families)} />
          <Row label="Sprawy" value={casesLabel(info.counts.cases)} />
          <Row label="Konta użytkowników" value={usersLabel(info.counts.users)} />
          <Row label="Rozmiar pliku" value={formatBytes(info.bytes)} />
        </Table.Tbody>
      </Table>
      {!info.restorable && (
        <Alert color="orange" role="alert" title="Kopia z nowszej wersji Asysty">
          Tę kopię wykonała nowsza wersja Asysty. Zaktualizuj aplikację na tym komputerze, aby ją przywrócić.
        </Alert>
      )}
    </>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}

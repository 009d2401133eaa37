/**
 * "Ustawienia sprawozdań": the counting conventions (domain.md §6.1; the form's fields are not
 * verified, so each choice is the office's), and — read only — the assistants' form of
 * employment as the staff register (kadra, on the accounts page) records it. Head only; every
 * change is audited.
 */
import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReportSettings } from '../../../../shared/ipc/contract';
import { CLOSURE_GROUP_LABELS, CLOSURE_GROUPS, EMPLOYMENT_FORM_LABELS, type ClosureGroup, type ReportConventions } from '../../../../shared/reports/conventions';
import { CLOSURE_REASONS } from '../../../../shared/rules/labels';
import { call, errorMessage } from '../../api';
import { dmy } from './exports';

export function SettingsTab() {
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [conv, setConv] = useState<ReportConventions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = (s: ReportSettings) => {
    setSettings(s);
    setConv(s.conventions);
  };

  useEffect(() => {
    void call('reports:settingsGet', {})
      .then(apply)
      .catch((e) => setError(errorMessage(e)));
  }, []);

  if (error && !settings) return <Alert color="red">{error}</Alert>;
  if (!settings || !conv) return null;

  const set = <K extends keyof ReportConventions>(k: K, v: ReportConventions[K]) => setConv({ ...conv, [k]: v });

  const save = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const s = await call('reports:settingsSet', { conventions: conv });
      apply(s);
      setStatus('Zapisano ustawienia sprawozdań.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Formy zatrudnienia asystentów
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Sprawozdanie liczy asystentów według formy zatrudnienia i zadaniowego czasu pracy wpisanych w kadrze (Użytkownicy → Kadra). Tu tylko je
          widać; zmienia się je w kadrze.
        </Text>
        <Table data-testid="staff-forms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Asystent</Table.Th>
              <Table.Th>Forma zatrudnienia</Table.Th>
              <Table.Th>Zadaniowy czas pracy</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.staff.map((s) => (
              <Table.Tr key={s.userId}>
                <Table.Td>
                  {s.fullName}
                  {s.active ? '' : ' (konto nieaktywne)'}
                </Table.Td>
                <Table.Td>{s.form ? EMPLOYMENT_FORM_LABELS[s.form] : 'nie wskazano'}</Table.Td>
                <Table.Td>{s.form === 'employment-contract' ? (s.taskBasedTime ? 'tak' : 'nie') : '—'}</Table.Td>
              </Table.Tr>
            ))}
            {settings.staff.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>Brak kont asystentów.</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="xs">
          Zasady liczenia
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Pola formularza sprawozdania nie zostały sprawdzone z aktualnym wzorem, dlatego sposób liczenia jest ustawieniem ośrodka. Domyślnie:
          rodzina objęta wsparciem w okresie to każda, z którą praca trwała choć jeden dzień okresu; zakończona — gdy data zakończenia przypada w okresie.
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Select
            label="Początek pracy z rodziną"
            data={[
              { value: 'assignedOn', label: 'data przydzielenia asystenta' },
              { value: 'consentOn', label: 'data zgody rodziny (lub postanowienia sądu)' },
            ]}
            value={conv.startDate}
            onChange={(v) => v && set('startDate', v as ReportConventions['startDate'])}
            allowDeselect={false}
          />
          <Select
            label="Co liczyć"
            data={[
              { value: 'family', label: 'rodziny (dwie sprawy jednej rodziny — raz)' },
              { value: 'case', label: 'sprawy' },
            ]}
            value={conv.unit}
            onChange={(v) => v && set('unit', v as ReportConventions['unit'])}
            allowDeselect={false}
          />
          <Switch
            label="Monitoring po zakończeniu pracy liczy się jako wsparcie"
            checked={conv.monitoringCountsAsSupported}
            onChange={(e) => set('monitoringCountsAsSupported', e.currentTarget.checked)}
          />
          <Switch
            label="Liczyć sprawy zamknięte przed podjęciem pracy (brak zgody)"
            checked={conv.countNoConsentClosures}
            onChange={(e) => set('countNoConsentClosures', e.currentTarget.checked)}
          />
          <Switch
            label="Dzieci w pieczy zastępczej wliczać do dzieci w rodzinach"
            checked={conv.childrenIncludeFosterCare}
            onChange={(e) => set('childrenIncludeFosterCare', e.currentTarget.checked)}
          />
          <Select
            label="Lista oczekujących"
            data={[
              { value: 'period-end', label: 'stan na ostatni dzień okresu' },
              { value: 'any-time', label: 'oczekujące w dowolnym dniu okresu' },
            ]}
            value={conv.waitingAt}
            onChange={(v) => v && set('waitingAt', v as ReportConventions['waitingAt'])}
            allowDeselect={false}
          />
          <Select
            label="Którzy asystenci są liczeni"
            data={[
              { value: 'both', label: 'aktywne konta i prowadzący rodziny w okresie' },
              { value: 'active-accounts', label: 'aktywne konta asystentów' },
              { value: 'worked-in-period', label: 'prowadzący co najmniej jedną rodzinę w okresie' },
            ]}
            value={conv.assistantsCounted}
            onChange={(v) => v && set('assistantsCounted', v as ReportConventions['assistantsCounted'])}
            allowDeselect={false}
          />
          <Select
            label="Okresy trwania pracy liczyć dla"
            data={[
              { value: 'ended', label: 'rodzin, z którymi zakończono pracę w okresie' },
              { value: 'supported', label: 'wszystkich rodzin objętych wsparciem w okresie' },
            ]}
            value={conv.durationOf}
            onChange={(v) => v && set('durationOf', v as ReportConventions['durationOf'])}
            allowDeselect={false}
          />
          <Group grow>
            <NumberInput
              label="Pierwszy próg (miesiące)"
              min={1}
              max={120}
              value={conv.durationThresholdsMonths[0]}
              onChange={(v) => set('durationThresholdsMonths', [Number(v) || 1, conv.durationThresholdsMonths[1]])}
            />
            <NumberInput
              label="Drugi próg (miesiące)"
              min={2}
              max={240}
              value={conv.durationThresholdsMonths[1]}
              onChange={(v) => set('durationThresholdsMonths', [conv.durationThresholdsMonths[0], Number(v) || 2])}
            />
          </Group>
          <MultiSelect
            label="Przyczyny oznaczające rezygnację rodziny"
            data={CLOSURE_REASONS.map((r) => ({ value: r.code, label: r.label }))}
            value={conv.resignationCodes}
            onChange={(v) => set('resignationCodes', v as ReportConventions['resignationCodes'])}
          />
        </SimpleGrid>
        <Title order={4} size="h5" mt="md" mb="xs">
          Grupy przyczyn zakończenia w sprawozdaniu
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {CLOSURE_REASONS.map((r) => (
            <Select
              key={r.code}
              label={r.label}
              data={CLOSURE_GROUPS.map((g) => ({ value: g, label: CLOSURE_GROUP_LABELS[g] }))}
              value={(conv.closureGroups as Record<string, ClosureGroup | undefined>)[r.code] ?? 'other'}
              onChange={(v) => v && set('closureGroups', { ...conv.closureGroups, [r.code]: v as ClosureGroup })}
              allowDeselect={false}
            />
          ))}
        </SimpleGrid>
      </Paper>

      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {status && (
        <Alert color="green" role="status">
          {status}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy}>
          Zapisz ustawienia
        </Button>
        <Button variant="default" onClick={() => setConv(settings.defaults)} disabled={busy}>
          Przywróć domyślne zasady liczenia
        </Button>
        {settings.updatedAt && (
          <Text size="sm" c="dimmed">
            Ostatnia zmiana: {dmy(settings.updatedAt.slice(0, 10))}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

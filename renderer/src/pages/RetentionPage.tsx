import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AnonymisationRun } from '../components/retention/AnonymisationRun';
import { RetentionQueue } from '../components/retention/RetentionQueue';
import { RetentionSettingsForm } from '../components/retention/RetentionSettingsForm';
import { RunsHistory } from '../components/retention/RunsHistory';
import { PageTitle } from '../components/PageTitle';
import { useSession } from '../session';

/**
 * Okresy przechowywania (domain.md §7.3): the queue of closed cases with their retention clock,
 * the office's JRWA settings, the head's anonymisation run and its record. The data protection
 * officer reads the queue, the settings and the history; only the head changes or runs anything.
 */
export function RetentionPage() {
  const { isAdmin } = useSession();
  const [refresh, setRefresh] = useState(0);
  const bump = () => setRefresh((n) => n + 1);
  return (
    <Stack gap="lg">
      <PageTitle subtitle="Akta spraw po upływie okresu z jednolitego rzeczowego wykazu akt i ich anonimizacja.">Okresy przechowywania</PageTitle>
      <Alert color="blue" title="Przechowywanie a prawo do usunięcia danych" role="note">
        <Text size="sm">
          Dopóki przepisy wymagają przechowywania dokumentacji, prawo do usunięcia danych nie ma zastosowania (art. 17 ust. 3 lit. b RODO). Po
          upływie okresu z JRWA dokumentację niearchiwalną (kategoria B) brakuje się za zgodą dyrektora właściwego archiwum państwowego (art. 5 ust.
          1 pkt 2 ustawy z dnia 14 lipca 1983 r. o narodowym zasobie archiwalnym i archiwach). Materiały archiwalne (kategoria A) przechowuje się
          wieczyście.
        </Text>
        {!isAdmin && (
          <Text size="sm" mt="xs">
            Widok tylko do odczytu: kolejkę, ustawienia i historię widzi inspektor ochrony danych; zmiany i anonimizację wykonuje kierownik.
          </Text>
        )}
      </Alert>
      <RetentionQueue refreshKey={refresh} />
      {isAdmin && <AnonymisationRun onDone={bump} />}
      <RunsHistory refreshKey={refresh} />
      <RetentionSettingsForm canEdit={isAdmin} onSaved={bump} />
    </Stack>
  );
}

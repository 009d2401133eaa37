import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { STATISTICS_BASIS_DEFAULT } from '../../../../shared/rules/acts';
import { call, errorMessage } from '../../api';
import { FormError } from '../FormError';

/** Ustawienia → Dane do dokumentów (head): the DPO's contact and the retention statement that fill
 *  the RODO clause (art. 13 ust. 1 lit. b and ust. 2 lit. a RODO), and the legal basis printed
 *  for the half-yearly statistical report. */
export function OfficePapersSection() {
  const [f, setF] = useState<{ dpoContact: string; retention: string; statisticsBasis: string; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('office:papersGet', {})
      .then(setF)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const save = async () => {
    if (!f) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      setF(await call('office:papersUpdate', f));
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="lg" data-testid="office-papers">
      <Stack gap="sm" maw={760}>
        <Title order={2} size="h4">
          Dane do dokumentów
        </Title>
        <Text size="sm">
          Klauzula informacyjna RODO podaje kontakt z inspektorem ochrony danych i okres przechowywania danych; bez nich drukuje puste miejsca do
          wypełnienia ręcznie.
        </Text>
        <FormError message={error} />
        {saved && (
          <Alert color="green" role="status">
            Zapisano dane do dokumentów.
          </Alert>
        )}
        {f && (
          <>
            <TextInput
              label="Kontakt z inspektorem ochrony danych"
              description="Np. „iod@gops.example.pl, tel. 56 678 12 35” albo adres do korespondencji."
              value={f.dpoContact}
              onChange={(e) => setF({ ...f, dpoContact: e.currentTarget.value })}
            />
            <Textarea
              label="Okres przechowywania danych (klauzula RODO)"
              description="Zgodnie z jednolitym rzeczowym wykazem akt ośrodka, np. „10 lat od końca roku, w którym zakończono pracę z rodziną (kategoria B10)”."
              autosize
              minRows={2}
              value={f.retention}
              onChange={(e) => setF({ ...f, retention: e.currentTarget.value })}
            />
            <Textarea
              label="Podstawa prawna sprawozdania rzeczowo-finansowego"
              description={`Puste pole — ${STATISTICS_BASIS_DEFAULT}. Wpisz aktualne rozporządzenie, gdy ośrodek je potwierdzi.`}
              autosize
              minRows={2}
              value={f.statisticsBasis}
              onChange={(e) => setF({ ...f, statisticsBasis: e.currentTarget.value })}
            />
            <Group>
              <Button onClick={() => void save()} loading={busy}>
                Zapisz dane do dokumentów
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

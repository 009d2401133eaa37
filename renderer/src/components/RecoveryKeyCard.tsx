import { Alert, Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { formatDateTime, formatRecoveryKey } from '../format';

interface CardContentProps {
  recoveryKey: string;
  officeName: string;
  createdAt: Date;
  /** The copy rendered for printing gets blank lines to fill in by hand. */
  forPrint?: boolean;
}

function CardContent({ recoveryKey, officeName, createdAt, forPrint }: CardContentProps) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={2}>Karta klucza odzyskiwania</Title>
        <Text fw={600}>{officeName}</Text>
        <Text size="sm" c={forPrint ? undefined : 'dimmed'}>
          Klucz wygenerowano: {formatDateTime(createdAt)}
        </Text>
      </div>
      <div
        className="recovery-key"
        data-testid={forPrint ? undefined : 'recovery-key'}
      >
        {formatRecoveryKey(recoveryKey)}
      </div>
      <KeyExplanation />
      {forPrint && (
        <Stack gap="lg" mt="lg">
          <Text>Miejsce przechowywania: ..................................................................</Text>
          <Text>Data i podpis kierownika ośrodka: ................................................</Text>
        </Stack>
      )}
    </Stack>
  );
}

function KeyExplanation(): ReactNode {
  return (
    <Stack gap="xs">
      <Text>
        <strong>Do czego służy ten klucz?</strong> Dane w Asyście są zaszyfrowane. Klucz odzyskiwania otwiera je
        wtedy, gdy nikt nie pamięta hasła, i pozwala kierownikowi ośrodka ustawić nowe hasło do swojego konta.
      </Text>
      <Text>
        <strong>Jak go przechowywać?</strong>
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>Wydrukuj tę kartę albo przepisz klucz starannie na papier.</List.Item>
        <List.Item>Przechowuj kartę w zamykanej szafie lub sejfie ośrodka.</List.Item>
        <List.Item>
          Nigdy nie zapisuj klucza na komputerze, w telefonie, w poczcie e-mail ani w chmurze; nie rób mu zdjęcia.
        </List.Item>
      </List>
      <Text>
        <strong>Uwaga:</strong> kto ma ten klucz, może odczytać wszystkie dane zapisane w Asyście, w tym dane rodzin.
        Nie pokazuj go nikomu.
      </Text>
      <Text size="sm">
        Klucz składa się z 13 grup po 4 znaki: wielkich liter A–Z i cyfr 2–7 (nie ma w nim cyfr 0, 1, 8 ani 9 — „O” to
        zawsze litera).
      </Text>
      <Text size="sm">
        Klucz jest pokazywany tylko teraz. Jeśli karta zaginie, kierownik może wygenerować nowy klucz — poprzedni
        przestanie wtedy działać.
      </Text>
    </Stack>
  );
}

export interface RecoveryKeyCardProps {
  recoveryKey: string;
  officeName: string;
  createdAt: Date;
  onNext: () => void;
}

/** The recovery key shown once, with printing and the "I wrote it down" acknowledgement. */
export function RecoveryKeyCard({ recoveryKey, officeName, createdAt, onNext }: RecoveryKeyCardProps) {
  const [saved, setSaved] = useState(false);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    // Ctrl+P and the "Drukuj kartę" button both go through beforeprint: the print copy must be in
    // the DOM before the browser lays out the page, hence flushSync.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return (
    <Paper withBorder shadow="xs" p="lg" className="recovery-card">
      <Stack gap="md">
        <CardContent recoveryKey={recoveryKey} officeName={officeName} createdAt={createdAt} />
        <Alert color="yellow" title="Zapisz klucz teraz">
          Po zakończeniu tego kroku klucz nie będzie już pokazywany. Za chwilę przepiszesz go z karty, aby sprawdzić,
          że został zapisany bez błędów.
        </Alert>
        <Group>
          <Button variant="default" onClick={() => window.print()}>
            Drukuj kartę
          </Button>
        </Group>
        <Checkbox
          label="Zapisałem/zapisałam klucz w bezpiecznym miejscu"
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button onClick={onNext} disabled={!saved}>
            Dalej
          </Button>
        </Group>
      </Stack>
      {printing &&
        createPortal(
          <div className="print-root">
            <CardContent recoveryKey={recoveryKey} officeName={officeName} createdAt={createdAt} forPrint />
          </div>,
          document.body,
        )}
    </Paper>
  );
}

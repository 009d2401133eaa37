/**
 * Closing or refusing a family's case is never one click away (issue 14): the dialog names the
 * family and the case, and the user ticks an explicit confirmation before the save goes through.
 */
import { Checkbox } from '@mantine/core';

/** The confirmation sentence for an action that ends the case. Names are in the nominative
 *  ("rodzina: Anna Kowalska, …") — safe without declension. */
export function closingSentence(action: string, caseNumber: string, familyLabel: string): string {
  const who = `rodzina: ${familyLabel}`;
  switch (action) {
    case 'concludeNoAssistantNeeded':
      return `Potwierdzam, że rodzina nie wymaga asystenta, a sprawa ${caseNumber} zostanie zamknięta (${who}).`;
    case 'refuse':
      return `Potwierdzam odmowę przydzielenia asystenta — sprawa ${caseNumber} zostanie zamknięta (${who}).`;
    case 'recordRefusal':
      return `Potwierdzam, że rodzina nie zgodziła się na współpracę — sprawa ${caseNumber} zostanie zamknięta (${who}).`;
    case 'refuseZz':
      return `Potwierdzam odmowę — wniosek „Za życiem” nie spełnia warunków; sprawa ${caseNumber} zostanie zamknięta (${who}).`;
    default:
      return `Potwierdzam zakończenie pracy z rodziną w sprawie ${caseNumber} (${who}).`;
  }
}

export const CLOSING_UNCONFIRMED = 'Zaznacz potwierdzenie — bez niego sprawa nie zostanie zamknięta.';

export function ClosingConfirmation({
  sentence,
  checked,
  onChange,
  error,
}: {
  sentence: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | null;
}) {
  return (
    <Checkbox
      label={sentence}
      checked={checked}
      onChange={(e) => onChange(e.currentTarget.checked)}
      error={error ?? undefined}
      required
      color="red"
      data-testid="closing-confirmation"
    />
  );
}

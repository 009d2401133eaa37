/**
 * Closing or refusing a family's case is never one click away (issue 14): the dialog names the
 * family (declined by shared/grammar) and the case, and the user ticks an explicit confirmation
 * before the save goes through.
 */
import { Checkbox } from '@mantine/core';

/** The family in running text, as the core declines it (shared/grammar). */
export interface FamilyNames {
  nom: string;
  gen: string;
  ins: string;
}

/** The confirmation sentence for an action that ends the case, naming the family in the case the
 *  sentence needs ("rodzina Kowalskich nie wymaga…", "dla rodziny Kowalskich", "z rodziną Kowalskich"). */
export function closingSentence(action: string, caseNumber: string, names: FamilyNames): string {
  const closed = `sprawa ${caseNumber} zostanie zamknięta`;
  switch (action) {
    case 'concludeNoAssistantNeeded':
      return `Potwierdzam: ${names.nom} nie wymaga wsparcia asystenta; ${closed}.`;
    case 'refuse':
      return `Potwierdzam odmowę przydzielenia asystenta dla ${names.gen}; ${closed}.`;
    case 'recordRefusal':
      return `Potwierdzam: ${names.nom} nie zgodziła się na współpracę z asystentem; ${closed}.`;
    case 'refuseZz':
      return `Potwierdzam odmowę: wniosek „Za życiem” ${names.gen} nie spełnia warunków; ${closed}.`;
    default:
      return `Potwierdzam zakończenie pracy z ${names.ins} (sprawa ${caseNumber}).`;
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

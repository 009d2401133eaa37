/**
 * Masked sensitive values (issue 7): the main process sends PESEL (of family members and of
 * supporting families' members), Niebieska Karta details and
 * Za życiem medical documents masked; a small "Pokaż" button beside the mask asks
 * `sensitive:reveal` for the real value (the main process writes each reveal to the audit log).
 */
import { Button, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { formatDate } from '../../format';

export type RevealInput = ChannelInput<'sensitive:reveal'>;
export type RevealOutput = ChannelOutput<'sensitive:reveal'>;

export async function reveal(input: RevealInput): Promise<RevealOutput> {
  return call('sensitive:reveal', input);
}

/** The real PESEL of one member (null when the member has none). */
export async function revealPesel(familyId: string, memberId: string, purpose: 'view' | 'edit' = 'view'): Promise<string | null> {
  const r = await reveal({ field: 'pesel', familyId, memberId, purpose });
  return r.field === 'pesel' ? r.value : null;
}

/** The "Pokaż" button: keyboard-usable, with a Polish aria-label naming what it shows. */
export function RevealButton({ label, onClick, loading }: { label: string; onClick: () => void; loading?: boolean }) {
  return (
    <Button size="compact-xs" variant="subtle" onClick={onClick} loading={loading} aria-label={label} title={label}>
      Pokaż
    </Button>
  );
}

/**
 * A masked value with "Pokaż": once revealed, `render` shows the real value. `what` completes
 * the button's aria-label ("Pokaż PESEL: Anna Wójcik").
 */
export function Revealable<T>({
  masked,
  what,
  load,
  render,
  testId,
}: {
  masked: ReactNode;
  what: string;
  load: () => Promise<T>;
  render: (value: T) => ReactNode;
  testId?: string;
}) {
  const [value, setValue] = useState<{ v: T } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (value) return <span data-testid={testId ? `${testId}-revealed` : undefined}>{render(value.v)}</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }} data-testid={testId}>
      <span>{masked}</span>
      <RevealButton
        label={`Pokaż ${what}`}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          load()
            .then((v) => setValue({ v }))
            .catch((e: unknown) => setError(errorMessage(e)))
            .finally(() => setBusy(false));
        }}
      />
      {error && (
        <Text span size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
    </span>
  );
}

/** A member's PESEL in the card: masked, "Pokaż" reveals it. */
export function MaskedPesel({ familyId, memberId, pesel, name }: { familyId: string; memberId: string; pesel: string | null; name: string }) {
  if (!pesel) return <>—</>;
  return (
    <Revealable
      masked={<span title="PESEL ukryty — widać tylko cztery ostatnie cyfry">{pesel}</span>}
      what={`PESEL: ${name}`}
      load={() => revealPesel(familyId, memberId)}
      render={(v) => v ?? '—'}
      testId={`pesel-${memberId}`}
    />
  );
}

/** The real PESEL of a supporting family's member (by its index in the list; null without one). */
export async function revealSupportingPesel(supportingFamilyId: string, memberIndex: number, purpose: 'view' | 'edit' = 'view'): Promise<string | null> {
  const r = await reveal({ field: 'supportingPesel', supportingFamilyId, memberIndex, purpose });
  return r.field === 'supportingPesel' ? r.value : null;
}

/** A supporting family's member's PESEL: masked, "Pokaż" reveals it. */
export function MaskedSupportingPesel({
  supportingFamilyId,
  memberIndex,
  pesel,
  name,
}: {
  supportingFamilyId: string;
  memberIndex: number;
  pesel: string | null;
  name: string;
}) {
  if (!pesel) return <>—</>;
  return (
    <Revealable
      masked={<span title="PESEL ukryty — widać tylko cztery ostatnie cyfry">{pesel}</span>}
      what={`PESEL: ${name}`}
      load={() => revealSupportingPesel(supportingFamilyId, memberIndex)}
      render={(v) => v ?? '—'}
      testId={`sf-pesel-${supportingFamilyId}-${memberIndex}`}
    />
  );
}

type Nk = { active: boolean; startedOn?: string | null; status?: 'active' | 'closed'; gdpContact?: string } | null;

function nkText(nk: Nk): string {
  if (!nk?.active) return 'nie';
  return [nk.status === 'closed' ? 'zakończona' : 'w toku', nk.startedOn ? `od ${formatDate(nk.startedOn)}` : '', nk.gdpContact ? `GDP: ${nk.gdpContact}` : '']
    .filter(Boolean)
    .join(', ');
}

/** The Niebieska Karta field of the card: the flag and state, the date and GDP contact behind "Pokaż". */
export function MaskedNiebieskaKarta({ familyId, nk, masked }: { familyId: string; nk: Nk; masked: boolean }) {
  if (!nk?.active || !masked) return <>{nkText(nk)}</>;
  return (
    <Revealable
      masked={`${nkText(nk)}, szczegóły ukryte`}
      what="szczegóły procedury „Niebieskie Karty”"
      load={async () => {
        const r = await reveal({ field: 'niebieskaKarta', familyId });
        return r.field === 'niebieskaKarta' ? r.value : null;
      }}
      render={(v) => nkText(v)}
      testId="nk-details"
    />
  );
}

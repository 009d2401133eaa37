/**
 * The head's opinion on a supporting family after its registration (art. 30 ust. 1: opinia
 * kierownika, rodzinny wywiad środowiskowy): positive or negative, its date, the interview date
 * and the justification. Saved through `supporting:update` with the family's other data as they
 * are (a masked PESEL sent back unchanged keeps the stored number, see db/services/supporting.ts).
 */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { checkHeadOpinionDates, headOpinionFieldOf } from '../../../../shared/rules';
import { ApiError, call } from '../../api';
import { refusalOf, RefusalAlert, todayIso, type Refusal } from './common';
import { DateField } from '../DateField';

type SF = ChannelOutput<'supporting:list'>[number];

export function SupportingOpinionButton({ sf, onDone, onStale }: { sf: SF; onDone: (message: string) => void; onStale?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {sf.headOpinion ? 'Zmień opinię kierownika' : 'Opinia kierownika'}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} size="lg" title={`Opinia kierownika — ${sf.name}`} closeButtonProps={{ 'aria-label': 'Zamknij' }}>
        {open && (
          <OpinionForm
            sf={sf}
            onCancel={() => setOpen(false)}
            onStale={onStale}
            onDone={(m) => {
              setOpen(false);
              onDone(m);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function OpinionForm({ sf, onDone, onCancel, onStale }: { sf: SF; onDone: (message: string) => void; onCancel: () => void; onStale?: () => void }) {
  const [f, setF] = useState({
    positive: sf.headOpinion ? (sf.headOpinion.positive ? 'yes' : 'no') : 'yes',
    on: sf.headOpinion?.on ?? todayIso(),
    interviewOn: sf.headOpinion?.interviewOn ?? '',
    justification: sf.headOpinion?.justification ?? '',
  });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // The rule the main process enforces (art. 30): the opinion not dated in the future, the
  // interview not after the opinion and not in the future — shown under the date fields at once.
  const live: Record<string, string> = {};
  for (const x of checkHeadOpinionDates({ positive: f.positive === 'yes', on: f.on || null, interviewOn: f.interviewOn || null }, todayIso())) {
    const k = headOpinionFieldOf(x.code);
    if (k && !live[k]) live[k] = x.message;
  }
  const errorOf = (k: 'headOpinion.on' | 'headOpinion.interviewOn') => fieldErrors[k] ?? live[k];

  async function save() {
    setRefusal(null);
    setFieldErrors({});
    setSaving(true);
    try {
      await call('supporting:update', {
        id: sf.id,
        version: sf.version,
        name: sf.name,
        address: sf.address,
        place: sf.place,
        phone: sf.phone,
        relationToChild: sf.relationToChild,
        members: sf.members,
        convictionStatementOn: sf.convictionStatementOn,
        headOpinion: { positive: f.positive === 'yes', on: f.on || null, interviewOn: f.interviewOn || null, justification: f.justification },
      } as never);
      onDone(`Zapisano opinię kierownika (${f.positive === 'yes' ? 'pozytywna' : 'negatywna'}): ${sf.name}.`);
    } catch (e) {
      const r = refusalOf(e);
      setRefusal(r);
      if (e instanceof ApiError) setFieldErrors(e.fields ?? {});
      if (r.code === 'STALE_EDIT') onStale?.();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="supporting-opinion-form">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label="Opinia"
          data={[
            { value: 'yes', label: 'pozytywna' },
            { value: 'no', label: 'negatywna' },
          ]}
          value={f.positive}
          onChange={(e) => setF({ ...f, positive: e.currentTarget.value })}
        />
        <DateField
          label="Data opinii kierownika"
          value={f.on}
          onChange={(v) => {
            setF({ ...f, on: v });
            setFieldErrors({});
          }}
          error={errorOf('headOpinion.on')}
        />
        <DateField
          label="Data rodzinnego wywiadu środowiskowego"
          value={f.interviewOn}
          onChange={(v) => {
            setF({ ...f, interviewOn: v });
            setFieldErrors({});
          }}
          error={errorOf('headOpinion.interviewOn')}
        />
      </SimpleGrid>
      <Textarea label="Uzasadnienie opinii" autosize minRows={3} value={f.justification} onChange={(e) => setF({ ...f, justification: e.currentTarget.value })} />
      <RefusalAlert refusal={refusal} title="Opinia nie została zapisana" />
      <Group>
        <Button onClick={() => void save()} loading={saving}>
          Zapisz opinię
        </Button>
        <Button variant="default" onClick={onCancel}>
          Anuluj
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The lifecycle steps that are only a dated decision (start of realisation, Za życiem catalogue
 * and coordination, suspension and resumption): a small dialog calling `cases:advance`. The same
 * rules run in the main process; a refusal shows its findings.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { call } from '../../api';
import { applyApiError } from '../../forms';
import { RefusalAlert, refusalOf, todayIso, type Refusal } from './common';
import { saveButtonLabel } from '../registry/labels';
import { FormDateField } from '../DateField';

export const ADVANCE_ACTIONS = ['startRealisation', 'drawUpCatalogue', 'startCoordination', 'suspend', 'resume'] as const;
export type AdvanceAction = (typeof ADVANCE_ACTIONS)[number];

export function isAdvanceAction(a: string): a is AdvanceAction {
  return (ADVANCE_ACTIONS as readonly string[]).includes(a);
}

const formSchema = z.object({
  on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Data: wybierz datę.' }),
  reason: z.string().trim().max(1000, { error: 'Przyczyna: najwyżej 1000 znaków.' }),
});
type FormValues = z.infer<typeof formSchema>;

export function AdvanceActionDialog(props: {
  caseId: string;
  version: number;
  action: AdvanceAction;
  label: string;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { caseId, version, action, label, opened, onClose, onDone } = props;
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { on: todayIso(), reason: '' } });
  const e = form.formState.errors;

  const submit = form.handleSubmit(async (v) => {
    setRefusal(null);
    if (action === 'suspend' && !v.reason) {
      form.setError('reason', { type: 'required', message: 'Przyczyna zawieszenia: pole jest wymagane.' });
      return;
    }
    const payload = action === 'suspend' ? { action, on: v.on, reason: v.reason } : { action, on: v.on };
    try {
      await call('cases:advance', { caseId, version, payload });
      onDone(`Zapisano: ${label}.`);
    } catch (err) {
      applyApiError(err, form.setError, ['on', 'reason'], 'payload.');
      setRefusal(refusalOf(err));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={label} closeButtonProps={{ 'aria-label': 'Zamknij' }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormDateField control={form.control} label="Data" required data-autofocus name={'on'} error={e.on?.message} />
          {action === 'suspend' && (
            <Textarea label="Przyczyna zawieszenia" required autosize minRows={2} {...form.register('reason')} error={e.reason?.message} />
          )}
          <RefusalAlert refusal={refusal} title="Nie można zapisać" />
          <Text size="sm" c="dimmed">
            Zmiana zostanie zapisana w historii sprawy i w dzienniku zdarzeń.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Anuluj
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {saveButtonLabel(label)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

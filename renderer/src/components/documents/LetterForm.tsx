/**
 * Before the preview of a letter to an institution (art. 16 ust. 1 pkt 2–3): the addressee, the
 * subject, the scope, the purpose and (for a request) the reply-by date, typed in for this one
 * letter and passed to documents:html. Not stored: the signed paper copy is the record, and the
 * audit log notes only that a letter was previewed, printed or saved.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { letterParamsSchema, type LetterParams } from '../../../../shared/ipc/channels/documents';
import { FormDateField } from '../DateField';

type LetterIn = z.input<typeof letterParamsSchema>;

export function LetterForm({
  kind,
  title,
  initial,
  onCancel,
  onSubmit,
}: {
  kind: 'institution-request' | 'institution-proposal';
  title: string;
  initial: LetterParams | null;
  onCancel: () => void;
  onSubmit: (letter: LetterParams) => void;
}) {
  const request = kind === 'institution-request';
  const form = useForm<LetterIn, unknown, LetterParams>({
    resolver: zodResolver(letterParamsSchema),
    defaultValues: {
      addressee: initial?.addressee ?? '',
      subject: initial?.subject ?? '',
      scope: initial?.scope ?? '',
      purpose: initial?.purpose ?? 'realizacji planu pracy z rodziną',
      replyBy: initial?.replyBy ?? '',
    },
  });
  const { register, control, formState } = form;
  const e = formState.errors;
  const submit = form.handleSubmit((v) => onSubmit({ ...v, replyBy: request ? v.replyBy : null }));
  return (
    <Modal opened onClose={onCancel} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Zamknij' }}>
      <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={`Treść pisma: ${title}`}>
        <Stack>
          <Text size="sm" c="dimmed">
            Wpisz tylko to, co jest niezbędne do pomocy rodzinie. Treść pisma nie jest zapisywana w programie — zachowaj podpisany egzemplarz w teczce.
          </Text>
          <TextInput
            label="Adresat"
            description="Puste pole: instytucja z ostatniego kontaktu w dzienniku lub z upoważnienia."
            {...register('addressee')}
            error={e.addressee?.message}
          />
          <TextInput
            label="Dotyczy (czego?)"
            description={request ? 'Na piśmie: „… informacji dotyczących …”, np. sytuacji szkolnej małoletniego ucznia klasy 3b.' : 'Na piśmie: „… wnioski dotyczące …”, np. sytuacji zdrowotnej małoletniego dziecka.'}
            required
            {...register('subject')}
            error={e.subject?.message}
          />
          <Textarea
            label={request ? 'Zakres informacji, o które prosisz' : 'Ocena sytuacji i wnioski'}
            required
            autosize
            minRows={3}
            {...register('scope')}
            error={e.scope?.message}
          />
          <TextInput
            label={request ? 'Cel (do czego informacje są niezbędne?)' : 'Cel (czemu służą wnioski?)'}
            description="Np. realizacji planu pracy z rodziną."
            required
            {...register('purpose')}
            error={e.purpose?.message}
          />
          {request && <FormDateField control={control} label="Termin odpowiedzi" name={'replyBy'} error={e.replyBy?.message} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Anuluj
            </Button>
            <Button type="submit">Pokaż pismo</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

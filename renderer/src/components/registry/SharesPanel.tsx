/**
 * "Zastępstwo" on the family card (issue 7, the head only): share the family with another
 * assistant for a period and a reason (e.g. the assigned assistant's leave), list the shares and
 * revoke one. The main process validates (an active assistant, dates, at most 90 days) and
 * writes every grant and revocation to the audit log.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { MAX_SHARE_DAYS, SHARE_STATUS_LABELS, shareGrantSchema } from '../../../../shared/access/rules';
import { formatDate } from '../../format';
import type { Account, FamilyShare } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { applyApiError } from '../../forms';
import { FormError } from '../FormError';
import { todayIso } from '../work/common';
import { FormDateField } from '../DateField';

type GrantIn = z.input<typeof shareGrantSchema>;
type GrantOut = z.output<typeof shareGrantSchema>;

const STATUS_COLORS: Record<FamilyShare['status'], string> = { active: 'teal', planned: 'blue', expired: 'gray', revoked: 'red' };

export function SharesPanel({ familyId, assistantId }: { familyId: string; assistantId: string | null }) {
  const [shares, setShares] = useState<FamilyShare[] | null>(null);
  const [assistants, setAssistants] = useState<Account[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setShares(await call('shares:list', { familyId, includeInactive: true }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [familyId]);

  useEffect(() => {
    void load();
    call('users:list', {})
      .then((list) => setAssistants(list.filter((a) => a.role === 'assistant' && a.active)))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [load]);

  const form = useForm<GrantIn, unknown, GrantOut>({
    resolver: zodResolver(shareGrantSchema),
    defaultValues: { familyId, userId: '', fromOn: todayIso(), untilOn: '', reason: '' },
  });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setDone(null);
    try {
      const s = await call('shares:grant', v);
      setDone(`Udostępniono rodzinę: ${s.userName}, od ${formatDate(s.fromOn)} do ${formatDate(s.untilOn)}.`);
      form.reset({ familyId, userId: '', fromOn: todayIso(), untilOn: '', reason: '' });
      await load();
    } catch (err) {
      setFormError(applyApiError(err, form.setError, ['userId', 'fromOn', 'untilOn', 'reason']));
    }
  });

  const revoke = async (s: FamilyShare) => {
    setRevoking(s.id);
    setDone(null);
    setError(null);
    try {
      await call('shares:revoke', { id: s.id });
      setDone(`Odwołano zastępstwo: ${s.userName}.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRevoking(null);
    }
  };

  const options = [
    { value: '', label: '— wybierz asystenta —' },
    ...assistants.filter((a) => a.id !== assistantId).map((a) => ({ value: a.id, label: a.fullName })),
  ];

  return (
    <Paper withBorder p="lg" data-testid="shares-panel">
      <Title order={2} size="h4" mb={4}>
        Zastępstwo
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Udostępnij rodzinę innemu asystentowi na czas nieobecności asystenta prowadzącego (najwyżej {MAX_SHARE_DAYS} dni). Osoba zastępująca
        widzi rodzinę i prowadzi dziennik pracy, ale nie staje się asystentem w sprawie. Przy dłuższej nieobecności zmień asystenta w sprawie.
      </Text>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status" mb="sm" withCloseButton closeButtonLabel="Zamknij" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <form onSubmit={(ev) => void onSubmit(ev)} noValidate aria-label="Nowe zastępstwo">
        <Stack gap="sm">
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect label="Asystent zastępujący" required data={options} error={e.userId?.message} {...form.register('userId')} />
            <FormDateField control={form.control} label="Zastępstwo od" required error={e.fromOn?.message} name={'fromOn'} />
            <FormDateField control={form.control} label="Zastępstwo do" required error={e.untilOn?.message} name={'untilOn'} />
          </SimpleGrid>
          <TextInput
            label="Powód zastępstwa"
            placeholder="np. urlop wypoczynkowy asystentki prowadzącej"
            required
            error={e.reason?.message}
            {...form.register('reason')}
          />
          <Group>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Udostępnij na czas zastępstwa
            </Button>
          </Group>
        </Stack>
      </form>
      {shares && shares.length > 0 && (
        <Table.ScrollContainer minWidth={700} mt="md">
          <Table verticalSpacing="xs" striped aria-label="Zastępstwa w tej rodzinie">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Asystent zastępujący</Table.Th>
                <Table.Th>Okres</Table.Th>
                <Table.Th>Powód</Table.Th>
                <Table.Th>Stan</Table.Th>
                <Table.Th>Działania</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shares.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.userName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(s.fromOn)} – {formatDate(s.untilOn)}
                  </Table.Td>
                  <Table.Td>{s.reason}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[s.status]}>
                      {SHARE_STATUS_LABELS[s.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {(s.status === 'active' || s.status === 'planned') && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoking === s.id}
                        aria-label={`Odwołaj zastępstwo: ${s.userName}`}
                        onClick={() => void revoke(s)}
                      >
                        Odwołaj
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { caseSettingsSchema, formatCaseNumber } from '../../../../shared/registrySchemas';
import { call, errorMessage, isApiError } from '../../api';
import { applyApiError } from '../../forms';
import { FormError } from '../FormError';

type In = z.input<typeof caseSettingsSchema>;
type Out = z.output<typeof caseSettingsSchema>;
const KNOWN = ['caseNumberPattern', 'monitoringCounts', 'areaScoping', 'assessmentDueDays', 'planDueDays'] as const;

/** Ustawienia → Sprawy (head): case-number pattern, caseload counting, area scoping, due days. */
export function CaseSettingsSection() {
  const [version, setVersion] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(caseSettingsSchema) });
  const { register, control, formState } = form;
  const pattern = useWatch({ control, name: 'caseNumberPattern' });

  const load = useCallback(async () => {
    try {
      const s = await call('office:getCaseSettings', {});
      const { version: v, ...rest } = s;
      form.reset(rest);
      setVersion(v);
    } catch (e) {
      setFormError(errorMessage(e));
    }
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const onSubmit = form.handleSubmit(async (v) => {
    setFormError(null);
    setSaved(false);
    try {
      const s = await call('office:updateCaseSettings', { ...v, version: version! });
      const { version: nv, ...rest } = s;
      form.reset(rest);
      setVersion(nv);
      setSaved(true);
    } catch (e) {
      if (isApiError(e, 'STALE_EDIT')) {
        setFormError('Ktoś inny zmienił te ustawienia w międzyczasie. Odświeżono je — wprowadź zmiany ponownie.');
        void load();
        return;
      }
      setFormError(applyApiError(e, form.setError, KNOWN));
    }
  });

  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        Sprawy
      </Title>
      {version === null && !formError ? (
        <Loader aria-label="Wczytywanie ustawień spraw" />
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Ustawienia spraw">
          <Stack>
            <TextInput
              label="Wzór znaku sprawy"
              description="Musi zawierać {nr} (kolejny numer w roku) i {rok}, np. GOPS.4011.{nr}.{rok}"
              w={420}
              maw="100%"
              {...register('caseNumberPattern')}
              error={formState.errors.caseNumberPattern?.message}
            />
            {pattern && pattern.includes('{nr}') && pattern.includes('{rok}') && (
              <Text size="sm" c="dimmed">
                Przykład: {formatCaseNumber(pattern, 7, new Date().getFullYear())}
              </Text>
            )}
            <Checkbox
              label="Rodziny w monitoringu po zakończeniu pracy wliczają się do limitu asystenta"
              description="Domyślnie nie — art. 15 ust. 4 liczy rodziny, z którymi asystent pracuje."
              {...register('monitoringCounts')}
            />
            <Checkbox
              label="Pracownik socjalny widzi tylko rodziny ze swojego rejonu"
              description="Rejon pracownika ustawia się w „Kontach użytkowników” → „Rejony pracowników”."
              {...register('areaScoping')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
              <Controller
                control={control}
                name="assessmentDueDays"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label="Termin oceny wstępnej (dni od przydzielenia)"
                    min={1}
                    max={365}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="planDueDays"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label="Termin planu pracy (dni od oceny)"
                    min={1}
                    max={365}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                    error={fieldState.error?.message}
                  />
                )}
              />
            </SimpleGrid>
            <FormError message={formError} />
            {saved && (
              <Alert color="green" role="status">
                Zapisano ustawienia spraw.
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={formState.isSubmitting}>
                Zapisz ustawienia spraw
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}

const ROLE_PL: Record<string, string> = { admin: 'kierownik', social_worker: 'pracownik socjalny', assistant: 'asystent rodziny' };

/** Konta → rejon: the area of each active worker (`users:setArea`); reloaded when `revision` changes
 *  (the accounts list above was reloaded, e.g. after creating an account). */
export function AreasSection({ revision = 0 }: { revision?: number }) {
  const [rows, setRows] = useState<Array<{ id: string; fullName: string; role: string; area: string | null }> | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // The data protection officer sees no families: an area means nothing for that account.
      const r = (await call('users:areas', {})).filter((u) => u.role !== 'dpo');
      setRows(r);
      setEdits(Object.fromEntries(r.map((u) => [u.id, u.area ?? ''])));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, revision]);

  const areas = [...new Set((rows ?? []).map((r) => r.area).filter((a): a is string => !!a))];

  const save = async (id: string, name: string) => {
    setError(null);
    setSaved(null);
    try {
      await call('users:setArea', { id, area: edits[id]?.trim() ? edits[id]!.trim() : null });
      setSaved(`Zapisano rejon: ${name}.`);
      void load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="sm">
        Rejony pracowników
      </Title>
      <FormError message={error} />
      {saved && (
        <Alert color="green" role="status" mb="sm">
          {saved}
        </Alert>
      )}
      {!rows ? (
        <Loader aria-label="Wczytywanie rejonów" />
      ) : (
        <Table verticalSpacing="xs" striped aria-label="Rejony pracowników">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Pracownik</Table.Th>
              <Table.Th>Rola</Table.Th>
              <Table.Th>Rejon</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.fullName}</Table.Td>
                <Table.Td>{ROLE_PL[u.role] ?? u.role}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Rejon: ${u.fullName}`}
                    placeholder="bez rejonu"
                    value={edits[u.id] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setEdits((o) => ({ ...o, [u.id]: value }));
                    }}
                    list="asysta-areas"
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" disabled={(edits[u.id] ?? '') === (u.area ?? '')} onClick={() => void save(u.id, u.fullName)}>
                    Zapisz rejon
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <datalist id="asysta-areas">
        {areas.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
    </Paper>
  );
}

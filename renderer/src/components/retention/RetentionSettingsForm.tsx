import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import {
  ARCHIVAL_CATEGORIES,
  categoryLabel,
  RETENTION_DOC_TYPE_CODES,
  RETENTION_DOC_TYPES,
  retentionRulesSchema,
  type RetentionRules,
} from '../../../../shared/retention/rules';
import { call, errorMessage } from '../../api';
import { formatDateTime } from '../../format';

type Settings = ChannelOutput<'retention:settings'>;

const SHORT_CATEGORY: Record<keyof typeof ARCHIVAL_CATEGORIES, string> = {
  A: 'A — archiwalna (wieczyście)',
  B: 'B — niearchiwalna',
  BE: 'BE — ekspertyza archiwum',
};
const CATEGORY_OPTIONS = (Object.keys(ARCHIVAL_CATEGORIES) as Array<keyof typeof ARCHIVAL_CATEGORIES>).map((c) => ({ value: c, label: SHORT_CATEGORY[c] }));

/**
 * Per-document-type retention settings: JRWA symbol, archival category and years. The head edits
 * them (each change is logged); the data protection officer sees them read-only.
 */
export function RetentionSettingsForm({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<RetentionRules>({ resolver: zodResolver(retentionRulesSchema) });

  useEffect(() => {
    let alive = true;
    call('retention:settings', {})
      .then((s) => {
        if (!alive) return;
        setSettings(s);
        form.reset({ rules: s.rules });
      })
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [form]);

  const submit = form.handleSubmit(async (values) => {
    if (!settings) return;
    setError(null);
    setSaved(false);
    try {
      const s = await call('retention:saveSettings', { rules: values.rules, version: settings.version });
      setSettings(s);
      form.reset({ rules: s.rules });
      setSaved(true);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  });

  return (
    <Paper withBorder p="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Ustawienia okresów przechowywania
          </Title>
          <Text size="sm" c="dimmed">
            Symbol i kategorię archiwalną wpisz według jednolitego rzeczowego wykazu akt ośrodka. Okres liczy się od 1 stycznia roku następnego po
            zakończeniu monitoringu (albo po zamknięciu sprawy, gdy monitoringu nie było). Sprawę obejmuje najdłuższy okres spośród rodzajów
            dokumentów, które zawiera. Kategorie: A — {ARCHIVAL_CATEGORIES.A}; B — {ARCHIVAL_CATEGORIES.B}; BE — {ARCHIVAL_CATEGORIES.BE}.
          </Text>
          {settings && (
            <Text size="xs" c="dimmed" data-testid="retention-settings-version">
              {settings.isDefault ? 'Ustawienia domyślne (nie zmieniano).' : `Wersja ${settings.version}, zmieniona ${settings.updatedAt ? formatDateTime(settings.updatedAt) : ''}.`}
            </Text>
          )}
          {settings && (
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Rodzaj dokumentacji</Table.Th>
                    <Table.Th>Symbol JRWA</Table.Th>
                    <Table.Th>Kategoria</Table.Th>
                    <Table.Th>Lata</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {RETENTION_DOC_TYPE_CODES.map((t) => (
                    <RuleRow key={t} type={t} form={form} disabled={!canEdit} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status">
              Zapisano ustawienia okresów przechowywania.
            </Alert>
          )}
          {canEdit && settings && (
            <Group>
              <Button type="submit" loading={form.formState.isSubmitting}>
                Zapisz ustawienia
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function RuleRow({ type, form, disabled }: { type: (typeof RETENTION_DOC_TYPE_CODES)[number]; form: ReturnType<typeof useForm<RetentionRules>>; disabled: boolean }) {
  const category = form.watch(`rules.${type}.category`);
  const years = form.watch(`rules.${type}.years`);
  const label = RETENTION_DOC_TYPES[type].label;
  return (
    <Table.Tr>
      <Table.Td>
        {label}
        <Text size="xs" c="dimmed">
          {category ? categoryLabel({ category, years: years ?? null }) : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Controller
          control={form.control}
          name={`rules.${type}.jrwaSymbol`}
          render={({ field, fieldState }) => (
            <TextInput {...field} aria-label={`Symbol JRWA: ${label}`} disabled={disabled} error={fieldState.error?.message} w={110} />
          )}
        />
      </Table.Td>
      <Table.Td>
        <Controller
          control={form.control}
          name={`rules.${type}.category`}
          render={({ field, fieldState }) => (
            <Select
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                if (v === 'A') form.setValue(`rules.${type}.years`, null);
                else if (form.getValues(`rules.${type}.years`) === null) form.setValue(`rules.${type}.years`, 10);
              }}
              data={CATEGORY_OPTIONS}
              aria-label={`Kategoria archiwalna: ${label}`}
              disabled={disabled}
              allowDeselect={false}
              error={fieldState.error?.message}
              w={240}
            />
          )}
        />
      </Table.Td>
      <Table.Td>
        <Controller
          control={form.control}
          name={`rules.${type}.years`}
          render={({ field, fieldState }) => (
            <NumberInput
              value={field.value ?? ''}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
              aria-label={`Liczba lat: ${label}`}
              disabled={disabled || category === 'A'}
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              error={fieldState.error?.message}
              w={90}
            />
          )}
        />
      </Table.Td>
    </Table.Tr>
  );
}

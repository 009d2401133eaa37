/**
 * "Import z arkusza" (issue 16, head only): pick a sheet (the system dialog in Electron, a typed
 * path in the browser preview), map its columns, see every row with its status and reasons,
 * save that preview as a password-protected XLSX, import the chosen families, see the result.
 * The core reads the file and checks every rule; this screen only shows what it says.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { IMPORT_FIELDS, IMPORT_LIMITS_TEXT, type ImportFieldKey } from '../../../../shared/import/fields';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage, isApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { Paging } from '../../components/Paging';
import { saveExport } from '../../components/reports/exports';
import { plural } from '../../format';
import { href } from './nav';

type Preview = ChannelOutput<'import:preview'>;
type Result = ChannelOutput<'import:run'>;
type Status = 'ok' | 'warning' | 'error';

const STATUS_LABEL: Record<Status, string> = { ok: 'Poprawny', warning: 'Ostrzeżenie', error: 'Błąd' };
const STATUS_COLOR: Record<Status, string> = { ok: 'green', warning: 'yellow', error: 'red' };
const ROWS_PER_PAGE = 50;

function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" autoContrast>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const columnLetter = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export function ImportPage() {
  const shell = (window as Partial<Window>).asystaShell;
  const canPick = !!shell && typeof shell.chooseSpreadsheet === 'function';
  const [path, setPath] = useState('');
  const [password, setPassword] = useState('');
  const [needsPassword, setNeedsPassword] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [showMapping, setShowMapping] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState<'all' | Status>('all');
  const [page, setPage] = useState(1);
  const [exportPassword, setExportPassword] = useState('');
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const load = async (withMapping?: Record<string, number | null>) => {
    setError(null);
    setResult(null);
    setExportNote(null);
    setBusy('Wczytywanie i sprawdzanie arkusza…');
    try {
      const p = await call('import:preview', { path: path.trim(), ...(password ? { password } : {}), ...(withMapping ? { mapping: withMapping } : {}) });
      setPreview(p);
      setMapping(p.mapping);
      setShowMapping(p.missingFields.length > 0);
      setChosen(new Set(p.families.filter((f) => f.status !== 'error').map((f) => f.key)));
      setFilter('all');
      setPage(1);
      setNeedsPassword(p.encrypted);
    } catch (e) {
      if (isApiError(e, 'FILE_PASSWORD_REQUIRED', 'FILE_WRONG_PASSWORD')) setNeedsPassword(true);
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const pick = async () => {
    try {
      const p = await shell?.chooseSpreadsheet?.();
      if (p) {
        setPath(p);
        setPreview(null);
        setPassword('');
        setNeedsPassword(false);
      }
    } catch {
      setError('Nie udało się otworzyć okna wyboru pliku. Wpisz ścieżkę do pliku.');
    }
  };

  const downloadTemplate = async () => {
    setError(null);
    try {
      const t = await call('import:template', {});
      const r = await saveExport(t, 'xlsx');
      if (r.failed) setError('Nie udało się zapisać wzoru.');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const savePreview = async () => {
    if (!preview) return;
    setExportNote(null);
    try {
      const x = await call('import:previewExport', { previewId: preview.previewId, password: exportPassword });
      const r = await saveExport(x, 'xlsx');
      setExportNote(r.failed ? 'Nie udało się zapisać pliku.' : r.saved ? 'Zapisano podgląd z powodami (plik chroniony podanym hasłem).' : null);
    } catch (e) {
      setExportNote(errorMessage(e));
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setError(null);
    setBusy('Importowanie rodzin…');
    try {
      const r = await call('import:run', { previewId: preview.previewId, familyKeys: [...chosen] });
      setResult(r);
      if (r.written) setPreview(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const rows = useMemo(() => (preview ? preview.rows.filter((r) => filter === 'all' || r.status === filter) : []), [preview, filter]);
  const shownRows = rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
  const importable = preview?.families.filter((f) => f.status !== 'error') ?? [];
  const familiesWord = (n: number) => `${n} ${plural(n, 'rodzinę', 'rodziny', 'rodzin')}`;

  return (
    <Stack gap="lg">
      <PageTitle
        subtitle="Rodziny i ich bieżące sprawy z arkusza Excel, LibreOffice albo pliku CSV — przed zapisem zobaczysz podgląd każdego wiersza."
        right={
          <Group gap="xs">
            <Button variant="default" component="a" href={href.list()}>
              Wróć do listy rodzin
            </Button>
            <Button variant="light" onClick={() => void downloadTemplate()}>
              Pobierz wzór arkusza (XLSX)
            </Button>
          </Group>
        }
      >
        Import z arkusza
      </PageTitle>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            1. Plik
          </Title>
          <Text size="sm">
            Plik .xlsx (także chroniony hasłem) albo CSV w kodowaniu UTF-8, rozdzielany średnikami lub przecinkami; {IMPORT_LIMITS_TEXT}. Jeden wiersz to
            jedna osoba; osoby z tym samym kluczem rodziny tworzą rodzinę. Pliku nic nie zmienia i nic z niego nie zostaje na dysku.
          </Text>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void load();
            }}
          >
            <Stack gap="sm">
              <Group align="flex-end" gap="sm" wrap="nowrap">
                <TextInput
                  label="Plik arkusza"
                  description={canPick ? undefined : 'Pełna ścieżka do pliku .xlsx albo .csv.'}
                  placeholder="C:\Users\…\Dokumenty\rejestr rodzin.xlsx"
                  value={path}
                  onChange={(e) => {
                    setPath(e.currentTarget.value);
                    setPreview(null);
                  }}
                  autoComplete="off"
                  spellCheck={false}
                  style={{ flex: 1 }}
                  disabled={!!busy}
                />
                {canPick && (
                  <Button variant="default" onClick={() => void pick()} disabled={!!busy}>
                    Wybierz plik…
                  </Button>
                )}
              </Group>
              {needsPassword && (
                <PasswordInput
                  label="Hasło do pliku"
                  description="Plik jest zaszyfrowany. Hasło służy tylko do odczytu; Asysta go nie zapamiętuje."
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  autoComplete="off"
                  w={360}
                  maw="100%"
                  disabled={!!busy}
                />
              )}
              <Group>
                <Button type="submit" loading={!!busy} disabled={!path.trim()}>
                  Wczytaj i sprawdź
                </Button>
                {busy && (
                  <Text size="sm" role="status">
                    {busy}
                  </Text>
                )}
              </Group>
            </Stack>
          </form>
          <FormError message={error} />
        </Stack>
      </Paper>

      {result && <ImportResultView result={result} />}

      {preview && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4">
                2. Kolumny
              </Title>
              <Button variant="subtle" onClick={() => setShowMapping((v) => !v)} aria-expanded={showMapping}>
                {showMapping ? 'Ukryj przypisanie kolumn' : 'Zmień przypisanie kolumn'}
              </Button>
            </Group>
            <Text size="sm">
              {preview.format === 'csv' ? `Plik CSV (separator: ${preview.delimiter === ';' ? 'średnik' : 'przecinek'})` : `Arkusz „${preview.sheetName}”`}
              {preview.encrypted ? ', chroniony hasłem' : ''}. Kolumny{' '}
              {preview.mappingSource === 'remembered' ? 'przypisano jak przy poprzednim imporcie' : preview.mappingSource === 'given' ? 'przypisano ręcznie' : 'rozpoznano po nagłówkach'}.
            </Text>
            {preview.missingFields.length > 0 && (
              <Alert color="yellow" title="Wskaż brakujące kolumny" role="alert">
                Arkusz nie ma kolumn:{' '}
                {preview.missingFields.map((k) => IMPORT_FIELDS.find((f) => f.key === k)?.header ?? k).join(', ')}. Wybierz, która kolumna arkusza je zawiera, i
                sprawdź ponownie. Przypisanie zostanie zapamiętane na następny import.
              </Alert>
            )}
            {showMapping && (
              <Stack gap="xs">
                <Table aria-label="Przypisanie kolumn" withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Pole w Asyście</Table.Th>
                      <Table.Th>Kolumna arkusza</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {IMPORT_FIELDS.map((f) => (
                      <Table.Tr key={f.key}>
                        <Table.Td>
                          <Text size="sm" fw={f.required ? 600 : 400}>
                            {f.header}
                            {f.required ? ' (wymagane)' : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <NativeSelect
                            aria-label={`Kolumna arkusza dla pola ${f.header}`}
                            value={mapping[f.key] === null || mapping[f.key] === undefined ? '' : String(mapping[f.key])}
                            onChange={(e) => setMapping((m) => ({ ...m, [f.key as ImportFieldKey]: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) }))}
                            data={[
                              { value: '', label: '— brak w arkuszu —' },
                              ...preview.headers.map((h) => ({
                                value: String(h.index),
                                label: `${columnLetter(h.index)}: ${h.header || '(bez nagłówka)'}${h.sample ? ` — np. ${h.sample}` : ''}`,
                              })),
                            ]}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Group>
                  <Button onClick={() => void load(mapping)} loading={!!busy}>
                    Sprawdź ponownie z tym przypisaniem
                  </Button>
                </Group>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}

      {preview && preview.missingFields.length === 0 && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              3. Podgląd — nic nie zostało jeszcze zapisane
            </Title>
            <Group gap="md" aria-label="Liczba wierszy według statusu">
              <Text size="sm">
                Wiersze (osoby): {preview.rows.length} — poprawne: <b>{preview.counts.rows.ok}</b>, z ostrzeżeniem: <b>{preview.counts.rows.warning}</b>, z błędem:{' '}
                <b>{preview.counts.rows.error}</b>.
              </Text>
              <Text size="sm">
                Rodziny: {preview.families.length} — do importu: <b>{importable.length}</b>, wstrzymane przez błędy: <b>{preview.counts.families.error}</b>.
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              Błąd wstrzymuje tylko rodzinę, której dotyczy. Ostrzeżenia nie wstrzymują importu — sprawdź je przed zapisem.
            </Text>

            <Title order={3} size="h5">
              Rodziny
            </Title>
            <Table aria-label="Rodziny z arkusza" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Importuj</Table.Th>
                  <Table.Th>Klucz</Table.Th>
                  <Table.Th>Rodzina</Table.Th>
                  <Table.Th>Osoby</Table.Th>
                  <Table.Th>Sprawa po imporcie</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.families.map((f) => (
                  <Table.Tr key={f.key || `rows-${f.rows[0]}`}>
                    <Table.Td>
                      <Checkbox
                        aria-label={`Importuj rodzinę ${f.key}`}
                        checked={chosen.has(f.key)}
                        disabled={f.status === 'error'}
                        onChange={(e) => {
                          const on = e.currentTarget.checked;
                          setChosen((s) => {
                            const n = new Set(s);
                            if (on) n.add(f.key);
                            else n.delete(f.key);
                            return n;
                          });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{f.key || '—'}</Table.Td>
                    <Table.Td>{f.label || '—'}</Table.Td>
                    <Table.Td>{f.members}</Table.Td>
                    <Table.Td>{f.caseStateLabel ?? 'bez sprawy'}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={f.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>

            <Group justify="space-between" align="flex-end">
              <Title order={3} size="h5">
                Wiersze i powody
              </Title>
              <SegmentedControl
                aria-label="Pokaż wiersze"
                value={filter}
                onChange={(v) => {
                  setFilter(v as typeof filter);
                  setPage(1);
                }}
                data={[
                  { value: 'all', label: `Wszystkie (${preview.rows.length})` },
                  { value: 'error', label: `Błędy (${preview.counts.rows.error})` },
                  { value: 'warning', label: `Ostrzeżenia (${preview.counts.rows.warning})` },
                  { value: 'ok', label: `Poprawne (${preview.counts.rows.ok})` },
                ]}
              />
            </Group>
            <Table aria-label="Wiersze arkusza z powodami" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Wiersz</Table.Th>
                  <Table.Th>Klucz</Table.Th>
                  <Table.Th>Osoba</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Powody</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shownRows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.familyKey || '—'}</Table.Td>
                    <Table.Td>{r.name || '—'}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>
                      {r.reasons.length === 0 ? (
                        '—'
                      ) : (
                        <List size="sm" spacing={2}>
                          {r.reasons.map((x, i) => (
                            <List.Item key={i}>
                              <Text span size="sm" fw={600} c={x.severity === 'error' ? 'red.9' : 'yellow.9'}>
                                {x.severity === 'error' ? 'Błąd: ' : 'Ostrzeżenie: '}
                              </Text>
                              {x.message}
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {rows.length > ROWS_PER_PAGE && (
              <Paging page={page} total={rows.length} pageSize={ROWS_PER_PAGE} onChange={setPage} totalLabel={`${rows.length} ${plural(rows.length, 'wiersz', 'wiersze', 'wierszy')}`} />
            )}

            <Group align="flex-end" gap="sm">
              <PasswordInput
                label="Hasło do pliku z podglądem"
                description="Podgląd zawiera dane osobowe — plik XLSX zostanie zaszyfrowany (co najmniej 8 znaków)."
                value={exportPassword}
                onChange={(e) => setExportPassword(e.currentTarget.value)}
                autoComplete="new-password"
                w={360}
                maw="100%"
              />
              <Button variant="default" onClick={() => void savePreview()} disabled={exportPassword.length < 8}>
                Zapisz podgląd z powodami (XLSX)
              </Button>
            </Group>
            {exportNote && (
              <Text size="sm" role="status">
                {exportNote}
              </Text>
            )}

            <Group>
              <Button onClick={() => void runImport()} disabled={chosen.size === 0 || !!busy} loading={busy === 'Importowanie rodzin…'}>
                Importuj zaznaczone ({familiesWord(chosen.size)})
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function ImportResultView({ result }: { result: Result }) {
  if (!result.written) {
    return (
      <Alert color="red" title="Nic nie zostało zaimportowane" role="alert">
        Import obejmuje wszystkie zaznaczone rodziny albo żadną — a w {plural(result.errors.length, 'jednym wierszu', 'wierszach', 'wierszach')} są błędy (np. ktoś w
        międzyczasie zmienił dane w Asyście). Wczytaj plik ponownie i sprawdź podgląd.
        <List size="sm" mt="xs">
          {result.errors.slice(0, 10).map((e, i) => (
            <List.Item key={i}>
              Wiersz {e.row} (rodzina {e.family}): {e.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Alert color="green" title="Import zakończony" role="status">
      Zaimportowano {result.families} {plural(result.families, 'rodzinę', 'rodziny', 'rodzin')}, {result.members}{' '}
      {plural(result.members, 'osobę', 'osoby', 'osób')} i {result.cases} {plural(result.cases, 'sprawę', 'sprawy', 'spraw')}
      {result.warnings.length ? ` (z ostrzeżeniami: ${result.warnings.length})` : ''}. Terminy (ocena wstępna, ocena okresowa, wizyty) są już na ekranie „Na dziś”.
      <List size="sm" mt="xs">
        {result.imported.map((f) => (
          <List.Item key={f.familyId}>
            <Anchor href={href.card(f.familyId)}>{f.label}</Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

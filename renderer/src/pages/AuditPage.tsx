import { Alert, Anchor, Button, Code, Group, Loader, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Account } from '../../../shared/ipc/contract';
import { chainVerdict, detailsText } from '../../../shared/print/auditExtract';
import { call, errorMessage } from '../api';
import { AUDIT_ACTION_LABELS, auditActionLabel, entityLabel } from '../auditLabels';
import { FilterBar } from '../components/FilterBar';
import { PageTitle } from '../components/PageTitle';
import { ListTable } from '../components/ListTable';
import { PrintPreview } from '../components/documents/PrintPreview';
import { useListQuery } from '../components/useListQuery';
import { formatDateTime, plural } from '../format';
import { href as familyHref } from './families/nav';
import { DateField } from '../components/DateField';

const PAGE_SIZE = 50;

interface Filters {
  from: string;
  to: string;
  userId: string;
  action: string;
  /** Znak sprawy: entries about that family (the family, its cases and their records). */
  caseNumber: string;
  /** One family by id (opened from its card: '#/audit/family/<id>'). */
  familyId: string;
}

const EMPTY: Filters = { from: '', to: '', userId: '', action: '', caseNumber: '', familyId: '' };

/**
 * The audit page filtered to one family (the section router reads only '#/audit'; the rest of the
 * address carries the family id).
 */
export function familyAuditHref(familyId: string): string {
  return `#/audit/family/${encodeURIComponent(familyId)}`;
}

/** The family id of '#/audit/family/<id>' ('' for any other address). */
export function familyOfAuditHash(hash: string): string {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] !== 'audit' || parts[1] !== 'family' || !parts[2]) return '';
  try {
    return decodeURIComponent(parts[2]);
  } catch {
    return '';
  }
}

const fromHash = (): Filters => ({ ...EMPTY, familyId: familyOfAuditHash(window.location.hash) });

/** The filter as the channels take it (empty fields left out). */
function filterInput(f: Filters) {
  return {
    from: f.from || undefined,
    to: f.to || undefined,
    userId: f.userId || undefined,
    action: f.action || undefined,
    caseNumber: f.caseNumber.trim() || undefined,
    familyId: f.familyId || undefined,
  };
}

/**
 * The audit log is read-only here: there is no control that edits or removes an entry. The head
 * and the data protection officer can check the hash chain ("Sprawdź spójność dziennika") and
 * print the current filter for an inspection.
 */
export function AuditPage() {
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<{ ok: boolean; text: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [draft, setDraft] = useState<Filters>(fromHash);
  const [filters, setFilters] = useState<Filters>(fromHash);
  const [page, setPage] = useState(1);
  const [users, setUsers] = useState<Account[]>([]);

  // A link to one family's entries ('#/audit/family/<id>') applies that filter, also when the
  // address changes while the page is open.
  useEffect(() => {
    const onChange = () => {
      const familyId = familyOfAuditHash(window.location.hash);
      setDraft((d) => (d.familyId === familyId ? d : { ...d, familyId }));
      setFilters((f) => (f.familyId === familyId ? f : { ...f, familyId }));
      setPage(1);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  useEffect(() => {
    call('users:list', {})
      .then(setUsers)
      .catch(() => setUsers([]));
  }, []);

  // `filters` as the refresh key: "Filtruj" reloads also when the filter is the same.
  const { data, loading, error } = useListQuery('audit:search', { ...filterInput(filters), page, pageSize: PAGE_SIZE }, filters);

  const userNames = useMemo(() => new Map(users.map((u) => [u.id, u.fullName])), [users]);
  const userOptions = useMemo(
    () => [
      { value: '', label: 'Wszyscy użytkownicy' },
      ...users.map((u) => ({ value: u.id, label: `${u.fullName} (${u.login})` })),
    ],
    [users],
  );
  const actionOptions = useMemo(
    () => [
      { value: '', label: 'Wszystkie zdarzenia' },
      ...Object.entries(AUDIT_ACTION_LABELS)
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label, 'pl')),
    ],
    [],
  );

  const apply = () => {
    setPage(1);
    setFilters({ ...draft });
  };
  const clear = () => {
    setDraft(EMPTY);
    setPage(1);
    setFilters(EMPTY);
    if (familyOfAuditHash(window.location.hash)) window.location.hash = '#/audit';
  };
  /** Drops only the family of the card, keeping the other filters. */
  const allFamilies = () => {
    setDraft((d) => ({ ...d, familyId: '' }));
    setPage(1);
    setFilters((f) => ({ ...f, familyId: '' }));
    window.location.hash = '#/audit';
  };
  const set = (k: keyof Filters) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    try {
      const r = await call('audit:verify', {});
      setVerification({ ok: r.ok, text: chainVerdict(r) });
    } catch (e) {
      setVerification({ ok: false, text: errorMessage(e) });
    } finally {
      setVerifying(false);
    }
  };

  const total = data?.total ?? 0;
  return (
    <>
      <PageTitle subtitle="Zapis czynności wykonanych w Asyście. Wpisów nie można zmieniać ani usuwać.">Dziennik zdarzeń</PageTitle>
      <FilterBar
        onSubmit={apply}
        below={
          <>
            {filters.familyId && (
              <Group mt="sm" gap="sm" data-testid="audit-family-filter">
                <Text size="sm">
                  Tylko zdarzenia jednej rodziny (otwartej z jej karty): rodzina, jej sprawy i ich dokumentacja.{' '}
                  <Anchor href={familyHref.card(filters.familyId)}>Karta rodziny</Anchor>
                </Text>
                <Button size="compact-sm" variant="subtle" onClick={allFamilies}>
                  Pokaż zdarzenia wszystkich rodzin
                </Button>
              </Group>
            )}
            <Group mt="md" gap="sm">
              <Button variant="light" onClick={() => void verify()} loading={verifying}>
                Sprawdź spójność dziennika
              </Button>
              <Button variant="default" onClick={() => setPrinting(true)}>
                Drukuj / zapisz PDF
              </Button>
            </Group>
          </>
        }
      >
        <DateField label="Od dnia" value={draft.from} onChange={(v) => set('from')({ currentTarget: { value: v } })} />
        <DateField label="Do dnia" value={draft.to} onChange={(v) => set('to')({ currentTarget: { value: v } })} />
        <NativeSelect label="Użytkownik" data={userOptions} value={draft.userId} onChange={set('userId')} miw={220} />
        <NativeSelect label="Zdarzenie" data={actionOptions} value={draft.action} onChange={set('action')} miw={220} />
        <TextInput label="Znak sprawy (rodzina)" placeholder="np. GOPS.4011.1.2026" value={draft.caseNumber} onChange={set('caseNumber')} miw={200} />
        <Button type="submit">Filtruj</Button>
        <Button variant="default" onClick={clear}>
          Wyczyść filtry
        </Button>
        {loading && <Loader size="sm" aria-label="Wczytywanie" />}
      </FilterBar>
      {verification && (
        <Alert
          color={verification.ok ? 'green' : 'red'}
          role={verification.ok ? 'status' : 'alert'}
          title={verification.ok ? 'Spójność dziennika' : 'Naruszona spójność dziennika'}
          withCloseButton
          closeButtonLabel="Zamknij komunikat"
          onClose={() => setVerification(null)}
        >
          {verification.text}
        </Alert>
      )}
      {printing && (
        <PrintPreview
          title="Wyciąg z dziennika zdarzeń"
          load={() => call('audit:extract', filterInput(filters))}
          onExported={async (target, pages) => {
            await call('audit:extractExported', { filter: filterInput(filters), pages, target });
          }}
          onClose={() => setPrinting(false)}
        />
      )}
      <ListTable
        error={error}
        tableProps={{ verticalSpacing: 'xs' }}
        head={
          <>
            <Table.Th w={170}>Data i godzina</Table.Th>
            <Table.Th>Użytkownik</Table.Th>
            <Table.Th>Zdarzenie</Table.Th>
            <Table.Th>Obiekt</Table.Th>
            <Table.Th>Szczegóły</Table.Th>
          </>
        }
        columns={5}
        isEmpty={data?.items.length === 0}
        emptyText="Brak zdarzeń spełniających warunki."
        paging={
          data && {
            page,
            pageSize: PAGE_SIZE,
            total,
            onChange: setPage,
            totalLabel: `Łącznie: ${total} ${plural(total, 'zdarzenie', 'zdarzenia', 'zdarzeń')}`,
          }
        }
      >
        {data?.items.map((entry) => {
          const name = entry.userId ? userNames.get(entry.userId) : undefined;
          return (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, true)}</Table.Td>
              <Table.Td>
                {name ? `${name} (${entry.userLogin ?? ''})` : (entry.userLogin ?? '—')}
              </Table.Td>
              <Table.Td title={entry.action}>{auditActionLabel(entry.action)}</Table.Td>
              <Table.Td>{entityLabel(entry.entityType, entry.entityId, userNames)}</Table.Td>
              <Table.Td>
                {entry.details && Object.keys(entry.details).length > 0 ? (
                  <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{detailsText(entry.details)}</Code>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </ListTable>
    </>
  );
}

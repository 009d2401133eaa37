/**
 * Dziennik wizyt: visits (date, start–end, place, participants, goals worked on, agreements,
 * child-safety observations, next appointment), failed visits, phone and institution contacts,
 * official notes, monitoring contacts. Locked entries only take dated addenda. The monthly report.
 * A visit records who signed the visit card for the family (an adult member or a typed name) or
 * that the signature was refused ("podpisu odmówiono" on the printed card).
 * The author (or the head) can correct an entry with the same form until it locks ("Popraw
 * wpis", "można poprawiać do dd.mm.yyyy"); the main process refuses a correction after the lock.
 */
import { Alert, Badge, Button, Checkbox, Fieldset, Group, Loader, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { addDays, checkVisitGap, ENTRY_KINDS, FAILED_VISIT_REASONS, VISIT_PLACES, type EntryKind } from '../../../../shared/rules';
import { call, errorMessage } from '../../api';
import { formatDateTime } from '../../format';
import { useSession } from '../../session';
import { DocumentPreview } from '../documents/DocumentPreview';
import { DraftFormHeader, FindingsList, dateOrDash, refusalOf, RefusalAlert, todayIso, useDraft, type FindingView, type Refusal } from './common';
import { DateField, TimeField } from '../DateField';

type Entry = ChannelOutput<'entries:list'>[number];
type Goal = { id: string; title: string };
type Adult = { id: string; name: string };
/** The choice in "Kto podpisuje kartę wizyty": nobody named, an adult member's id, or a typed name. */
const SIGNATORY_NONE = '';
const SIGNATORY_OTHER = 'other';
type Report = ChannelOutput<'reports:monthly'>;

interface EntryState {
  kind: EntryKind;
  on: string;
  start: string;
  end: string;
  place: string;
  placeDetail: string;
  participants: string;
  goalIds: string[];
  doneSinceLast: string;
  agreedFamily: string;
  agreedAssistant: string;
  childSafetyConcern: boolean;
  childSafetyObservations: string;
  nextAppointmentOn: string;
  nextAppointmentTime: string;
  failedReason: string;
  contactWith: string;
  text: string;
  actionsTaken: string;
  informed: string;
  km: number | string;
  signatory: string;
  signatoryName: string;
  signatureRefused: boolean;
  refusalNote: string;
}

const empty = (kind: EntryKind): EntryState => ({
  kind,
  on: todayIso(),
  start: '',
  end: '',
  place: kind === 'visit' ? 'home' : '',
  placeDetail: '',
  participants: '',
  goalIds: [],
  doneSinceLast: '',
  agreedFamily: '',
  agreedAssistant: '',
  childSafetyConcern: false,
  childSafetyObservations: '',
  nextAppointmentOn: '',
  nextAppointmentTime: '',
  failedReason: kind === 'failed-visit' ? 'nobody-home' : '',
  contactWith: '',
  text: '',
  actionsTaken: '',
  informed: '',
  km: '',
  signatory: SIGNATORY_NONE,
  signatoryName: '',
  signatureRefused: false,
  refusalNote: '',
});

/** The form's state from a stored entry (the correction of an unlocked entry). */
function stateOf(e: Entry): EntryState {
  const sig = e.familySignatory;
  return {
    ...empty(e.kind),
    on: e.on,
    start: e.start ?? '',
    end: e.end ?? '',
    place: e.place ?? '',
    placeDetail: e.placeDetail,
    participants: e.participants.join(', '),
    goalIds: e.goalIds,
    doneSinceLast: e.doneSinceLast,
    agreedFamily: e.agreedFamily,
    agreedAssistant: e.agreedAssistant,
    childSafetyConcern: e.childSafetyConcern,
    childSafetyObservations: e.childSafetyObservations,
    nextAppointmentOn: e.nextAppointmentOn ?? '',
    nextAppointmentTime: e.nextAppointmentTime ?? '',
    failedReason: e.failedReason ?? '',
    contactWith: e.contactWith,
    text: e.text,
    actionsTaken: e.actionsTaken,
    informed: e.informed,
    km: e.km ?? '',
    signatory: sig?.memberId ? sig.memberId : sig?.name ? SIGNATORY_OTHER : SIGNATORY_NONE,
    signatoryName: sig && !sig.memberId ? sig.name : '',
    signatureRefused: sig?.refused ?? false,
    refusalNote: sig?.refusalNote ?? '',
  };
}

/** The last day an entry can still be corrected (it locks on `lockedOn`). */
export const editableUntil = (lockedOn: string) => addDays(lockedOn, -1);

/** The familySignatory of the entries:create payload (visits only). */
function signatoryPayload(s: EntryState) {
  if (s.kind !== 'visit') return null;
  const member = s.signatory !== SIGNATORY_NONE && s.signatory !== SIGNATORY_OTHER ? s.signatory : null;
  const name = s.signatory === SIGNATORY_OTHER ? s.signatoryName : '';
  if (!member && !name && !s.signatureRefused) return null;
  return { memberId: member, name, refused: s.signatureRefused, refusalNote: s.signatureRefused ? s.refusalNote : '' };
}

export function EntriesSection({
  caseId,
  familyId,
  monitoring,
  onCaseChanged,
  openVisit,
}: {
  caseId: string;
  familyId: string;
  monitoring: boolean;
  onCaseChanged: () => void;
  /** Set (a new object) by "Następny krok": open the new visit form. */
  openVisit?: object | null;
}) {
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [adults, setAdults] = useState<Adult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<EntryKind | null>(null);
  const [saved, setSaved] = useState<{ text: string; findings: FindingView[] } | null>(null);
  const [editing, setEditing] = useState<Entry | null>(null);
  const { user, isAdmin } = useSession();
  // The visit sheet to print before a visit (documents:html 'visit-sheet').
  const [sheet, setSheet] = useState(false);

  const [maxGap, setMaxGap] = useState<number | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      setEntries(await call('entries:list', { caseId }));
      const settings = await call('office:getWorkSettings', {}).catch(() => null);
      if (settings) setMaxGap(settings.maxDaysBetweenVisits);
      const cur = await call('plans:current', { caseId }).catch(() => null);
      setGoals(cur?.plan?.goals.map((g) => ({ id: g.id, title: g.title })) ?? []);
      const family = await call('families:get', { id: familyId }).catch(() => null);
      setAdults(family?.members.filter((m) => !m.isChild).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}`.trim() })) ?? []);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId, familyId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (openVisit && !monitoring) setKind('visit');
  }, [openVisit, monitoring]);

  // Visit gap (office setting "max days between visits"): a warning when today is already past it.
  const lastVisit = entries?.filter((e) => e.kind === 'visit').reduce<string | undefined>((m, e) => (m === undefined || e.on > m ? e.on : m), undefined);
  const gap = !monitoring && lastVisit ? checkVisitGap({ previousVisitOn: lastVisit, visitOn: todayIso(), maxDaysBetweenVisits: maxGap }) : null;

  const kinds: EntryKind[] = monitoring ? ['monitoring', 'note'] : ['visit', 'failed-visit', 'phone', 'institution', 'note'];

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {gap && gap.findings.length > 0 && (
        <div data-testid="visit-gap-warning">
          <FindingsList findings={gap.findings} />
        </div>
      )}
      {saved && (
        <Alert color="green" role="status" title={saved.text} withCloseButton closeButtonLabel="Zamknij" onClose={() => setSaved(null)} data-testid="entry-saved">
          <FindingsList findings={saved.findings} hideInfo />
        </Alert>
      )}
      {!kind && !editing && (
        <Group gap="xs">
          {kinds.map((k) => (
            <Button key={k} variant={k === 'visit' || k === 'monitoring' ? 'filled' : 'light'} onClick={() => setKind(k)}>
              {k === 'visit' ? 'Nowa wizyta' : `Dodaj: ${ENTRY_KINDS[k].label.toLowerCase()}`}
            </Button>
          ))}
          {!monitoring && (
            <Button variant="default" onClick={() => setSheet(true)}>
              Arkusz na wizytę
            </Button>
          )}
        </Group>
      )}
      {kind && (
        <EntryForm
          caseId={caseId}
          kind={kind}
          goals={goals}
          adults={adults}
          onCancel={() => setKind(null)}
          onSaved={(e, findings) => {
            setKind(null);
            setSaved({ text: `Zapisano: ${ENTRY_KINDS[e.kind].label} z ${dateOrDash(e.on)}.`, findings });
            void load();
            onCaseChanged();
          }}
        />
      )}
      {editing && (
        <EntryForm
          key={editing.id}
          caseId={caseId}
          kind={editing.kind}
          entry={editing}
          goals={goals}
          adults={adults}
          onCancel={() => setEditing(null)}
          onSaved={(e, findings) => {
            setEditing(null);
            setSaved({ text: `Poprawiono: ${ENTRY_KINDS[e.kind].label} z ${dateOrDash(e.on)}.`, findings });
            void load();
            onCaseChanged();
          }}
        />
      )}
      {!entries && !error && <Loader size="sm" aria-label="Wczytywanie dziennika" />}
      {entries && entries.length === 0 && <Text c="dimmed">Dziennik jest pusty.</Text>}
      {entries && entries.length > 0 && (
        <Stack gap="xs" data-testid="entries-list">
          {entries.map((e) => (
            <EntryCard
              key={e.id}
              e={e}
              goals={goals}
              canCorrect={!e.locked && (isAdmin || e.authorId === user.id)}
              onCorrect={kind || editing ? undefined : () => setEditing(e)}
              onChanged={() => void load()}
            />
          ))}
        </Stack>
      )}
      <MonthlyReport caseId={caseId} />
      {sheet && <DocumentPreview caseId={caseId} target={{ kind: 'visit-sheet', title: 'Arkusz wizyty', range: false, visitDate: true }} onClose={() => setSheet(false)} />}
    </Stack>
  );
}

function EntryCard({ e, goals, canCorrect, onCorrect, onChanged }: { e: Entry; goals: Goal[]; canCorrect: boolean; onCorrect?: () => void; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  async function addendum() {
    setRefusal(null);
    try {
      await call('entries:addendum', { targetType: 'entry', targetId: e.id, text });
      setAdding(false);
      setText('');
      onChanged();
    } catch (err) {
      setRefusal(refusalOf(err));
    }
  }
  async function remove() {
    setRefusal(null);
    try {
      await call('entries:delete', { id: e.id, version: e.version });
      onChanged();
    } catch (err) {
      setRefusal(refusalOf(err));
    }
  }
  const goalTitles = e.goalIds.map((id) => goals.find((g) => g.id === id)?.title).filter(Boolean);
  return (
    <Paper withBorder p="sm" data-testid="entry">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={700}>{ENTRY_KINDS[e.kind].label}</Text>
          <Text>
            {dateOrDash(e.on)}
            {e.start ? `, ${e.start}${e.end ? `–${e.end}` : ''}` : ''}
          </Text>
          {e.place && <Badge variant="light">{VISIT_PLACES[e.place]}</Badge>}
          {e.locked ? (
            <Badge color="gray">zablokowany</Badge>
          ) : (
            <Text size="xs" c="dimmed" data-testid="entry-editable-until">
              można poprawiać do {dateOrDash(editableUntil(e.lockedOn))}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {e.authorName ?? ''}
        </Text>
      </Group>
      {e.failedReason && <Text size="sm">Powód: {FAILED_VISIT_REASONS[e.failedReason]}</Text>}
      {e.participants.length > 0 && <Text size="sm">Uczestnicy: {e.participants.join(', ')}</Text>}
      {goalTitles.length > 0 && <Text size="sm">Cele: {goalTitles.join('; ')}</Text>}
      {e.contactWith && <Text size="sm">Kontakt z: {e.contactWith}</Text>}
      {e.doneSinceLast && <Text size="sm">Zrealizowano od poprzedniej wizyty: {e.doneSinceLast}</Text>}
      {e.agreedFamily && <Text size="sm">Ustalenia — rodzina: {e.agreedFamily}</Text>}
      {e.agreedAssistant && <Text size="sm">Ustalenia — asystent: {e.agreedAssistant}</Text>}
      {e.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {e.text}
        </Text>
      )}
      {(e.childSafetyConcern || e.childSafetyObservations) && (
        <Text size="sm" c={e.childSafetyConcern ? 'red' : undefined}>
          Bezpieczeństwo dzieci: {e.childSafetyObservations || 'zgłoszono niepokój'}
        </Text>
      )}
      {e.nextAppointmentOn && (
        <Text size="sm">
          Następne spotkanie: {dateOrDash(e.nextAppointmentOn)} {e.nextAppointmentTime ?? ''}
        </Text>
      )}
      {e.kind === 'visit' && e.familySignatory && (
        <Text size="sm" data-testid="entry-signatory">
          {e.familySignatory.refused
            ? `Podpisu odmówiono${e.familySignatory.name ? ` — ${e.familySignatory.name}` : ''}${e.familySignatory.refusalNote ? ` (${e.familySignatory.refusalNote})` : ''}`
            : `Kartę wizyty podpisuje w imieniu rodziny: ${e.familySignatory.name || '—'}`}
        </Text>
      )}
      {e.km !== null && <Text size="sm">Dojazd: {e.km} km</Text>}
      {e.addenda.map((a) => (
        <Text size="sm" key={a.id} c="blue.8">
          Uzupełnienie — {a.authorName}, {formatDateTime(a.createdAt)}: {a.text}
        </Text>
      ))}
      <Group gap="xs" mt={4}>
        {e.locked ? (
          !adding && (
            <Button size="compact-xs" variant="light" onClick={() => setAdding(true)}>
              Dodaj uzupełnienie
            </Button>
          )
        ) : (
          <>
            {canCorrect && onCorrect && (
              <Button size="compact-xs" variant="light" onClick={onCorrect}>
                Popraw wpis
              </Button>
            )}
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove()}>
              Usuń wpis
            </Button>
          </>
        )}
      </Group>
      {adding && (
        <Stack gap="xs" mt="xs">
          <Textarea label="Treść uzupełnienia" autosize minRows={2} value={text} onChange={(ev) => setText(ev.currentTarget.value)} />
          <Group gap="xs">
            <Button size="xs" onClick={() => void addendum()}>
              Zapisz uzupełnienie
            </Button>
            <Button size="xs" variant="default" onClick={() => setAdding(false)}>
              Anuluj
            </Button>
          </Group>
        </Stack>
      )}
      <RefusalAlert refusal={refusal} title="Nie zapisano" />
    </Paper>
  );
}

function EntryForm({
  caseId,
  kind,
  entry,
  goals,
  adults,
  onSaved,
  onCancel,
}: {
  caseId: string;
  kind: EntryKind;
  /** Set when correcting a stored (unlocked) entry. */
  entry?: Entry;
  goals: Goal[];
  adults: Adult[];
  onSaved: (e: Entry, findings: FindingView[]) => void;
  onCancel: () => void;
}) {
  const [s, setS] = useState<EntryState>(() => (entry ? stateOf(entry) : empty(kind)));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const draft = useDraft(entry ? `entry-edit:${entry.id}` : `entry:${caseId}:${kind}`, s);
  const set = <K extends keyof EntryState>(k: K, v: EntryState[K]) => setS((p) => ({ ...p, [k]: v }));
  const visit = kind === 'visit';
  const failed = kind === 'failed-visit';
  const contact = kind === 'phone' || kind === 'institution' || kind === 'monitoring';

  async function save() {
    setSaving(true);
    setRefusal(null);
    try {
      const fields = {
        on: s.on,
        start: s.start || null,
        end: s.end || null,
        place: (s.place || null) as never,
        placeDetail: s.placeDetail,
        participants: s.participants
          .split(/[\n,;]/)
          .map((x) => x.trim())
          .filter(Boolean),
        goalIds: s.goalIds,
        doneSinceLast: s.doneSinceLast,
        agreedFamily: s.agreedFamily,
        agreedAssistant: s.agreedAssistant,
        childSafetyConcern: s.childSafetyConcern,
        childSafetyObservations: s.childSafetyObservations,
        nextAppointmentOn: s.nextAppointmentOn || null,
        nextAppointmentTime: s.nextAppointmentTime || null,
        failedReason: (s.failedReason || null) as never,
        contactWith: s.contactWith,
        text: s.text,
        actionsTaken: s.actionsTaken,
        informed: s.informed,
        km: s.km === '' ? null : Number(s.km),
        familySignatory: signatoryPayload(s),
      };
      const r = entry
        ? await call('entries:update', { ...fields, id: entry.id, version: entry.version } as never)
        : await call('entries:create', { ...fields, caseId, kind } as never);
      await draft.clear();
      onSaved(r.entry, r.findings);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="lg" data-testid="entry-form">
      <Stack gap="sm">
        <DraftFormHeader title={`${ENTRY_KINDS[kind].label} — ${entry ? `poprawa wpisu z ${dateOrDash(entry.on)}` : 'nowy wpis'}`} draft={draft} onRestore={setS} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Data" required value={s.on} onChange={(v) => set('on', v)} />
          {(visit || contact) && <TimeField label="Godzina rozpoczęcia" required={visit} value={s.start} onChange={(v) => set('start', v)} />}
          {(visit || contact) && <TimeField label="Godzina zakończenia" required={visit} value={s.end} onChange={(v) => set('end', v)} />}
        </SimpleGrid>
        {visit && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label="Miejsce wizyty (art. 14)"
              data={Object.entries(VISIT_PLACES).map(([value, label]) => ({ value, label }))}
              value={s.place}
              onChange={(e) => set('place', e.currentTarget.value)}
            />
            <TextInput label="Miejsce (szczegóły)" value={s.placeDetail} onChange={(e) => set('placeDetail', e.currentTarget.value)} />
          </SimpleGrid>
        )}
        {failed && (
          <NativeSelect
            label="Powód nieodbycia wizyty"
            required
            data={Object.entries(FAILED_VISIT_REASONS).map(([value, label]) => ({ value, label }))}
            value={s.failedReason}
            onChange={(e) => set('failedReason', e.currentTarget.value)}
          />
        )}
        {contact && <TextInput label="Z kim kontakt (osoba, instytucja)" value={s.contactWith} onChange={(e) => set('contactWith', e.currentTarget.value)} />}
        {visit && (
          <>
            <TextInput label="Uczestnicy (oddziel przecinkami)" value={s.participants} onChange={(e) => set('participants', e.currentTarget.value)} />
            {goals.length > 0 && (
              <Checkbox.Group label="Cele planu, nad którymi pracowano" value={s.goalIds} onChange={(v) => set('goalIds', v)}>
                <Stack gap={4} mt={4}>
                  {goals.map((g) => (
                    <Checkbox key={g.id} value={g.id} label={g.title || 'cel bez nazwy'} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <Textarea label="Zrealizowano od poprzedniej wizyty" autosize minRows={2} value={s.doneSinceLast} onChange={(e) => set('doneSinceLast', e.currentTarget.value)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label="Ustalenia do następnej wizyty — rodzina" autosize minRows={2} value={s.agreedFamily} onChange={(e) => set('agreedFamily', e.currentTarget.value)} />
              <Textarea label="Ustalenia do następnej wizyty — asystent" autosize minRows={2} value={s.agreedAssistant} onChange={(e) => set('agreedAssistant', e.currentTarget.value)} />
            </SimpleGrid>
            <Checkbox label="Niepokój o bezpieczeństwo dziecka" checked={s.childSafetyConcern} onChange={(e) => set('childSafetyConcern', e.currentTarget.checked)} />
            <Textarea
              label="Obserwacje dotyczące bezpieczeństwa dzieci"
              autosize
              minRows={1}
              value={s.childSafetyObservations}
              onChange={(e) => set('childSafetyObservations', e.currentTarget.value)}
            />
          </>
        )}
        {visit && (
          <Fieldset legend="Podpis karty wizyty" data-testid="visit-signature">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Kto podpisuje w imieniu rodziny"
                description="Członek rodziny obecny na wizycie."
                data={[
                  { value: SIGNATORY_NONE, label: '— nie wskazano (wpisze się odręcznie) —' },
                  ...adults.map((a) => ({ value: a.id, label: a.name })),
                  { value: SIGNATORY_OTHER, label: 'inna osoba (wpisz imię i nazwisko)' },
                ]}
                value={s.signatory}
                onChange={(e) => set('signatory', e.currentTarget.value)}
              />
              {s.signatory === SIGNATORY_OTHER && (
                <TextInput label="Imię i nazwisko podpisującego" value={s.signatoryName} onChange={(e) => set('signatoryName', e.currentTarget.value)} />
              )}
            </SimpleGrid>
            <Checkbox
              mt="sm"
              label="Odmowa podpisu (na karcie: „podpisu odmówiono”)"
              checked={s.signatureRefused}
              onChange={(e) => set('signatureRefused', e.currentTarget.checked)}
            />
            {s.signatureRefused && (
              <TextInput mt="xs" label="Okoliczności odmowy podpisu" value={s.refusalNote} onChange={(e) => set('refusalNote', e.currentTarget.value)} />
            )}
          </Fieldset>
        )}
        <Textarea
          label={visit ? 'Przebieg wizyty' : kind === 'note' ? 'Treść notatki służbowej' : failed ? 'Opis' : 'Treść kontaktu'}
          autosize
          minRows={2}
          value={s.text}
          onChange={(e) => set('text', e.currentTarget.value)}
        />
        {kind === 'note' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label="Podjęte działania" autosize minRows={1} value={s.actionsTaken} onChange={(e) => set('actionsTaken', e.currentTarget.value)} />
            <TextInput label="Kogo poinformowano" value={s.informed} onChange={(e) => set('informed', e.currentTarget.value)} />
          </SimpleGrid>
        )}
        {(visit || failed) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {visit && <DateField label="Następne spotkanie — data" value={s.nextAppointmentOn} onChange={(v) => set('nextAppointmentOn', v)} />}
            {visit && <TimeField label="Następne spotkanie — godzina" value={s.nextAppointmentTime} onChange={(v) => set('nextAppointmentTime', v)} />}
            <NumberInput label="Dojazd (km)" min={0} decimalSeparator="," value={s.km} onChange={(v) => set('km', v)} />
          </SimpleGrid>
        )}
        <RefusalAlert refusal={refusal} title="Wpis nie został zapisany" testId="entry-refusal" />
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            {entry ? 'Zapisz poprawiony wpis' : 'Zapisz wpis'}
          </Button>
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MonthlyReport({ caseId }: { caseId: string }) {
  const [month, setMonth] = useState(() => todayIso().slice(0, 7));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load() {
    setError(null);
    try {
      setReport(await call('reports:monthly', { caseId, month }));
    } catch (e) {
      setError(errorMessage(e));
      setReport(null);
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Miesięczne sprawozdanie z pracy z rodziną
      </Title>
      <Group align="flex-end" gap="xs">
        <TextInput type="month" label="Miesiąc" value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
        <Button variant="light" onClick={() => void load()}>
          Pokaż sprawozdanie
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" mt="xs">
          {error}
        </Alert>
      )}
      {report && (
        <Stack gap={4} mt="sm" data-testid="monthly-report">
          <Text size="sm">
            {report.familyLabel}, sprawa {report.caseNumber}, asystent: {report.assistantName ?? '—'}; okres {dateOrDash(report.from)} – {dateOrDash(report.to)}
          </Text>
          <Text size="sm">
            Wizyty: {report.visits} · nieodbyte: {report.failedVisits} · telefony: {report.phoneContacts} · kontakty z instytucjami: {report.institutionContacts} · notatki: {report.notes} · monitoring:{' '}
            {report.monitoringContacts}
          </Text>
          <Text size="sm" fw={600}>
            Czas pracy: {report.hours.toLocaleString('pl-PL')} godz. · dojazdy: {report.km.toLocaleString('pl-PL')} km
          </Text>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Data</Table.Th>
                <Table.Th>Rodzaj</Table.Th>
                <Table.Th>Godziny</Table.Th>
                <Table.Th>km</Table.Th>
                <Table.Th>Opis</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{dateOrDash(e.on)}</Table.Td>
                  <Table.Td>{(ENTRY_KINDS as Record<string, { label: string }>)[e.kind]?.label ?? e.kind}</Table.Td>
                  <Table.Td>{e.start ? `${e.start}–${e.end ?? ''}` : '—'}</Table.Td>
                  <Table.Td>{e.km ?? '—'}</Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  );
}

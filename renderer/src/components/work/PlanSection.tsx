/**
 * Plan pracy (art. 15 ust. 1 pkt 1–2, ust. 3): goals linked to assessment areas (the lowest-rated
 * areas suggested), actions with who / due date / expected effect / status / evidence, consultation
 * with the social worker and KRPZ coordination; live validateWorkPlan findings; versions with the
 * earlier ones readable and "co się zmieniło"; STALE_EDIT on a revision over a newer one.
 */
import { Accordion, ActionIcon, Alert, Badge, Button, Checkbox, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ASSESSMENT_AREAS, validateWorkPlan } from '../../../../shared/rules';
import { call, errorMessage } from '../../api';
import { LiveFindings, useEngagement } from '../registry/Findings';
import { DraftFormHeader, dateOrDash, isIso, refusalOf, RefusalAlert, todayIso, useDraft, type Refusal } from './common';
import { DateField } from '../DateField';

type Current = ChannelOutput<'plans:current'>;
type Version = ChannelOutput<'plans:versions'>[number];

const WHO = { family: 'członek rodziny', assistant: 'asystent rodziny', institution: 'instytucja' } as const;
const STATUSES = { planned: 'zaplanowane', 'in-progress': 'w realizacji', done: 'zrealizowane', 'not-done': 'niezrealizowane', dropped: 'zaniechane' } as const;

interface ActionState {
  id?: string;
  description: string;
  responsible: string;
  responsibleKind: keyof typeof WHO;
  dueDate: string;
  expectedEffect: string;
  status: keyof typeof STATUSES;
  evidence: string;
}
interface GoalState {
  id?: string;
  title: string;
  areaCode: string;
  actions: ActionState[];
}
interface PlanState {
  drawnUpOn: string;
  mainGoal: string;
  goals: GoalState[];
  consultedWithSocialWorker: boolean;
  consultationOn: string;
  socialWorkerName: string;
  consultationNote: string;
  coordinatedWithFosterCareCoordinator: boolean;
  krpzCoordination: string;
  risks: string;
  reviewOn: string;
  changeNote: string;
}

const emptyAction = (): ActionState => ({ description: '', responsible: '', responsibleKind: 'family', dueDate: '', expectedEffect: '', status: 'planned', evidence: '' });

function fromVersion(v: Version | null, suggested: Current['suggestedAreas']): PlanState {
  if (!v) {
    const first = suggested[0];
    return {
      drawnUpOn: todayIso(),
      mainGoal: '',
      goals: [{ title: '', areaCode: first?.code ?? '', actions: [emptyAction()] }],
      consultedWithSocialWorker: false,
      consultationOn: '',
      socialWorkerName: '',
      consultationNote: '',
      coordinatedWithFosterCareCoordinator: false,
      krpzCoordination: '',
      risks: '',
      reviewOn: '',
      changeNote: '',
    };
  }
  return {
    drawnUpOn: todayIso(),
    mainGoal: v.mainGoal,
    goals: v.goals.map((g) => ({
      id: g.id,
      title: g.title,
      areaCode: g.areaCode ?? '',
      actions: g.actions.map((a) => ({
        id: a.id,
        description: a.description,
        responsible: a.responsible,
        responsibleKind: a.responsibleKind,
        dueDate: a.dueDate ?? '',
        expectedEffect: a.expectedEffect,
        status: a.status,
        evidence: a.evidence,
      })),
    })),
    consultedWithSocialWorker: v.consultedWithSocialWorker,
    consultationOn: v.consultation.on ?? '',
    socialWorkerName: v.consultation.socialWorkerName,
    consultationNote: v.consultation.note,
    coordinatedWithFosterCareCoordinator: v.coordinatedWithFosterCareCoordinator,
    krpzCoordination: v.krpzCoordination,
    risks: v.risks,
    reviewOn: v.reviewOn ?? '',
    changeNote: '',
  };
}

export function PlanSection({
  caseId,
  canEdit,
  onCaseChanged,
  openEditor,
}: {
  caseId: string;
  canEdit: boolean;
  onCaseChanged: () => void;
  /** Set (a new object) by "Następny krok": open the plan form. */
  openEditor?: object | null;
}) {
  const [current, setCurrent] = useState<Current | null>(null);
  const [versions, setVersions] = useState<Version[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [c, v] = await Promise.all([call('plans:current', { caseId }), call('plans:versions', { caseId })]);
      setCurrent(c);
      setVersions(v);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (openEditor && canEdit) setEditing(true);
  }, [openEditor, canEdit]);

  if (!current) return error ? <Alert color="red" role="alert">{error}</Alert> : <Loader size="sm" aria-label="Wczytywanie planu" />;
  const plan = current.plan;

  return (
    <Stack gap="md">
      {saved && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Zamknij" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      {!editing && (
        <Group>
          {!plan && <Text c="dimmed">Plan pracy nie został jeszcze sporządzony.</Text>}
          {canEdit && <Button onClick={() => setEditing(true)}>{plan ? 'Aktualizuj plan (nowa wersja)' : 'Sporządź plan pracy'}</Button>}
        </Group>
      )}
      {editing && (
        <PlanForm
          caseId={caseId}
          current={current}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            void load();
          }}
          onSaved={(versionNo) => {
            setEditing(false);
            setSaved(`Zapisano plan pracy — wersja ${versionNo}.`);
            void load();
            onCaseChanged();
          }}
        />
      )}
      {plan && !editing && <PlanView v={plan} />}
      {versions.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Wersje planu
          </Title>
          <Accordion variant="separated">
            {versions.map((v) => (
              <Accordion.Item key={v.id} value={v.id}>
                <Accordion.Control>
                  Wersja {v.versionNo} z {dateOrDash(v.drawnUpOn)} {v.isCurrent ? '(aktualna)' : ''} — {v.authorName ?? ''}
                </Accordion.Control>
                <Accordion.Panel>
                  {v.changeNote && <Text size="sm">Powód aktualizacji: {v.changeNote}</Text>}
                  {v.diff.length > 0 && (
                    <Stack gap={2} my="xs" data-testid={`plan-diff-${v.versionNo}`}>
                      <Text fw={600} size="sm">
                        Co się zmieniło
                      </Text>
                      {v.diff.map((d, i) => (
                        <Text size="sm" key={i}>
                          • {d.text}
                        </Text>
                      ))}
                    </Stack>
                  )}
                  <PlanView v={v} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </Stack>
  );
}

function areaLabel(code: string | null): string {
  return code ? (ASSESSMENT_AREAS.find((a) => a.code === code)?.label ?? code) : '—';
}

function PlanView({ v }: { v: Version }) {
  return (
    <Paper withBorder p="md" data-testid={`plan-view-${v.versionNo}`}>
      <Text fw={600}>
        Plan pracy — wersja {v.versionNo} z {dateOrDash(v.drawnUpOn)}
      </Text>
      {v.mainGoal && <Text size="sm">Cel główny: {v.mainGoal}</Text>}
      {v.goals.map((g, gi) => (
        <Stack key={g.id} gap={2} mt="xs">
          <Text fw={600} size="sm">
            Cel {gi + 1}: {g.title} <Badge size="xs" variant="light">{areaLabel(g.areaCode)}</Badge>
          </Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Działanie</Table.Th>
                <Table.Th>Kto</Table.Th>
                <Table.Th>Termin</Table.Th>
                <Table.Th>Oczekiwany efekt</Table.Th>
                <Table.Th>Stan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.description}</Table.Td>
                  <Table.Td>
                    {a.responsible} ({WHO[a.responsibleKind]})
                  </Table.Td>
                  <Table.Td>{dateOrDash(a.dueDate)}</Table.Td>
                  <Table.Td>{a.expectedEffect}</Table.Td>
                  <Table.Td>
                    {STATUSES[a.status]}
                    {a.evidence ? ` — ${a.evidence}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      <Text size="sm" mt="xs">
        Konsultacja z pracownikiem socjalnym: {v.consultedWithSocialWorker ? `tak${v.consultation.on ? `, ${dateOrDash(v.consultation.on)}` : ''}${v.consultation.socialWorkerName ? `, ${v.consultation.socialWorkerName}` : ''}` : 'nie'}
      </Text>
      {v.childInFosterCare && (
        <Text size="sm">
          Koordynacja z koordynatorem pieczy zastępczej: {v.coordinatedWithFosterCareCoordinator ? 'tak' : 'nie'}
          {v.krpz.length > 0 ? ` (${v.krpz.map((k) => `${k.name} — ${k.child}`).join('; ')})` : ''}
        </Text>
      )}
    </Paper>
  );
}

function PlanForm({
  caseId,
  current,
  onSaved,
  onCancel,
  onReload,
}: {
  caseId: string;
  current: Current;
  onSaved: (versionNo: number) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const [s, setS] = useState<PlanState>(() => fromVersion(current.plan, current.suggestedAreas));
  const { engaged, engage, bind } = useEngagement();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const draft = useDraft(`plan:${caseId}`, s);
  const basedOnVersion = current.plan?.versionNo ?? null;

  const live = useMemo(() => {
    if (!isIso(s.drawnUpOn)) return [];
    try {
      const own = validateWorkPlan({
        drawnUpOn: s.drawnUpOn,
        goals: s.goals.map((g) => ({
          title: g.title,
          actions: g.actions.map((a) => ({ description: a.description, responsible: a.responsible, dueDate: isIso(a.dueDate) ? a.dueDate : undefined, expectedEffect: a.expectedEffect })),
        })),
        childInFosterCare: current.childInFosterCare,
        coordinatedWithFosterCareCoordinator: s.coordinatedWithFosterCareCoordinator,
        consultedWithSocialWorker: s.consultedWithSocialWorker,
      });
      // Art. 15 ust. 1 pkt 2: the KRPZ must be named in the registry (checked by the main process).
      return [...current.fosterCareCoordinators.findings, ...own];
    } catch {
      return [];
    }
  }, [s, current.childInFosterCare, current.fosterCareCoordinators]);

  // Any edit hides the last refusal: the live findings take over again.
  const edit = (fn: (p: PlanState) => PlanState) => {
    setRefusal(null);
    setS(fn);
  };
  const set = <K extends keyof PlanState>(k: K, v: PlanState[K]) => edit((p) => ({ ...p, [k]: v }));
  const setGoal = (gi: number, patch: Partial<GoalState>) => edit((p) => ({ ...p, goals: p.goals.map((g, i) => (i === gi ? { ...g, ...patch } : g)) }));
  const setAction = (gi: number, ai: number, patch: Partial<ActionState>) =>
    edit((p) => ({ ...p, goals: p.goals.map((g, i) => (i === gi ? { ...g, actions: g.actions.map((a, j) => (j === ai ? { ...a, ...patch } : a)) } : g)) }));

  async function save() {
    engage();
    setSaving(true);
    setRefusal(null);
    try {
      const r = await call('plans:save', {
        caseId,
        basedOnVersion,
        drawnUpOn: s.drawnUpOn,
        mainGoal: s.mainGoal,
        goals: s.goals.map((g) => ({
          id: g.id,
          title: g.title,
          areaCode: g.areaCode || null,
          actions: g.actions.map((a) => ({ ...a, dueDate: a.dueDate || null })),
        })),
        consultedWithSocialWorker: s.consultedWithSocialWorker,
        consultation: { on: s.consultationOn || null, socialWorkerName: s.socialWorkerName, note: s.consultationNote },
        coordinatedWithFosterCareCoordinator: s.coordinatedWithFosterCareCoordinator,
        krpzCoordination: s.krpzCoordination,
        risks: s.risks,
        reviewOn: s.reviewOn || null,
        changeNote: s.changeNote,
      } as never);
      await draft.clear();
      onSaved(r.plan.versionNo);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setSaving(false);
    }
  }

  const areaOptions = [{ value: '', label: '— bez obszaru —' }, ...ASSESSMENT_AREAS.map((a) => ({ value: a.code, label: a.label }))];

  return (
    <Paper withBorder p="lg" data-testid="plan-form" {...bind}>
      <Stack gap="md">
        <DraftFormHeader title={basedOnVersion ? `Aktualizacja planu pracy (na podstawie wersji ${basedOnVersion})` : 'Nowy plan pracy'} draft={draft} onRestore={setS} />
        {current.suggestedAreas.length > 0 && (
          <Alert color="blue" variant="light" title="Podpowiedź: najniżej ocenione obszary">
            <Group gap="xs">
              {current.suggestedAreas.map((a) => (
                <Button
                  key={a.code}
                  size="compact-xs"
                  variant="light"
                  onClick={() => setS((p) => ({ ...p, goals: [...p.goals, { title: '', areaCode: a.code, actions: [emptyAction()] }] }))}
                >
                  + cel: {a.label} ({a.rating})
                </Button>
              ))}
            </Group>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Data sporządzenia planu" required value={s.drawnUpOn} onChange={(v) => set('drawnUpOn', v)} />
          <DateField label="Termin przeglądu planu" value={s.reviewOn} onChange={(v) => set('reviewOn', v)} />
        </SimpleGrid>
        <Textarea label="Cel główny" autosize minRows={1} value={s.mainGoal} onChange={(e) => set('mainGoal', e.currentTarget.value)} />

        {s.goals.map((g, gi) => (
          <Paper key={gi} withBorder p="sm" bg="gray.0">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={700}>Cel {gi + 1}</Text>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setS((p) => ({ ...p, goals: p.goals.filter((_, i) => i !== gi) }))}>
                  Usuń cel {gi + 1}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={`Cel ${gi + 1} — treść`} required value={g.title} onChange={(e) => setGoal(gi, { title: e.currentTarget.value })} />
                <NativeSelect label={`Cel ${gi + 1} — obszar oceny`} data={areaOptions} value={g.areaCode} onChange={(e) => setGoal(gi, { areaCode: e.currentTarget.value })} />
              </SimpleGrid>
              {g.actions.map((a, ai) => {
                const n = `(cel ${gi + 1}, działanie ${ai + 1})`;
                return (
                  <Paper key={ai} withBorder p="xs">
                    <SimpleGrid cols={{ base: 1, sm: 3 }}>
                      <TextInput label={`Opis działania ${n}`} required value={a.description} onChange={(e) => setAction(gi, ai, { description: e.currentTarget.value })} />
                      <NativeSelect
                        label={`Kto realizuje ${n}`}
                        data={Object.entries(WHO).map(([value, label]) => ({ value, label }))}
                        value={a.responsibleKind}
                        onChange={(e) => setAction(gi, ai, { responsibleKind: e.currentTarget.value as ActionState['responsibleKind'] })}
                      />
                      <TextInput label={`Odpowiedzialny (imię, instytucja) ${n}`} required value={a.responsible} onChange={(e) => setAction(gi, ai, { responsible: e.currentTarget.value })} />
                      <DateField label={`Termin realizacji ${n}`} required value={a.dueDate} onChange={(v) => setAction(gi, ai, { dueDate: v })} />
                      <TextInput label={`Oczekiwany efekt ${n}`} required value={a.expectedEffect} onChange={(e) => setAction(gi, ai, { expectedEffect: e.currentTarget.value })} />
                      <NativeSelect
                        label={`Stan realizacji ${n}`}
                        data={Object.entries(STATUSES).map(([value, label]) => ({ value, label }))}
                        value={a.status}
                        onChange={(e) => setAction(gi, ai, { status: e.currentTarget.value as ActionState['status'] })}
                      />
                    </SimpleGrid>
                    <Group align="flex-end" mt={4}>
                      <TextInput style={{ flex: 1 }} label={`Potwierdzenie realizacji ${n}`} value={a.evidence} onChange={(e) => setAction(gi, ai, { evidence: e.currentTarget.value })} />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Usuń działanie ${n}`}
                        onClick={() => setGoal(gi, { actions: g.actions.filter((_, j) => j !== ai) })}
                      >
                        ✕
                      </ActionIcon>
                    </Group>
                  </Paper>
                );
              })}
              <Button size="xs" variant="light" onClick={() => setGoal(gi, { actions: [...g.actions, emptyAction()] })}>
                Dodaj działanie do celu {gi + 1}
              </Button>
            </Stack>
          </Paper>
        ))}
        <Button variant="default" onClick={() => setS((p) => ({ ...p, goals: [...p.goals, { title: '', areaCode: '', actions: [emptyAction()] }] }))}>
          Dodaj cel
        </Button>

        <Checkbox label="Plan skonsultowano z pracownikiem socjalnym (art. 15 ust. 1 pkt 1)" checked={s.consultedWithSocialWorker} onChange={(e) => set('consultedWithSocialWorker', e.currentTarget.checked)} />
        {s.consultedWithSocialWorker && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label="Data konsultacji" value={s.consultationOn} onChange={(v) => set('consultationOn', v)} />
            <TextInput label="Pracownik socjalny" value={s.socialWorkerName} onChange={(e) => set('socialWorkerName', e.currentTarget.value)} />
            <TextInput label="Uwagi z konsultacji" value={s.consultationNote} onChange={(e) => set('consultationNote', e.currentTarget.value)} />
          </SimpleGrid>
        )}
        <Checkbox
          label="Plan skoordynowano z koordynatorem rodzinnej pieczy zastępczej i planem pomocy dziecku (art. 15 ust. 1 pkt 2)"
          checked={s.coordinatedWithFosterCareCoordinator}
          onChange={(e) => set('coordinatedWithFosterCareCoordinator', e.currentTarget.checked)}
        />
        {current.fosterCareCoordinators.krpz.length > 0 && (
          <Text size="sm" data-testid="plan-krpz">
            Koordynator rodzinnej pieczy zastępczej (z danych rodziny): {current.fosterCareCoordinators.krpz.map((k) => `${k.name} — ${k.child}`).join('; ')}
          </Text>
        )}
        {(current.childInFosterCare || s.coordinatedWithFosterCareCoordinator) && (
          <Textarea label="Koordynacja z KRPZ / planem pomocy dziecku" autosize minRows={1} value={s.krpzCoordination} onChange={(e) => set('krpzCoordination', e.currentTarget.value)} />
        )}
        <Textarea label="Ryzyka" autosize minRows={1} value={s.risks} onChange={(e) => set('risks', e.currentTarget.value)} />
        {basedOnVersion && <Textarea label="Powód aktualizacji" autosize minRows={1} value={s.changeNote} onChange={(e) => set('changeNote', e.currentTarget.value)} />}

        {!refusal && <LiveFindings findings={live} engaged={engaged} title="Sprawdzenie planu (na bieżąco)" testId="plan-live-findings" />}
        <RefusalAlert refusal={refusal} title="Plan nie został zapisany" testId="plan-refusal" />
        {refusal?.code === 'STALE_EDIT' && (
          <Button variant="light" onClick={onReload}>
            Wczytaj aktualną wersję planu
          </Button>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            Zapisz plan
          </Button>
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

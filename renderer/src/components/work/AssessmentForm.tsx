/**
 * The assessment grid (initial / periodic / final; domain.md §5.3): every area rated −3…+2 with a
 * justification, or "nie oceniono" with a reason; the previous rating beside each area; strengths,
 * resources, per-child observations, the family's view, the recommendation; the distribution list
 * with the KRPZ warning; live findings of validateAssessment and the server's refusal. Autosaved
 * as a draft (drafts:save) and offered back on the next open.
 */
import { Alert, Badge, Button, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import {
  ASSESSMENT_AREAS,
  ASSESSMENT_AREA_DETAILS,
  checkAssessmentRecord,
  latestNextAssessmentOn,
  planInForce,
  RATING_LABELS,
  validateAssessment,
  type Rating,
} from '../../../../shared/rules';
import { RECOMMENDATIONS } from '../../../../shared/workSchemas';
import { call } from '../../api';
import {
  DraftFormHeader,
  FindingsList,
  isIso,
  KIND_TITLES,
  ratingText,
  refusalOf,
  RefusalAlert,
  todayIso,
  useDraft,
  type Refusal,
} from './common';
import { LiveFindings, useEngagement } from '../registry/Findings';
import { DateField } from '../DateField';

type Kind = 'initial' | 'periodic' | 'final';
type Prepared = ChannelOutput<'assessments:prepare'>;
type Saved = ChannelOutput<'assessments:create'>;

interface AreaState {
  /** '-3'…'2' or 'na' (nie oceniono) or '' (not chosen yet). */
  choice: string;
  justification: string;
  reason: string;
}

interface FormState {
  assessedOn: string;
  periodFrom: string;
  periodTo: string;
  areas: Record<string, AreaState>;
  strengths: string;
  resources: string;
  children: Array<{ memberId: string | null; name: string; observations: string }>;
  familyView: string;
  cooperation: string;
  recommendation: string;
  recommendationNote: string;
  /** Goal id -> '' (not chosen) | achieved | partly | not-achieved, with the evidence. */
  goals: Record<string, { status: string; evidence: string }>;
  nextAssessmentOn: string;
  monitoringPlan: string;
}

const GOAL_STATUSES = [
  { value: '', label: '— wybierz —' },
  { value: 'achieved', label: 'osiągnięty' },
  { value: 'partly', label: 'osiągnięty częściowo' },
  { value: 'not-achieved', label: 'nieosiągnięty' },
];

const RATING_OPTIONS = ([-3, -2, -1, 0, 1, 2] as const).map((r) => ({ value: String(r), label: ratingText(r) }));
const CHOICES = [...RATING_OPTIONS, { value: 'na', label: 'nie oceniono' }];

function emptyState(children: FormState['children'], kind: Kind): FormState {
  const areas: Record<string, AreaState> = {};
  for (const a of ASSESSMENT_AREAS) areas[a.code] = { choice: '', justification: '', reason: '' };
  return {
    assessedOn: todayIso(),
    periodFrom: '',
    periodTo: '',
    areas,
    strengths: '',
    resources: '',
    children,
    familyView: '',
    cooperation: '',
    recommendation: kind === 'final' ? 'close' : 'continue',
    recommendationNote: '',
    goals: {},
    nextAssessmentOn: '',
    monitoringPlan: '',
  };
}

function toAreas(s: FormState) {
  const out: Record<string, { rating: number; justification: string } | { notAssessedReason: string }> = {};
  for (const [code, a] of Object.entries(s.areas)) {
    if (a.choice === 'na') out[code] = { notAssessedReason: a.reason };
    else if (a.choice !== '') out[code] = { rating: Number(a.choice), justification: a.justification };
  }
  return out;
}

export function AssessmentForm({
  caseId,
  familyId,
  kind,
  onSaved,
  onCancel,
}: {
  caseId: string;
  familyId: string;
  kind: Kind;
  onSaved: (r: Saved) => void;
  onCancel: () => void;
}) {
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [state, setState] = useState<FormState>(() => emptyState([], kind));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { engaged, engage, bind } = useEngagement();
  const [saving, setSaving] = useState(false);
  const draft = useDraft(`assessment:${caseId}:${kind}`, state);

  useEffect(() => {
    let alive = true;
    void call('assessments:prepare', { caseId, kind })
      .then((p) => {
        if (!alive) return;
        setPrepared(p);
        // Defaults from the case file: the period from the previous assessment (periodic) or the
        // assignment (final); the next assessment six months ahead (art. 15 ust. 1 pkt 15).
        setState((s) => ({
          ...s,
          periodFrom: s.periodFrom || p.record.periodFrom || '',
          nextAssessmentOn: s.nextAssessmentOn || (kind === 'periodic' ? (p.record.nextAssessmentLatest ?? '') : ''),
        }));
      })
      .catch((e) => alive && setRefusal(refusalOf(e)));
    void call('families:get', { id: familyId })
      .then((f) => {
        if (!alive) return;
        const kids = f.members.filter((m) => m.isChild).map((m) => ({ memberId: m.id, name: `${m.firstName} ${m.lastName}`.trim(), observations: '' }));
        setState((s) => (s.children.length === 0 ? { ...s, children: kids } : s));
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [caseId, familyId, kind]);

  const record = prepared?.record ?? null;
  const plan = record && isIso(state.assessedOn) ? planInForce(record.plans, state.assessedOn) : null;
  const goalAttainment = (plan?.goals ?? [])
    .filter((g) => state.goals[g.id]?.status)
    .map((g) => ({ goalId: g.id, goal: g.title, status: state.goals[g.id]!.status as 'achieved' | 'partly' | 'not-achieved', evidence: state.goals[g.id]!.evidence }));
  const live = useMemo(() => {
    if (!isIso(state.assessedOn)) return [];
    const content = validateAssessment({ kind, assessedOn: state.assessedOn, areas: toAreas(state) as never });
    const consistency = record
      ? checkAssessmentRecord({
          assessment: {
            kind,
            assessedOn: state.assessedOn,
            periodFrom: state.periodFrom || null,
            periodTo: state.periodTo || null,
            goalAttainment,
            nextAssessmentOn: state.nextAssessmentOn || null,
            recommendationNote: state.recommendationNote,
            monitoringPlan: state.monitoringPlan,
          },
          plans: record.plans,
          previousAssessedOn: record.previousAssessedOn,
          assignedOn: record.assignedOn,
          closedOn: record.closedOn,
        })
      : [];
    return [...content, ...consistency];
    // goalAttainment is derived from state and record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, kind, record]);

  const setArea = (code: string, patch: Partial<AreaState>) => {
    setRefusal(null);
    setState((s) => ({ ...s, areas: { ...s.areas, [code]: { ...s.areas[code]!, ...patch } } }));
  };
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setRefusal(null);
    setState((s) => ({ ...s, [k]: v }));
  };

  async function save() {
    engage();
    setSaving(true);
    setRefusal(null);
    try {
      const r = await call('assessments:create', {
        caseId,
        kind,
        assessedOn: state.assessedOn,
        periodFrom: state.periodFrom || null,
        periodTo: state.periodTo || null,
        areas: toAreas(state) as never,
        strengths: state.strengths,
        resources: state.resources,
        children: state.children.filter((c) => c.name.trim() !== ''),
        familyView: state.familyView,
        cooperation: state.cooperation,
        recommendation: state.recommendation as never,
        recommendationNote: state.recommendationNote,
        goalAttainment,
        nextAssessmentOn: kind === 'periodic' ? state.nextAssessmentOn || null : null,
        monitoringPlan: kind === 'final' ? state.monitoringPlan : '',
      } as never);
      await draft.clear();
      onSaved(r);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setSaving(false);
    }
  }

  const previous = prepared?.previous ?? null;
  const distribution = prepared?.distribution ?? null;
  const [carried, setCarried] = useState(false);
  const untouchedAreas = ASSESSMENT_AREAS.filter((a) => state.areas[a.code]?.choice === '').length;
  /**
   * A periodic or final assessment usually starts from the previous one: the areas not chosen yet
   * take its ratings and justifications (or its reasons for no rating); the assistant then changes
   * what has changed. Areas already chosen on this form are left as they are.
   */
  const carryOver = () => {
    if (!previous) return;
    setRefusal(null);
    setState((s) => {
      const areas = { ...s.areas };
      for (const { code } of ASSESSMENT_AREAS) {
        const prev = previous.areas[code];
        if (!prev || areas[code]!.choice !== '') continue;
        areas[code] =
          'rating' in prev
            ? { choice: String(prev.rating), justification: prev.justification, reason: '' }
            : { choice: 'na', justification: '', reason: prev.notAssessedReason };
      }
      return { ...s, areas };
    });
    setCarried(true);
  };

  return (
    <Paper withBorder p="lg" data-testid="assessment-form" {...bind}>
      <Stack gap="md">
        <DraftFormHeader title={`${KIND_TITLES[kind]} — nowa`} draft={draft} onRestore={(d) => setState((s) => ({ ...emptyState(s.children, kind), ...d }))} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Data oceny" required value={state.assessedOn} onChange={(v) => set('assessedOn', v)} />
          <DateField label="Okres oceny od" value={state.periodFrom} onChange={(v) => set('periodFrom', v)} />
          <DateField label="Okres oceny do" value={state.periodTo} onChange={(v) => set('periodTo', v)} />
        </SimpleGrid>
        {previous && (
          <Text size="sm" c="dimmed">
            Obok każdego obszaru: ocena z poprzedniej oceny ({KIND_TITLES[previous.kind].toLowerCase()} z {previous.assessedOn.split('-').reverse().join('.')}).
          </Text>
        )}
        {previous && !carried && untouchedAreas > 0 && (
          <Group>
            <Button variant="light" onClick={carryOver}>
              Przenieś oceny z poprzedniej oceny
            </Button>
          </Group>
        )}
        {carried && (
          <Alert color="blue" role="status" data-testid="assessment-carried">
            Przeniesiono oceny i uzasadnienia z poprzedniej oceny. Sprawdź każdy obszar i zmień to, co się zmieniło od tamtej oceny.
          </Alert>
        )}
        <Text size="sm">Skala: −3 poważny problem · −2 umiarkowany problem · −1 niewielki problem · 0 poziom wystarczający · +1 umiarkowana mocna strona · +2 wyraźna mocna strona.</Text>

        {ASSESSMENT_AREAS.map((a) => {
          const st = state.areas[a.code]!;
          const prev = previous?.areas[a.code];
          const prevText = !previous ? null : prev && 'rating' in prev ? `${ratingText(prev.rating)} (${RATING_LABELS[prev.rating as Rating] ?? ''})` : 'nie oceniono';
          return (
            <fieldset key={a.code} className="work-area" aria-label={a.label} data-testid={`area-${a.code}`}>
              <legend>
                <Text fw={600}>{a.label}</Text>
              </legend>
              <Text size="xs" c="dimmed">
                np. {ASSESSMENT_AREA_DETAILS[a.code]?.examples}
              </Text>
              <Group gap="sm" mt={4} wrap="wrap">
                <SegmentedControl
                  data={CHOICES}
                  value={st.choice}
                  onChange={(v) => setArea(a.code, { choice: v })}
                  size="xs"
                  aria-label={`Ocena: ${a.label}`}
                />
                {st.choice !== '' && st.choice !== 'na' && <Badge variant="light">{RATING_LABELS[Number(st.choice) as Rating]}</Badge>}
                {prevText && (
                  <Text size="sm" c="dimmed" data-testid={`previous-${a.code}`}>
                    Poprzednio: {prevText}
                  </Text>
                )}
              </Group>
              {st.choice === 'na' ? (
                <TextInput
                  mt={4}
                  label={`Powód braku oceny — ${a.label}`}
                  required
                  value={st.reason}
                  onChange={(e) => setArea(a.code, { reason: e.currentTarget.value })}
                />
              ) : (
                <Textarea
                  mt={4}
                  label={`Uzasadnienie — ${a.label}`}
                  required={st.choice !== ''}
                  autosize
                  minRows={1}
                  value={st.justification}
                  onChange={(e) => setArea(a.code, { justification: e.currentTarget.value })}
                />
              )}
            </fieldset>
          );
        })}

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label="Mocne strony rodziny" autosize minRows={2} value={state.strengths} onChange={(e) => set('strengths', e.currentTarget.value)} />
          <Textarea label="Zasoby rodziny" autosize minRows={2} value={state.resources} onChange={(e) => set('resources', e.currentTarget.value)} />
        </SimpleGrid>

        <Stack gap="xs">
          <Text fw={600}>Obserwacje dotyczące dzieci</Text>
          {state.children.map((c, i) => (
            <Textarea
              key={c.memberId ?? i}
              label={`Obserwacje — ${c.name || `dziecko ${i + 1}`}`}
              autosize
              minRows={1}
              value={c.observations}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setState((s) => ({ ...s, children: s.children.map((x, j) => (j === i ? { ...x, observations: v } : x)) }));
              }}
            />
          ))}
          {state.children.length === 0 && (
            <Text size="sm" c="dimmed">
              W rodzinie nie zapisano dzieci.
            </Text>
          )}
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label="Opinia rodziny (jak rodzina widzi swoją sytuację)" autosize minRows={2} value={state.familyView} onChange={(e) => set('familyView', e.currentTarget.value)} />
          <Textarea label="Współpraca rodziny z asystentem" autosize minRows={2} value={state.cooperation} onChange={(e) => set('cooperation', e.currentTarget.value)} />
        </SimpleGrid>
        {kind !== 'initial' && (
          <Stack gap="xs" data-testid="goal-attainment">
            <Text fw={600}>
              Realizacja celów planu pracy
              {plan ? ` (plan w wersji ${plan.versionNo} z ${plan.drawnUpOn.split('-').reverse().join('.')})` : ''}
            </Text>
            {plan && plan.goals.length > 0 ? (
              plan.goals.map((g, i) => {
                const st = state.goals[g.id] ?? { status: '', evidence: '' };
                const setGoal = (patch: Partial<{ status: string; evidence: string }>) => set('goals', { ...state.goals, [g.id]: { ...st, ...patch } });
                return (
                  <SimpleGrid key={g.id} cols={{ base: 1, sm: 2 }}>
                    <NativeSelect
                      label={`Cel ${i + 1}: ${g.title}`}
                      required
                      data={GOAL_STATUSES}
                      value={st.status}
                      onChange={(e) => setGoal({ status: e.currentTarget.value })}
                    />
                    <Textarea label={`Uzasadnienie — cel ${i + 1}`} autosize minRows={1} value={st.evidence} onChange={(e) => setGoal({ evidence: e.currentTarget.value })} />
                  </SimpleGrid>
                );
              })
            ) : (
              <Text size="sm" c="dimmed">
                W dniu oceny nie obowiązywał plan pracy — nie ma celów do oceny.
              </Text>
            )}
          </Stack>
        )}
        {kind === 'periodic' && (
          <DateField
            label="Termin kolejnej oceny (nie później niż 6 miesięcy od oceny)"
            required
            value={state.nextAssessmentOn}
            max={isIso(state.assessedOn) ? latestNextAssessmentOn(state.assessedOn) : undefined}
            onChange={(v) => set('nextAssessmentOn', v)}
          />
        )}
        {kind === 'final' && (
          <Textarea
            label="Zalecenia, w tym plan monitorowania rodziny po zakończeniu pracy (okres i forma)"
            required
            autosize
            minRows={2}
            value={state.monitoringPlan}
            onChange={(e) => set('monitoringPlan', e.currentTarget.value)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Rekomendacja"
            required
            data={Object.entries(RECOMMENDATIONS).map(([value, label]) => ({ value, label }))}
            value={state.recommendation}
            onChange={(e) => set('recommendation', e.currentTarget.value)}
          />
          <Textarea label="Uzasadnienie rekomendacji" required={kind === 'final'} autosize minRows={1} value={state.recommendationNote} onChange={(e) => set('recommendationNote', e.currentTarget.value)} />
        </SimpleGrid>

        {distribution && (
          <Stack gap={4} data-testid="distribution">
            <Text fw={600}>Rozdzielnik</Text>
            {distribution.recipients.map((r, i) => (
              <Text size="sm" key={i}>
                {r.role === 'head' ? 'Kierownik' : r.role === 'social-worker' ? 'Pracownik socjalny' : 'Koordynator rodzinnej pieczy zastępczej'}: {r.name}
                {r.child ? ` (dziecko: ${r.child})` : ''} {r.address ? `— ${r.address}` : '— brak adresu'}
              </Text>
            ))}
            <FindingsList findings={distribution.findings} />
          </Stack>
        )}
        {prepared && prepared.findings.length > 0 && <FindingsList findings={prepared.findings} />}

        {!refusal && <LiveFindings findings={live} engaged={engaged} title="Do uzupełnienia przed zapisem" testId="assessment-live-findings" />}
        <RefusalAlert refusal={refusal} title="Ocena nie została zapisana" testId="assessment-refusal" />
        {refusal === null && live.length === 0 && (
          <Alert color="green" variant="light" role="status">
            Wszystkie obszary są ocenione albo mają powód braku oceny{kind === 'initial' ? '' : ', a cele planu — ocenione'}.
          </Alert>
        )}
        <Group>
          <Button onClick={() => void save()} loading={saving}>
            Zapisz ocenę
          </Button>
          <Button variant="default" onClick={onCancel}>
            Anuluj
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

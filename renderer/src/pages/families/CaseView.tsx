import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { FindingsList } from '../../components/registry/Findings';
import { HistoryTable } from '../../components/registry/HistoryTable';
import { closureReasonLabel, dateOrDash, sourceLabel, TRACK_SHORT } from '../../components/registry/labels';
import { hasForm, TransitionForm } from '../../components/registry/TransitionForm';
import { MaskedZzDocuments, ZzVerifyForm, ZzDocumentsSummary } from '../../components/registry/ZzForms';
import { ZA_ZYCIEM_CATEGORIES } from '../../../../shared/rules';
import { href } from './nav';
import { CaseWorkPanel } from '../../components/work/CaseWorkPanel';
import { AdvanceActionDialog, isAdvanceAction } from '../../components/work/AdvanceAction';
import { CaseDocuments } from '../../components/documents/CaseDocuments';
import { NextStepCard } from '../../components/registry/NextStepCard';
import { useSession } from '../../session';
import type { WorkRequest } from '../../components/work/CaseWorkPanel';

type CaseDetail = ChannelOutput<'cases:get'>;
type Transition = CaseDetail['availableTransitions'][number];

/** Done in the "Praca z rodziną" panel, with their documents (assessment, plan, closure). */
const WORK_PANEL_ACTIONS = new Set(['startInitialAssessment', 'adoptPlan', 'close', 'archive']);

/** Actions that end the case (or refuse the family): offered last, after the usual path. */
export function endsCase(t: { to: string; action: string }): boolean {
  return t.to === 'ZAMKNIETA' || t.action === 'close';
}

/** The usual path first (the next step's own action at the top), closing and refusing last. */
export function orderActions<T extends { to: string; action: string }>(list: ReadonlyArray<T>, nextAction: string | null): T[] {
  const rank = (t: T) => (t.action === nextAction ? 0 : endsCase(t) ? 2 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b));
}

const CONSENT_LABELS = {
  'written-consent': 'pisemna zgoda rodziny',
  'court-order': 'postanowienie sądu',
  'art-11-1a': 'art. 11 ust. 1a (przydzielenie obowiązkowe)',
} as const;

export function CaseView({ caseId }: { caseId: string }) {
  const { user, isAdmin } = useSession();
  const [c, setC] = useState<CaseDetail | null>(null);
  // "Następny krok" asks the work panel to open a tab and its form (a new object each time).
  const [workRequest, setWorkRequest] = useState<WorkRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Transition | null>(null);
  const [advance, setAdvance] = useState<Transition | null>(null);
  // A success note belongs to the version of the case it was made at: once the case moves on (here
  // or in "Praca z rodziną"), it goes, instead of telling a state the case is no longer in.
  const [done, setDoneState] = useState<{ text: string; version: number | null } | null>(null);
  const setDone = useCallback((text: string | null, version: number | null = null) => setDoneState(text ? { text, version } : null), []);
  // Bumped on every reload of the case (also after work in the panel): the documents list follows.
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      const next = await call('cases:get', { id: caseId });
      setC(next);
      setDoneState((d) => (d && d.version === null ? { ...d, version: next.version } : d));
      setRevision((r) => r + 1);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!c) {
    return (
      <>
        <PageTitle>Sprawa</PageTitle>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : (
          <Loader aria-label="Wczytywanie sprawy" />
        )}
      </>
    );
  }

  const transitions = c.availableTransitions;
  const step = c.nextStep;
  const stepAction = step?.target.kind === 'transition' ? step.target.action : null;
  // The initial assessment, the plan and closure are done in the "Praca z rodziną" panel below
  // (they need their documents), not as bare state changes here.
  const implemented = orderActions(
    transitions.filter((t) => t.implemented && !WORK_PANEL_ACTIONS.has(t.action)),
    stepAction,
  );
  const later = transitions.filter((t) => !t.implemented);
  const canEditWork = isAdmin || (user.role === 'assistant' && c.assistantId === user.id);
  const startAction = (t: Transition) => {
    setDone(null);
    if (isAdvanceAction(t.action)) setAdvance(t);
    else setOpen(t);
  };
  // The next step's button: its action's dialog, or the tab of "Praca z rodziną" with its form.
  const stepTransition = stepAction ? transitions.find((t) => t.action === stepAction && t.implemented && t.allowed) : undefined;
  const stepCanOpen = !!step && (step.target.kind === 'work' ? canEditWork || step.target.tab === 'court' : !!stepTransition);
  const openStep = () => {
    if (!step) return;
    setDone(null);
    if (step.target.kind === 'work') setWorkRequest({ tab: step.target.tab, form: step.target.form });
    else if (stepTransition && WORK_PANEL_ACTIONS.has(stepTransition.action)) setWorkRequest({ tab: 'closure' });
    else if (stepTransition) startAction(stepTransition);
  };
  const courtOrder = c.courtOrder;
  const details = (c.details ?? {}) as {
    reportedBy?: string;
    description?: string;
    request?: { justification?: string; attachments?: string[] };
    consent?: { meetingPlace?: string; meetingFrequency?: string };
  };

  return (
    <>
      <PageTitle
        subtitle={
          <>
            Rodzina:{' '}
            <Anchor href={href.card(c.familyId)} fw={600}>
              {c.familyLabel}
            </Anchor>
          </>
        }
        right={
          <Button component="a" variant="default" href={href.card(c.familyId)}>
            Karta rodziny
          </Button>
        }
      >
        Sprawa {c.caseNumber}
      </PageTitle>

      <Paper withBorder p="lg">
        <Group gap="sm" mb="sm">
          <Text size="lg">
            Stan sprawy:{' '}
            <Text span fw={700} data-testid="case-state">
              {c.stateLabel}
            </Text>
          </Text>
          <Badge variant="light" color={c.track === 'za-zyciem' ? 'grape' : 'blue'}>
            {TRACK_SHORT[c.track]}
          </Badge>
          {c.urgent && <Badge color="red">pilne</Badge>}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Field label="Źródło" value={sourceLabel(c.track === 'za-zyciem' ? 'za-zyciem' : c.source)} />
          {c.track === 'general' && <Field label="Data powzięcia informacji" value={dateOrDash(c.learnedOn)} />}
          {c.track === 'general' && <Field label="Termin wywiadu środowiskowego (RWŚ)" value={dateOrDash(c.interviewDueOn)} testId="rws-due" />}
          {c.track === 'general' && <Field label="Wywiad przeprowadzono" value={dateOrDash(c.interviewOn)} />}
          {c.track === 'general' && (
            <Field
              label="Trudności opiekuńczo-wychowawcze"
              value={c.careDifficultiesFound === null ? '—' : c.careDifficultiesFound ? 'stwierdzono' : 'nie stwierdzono'}
            />
          )}
          {c.track === 'general' && <Field label="Wniosek o asystenta" value={dateOrDash(c.requestOn)} />}
          {c.track === 'za-zyciem' && (
            <Field label="Kategoria" value={c.zzCategory ? `${c.zzCategory} — ${ZA_ZYCIEM_CATEGORIES[c.zzCategory].label}` : '—'} />
          )}
          {c.track === 'za-zyciem' && <Field label="Data wpływu wniosku" value={dateOrDash(c.receivedOn)} />}
          {c.track === 'za-zyciem' && <Field label="Weryfikacja" value={dateOrDash(c.verifiedOn)} />}
          <Field label="Asystent rodziny" value={c.assistantName ?? 'nie przydzielono'} />
          <Field label="Przydzielono" value={dateOrDash(c.assignedOn)} />
          {c.forwardedTo && <Field label="Skierowano do" value={c.forwardedTo} />}
          <Field label="Podstawa pracy" value={c.consentBasis ? `${CONSENT_LABELS[c.consentBasis]}, ${dateOrDash(c.consentOn)}` : '—'} />
          {details.consent && (
            <Field
              label="Spotkania z asystentem"
              value={[details.consent.meetingPlace, details.consent.meetingFrequency ? `nie rzadziej niż ${details.consent.meetingFrequency}` : ''].filter(Boolean).join(', ')}
              testId="consent-meetings"
            />
          )}
          {courtOrder && <Field label="Postanowienie sądu" value={`${courtOrder.court}, ${courtOrder.caseRef}, ${dateOrDash(courtOrder.date)}`} />}
          {c.closedOn && (
            <Field
              label="Zamknięto"
              value={`${dateOrDash(c.closedOn)}${c.closureReason ? ` — ${closureReasonLabel(c.closureReason)}` : ''}`}
            />
          )}
        </SimpleGrid>
        {(details.reportedBy || details.description) && (
          <Stack gap={2} mt="sm">
            {details.reportedBy && <Text size="sm">Zgłaszający: {details.reportedBy}</Text>}
            {details.description && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {details.description}
              </Text>
            )}
          </Stack>
        )}
        {details.request && (
          <Stack gap={2} mt="sm" data-testid="request-details">
            <Text size="sm" fw={600}>
              Wniosek pracownika socjalnego o przydzielenie asystenta
            </Text>
            {details.request.justification && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Uzasadnienie: {details.request.justification}
              </Text>
            )}
            <Text size="sm">Załączniki: {details.request.attachments?.length ? details.request.attachments.join('; ') : 'brak'}</Text>
          </Stack>
        )}
        {c.track === 'za-zyciem' && c.zzDocuments && <ZzDocumentsSummary documents={c.zzDocuments} />}
        {c.track === 'za-zyciem' && !c.zzDocuments && c.zzDocumentsMasked && <MaskedZzDocuments caseId={c.id} />}
      </Paper>

      {step && <NextStepCard step={step} canOpen={stepCanOpen} onOpen={openStep} />}

      {c.reminders.length > 0 && (
        <Stack gap="xs" data-testid="case-reminders">
          <Title order={2} size="h4">
            Terminy i przypomnienia
          </Title>
          <FindingsList findings={c.reminders} />
        </Stack>
      )}

      {done && done.version === c.version && (
        <Alert color="green" role="status" withCloseButton closeButtonLabel="Zamknij" onClose={() => setDone(null)} data-testid="case-saved">
          {done.text}
        </Alert>
      )}

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Dostępne czynności
        </Title>
        {implemented.length === 0 && later.length === 0 && (
          <Text c="dimmed">
            {step ? 'Tu nie ma innych czynności w tym stanie sprawy — zobacz „Następny krok” powyżej i „Praca z rodziną” poniżej.' : 'Sprawa jest zamknięta — nie ma dalszych czynności.'}
          </Text>
        )}
        <Stack gap="sm">
          {implemented.map((t) => (
            <Stack key={t.action} gap={4}>
              <Group gap="sm">
                <Button
                  onClick={() => startAction(t)}
                  disabled={!t.allowed}
                  variant={endsCase(t) ? 'light' : t.action === stepAction ? 'filled' : 'default'}
                  color={endsCase(t) ? 'red' : undefined}
                >
                  {t.label}
                </Button>
                <Text size="sm" c="dimmed">
                  → {t.toLabel}
                </Text>
              </Group>
              {t.findings.some((f) => f.severity !== 'info') && <FindingsList findings={t.findings} hideInfo />}
            </Stack>
          ))}
          {later.length > 0 && (
            <Text size="sm" c="dimmed">
              W kolejnej wersji programu: {later.map((t) => t.label).join(', ')}.
            </Text>
          )}
        </Stack>
      </Paper>

      <CaseWorkPanel caseId={c.id} onCaseChanged={load} request={workRequest} />
      <CaseDocuments caseId={c.id} revision={revision} />

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Historia sprawy
        </Title>
        <HistoryTable entries={c.history} />
      </Paper>

      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.label ?? ''} size="lg" closeButtonProps={{ 'aria-label': 'Zamknij' }}>
        {open && open.action === 'verifyZz' && (
          <ZzVerifyForm
            caseDetail={c}
            onCancel={() => setOpen(null)}
            onDone={(next) => {
              setOpen(null);
              setC(next);
              setRevision((r) => r + 1);
              setDone(`Zapisano: ${open.label}. Stan sprawy: ${next.stateLabel}.`, next.version);
            }}
            onRefresh={() => {
              setOpen(null);
              void load();
            }}
          />
        )}
        {open && open.action !== 'verifyZz' && hasForm(open.action) && (
          <TransitionForm
            caseDetail={c}
            action={open.action}
            label={open.label}
            onCancel={() => setOpen(null)}
            onDone={(next) => {
              setOpen(null);
              setC(next);
              setRevision((r) => r + 1);
              setDone(`Zapisano: ${open.label}. Stan sprawy: ${next.stateLabel}.`, next.version);
            }}
            onRefresh={() => {
              setOpen(null);
              void load();
            }}
          />
        )}
        {open && open.action !== 'verifyZz' && !hasForm(open.action) && <Text c="dimmed">Tej czynności nie można jeszcze zapisać w tej wersji programu.</Text>}
      </Modal>
      {advance && isAdvanceAction(advance.action) && (
        <AdvanceActionDialog
          key={advance.action}
          caseId={c.id}
          version={c.version}
          action={advance.action}
          label={advance.label}
          opened
          onClose={() => setAdvance(null)}
          onDone={(message) => {
            setAdvance(null);
            setDone(message);
            void load();
          }}
        />
      )}
    </>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text data-testid={testId}>{value || '—'}</Text>
    </Stack>
  );
}

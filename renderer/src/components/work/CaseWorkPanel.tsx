/**
 * "Praca z rodziną" inside the case view (issue 4): assessments and the family's journey, the work
 * plan, the visit log, court requests / Za życiem catalogue / authorisations, closure and
 * monitoring. A separate component so the registry's case view only mounts it.
 */
import { Paper, Tabs, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { WorkForm, WorkTab } from '../../../../shared/rules/nextStep';
import { call } from '../../api';
import { useSession } from '../../session';
import { AssessmentsSection } from './AssessmentsSection';
import { ClosureSection } from './ClosureSection';
import { EntriesSection } from './EntriesSection';
import { AuthorisationsSection, CatalogueSection, CourtSection } from './OtherSections';
import { PlanSection } from './PlanSection';
import './work.css';

type CaseDetail = ChannelOutput<'cases:get'>;

const WORK_STATES = new Set([
  'PRZYDZIELONY',
  'PIERWSZY_KONTAKT',
  'ZGODA',
  'KONTAKT_I_ZGODA',
  'OCENA_WSTEPNA',
  'PLAN_PRACY',
  'REALIZACJA',
  'KATALOG_WSPARCIA',
  'KOORDYNACJA',
  'ZAWIESZENIE',
  'MONITORING',
  'ZAMKNIETA',
  'ARCHIWUM',
]);

/** "Następny krok" asks for a tab and, in it, a form to open (a new object each time it is asked). */
export interface WorkRequest {
  tab: WorkTab;
  form?: WorkForm;
}

export function CaseWorkPanel({ caseId, onCaseChanged, request }: { caseId: string; onCaseChanged?: () => unknown; request?: WorkRequest | null }) {
  const { user, isAdmin } = useSession();
  const [c, setC] = useState<CaseDetail | null>(null);
  const [tab, setTab] = useState<string | null>('assessments');
  const panel = useRef<HTMLDivElement>(null);
  // The form asked for by the latest request; a section opens it once when it mounts or it changes.
  const [asked, setAsked] = useState<{ form: WorkForm; request: WorkRequest } | null>(null);
  useEffect(() => {
    if (!request) return;
    setTab(request.tab);
    setAsked(request.form ? { form: request.form, request } : null);
    panel.current?.scrollIntoView({ block: 'start' });
  }, [request]);
  const ask = (form: WorkForm) => (asked?.form === form ? asked.request : null);

  const load = useCallback(async () => {
    try {
      setC(await call('cases:get', { id: caseId }));
    } catch {
      setC(null);
    }
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = useCallback(() => {
    void load();
    onCaseChanged?.();
  }, [load, onCaseChanged]);

  if (!c || !WORK_STATES.has(c.state) || c.assignedOn === null) return null;
  const canEdit = isAdmin || (user.role === 'assistant' && c.assistantId === user.id);
  const monitoring = c.state === 'MONITORING';
  const zz = c.track === 'za-zyciem';

  return (
    <Paper withBorder p="lg" data-testid="case-work" ref={panel}>
      <Title order={2} size="h4" mb="sm">
        Praca z rodziną
      </Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="assessments">Oceny sytuacji</Tabs.Tab>
          <Tabs.Tab value="plan">Plan pracy</Tabs.Tab>
          {canEdit && <Tabs.Tab value="entries">Dziennik wizyt</Tabs.Tab>}
          <Tabs.Tab value="court">Sąd</Tabs.Tab>
          {zz && <Tabs.Tab value="catalogue">Katalog „Za życiem”</Tabs.Tab>}
          <Tabs.Tab value="authorisations">Upoważnienia</Tabs.Tab>
          {canEdit && <Tabs.Tab value="closure">{monitoring ? 'Monitoring' : 'Zakończenie'}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="assessments">
          <AssessmentsSection
            caseId={c.id}
            familyId={c.familyId}
            caseLabel={`${c.familyLabel}, sprawa ${c.caseNumber}`}
            canEdit={canEdit && !monitoring}
            onCaseChanged={changed}
            openInitial={ask('initial-assessment')}
            openPeriodic={ask('periodic-assessment')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanSection caseId={c.id} canEdit={canEdit && !monitoring} onCaseChanged={changed} openEditor={ask('plan')} />
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="entries">
            <EntriesSection caseId={c.id} familyId={c.familyId} monitoring={monitoring} onCaseChanged={changed} openVisit={ask('visit')} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="court">
          <CourtSection caseId={c.id} canEdit={canEdit} />
        </Tabs.Panel>
        {zz && (
          <Tabs.Panel value="catalogue">
            <CatalogueSection caseId={c.id} canEdit={canEdit} onCaseChanged={changed} openNew={ask('catalogue-item')} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="authorisations">
          <AuthorisationsSection familyId={c.familyId} caseId={c.id} canEdit={canEdit} assistantId={c.assistantId} assistantName={c.assistantName} />
        </Tabs.Panel>
        {canEdit && (
          <Tabs.Panel value="closure">
            <ClosureSection c={c} isAdmin={isAdmin} onCaseChanged={changed} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Paper>
  );
}

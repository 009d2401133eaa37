/**
 * Zakończenie pracy z rodziną i monitoring: a reason from CLOSURE_REASONS, the live closure:check
 * findings (final assessment required, court-ordered cases not on resignation, temporary foster
 * care is no reason), after closing the monitoring end; "Wznów (nowa sprawa)" and, for the head,
 * the end of monitoring.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { CLOSURE_REASONS, type ClosureReasonCode } from '../../../../shared/rules';
import { call } from '../../api';
import { ClosingConfirmation, closingSentence, CLOSING_UNCONFIRMED } from '../registry/ClosingConfirmation';
import { useEngagement } from '../registry/Findings';
import { dateOrDash, FindingsList, isIso, refusalOf, RefusalAlert, todayIso, type FindingView, type Refusal } from './common';
import { DateField } from '../DateField';

type CaseDetail = ChannelOutput<'cases:get'>;
type Reason = ClosureReasonCode;

export function ClosureSection({ c, isAdmin, onCaseChanged }: { c: CaseDetail; isAdmin: boolean; onCaseChanged: () => void }) {
  const [monitoringEndsOn, setMonitoringEndsOn] = useState<string | null>(null);
  useEffect(() => {
    if (c.state !== 'MONITORING') return;
    let alive = true;
    void call(isAdmin ? 'deadlines:all' : 'deadlines:mine', {})
      .then((d) => {
        const item = [...d.overdue, ...d.dueSoon, ...d.upcoming].find((i) => i.kind === 'MONITORING_END' && i.caseId === c.id);
        if (alive && item) setMonitoringEndsOn(item.dueDate);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [c.id, c.state, isAdmin]);

  if (c.state === 'MONITORING' || c.state === 'ARCHIWUM' || c.state === 'ZAMKNIETA') {
    return <AfterClosure c={c} isAdmin={isAdmin} monitoringEndsOn={monitoringEndsOn} onCaseChanged={onCaseChanged} />;
  }
  return (
    <CloseForm
      c={c}
      onClosed={(endsOn) => {
        setMonitoringEndsOn(endsOn);
        onCaseChanged();
      }}
    />
  );
}

function CloseForm({ c, onClosed }: { c: CaseDetail; onClosed: (monitoringEndsOn: string) => void }) {
  const [reason, setReason] = useState<Reason>('CEL');
  const [on, setOn] = useState(todayIso());
  const [permanent, setPermanent] = useState(false);
  const [courtInformedOn, setCourtInformedOn] = useState('');
  const [months, setMonths] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [justification, setJustification] = useState('');
  const [check, setCheck] = useState<{ allowed: boolean; findings: FindingView[]; monitoringEndsOn: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const { engaged, engage, bind } = useEngagement();
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);

  const input = () => ({
    caseId: c.id,
    version: c.version,
    on,
    reason,
    permanentPlacementConfirmed: permanent,
    courtInformedOn: courtInformedOn || null,
    monitoringMonths: months === '' ? null : Number(months),
    reasonJustification: justification,
    note,
  });

  useEffect(() => {
    if (!isIso(on)) return;
    let alive = true;
    const t = window.setTimeout(() => {
      void call('closure:check', {
        caseId: c.id,
        version: c.version,
        on,
        reason,
        permanentPlacementConfirmed: permanent,
        courtInformedOn: courtInformedOn || null,
        monitoringMonths: months === '' ? null : Number(months),
        reasonJustification: justification,
        note: '',
      })
        .then((r) => alive && setCheck(r))
        .catch((e) => alive && setCheck({ allowed: false, findings: refusalOf(e).findings, monitoringEndsOn: '' }));
    }, 250);
    return () => {
      alive = false;
      window.clearTimeout(t);
    };
  }, [c.id, c.version, on, reason, permanent, courtInformedOn, months, justification]);

  // The final assessment speaks against the reason (records.ts): the reason needs a justification.
  const contested = justification !== '' || (check?.findings ?? []).some((f) => f.code === 'CLOSURE_REASON_CONTRADICTS_FINAL_ASSESSMENT' || f.code === 'CLOSURE_REASON_JUSTIFIED');

  async function close() {
    engage();
    if (!confirmed) {
      setUnconfirmed(true);
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const r = await call('closure:close', input());
      onClosed(r.monitoringEndsOn);
    } catch (e) {
      setRefusal(refusalOf(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="lg" data-testid="closure-form" {...bind}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Zakończ pracę z rodziną
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Przyczyna zakończenia"
            required
            data={CLOSURE_REASONS.map((r) => ({ value: r.code, label: r.label }))}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as Reason)}
          />
          <DateField label="Data zakończenia" required value={on} onChange={(v) => setOn(v)} />
        </SimpleGrid>
        {reason === 'PIECZA_BEZ_POWROTU' && (
          <Checkbox
            label="Potwierdzam trwałe umieszczenie dzieci poza rodziną bez perspektywy powrotu (czasowe umieszczenie w pieczy nie jest przyczyną zakończenia)"
            checked={permanent}
            onChange={(e) => setPermanent(e.currentTarget.checked)}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(c.consentBasis === 'court-order' || reason === 'SAD') && (
            <DateField label="Data poinformowania sądu" value={courtInformedOn} onChange={(v) => setCourtInformedOn(v)} />
          )}
          <NumberInput label="Monitoring (miesiące; puste = ustawienie ośrodka)" min={1} max={24} value={months} onChange={setMonths} />
        </SimpleGrid>
        {contested && (
          <Textarea
            label="Uzasadnienie przyczyny zakończenia (ocena końcowa wskazuje inaczej)"
            required
            autosize
            minRows={2}
            value={justification}
            onChange={(e) => setJustification(e.currentTarget.value)}
          />
        )}
        <Textarea label="Uwagi do zakończenia" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {check && (
          <div data-testid="closure-check">
            <FindingsList findings={check.findings} engaged={engaged} />
            {check.allowed && check.monitoringEndsOn && (
              <Text size="sm" mt={4}>
                Po zakończeniu monitoring potrwa do {dateOrDash(check.monitoringEndsOn)}.
              </Text>
            )}
          </div>
        )}
        <ClosingConfirmation
          sentence={closingSentence('close', c.caseNumber, c.familyNames)}
          checked={confirmed}
          onChange={(v) => {
            setConfirmed(v);
            setUnconfirmed(false);
          }}
          error={unconfirmed ? CLOSING_UNCONFIRMED : null}
        />
        <RefusalAlert refusal={refusal} title="Nie zakończono pracy z rodziną" testId="closure-refusal" />
        <Group>
          <Button color="red" onClick={() => void close()} loading={saving}>
            Zakończ pracę z rodziną
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function AfterClosure({ c, isAdmin, monitoringEndsOn, onCaseChanged }: { c: CaseDetail; isAdmin: boolean; monitoringEndsOn: string | null; onCaseChanged: () => void }) {
  const [reopened, setReopened] = useState<{ id: string; caseNumber: string } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [description, setDescription] = useState('');
  const [learnedOn, setLearnedOn] = useState(todayIso());
  const reason = CLOSURE_REASONS.find((r) => r.code === c.closureReason);

  async function reopen() {
    setRefusal(null);
    try {
      const r = await call('closure:reopen', { caseId: c.id, learnedOn, description });
      setReopened({ id: r.case.id, caseNumber: r.case.caseNumber });
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }
  async function endMonitoring() {
    setRefusal(null);
    try {
      await call('closure:endMonitoring', { caseId: c.id, version: c.version, on: todayIso() });
      onCaseChanged();
    } catch (e) {
      setRefusal(refusalOf(e));
    }
  }

  return (
    <Paper withBorder p="lg" data-testid="after-closure">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Praca z rodziną zakończona
        </Title>
        <Text>
          Zakończono {dateOrDash(c.closedOn)}
          {reason ? ` — ${reason.label}` : ''}.
        </Text>
        {c.state === 'MONITORING' && (
          <Alert color="blue" role="status" title="Monitoring">
            <Text data-testid="monitoring-ends">Monitoring do: {monitoringEndsOn ? dateOrDash(monitoringEndsOn) : '—'}</Text>
            <Text size="sm">Kontakty w ramach monitoringu zapisuj w dzienniku wizyt („Kontakt w ramach monitoringu”).</Text>
          </Alert>
        )}
        {isAdmin && c.state === 'MONITORING' && (
          <Button variant="default" onClick={() => void endMonitoring()} w="fit-content">
            Zakończ monitoring (archiwum)
          </Button>
        )}
        {reopened ? (
          <Alert color="green" role="status">
            Założono nową sprawę {reopened.caseNumber}.{' '}
            <a href={`#/families/case/${encodeURIComponent(reopened.id)}`}>Przejdź do nowej sprawy</a>
          </Alert>
        ) : (
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label="Data powzięcia informacji o ponownych trudnościach" value={learnedOn} onChange={(v) => setLearnedOn(v)} />
              <TextInput label="Opis sytuacji" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
            </SimpleGrid>
            <Button variant="light" onClick={() => void reopen()} w="fit-content">
              Wznów (nowa sprawa)
            </Button>
          </Stack>
        )}
        <RefusalAlert refusal={refusal} title="Nie wykonano" />
      </Stack>
    </Paper>
  );
}

/**
 * "Następny krok" at the top of the case view (issue 14): the usual next step of the case in its
 * state (shared/rules/nextStep.ts, computed by the core with the case's deadlines), the deadline
 * that applies, and a button that opens the step — or, when the step is someone else's, who takes it.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../../shared/roles';
import { daysText } from '../work/common';
import { dateOrDash } from './labels';

type CaseDetail = ChannelOutput<'cases:get'>;
export type NextStepView = NonNullable<CaseDetail['nextStep']>;

const STATUS_COLOR = { overdue: 'red', 'due-soon': 'orange', upcoming: 'blue' } as const;

/** "Termin: 29.12.2026 — za 22 dni" with the legal basis, or why there is none. */
export function StepDeadline({ step }: { step: NextStepView }) {
  const d = step.deadline;
  if (!d) return step.noDeadline ? <Text size="sm">{step.noDeadline}</Text> : null;
  return (
    <Stack gap={0}>
      <Group gap="xs">
        <Text size="sm" fw={600} data-testid="next-step-deadline">
          Termin: {dateOrDash(d.dueDate)}
        </Text>
        <Badge color={STATUS_COLOR[d.status]} variant={d.status === 'overdue' ? 'filled' : 'light'}>
          {daysText(d.daysLeft)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {d.label}. Podstawa: {d.basis}
      </Text>
    </Stack>
  );
}

export function NextStepCard({
  step,
  canOpen,
  onOpen,
}: {
  step: NextStepView;
  /** The user may take the step now (the action is available to them, or they may edit the work). */
  canOpen: boolean;
  onOpen: () => void;
}) {
  const whose = step.roles.filter((r) => r !== 'admin').map((r) => ROLE_LABELS[r].toLowerCase());
  return (
    <Paper withBorder p="lg" data-testid="next-step" style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Następny krok
        </Title>
        <Text fw={700} size="lg" data-testid="next-step-title">
          {step.title}
        </Text>
        <Text size="sm">{step.hint}</Text>
        <StepDeadline step={step} />
        {canOpen ? (
          <Group>
            <Button onClick={onOpen} data-testid="next-step-open">
              {step.title}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed" data-testid="next-step-owner">
            Ten krok wykonuje: {whose.length ? whose.join(' lub ') : 'kierownik ośrodka'}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

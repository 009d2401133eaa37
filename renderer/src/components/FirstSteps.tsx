/**
 * "Pierwsze kroki" on the head's home page (issue 14): what a new office does before its first
 * family, ticked off from the core's real state (office:firstSteps), each with a link to the screen
 * where it is done. Shown until every step is done.
 */
import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call } from '../api';
import { hrefOf } from '../useHashRoute';

type FirstSteps = ChannelOutput<'office:firstSteps'>;

export function FirstStepsCard({ refreshKey, onRecoveryKey }: { refreshKey?: unknown; onRecoveryKey: () => void }) {
  const [data, setData] = useState<FirstSteps | null>(null);
  useEffect(() => {
    let alive = true;
    call('office:firstSteps', {})
      .then((d) => alive && setData(d))
      .catch(() => alive && setData(null));
    return () => {
      alive = false;
    };
  }, [refreshKey]);

  if (!data || data.done) return null;
  const done = data.steps.filter((s) => s.done).length;
  return (
    <Paper withBorder p="lg" data-testid="first-steps">
      <Group gap="sm" mb="xs">
        <Title order={2} size="h3">
          Pierwsze kroki
        </Title>
        <Badge variant="light">
          {done} z {data.steps.length}
        </Badge>
      </Group>
      <Text size="sm" mb="sm">
        Zanim ośrodek przyjmie pierwszą rodzinę, zrób te kroki. Lista odhacza się sama.
      </Text>
      <List spacing="sm" listStyleType="none">
        {data.steps.map((s) => (
          <List.Item
            key={s.key}
            data-testid={`first-step-${s.key}`}
            data-done={s.done ? 'true' : 'false'}
            icon={
              <ThemeIcon color={s.done ? 'green' : 'gray'} variant={s.done ? 'filled' : 'light'} radius="xl" size="md" aria-hidden="true">
                {s.done ? '✓' : '•'}
              </ThemeIcon>
            }
          >
            <Stack gap={0}>
              <Text fw={600}>
                {s.title}
                <Text span size="sm" c={s.done ? 'green.9' : 'dimmed'} fw={400}>
                  {' '}
                  — {s.done ? 'zrobione' : 'do zrobienia'}
                </Text>
              </Text>
              <Text size="sm">{s.detail}</Text>
              {!s.done &&
                (s.route === 'home' ? (
                  <Group>
                    <Button size="compact-sm" variant="light" onClick={onRecoveryKey}>
                      Wygeneruj i potwierdź klucz odzyskiwania
                    </Button>
                  </Group>
                ) : (
                  <Anchor href={hrefOf(s.route)} size="sm">
                    {s.link}
                  </Anchor>
                ))}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

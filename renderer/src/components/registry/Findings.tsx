import { Alert, List, Stack, Text } from '@mantine/core';

export interface FindingView {
  code: string;
  severity: 'blocker' | 'warning' | 'info';
  message: string;
  basis: string;
}

const COLORS = { blocker: 'red', warning: 'yellow', info: 'blue' } as const;
const TITLES = {
  blocker: 'Przeszkody — czynności nie można wykonać',
  warning: 'Ostrzeżenia',
  info: 'Informacje',
} as const;

/**
 * Rule findings grouped by severity: blockers red (with the legal basis), warnings yellow,
 * information blue. The same shape comes from `cases:check`, from refusals of the main process
 * and from the shared rules run in the renderer.
 */
export function FindingsList({
  findings,
  hideInfo = false,
  testId,
}: {
  findings: ReadonlyArray<FindingView> | null | undefined;
  hideInfo?: boolean;
  testId?: string;
}) {
  if (!findings || findings.length === 0) return null;
  const groups = (['blocker', 'warning', 'info'] as const)
    .filter((s) => !(hideInfo && s === 'info'))
    .map((s) => ({ s, items: dedupe(findings.filter((f) => f.severity === s)) }))
    .filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <Stack gap="xs" data-testid={testId}>
      {groups.map(({ s, items }) => (
        <Alert key={s} color={COLORS[s]} title={TITLES[s]} role={s === 'blocker' ? 'alert' : 'status'} variant="light">
          <List spacing={4} size="sm">
            {items.map((f) => (
              <List.Item key={`${f.code}-${f.message}`}>
                <Text size="sm" span>
                  {f.message}
                </Text>
                {f.basis && (
                  <Text size="xs" c="dimmed">
                    Podstawa: {f.basis}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      ))}
    </Stack>
  );
}

function dedupe(list: FindingView[]): FindingView[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.code}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

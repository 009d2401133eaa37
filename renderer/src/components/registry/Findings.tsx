import { Alert, List, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useRef, useState, type SyntheticEvent } from 'react';

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
 * When a form's blocking findings may show (issue 14, for every form): once the user saved, or
 * changed or left a field — never on a form nobody has touched. Spread `bind` on the <form> (or
 * the element around the fields); its capture handlers see every input, change, blur and submit
 * inside, whatever library drives the fields. `engage()` marks it by hand (e.g. a custom submit).
 * Live findings re-run on every change, so a blocker that no longer holds disappears at once.
 */
export function useEngagement(initially = false) {
  const [engaged, setEngaged] = useState(initially);
  const marked = useRef(initially);
  const engage = useCallback(() => {
    marked.current = true;
    setEngaged(true);
  }, []);
  const bind = useMemo(() => {
    const on = (e: SyntheticEvent) => {
      if (marked.current) return;
      // A blur counts only when focus leaves a field the user could have changed.
      if (e.type === 'blur' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement)) return;
      marked.current = true;
      // After the event: a state update inside a controlled field's own input event would make
      // React restore the field's old value before its onChange had stored the new one.
      window.setTimeout(() => setEngaged(true), 0);
    };
    return { onInputCapture: on, onChangeCapture: on, onBlurCapture: on, onSubmitCapture: on };
  }, []);
  return { engaged, engage, bind };
}

/**
 * Rule findings grouped by severity: blockers red (with the legal basis), warnings yellow,
 * information blue. The same shape comes from `cases:check`, from refusals of the main process
 * and from the shared rules run in the renderer.
 */
export function FindingsList({
  findings,
  hideInfo = false,
  engaged = true,
  testId,
}: {
  findings: ReadonlyArray<FindingView> | null | undefined;
  hideInfo?: boolean;
  /** False while the form is untouched (useEngagement): blockers wait until the user acts. */
  engaged?: boolean;
  testId?: string;
}) {
  if (!findings || findings.length === 0) return null;
  const groups = (['blocker', 'warning', 'info'] as const)
    .filter((s) => !(hideInfo && s === 'info'))
    .filter((s) => engaged || s !== 'blocker')
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

/** Live findings of a form under a heading; nothing at all while the only findings are blockers
 *  the user has not yet had the chance to cause (see useEngagement). */
export function LiveFindings({
  findings,
  engaged,
  title,
  testId,
}: {
  findings: ReadonlyArray<FindingView>;
  engaged: boolean;
  title: string;
  testId?: string;
}) {
  const visible = engaged ? findings : findings.filter((f) => f.severity !== 'blocker');
  if (visible.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <FindingsList findings={visible} />
    </div>
  );
}

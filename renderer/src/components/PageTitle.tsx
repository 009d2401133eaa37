import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** Page heading used by every section. */
export function PageTitle({ children, right, subtitle }: { children: ReactNode; right?: ReactNode; subtitle?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <div>
        <Title order={1} size="h2">
          {children}
        </Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </div>
      {right}
    </Group>
  );
}

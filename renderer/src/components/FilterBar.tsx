import { Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The bar of filters above a list: labelled fields in one wrapping row, aligned on their bottom
 * edge. With `onSubmit` the row is a form, so Enter in any field applies the filter (the page's
 * submit button does the same); without it each field applies as it changes. `below` goes under
 * the row inside the same panel (e.g. a note on an active filter, page actions).
 */
export function FilterBar({ onSubmit, below, children }: { onSubmit?: () => void; below?: ReactNode; children: ReactNode }) {
  const row = (
    <Group align="flex-end" gap="md" wrap="wrap">
      {children}
    </Group>
  );
  return (
    <Paper withBorder p="md">
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {row}
        </form>
      ) : (
        row
      )}
      {below}
    </Paper>
  );
}

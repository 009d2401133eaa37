import { Group, Pagination, Text } from '@mantine/core';

/** Mantine Pagination with Polish labels and the total count. */
export function Paging({
  page,
  pageSize,
  total,
  onChange,
  totalLabel,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  totalLabel: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {totalLabel}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          getItemProps={(p) => ({ 'aria-label': `Strona ${p}` })}
          getControlProps={(control) => {
            const labels = {
              first: 'Pierwsza strona',
              previous: 'Poprzednia strona',
              next: 'Następna strona',
              last: 'Ostatnia strona',
            } as const;
            return { 'aria-label': labels[control] };
          }}
        />
      )}
    </Group>
  );
}

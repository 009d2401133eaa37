import { Alert, Paper, Table, Text, type TableProps } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { Paging } from './Paging';

/**
 * A list page's table: the load error (if any) above it, the header cells `head`, a centred note in
 * place of the rows when the loaded page is empty (`isEmpty`), the rows, and the pager with the
 * total under it once something has loaded (`paging`).
 */
export function ListTable({
  error,
  tableProps,
  head,
  columns,
  isEmpty,
  emptyText,
  paging,
  children,
}: {
  error: string | null;
  tableProps?: TableProps;
  head: ReactNode;
  /** Number of columns (the empty-page note spans them all). */
  columns: number;
  isEmpty: boolean;
  emptyText: string;
  paging: ComponentProps<typeof Paging> | null;
  children: ReactNode;
}) {
  return (
    <>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={900}>
          <Table striped {...tableProps}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {isEmpty && (
                <Table.Tr>
                  <Table.Td colSpan={columns}>
                    <Text c="dimmed" ta="center" py="md">
                      {emptyText}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {children}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {paging && <Paging {...paging} />}
    </>
  );
}

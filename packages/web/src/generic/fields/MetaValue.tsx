import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EntityRow } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import type { MetaColumn } from './labels';
import type { RefData } from './use-ref-data';

/** Meta columns shown like fields: org and section by name, times in local time. */
export function MetaValue({
  column,
  row,
  refs,
}: {
  column: MetaColumn;
  row: EntityRow;
  refs: RefData;
}): ReactNode {
  switch (column) {
    case 'orgId':
      return refs.nameOf('org', row.orgId);
    case 'sectionId':
      return row.sectionId === null ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        refs.nameOf('org', row.sectionId)
      );
    case 'createdAt':
      return formatDateTime(row.createdAt);
    case 'updatedAt':
      return formatDateTime(row.updatedAt);
  }
}

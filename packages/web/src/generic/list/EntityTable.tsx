import type { EntityDef, FieldKind } from '@kjj/domain';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatDateTime } from '../../lib/format';
import { CellValue } from '../fields/CellValue';
import { labelOf } from '../fields/labels';
import type { RefData } from '../fields/use-ref-data';
import { RecordTitle } from './RecordTitle';
import { RowActions } from './RowActions';

interface Props {
  def: EntityDef;
  rows: EntityRow[];
  columns: string[];
  refs: RefData;
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
  loading: boolean;
  trash: boolean;
}

/** Widths that keep long headers (高新技术企业（手工标注）) from stretching short values. */
const WIDTHS: Partial<Record<FieldKind, number>> = { bool: 120, text: 220, tags: 200, list: 200 };

const orderOf = (sort: string | undefined, key: string) =>
  sort === key ? ('ascend' as const) : sort === `-${key}` ? ('descend' as const) : null;

/** Desktop list: chosen columns, server-side sorting on the definition's sort keys. */
export function EntityTable({ def, rows, columns, refs, sort, onSort, loading, trash }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const others = columns.filter((c) => c !== def.display);
  const sortable = (key: string) =>
    def.sortKeys.includes(key) ? { sorter: true, sortOrder: orderOf(sort, key) } : {};

  const tableColumns: TableColumnsType<EntityRow> = [
    {
      key: def.display,
      title: pick(labelOf(def, def.display)),
      fixed: 'left',
      width: 260,
      ...sortable(def.display),
      render: (_, row) => <RecordTitle def={def} row={row} linked={!trash} />,
    },
    ...others.map((key) => ({
      key,
      title: pick(labelOf(def, key)),
      className: 'kjj-nowrap',
      width: def.fields[key] ? WIDTHS[def.fields[key].kind] : undefined,
      ellipsis: def.fields[key] !== undefined && WIDTHS[def.fields[key].kind] !== undefined,
      ...sortable(key),
      render: (_: unknown, row: EntityRow) => (
        <CellValue def={def} column={key} row={row} lang={lang} refs={refs} compact />
      ),
    })),
    ...(trash
      ? [
          {
            key: 'deletedAt',
            title: t('record.deletedAt'),
            className: 'kjj-nowrap',
            render: (_: unknown, row: EntityRow) => formatDateTime(row.deletedAt),
          },
        ]
      : []),
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 110,
      render: (_, row) => <RowActions def={def} row={row} trash={trash} />,
    },
  ];

  const handleChange: TableProps<EntityRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey === undefined ? undefined : String(one.columnKey);
    onSort(key && one?.order ? `${one.order === 'descend' ? '-' : ''}${key}` : undefined);
  };

  return (
    <Table<EntityRow>
      rowKey="id"
      size="middle"
      columns={tableColumns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      onChange={handleChange}
      scroll={{ x: 'max-content' }}
      data-testid="entity-table"
    />
  );
}

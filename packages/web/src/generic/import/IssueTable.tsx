import type { EntityDef } from '@kjj/domain';
import { Grid, List, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from '../../api/types';
import { useLang } from '../../i18n/use-lang';

interface Props {
  def: EntityDef;
  issues: RowIssue[];
  testId: string;
}

/** Row-numbered import problems as Excel shows them: row, column letter, header, message. */
export function IssueTable({ def, issues, testId }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const isPhone = Grid.useBreakpoint().md === false;
  // Some issues (duplicates found in the database) name the field but not the sheet column.
  const headerOf = (i: RowIssue) =>
    i.header ?? (i.field && def.fields[i.field] ? pick(def.fields[i.field]!.label) : '—');
  const pagination =
    issues.length > 10 ? { pageSize: 10, size: 'small' as const, showSizeChanger: false } : false;

  if (isPhone) {
    return (
      <List<RowIssue>
        size="small"
        dataSource={issues}
        pagination={pagination}
        data-testid={testId}
        renderItem={(i) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Typography.Text strong>
              {t('import.rowAt', { row: i.row, column: i.column ?? '—' })}
            </Typography.Text>
            <Typography.Text type="secondary"> · {headerOf(i)}</Typography.Text>
            <div>{i.message}</div>
          </List.Item>
        )}
      />
    );
  }
  const columns: TableColumnsType<RowIssue> = [
    { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
    { key: 'column', title: t('import.column'), width: 70, render: (_, i) => i.column ?? '—' },
    { key: 'header', title: t('import.header'), width: 170, render: (_, i) => headerOf(i) },
    { key: 'message', title: t('import.message'), dataIndex: 'message' },
  ];
  return (
    <Table<RowIssue>
      size="small"
      rowKey={(i) => `${i.row}-${i.column ?? ''}-${i.code}-${i.message}`}
      columns={columns}
      dataSource={issues}
      pagination={pagination}
      data-testid={testId}
    />
  );
}

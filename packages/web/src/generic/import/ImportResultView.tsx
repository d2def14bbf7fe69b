import type { EntityDef } from '@kjj/domain';
import { Alert, Descriptions, Result, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/types';
import { rowRanges } from '../../lib/row-ranges';
import { IssueTable } from './IssueTable';

const STATUS = {
  applied: 'success',
  partial: 'warning',
  rejected: 'error',
} as const;

/** The outcome: what was applied (nothing, when rejected), then the errors and warnings by row. */
export function ImportResultView({ def, result }: { def: EntityDef; result: ImportResult }) {
  const { t } = useTranslation();
  const title = {
    applied: t('import.applied'),
    partial: t('import.partial'),
    rejected: t('import.rejected'),
  }[result.status];
  const tabs = [
    {
      key: 'errors',
      label: t('import.errors', { count: result.errors.length }),
      children: <IssueTable def={def} issues={result.errors} testId="import-errors" />,
    },
    {
      key: 'warnings',
      label: t('import.warnings', { count: result.warnings.length }),
      children: <IssueTable def={def} issues={result.warnings} testId="import-warnings" />,
    },
  ].filter((tab) => (tab.key === 'errors' ? result.errors.length > 0 : result.warnings.length > 0));

  return (
    <div data-testid="import-result" data-status={result.status}>
      <Result
        status={STATUS[result.status]}
        title={title}
        style={{ padding: '8px 0 16px' }}
        subTitle={result.status === 'rejected' ? t('import.nothingApplied') : undefined}
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('import.totalRows')}>{result.totalRows}</Descriptions.Item>
        <Descriptions.Item label={t('import.created')}>{result.created}</Descriptions.Item>
        <Descriptions.Item label={t('import.updated')}>{result.updated}</Descriptions.Item>
        <Descriptions.Item label={t('import.errorRows')}>
          {new Set(result.errors.map((e) => e.row)).size}
        </Descriptions.Item>
      </Descriptions>
      {result.status === 'partial' && (
        <Typography.Paragraph type="secondary">
          {t('import.appliedRows', { rows: rowRanges(result.appliedRows) })}
        </Typography.Paragraph>
      )}
      {result.error && <Alert type="error" showIcon message={result.error} style={{ marginBottom: 12 }} />}
      {tabs.length > 0 && <Tabs size="small" items={tabs} />}
    </div>
  );
}

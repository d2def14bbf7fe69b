import { FilterOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../../../api/admin';
import { useOrgs } from '../../../api/orgs';
import type { AuditEntry } from '../../../api/types';
import { CursorPager } from '../../../components/CursorPager';
import { useLang } from '../../../i18n/use-lang';
import { actionLabel } from '../../../lib/audit-actions';
import { formatDateTime } from '../../../lib/format';
import { orgNameMap } from '../../../lib/org-tree';
import { useCursorStack } from '../../../lib/use-cursor-stack';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { AuditDiffTable } from './AuditDiffTable';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { useEntityName } from './entity-names';
import { VerifyChain } from './VerifyChain';
import { DESKTOP } from '../../../lib/responsive';

/** The hash-chained audit log within the reader's scope, newest first, with each entry's diff. */
export function AuditPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [verifying, setVerifying] = useState(false);
  const isPhone = Grid.useBreakpoint().md === false;
  // On a phone the five filters would fill the screen before the first entry: folded by default.
  const [filtersOpen, setFiltersOpen] = useState<boolean>();
  const showFilters = filtersOpen ?? !isPhone;
  const pages = useCursorStack(JSON.stringify(filters));
  const log = useAuditLog({ ...filters, limit: 30, cursor: pages.cursor });
  const orgs = orgNameMap(useOrgs().data);
  const entityName = useEntityName();
  useDocumentTitle(t('menu.audit'));

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80, responsive: DESKTOP },
    { key: 'at', title: t('audit.at'), className: 'kjj-nowrap', render: (_, e) => formatDateTime(e.at) },
    { key: 'actor', title: t('audit.actor'), className: 'kjj-nowrap', dataIndex: 'actorName' },
    {
      key: 'action',
      title: t('audit.action'),
      className: 'kjj-nowrap',
      render: (_, e) => (
        <>
          <Tag color="blue">{actionLabel(e.action, t, lang)}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.action}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      className: 'kjj-nowrap',
      render: (_, e) => `${entityName(e.entity)}${e.entityId ? ` #${e.entityId}` : ''}`,
    },
    {
      key: 'org',
      responsive: DESKTOP,
      title: t('record.org'),
      className: 'kjj-nowrap',
      render: (_, e) => (e.orgId ? (orgs.get(e.orgId)?.shortName ?? `#${e.orgId}`) : '—'),
    },
    { key: 'ip', title: 'IP', className: 'kjj-nowrap', responsive: DESKTOP, render: (_, e) => e.ip ?? '—' },
  ];

  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.audit')}</h1>
        <Button icon={<SafetyOutlined />} onClick={() => setVerifying(true)} data-testid="verify-chain">
          {t('audit.verify')}
        </Button>
      </div>
      {verifying && <VerifyChain onClose={() => setVerifying(false)} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        {isPhone && (
          <Button
            icon={<FilterOutlined />}
            onClick={() => setFiltersOpen(!showFilters)}
            style={{ marginBottom: showFilters ? 12 : 0 }}
          >
            {t('filters.title')}
          </Button>
        )}
        {showFilters && <AuditFilters onApply={setFilters} />}
      </Card>
      <Card size="small">
        <Table<AuditEntry>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (entry) => <AuditDiffTable entry={entry} /> }}
          data-testid="audit-table"
        />
        <CursorPager
          pageNumber={pages.pageNumber}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(log.data?.nextCursor)}
          busy={log.isFetching}
          onPrevious={pages.pop}
          onNext={() => log.data?.nextCursor && pages.push(log.data.nextCursor)}
        />
      </Card>
    </>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import { enumLabel, type EntityDef } from '@kjj/domain';
import { Alert, Card, Result, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEntityAudit, useEntityRow } from '../../api/entities';
import { isApiError } from '../../api/problem';
import { PageLoading } from '../../app/PageLoading';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';
import { labelOf } from '../fields/labels';
import { OverrideBadge } from '../fields/OverrideBadge';
import { useRefData } from '../fields/use-ref-data';
import { Forbidden, NotFound } from '../RouteResults';
import { useRouteEntity } from '../use-route-entity';
import { AuditTimeline } from './AuditTimeline';
import { DetailActions } from './DetailActions';
import { RecordFields } from './RecordFields';
import { RecordMeta } from './RecordMeta';
import { AttachmentsCard } from './AttachmentsCard';
import { RelatedRecords } from './RelatedRecords';
import { asText } from '../../lib/text';
import { WorkflowActions } from '../workflow/WorkflowActions';
import { WorkflowTimeline } from '../workflow/WorkflowTimeline';
import type { EntityRow } from '../../api/types';
import { FundingLedgerCard } from '../../pages/projects/FundingLedgerCard';
import type { ReactNode } from 'react';

/** What an entity's page shows beyond its own fields (a project's funding ledger). */
const DETAIL_PANELS: Record<string, (props: { row: EntityRow }) => ReactNode> = {
  project: FundingLedgerCard,
};

/** `/e/:plural/:id`: all fields, ownership, and the audit history of one record. */
export function EntityDetailPage() {
  const { def, id } = useRouteEntity();
  const can = useCan();
  if (!def || id === undefined) return <NotFound />;
  if (!can(def.permissions.read)) return <Forbidden />;
  return <EntityDetail key={`${def.name}-${id}`} def={def} id={id} />;
}

function EntityDetail({ def, id }: { def: EntityDef; id: number }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const row = useEntityRow(def.plural, id);
  const history = useEntityAudit(def.plural, id);
  const refs = useRefData(def);
  const title = row.data ? asText(row.data[def.display]) || `#${id}` : undefined;
  const Panel = DETAIL_PANELS[def.name];
  useDocumentTitle(title);

  if (row.isPending) return <PageLoading />;
  if (row.error) {
    const missing = isApiError(row.error) && row.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={row.error.message}
        extra={<Link to={`/e/${def.plural}`}>{t('record.backToList')}</Link>}
      />
    );
  }
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Link to={`/e/${def.plural}`}>
          <ArrowLeftOutlined /> {pick(def.label)}
        </Link>
      </div>
      <div className="kjj-page-header" style={{ marginBottom: 0 }}>
        <h1 data-testid="record-title">
          {title}
          <OverrideBadge overrides={row.data.overrides} labelOf={(field) => pick(labelOf(def, field))} />
          {def.workflow && (
            <Tag color="blue" data-testid="record-state" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
              {enumLabel(def.workflow.states, String(row.data[def.workflow.field]), lang)}
            </Tag>
          )}
        </h1>
        <DetailActions def={def} row={row.data} />
      </div>
      {def.workflow && <WorkflowActions def={def} row={row.data} refs={refs} />}
      <Card title={t('record.fields')} size="small">
        <RecordFields def={def} row={row.data} refs={refs} />
      </Card>
      {def.workflow && (
        <Card title={t('workflow.timeline')} size="small">
          <WorkflowTimeline def={def} id={id} refs={refs} />
        </Card>
      )}
      {Panel && <Panel row={row.data} />}
      {def.attachments && <AttachmentsCard def={def} id={id} />}
      <RelatedRecords def={def} id={id} />
      <Card title={t('record.ownership')} size="small">
        <RecordMeta row={row.data} history={history.data} refs={refs} />
      </Card>
      <Card title={t('record.history')} size="small">
        {history.error ? (
          <Alert type="error" message={history.error.message} />
        ) : (
          <AuditTimeline def={def} entries={history.data ?? []} refs={refs} />
        )}
      </Card>
    </Space>
  );
}

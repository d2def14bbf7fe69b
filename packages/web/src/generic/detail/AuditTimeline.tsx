import type { EntityDef } from '@kjj/domain';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordAuditEntry } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { actionLabel } from '../../lib/audit-actions';
import { formatDateTime } from '../../lib/format';
import type { RefData } from '../fields/use-ref-data';
import { AuditEntryBody } from './AuditEntryBody';

const COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red', restore: 'orange' };

/** The record's history, newest first: who, when, what, and each changed field old → new. */
export function AuditTimeline({
  def,
  entries,
  refs,
}: {
  def: EntityDef;
  entries: RecordAuditEntry[];
  refs: RefData;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.noHistory')} />;

  return (
    <Timeline
      data-testid="audit-timeline"
      items={entries.map((entry) => ({
        key: entry.seq,
        color: COLORS[entry.action.slice(entry.action.lastIndexOf('.') + 1)] ?? 'gray',
        children: (
          <div>
            <div style={{ marginBottom: 4 }}>
              <Typography.Text strong>{actionLabel(entry.action, t, lang)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatDateTime(entry.at)} · {entry.actorName}
              </Typography.Text>
            </div>
            <AuditEntryBody def={def} entry={entry} refs={refs} />
          </div>
        ),
      }))}
    />
  );
}

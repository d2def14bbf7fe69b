import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityRow, RecordAuditEntry } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import type { RefData } from '../fields/use-ref-data';

interface Props {
  row: EntityRow;
  history: RecordAuditEntry[] | undefined;
  refs: RefData;
}

/**
 * Owner org and section, and who created and last changed the record. Rows carry user ids only;
 * the names come from the record's own audit trail, which the page loads anyway.
 */
export function RecordMeta({ row, history, refs }: Props) {
  const { t } = useTranslation();
  const created = history?.findLast((e) => e.action.endsWith('.create'));
  const latest = history?.[0];
  const by = (name: string | undefined) => (name ? ` · ${name}` : '');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
      items={[
        { key: 'org', label: t('record.org'), children: refs.nameOf('org', row.orgId) },
        {
          key: 'section',
          label: t('record.section'),
          children: row.sectionId === null ? '—' : refs.nameOf('org', row.sectionId),
        },
        { key: 'version', label: t('record.version'), children: row.version },
        {
          key: 'created',
          label: t('record.created'),
          children: `${formatDateTime(row.createdAt)}${by(created?.actorName)}`,
        },
        {
          key: 'updated',
          label: t('record.updated'),
          children: `${formatDateTime(row.updatedAt)}${by(latest?.actorName)}`,
        },
      ]}
    />
  );
}

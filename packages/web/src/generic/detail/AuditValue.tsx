import type { EntityDef, Lang } from '@kjj/domain';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { OverrideStamp } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { FieldValue } from '../fields/FieldValue';
import type { RefData } from '../fields/use-ref-data';
import { asText } from '../../lib/text';

interface Props {
  def: EntityDef;
  name: string;
  value: unknown;
  lang: Lang;
  refs: RefData;
}

/** A value inside an audit diff: fields as on the record, org ids by name, override reasons as text. */
export function AuditValue({ def, name, value, lang, refs }: Props): ReactNode {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  const field = def.fields[name];
  if (field) return <FieldValue field={field} value={value} lang={lang} refs={refs} compact />;
  if (name === 'orgId' || name === 'sectionId') return refs.nameOf('org', Number(value));
  if (name === 'deletedAt') return formatDateTime(asText(value));
  if (name === 'overrides' && typeof value === 'object') {
    const reasons = Object.values(value as Record<string, OverrideStamp>).map((o) => o.reason);
    return reasons.length > 0 ? reasons.join('；') : <Typography.Text type="secondary">—</Typography.Text>;
  }
  return asText(value);
}

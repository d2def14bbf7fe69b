import {
  enumLabel,
  formatMoney,
  formatQty,
  MONEY_UNIT_LABELS,
  type FieldDef,
  type Lang,
  type Qty,
} from '@kjj/domain';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, groupDigits } from '../../lib/format';
import { EntityRefName, refEntity } from './EntityRef';
import type { RefData } from './use-ref-data';
import { asText } from '../../lib/text';

interface Props {
  field: FieldDef;
  value: unknown;
  lang: Lang;
  refs: RefData;
  /** One line, for table cells and cards: lists and long texts are shortened. */
  compact?: boolean;
}

const Empty = () => <Typography.Text type="secondary">—</Typography.Text>;

function BoolTag({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <Tag color={value ? 'blue' : 'default'}>{value ? t('common.yes') : t('common.no')}</Tag>;
}

function listText(items: Record<string, string | number | null>[], compact: boolean): ReactNode {
  const lines = items.map((item) =>
    Object.values(item)
      .filter((v) => v !== null && v !== '')
      .join(' · '),
  );
  if (compact) return lines[0] ? `${lines[0]}${lines.length > 1 ? ` +${lines.length - 1}` : ''}` : '';
  return lines.map((line, i) => <div key={i}>{line}</div>);
}

/** One field's value as people read it: labels for codes, 万元 for 分, names for ids, 是/否 tags. */
export function FieldValue({ field, value, lang, refs, compact = false }: Props): ReactNode {
  if (value === null || value === undefined || value === '') return <Empty />;
  switch (field.kind) {
    case 'enum':
      return enumLabel(field.values, asText(value), lang);
    case 'bool':
      return <BoolTag value={value === true} />;
    case 'money':
      return `${groupDigits(formatMoney(Number(value), field.display))} ${MONEY_UNIT_LABELS[field.display][lang]}`;
    case 'int':
      return field.unit ? `${asText(value)} ${field.unit[lang]}` : asText(value);
    case 'date':
      return formatDate(asText(value), lang);
    case 'ref': {
      const target = refEntity(field.target);
      return target ? (
        <EntityRefName target={target} id={Number(value)} />
      ) : (
        refs.nameOf(field.target, Number(value))
      );
    }
    case 'tags':
      return Array.isArray(value) && value.length > 0 ? (
        value.map((tag) => <Tag key={asText(tag)}>{asText(tag)}</Tag>)
      ) : (
        <Empty />
      );
    case 'dict':
      return refs.dictLabel(field.dict, String(value), lang);
    case 'qty':
      return formatQty(value as Qty, field.unit);
    case 'list':
      return Array.isArray(value) && value.length > 0 ? (
        listText(value as Record<string, string | number | null>[], compact)
      ) : (
        <Empty />
      );
    case 'text':
      return compact || !field.multiline ? (
        asText(value)
      ) : (
        <span style={{ whiteSpace: 'pre-wrap' }}>{asText(value)}</span>
      );
  }
}

import { QTY_MAX, QUALIFIERS, type QtyField, type Qualifier } from '@kjj/domain';
import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';

/** What the form holds while a figure is typed: the qualifier may be picked before the number. */
export interface QtyDraft {
  value?: number | null;
  qualifier: Qualifier;
}

interface Props {
  field: QtyField;
  value?: QtyDraft | null;
  onChange?: (value: QtyDraft) => void;
  id?: string;
}

/** A counted figure with its qualifier, entered as staff write it: [30] [多] 个. */
export function QtyControl({ field, value, onChange, id }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const draft: QtyDraft = { qualifier: 'exact', ...value };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <InputNumber
        id={id}
        style={{ flex: 1 }}
        value={draft.value}
        min={0}
        max={QTY_MAX}
        suffix={field.unit}
        onChange={(v) => onChange?.({ ...draft, value: v })}
      />
      <Select
        aria-label={t('form.qualifier', { label: pick(field.label) })}
        style={{ width: 110 }}
        showSearch
        optionFilterProp="label"
        value={draft.qualifier}
        onChange={(qualifier: Qualifier) => onChange?.({ ...draft, qualifier })}
        options={QUALIFIERS.codes.map((code) => ({ value: code, label: pick(QUALIFIERS.labels[code]) }))}
      />
    </Space.Compact>
  );
}

import { MONEY_UNIT_LABELS, type FieldDef } from '@kjj/domain';
import { DatePicker, Input, InputNumber, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';
import type { RefData } from '../fields/use-ref-data';

interface Props {
  field: FieldDef;
  refs: RefData;
  /** antd Form.Item passes these two to its child. */
  value?: unknown;
  onChange?: (value: unknown) => void;
}

interface RangeProps {
  value?: { gte?: unknown; lte?: unknown };
  onChange?: (value: unknown) => void;
  numeric: 'int' | 'money';
  suffix?: string;
}

/** Two number inputs (from, to); money bounds are kept as exact decimal strings. */
function NumberRange({ value, onChange, numeric, suffix }: RangeProps) {
  const { t } = useTranslation();
  const set = (side: 'gte' | 'lte', v: unknown) => onChange?.({ ...value, [side]: v });
  const common = { style: { width: '50%' }, stringMode: numeric === 'money', min: 0, suffix };
  return (
    <Space.Compact block>
      <InputNumber
        {...common}
        placeholder={t('filters.from')}
        value={value?.gte as number | null}
        onChange={(v) => set('gte', v)}
      />
      <InputNumber
        {...common}
        placeholder={t('filters.to')}
        value={value?.lte as number | null}
        onChange={(v) => set('lte', v)}
      />
    </Space.Compact>
  );
}

/** The control for one filter, chosen by field kind (enum → multi select, date → range …). */
export function FilterControl({ field, refs, value, onChange }: Props): ReactNode {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const bind = { value, onChange };
  /** Any of several codes (an empty choice filters nothing). */
  const chooseAny = (options: { value: string; label: string }[]) => (
    <Select
      {...bind}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('filters.any')}
      optionFilterProp="label"
      options={options}
    />
  );
  switch (field.kind) {
    case 'enum':
      return chooseAny(
        field.values.codes.map((code) => ({
          value: code,
          label: pick((field.values.labels as Record<string, { zh: string; en: string }>)[code]!),
        })),
      );
    case 'dict':
      return chooseAny(refs.entriesOf(field.dict).map((e) => ({ value: e.code, label: pick(e.label) })));
    case 'bool':
      return (
        <Select
          {...bind}
          allowClear
          placeholder={t('filters.any')}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'ref':
      return (
        <Select
          {...bind}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('filters.any')}
          options={refs.options(field.target)}
        />
      );
    case 'date':
      return (
        <DatePicker.RangePicker
          value={value as never}
          onChange={(dates) => onChange?.(dates)}
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          placeholder={[t('filters.from'), t('filters.to')]}
        />
      );
    case 'int':
      return (
        <NumberRange
          {...bind}
          value={value as RangeProps['value']}
          numeric="int"
          suffix={field.unit?.[lang]}
        />
      );
    case 'money':
      return (
        <NumberRange
          {...bind}
          value={value as RangeProps['value']}
          numeric="money"
          suffix={MONEY_UNIT_LABELS[field.display][lang]}
        />
      );
    default:
      return (
        <Input
          {...bind}
          value={value as string | undefined}
          onChange={(e) => onChange?.(e.target.value)}
          allowClear
          placeholder={t('filters.contains')}
        />
      );
  }
}

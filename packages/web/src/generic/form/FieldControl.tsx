import { MONEY_UNIT_LABELS, today, type EnumDef, type FieldDef } from '@kjj/domain';
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';
import { EntityRefSelect, refEntity } from '../fields/EntityRef';
import type { RefData } from '../fields/use-ref-data';
import { QtyControl, type QtyDraft } from './QtyControl';

interface Props {
  field: FieldDef;
  refs: RefData;
  /** Passed through by Form.Item. */
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
}

const enumOptions = (values: EnumDef, pick: (t: { zh: string; en: string }) => string) =>
  values.codes.map((code) => ({
    value: code,
    label: pick((values.labels as Record<string, { zh: string; en: string }>)[code]!),
  }));

/** The input for one scalar field kind; lists have their own control (ListFieldControl). */
export function FieldControl({ field, refs, ...bind }: Props): ReactNode {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const full = { style: { width: '100%' } };
  /** One value from a list: searchable by label, clearable unless required. */
  const choose = (options: { value: string | number; label: string }[]) => (
    <Select
      {...bind}
      allowClear={!field.required}
      showSearch
      optionFilterProp="label"
      options={options}
      placeholder={t('form.choose')}
    />
  );
  switch (field.kind) {
    case 'text':
      return field.multiline ? (
        <Input.TextArea
          {...bind}
          value={bind.value as string}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={field.max}
          showCount
        />
      ) : (
        <Input {...bind} value={bind.value as string} maxLength={field.max} />
      );
    case 'int':
      return (
        <InputNumber
          {...bind}
          {...full}
          value={bind.value as number}
          precision={0}
          min={field.min}
          max={field.max}
          suffix={field.unit?.[lang]}
        />
      );
    case 'money':
      // stringMode keeps the typed decimal text; 分 are derived exactly by parseMoney on submit.
      return (
        <InputNumber
          {...bind}
          {...full}
          value={bind.value as string}
          stringMode
          min="0"
          suffix={MONEY_UNIT_LABELS[field.display][lang]}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...bind}
          {...full}
          value={bind.value as dayjs.Dayjs}
          // China's date, as the server checks it, whatever the browser's time zone.
          disabledDate={field.notFuture ? (d) => d.format('YYYY-MM-DD') > today() : undefined}
        />
      );
    case 'bool':
      return (
        <Switch
          id={bind.id}
          checked={bind.value === true}
          onChange={(checked) => bind.onChange?.(checked)}
          checkedChildren={t('common.yes')}
          unCheckedChildren={t('common.no')}
        />
      );
    case 'enum':
      return choose(enumOptions(field.values, pick));
    case 'dict':
      // Retired entries are not offered, except the one this record already has.
      return choose(
        refs
          .entriesOf(field.dict)
          .filter((e) => e.active || e.code === bind.value)
          .map((e) => ({ value: e.code, label: pick(e.label) })),
      );
    case 'ref': {
      const target = refEntity(field.target);
      if (target)
        return (
          <EntityRefSelect
            target={target}
            id={bind.id}
            value={bind.value as number | null}
            onChange={bind.onChange}
          />
        );
      return choose(refs.options(field.target));
    }
    case 'qty':
      return (
        <QtyControl
          field={field}
          id={bind.id}
          value={bind.value as QtyDraft | undefined}
          onChange={bind.onChange}
        />
      );
    case 'tags':
      return (
        <Select
          {...bind}
          mode="tags"
          tokenSeparators={[',', '，', '、', ' ']}
          maxCount={field.maxItems}
          suffixIcon={null}
          placeholder={t('form.tagsHint')}
        />
      );
    case 'list':
      return null;
  }
}

import type { EntityDef } from '@kjj/domain';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';
import { labelOf } from '../fields/labels';

/** Phones have no sortable table headers: the same sort keys as a select (`name`, `-updatedAt` …). */
export function SortSelect({
  def,
  value,
  onChange,
}: {
  def: EntityDef;
  value: string;
  onChange: (sort: string) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const options = def.sortKeys.flatMap((key) => {
    const label = pick(labelOf(def, key));
    return [
      { value: key, label: `${label} ${t('list.ascending')}` },
      { value: `-${key}`, label: `${label} ${t('list.descending')}` },
    ];
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ minWidth: 160 }}
      aria-label={t('list.sort')}
      data-testid="sort-select"
    />
  );
}

import { FilterOutlined } from '@ant-design/icons';
import { searchFields, type EntityDef } from '@kjj/domain';
import { Badge, Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import { ColumnChooser } from './ColumnChooser';
import { activeFilterCount, type ListState } from './list-params';
import { SearchBox } from './SearchBox';
import { SortSelect } from './SortSelect';

interface Props {
  def: EntityDef;
  state: ListState;
  onChange: (next: Partial<ListState>) => void;
  filtersOpen: boolean;
  onToggleFilters: () => void;
  columns: { columns: string[]; choose: (c: string[]) => void; reset: () => void };
  isPhone: boolean;
}

/** Search, the filter toggle, live/trash, and the column chooser above a list. */
export function ListToolbar({ def, state, onChange, filtersOpen, onToggleFilters, columns, isPhone }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const can = useCan();
  const searchable = searchFields(def).map((name) => pick(def.fields[name]!.label));
  const placeholder = t('list.searchPlaceholder', { fields: searchable.join(t('common.listSeparator')) });
  return (
    <div className="kjj-toolbar" style={{ alignItems: 'center' }}>
      {searchable.length > 0 && (
        <SearchBox value={state.q} onSearch={(q) => onChange({ q })} placeholder={placeholder} />
      )}
      <Badge count={activeFilterCount(state)} size="small">
        <Button
          icon={<FilterOutlined />}
          type={filtersOpen ? 'primary' : 'default'}
          ghost={filtersOpen}
          onClick={onToggleFilters}
          data-testid="toggle-filters"
        >
          {t('filters.title')}
        </Button>
      </Badge>
      {can(def.permissions.delete) && (
        <Segmented
          value={state.trash ? 'trash' : 'live'}
          onChange={(v) => onChange({ trash: v === 'trash' })}
          options={[
            { value: 'live', label: t('list.live') },
            { value: 'trash', label: t('list.trash') },
          ]}
          data-testid="trash-toggle"
        />
      )}
      {isPhone && (
        <SortSelect def={def} value={state.sort ?? def.list.sort} onChange={(sort) => onChange({ sort })} />
      )}
      <div style={{ marginInlineStart: isPhone ? 0 : 'auto' }}>
        <ColumnChooser
          def={def}
          columns={columns.columns}
          onChange={columns.choose}
          onReset={columns.reset}
        />
      </div>
    </div>
  );
}

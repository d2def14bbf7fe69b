import { SettingOutlined } from '@ant-design/icons';
import type { EntityDef } from '@kjj/domain';
import { Button, Checkbox, Divider, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';
import { labelOf } from '../fields/labels';
import { choosableColumns } from './use-column-choice';

interface Props {
  def: EntityDef;
  columns: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
}

/** Tick the columns to show; the display field always stays (it links to the record). */
export function ColumnChooser({ def, columns, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const options = choosableColumns(def).map((key) => ({
    value: key,
    label: pick(labelOf(def, key)),
    disabled: key === def.display,
  }));
  const content = (
    <div style={{ maxWidth: 260 }}>
      <Checkbox.Group
        value={columns}
        onChange={(next) => onChange(next.map(String))}
        style={{ display: 'grid', gap: 6 }}
        options={options}
      />
      <Divider style={{ margin: '10px 0' }} />
      <Button size="small" type="link" onClick={onReset} style={{ padding: 0 }}>
        {t('list.resetColumns')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('list.columns')}
      </Button>
    </Popover>
  );
}

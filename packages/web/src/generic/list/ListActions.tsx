import {
  DownloadOutlined,
  FileExcelOutlined,
  MoreOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { EntityDef } from '@kjj/domain';
import { Button, Dropdown, Space, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../api/client';
import { useCan } from '../../app/permissions';
import { useDownload } from './use-download';

interface Props {
  def: EntityDef;
  exportQuery: QueryParams;
  onImport: () => void;
  compact: boolean;
}

/** New, export, template and import, each shown only with its permission; folded on phones. */
export function ListActions({ def, exportQuery, onImport, compact }: Props) {
  const can = useCan();
  const { t } = useTranslation();
  const { busy, download } = useDownload();
  const exportFile = () =>
    void download('export', `/${def.plural}/export.xlsx`, exportQuery, `${def.plural}.xlsx`);
  const template = () =>
    void download('template', `/${def.plural}/template.xlsx`, {}, `${def.plural}-template.xlsx`);

  const actions = [
    ...(can(def.permissions.export)
      ? [{ key: 'export', icon: <DownloadOutlined />, label: t('list.export'), onClick: exportFile }]
      : []),
    ...(can(def.permissions.import)
      ? [
          { key: 'template', icon: <FileExcelOutlined />, label: t('list.template'), onClick: template },
          { key: 'import', icon: <UploadOutlined />, label: t('list.import'), onClick: onImport },
        ]
      : []),
  ];
  const create = can(def.permissions.create) && (
    <Link to={`/e/${def.plural}/new`}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-record">
        {t('common.create')}
      </Button>
    </Link>
  );

  if (compact) {
    const items: MenuProps['items'] = actions.map(({ key, icon, label, onClick }) => ({
      key,
      icon,
      label,
      onClick,
    }));
    return (
      <Space>
        {create}
        {actions.length > 0 && (
          <Dropdown menu={{ items }} trigger={['click']}>
            <Button icon={<MoreOutlined />} loading={busy !== null} aria-label={t('common.more')} />
          </Dropdown>
        )}
      </Space>
    );
  }
  return (
    <Space wrap>
      {actions.map(({ key, icon, label, onClick }) => (
        <Button key={key} icon={icon} onClick={onClick} loading={busy === key} data-testid={`action-${key}`}>
          {label}
        </Button>
      ))}
      {create}
    </Space>
  );
}

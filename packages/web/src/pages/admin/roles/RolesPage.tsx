import { PlusOutlined } from '@ant-design/icons';
import { DATA_SCOPES } from '@kjj/domain';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../../api/admin';
import type { Role } from '../../../api/types';
import { useLang } from '../../../i18n/use-lang';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { RoleFormModal } from './RoleFormModal';
import { DESKTOP } from '../../../lib/responsive';

/** Roles: a permission set plus the data scope it applies to (DESIGN §3). */
export function RolesPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const roles = useRoles();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  useDocumentTitle(t('menu.roles'));

  const columns: TableColumnsType<Role> = [
    {
      key: 'name',
      title: t('roles.name'),
      fixed: 'left',
      render: (_, r) => (lang === 'en' ? r.nameEn : r.name),
    },
    { key: 'code', responsive: DESKTOP, title: t('roles.code'), dataIndex: 'code', className: 'kjj-nowrap' },
    {
      key: 'scope',
      title: t('roles.scope'),
      className: 'kjj-nowrap',
      render: (_, r) => pick(DATA_SCOPES.labels[r.scope]),
    },
    {
      key: 'readScope',
      responsive: DESKTOP,
      title: t('roles.readScope'),
      className: 'kjj-nowrap',
      render: (_, r) => (r.readScope ? pick(DATA_SCOPES.labels[r.readScope]) : '—'),
    },
    {
      key: 'permissions',
      responsive: DESKTOP,
      title: t('roles.permissionCount'),
      className: 'kjj-nowrap',
      render: (_, r) => r.permissions.length,
    },
    {
      key: 'system',
      responsive: DESKTOP,
      title: t('roles.kind'),
      className: 'kjj-nowrap',
      render: (_, r) =>
        r.isSystem ? <Tag color="blue">{t('roles.system')}</Tag> : <Tag>{t('roles.custom')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, role) => (
        <Button type="link" size="small" onClick={() => setEditing(role)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.roles')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('roles.create')}
        </Button>
      </div>
      <Card size="small">
        <Table<Role>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      {editing && (
        <RoleFormModal role={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

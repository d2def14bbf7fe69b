import { PlusOutlined } from '@ant-design/icons';
import { POSITIONS, USER_STATUSES } from '@kjj/domain';
import { Button, Card, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoles, useUsers } from '../../../api/admin';
import { useOrgs } from '../../../api/orgs';
import type { User } from '../../../api/types';
import { CursorPager } from '../../../components/CursorPager';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useLang } from '../../../i18n/use-lang';
import { formatDateTime } from '../../../lib/format';
import { orgNameMap } from '../../../lib/org-tree';
import { useCursorStack } from '../../../lib/use-cursor-stack';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { DESKTOP } from '../../../lib/responsive';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

/** Users within the administrator's scope: search, filter by org and status, edit, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [q, setQ] = useState<string>();
  const [orgId, setOrgId] = useState<number>();
  const [status, setStatus] = useState<string>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const filters = { q, orgId, status, limit: 20 };
  const pages = useCursorStack(JSON.stringify(filters));
  const users = useUsers({ ...filters, cursor: pages.cursor });
  const roles = useRoles();
  const orgs = orgNameMap(useOrgs().data);
  const roleName = (id: number) => {
    const role = roles.data?.find((r) => r.id === id);
    return role ? (lang === 'en' ? role.nameEn : role.name) : `#${id}`;
  };
  useDocumentTitle(t('menu.users'));

  const columns: TableColumnsType<User> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', fixed: 'left' },
    { key: 'name', title: t('users.name'), dataIndex: 'name', className: 'kjj-nowrap' },
    {
      key: 'org',
      responsive: DESKTOP,
      title: t('record.org'),
      className: 'kjj-nowrap',
      render: (_, u) => orgs.get(u.orgId)?.shortName ?? `#${u.orgId}`,
    },
    {
      key: 'section',
      responsive: DESKTOP,
      title: t('record.section'),
      className: 'kjj-nowrap',
      render: (_, u) => (u.sectionId ? (orgs.get(u.sectionId)?.shortName ?? '') : '—'),
    },
    {
      key: 'position',
      responsive: DESKTOP,
      title: t('users.position'),
      className: 'kjj-nowrap',
      render: (_, u) =>
        u.position ? pick(POSITIONS.labels[u.position as keyof typeof POSITIONS.labels]) : '—',
    },
    {
      key: 'roles',
      responsive: DESKTOP,
      title: t('users.roles'),
      render: (_, u) => u.roleIds.map((id) => <Tag key={id}>{roleName(id)}</Tag>),
    },
    {
      key: 'status',
      title: t('users.status'),
      className: 'kjj-nowrap',
      render: (_, u) => (
        <Tag color={u.status === 'active' ? 'green' : 'default'}>{pick(USER_STATUSES.labels[u.status])}</Tag>
      ),
    },
    {
      key: 'lastLogin',
      responsive: DESKTOP,
      title: t('users.lastLogin'),
      className: 'kjj-nowrap',
      render: (_, u) => formatDateTime(u.lastLoginAt) || '—',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      className: 'kjj-nowrap',
      render: (_, user) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.users')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div className="kjj-toolbar">
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim() || undefined)}
            style={{ maxWidth: 280 }}
          />
          <OrgTreeSelect
            value={orgId}
            onChange={setOrgId}
            includeSections
            placeholder={t('orgSwitcher.all')}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('users.status')}
            value={status}
            onChange={setStatus}
            style={{ width: 120 }}
            options={USER_STATUSES.codes.map((s) => ({ value: s, label: pick(USER_STATUSES.labels[s]) }))}
          />
        </div>
      </Card>
      <Card size="small">
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <CursorPager
          pageNumber={pages.pageNumber}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(users.data?.nextCursor)}
          busy={users.isFetching}
          onPrevious={pages.pop}
          onNext={() => users.data?.nextCursor && pages.push(users.data.nextCursor)}
        />
      </Card>
      {dialog?.kind === 'create' && (
        <UserFormModal roles={roles.data ?? []} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <UserFormModal user={dialog.user} roles={roles.data ?? []} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
    </>
  );
}

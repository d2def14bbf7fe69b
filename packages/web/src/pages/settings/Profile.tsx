import { DATA_SCOPES } from '@kjj/domain';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';

export function Profile() {
  const me = useSignedInUser();
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'name', label: t('users.name'), children: me.name },
        { key: 'username', label: t('users.username'), children: me.username },
        { key: 'org', label: t('record.org'), children: me.org?.name ?? '—' },
        { key: 'section', label: t('record.section'), children: me.section?.name ?? '—' },
        {
          key: 'roles',
          label: t('users.roles'),
          children: me.roles.map((r) => (
            <Tag key={r.code}>
              {r.code} · {pick(DATA_SCOPES.labels[r.scope])}
            </Tag>
          )),
        },
        {
          key: 'permissions',
          label: t('roles.permissions'),
          children: me.permissions.map((p) => <Tag key={p}>{p}</Tag>),
        },
      ]}
    />
  );
}

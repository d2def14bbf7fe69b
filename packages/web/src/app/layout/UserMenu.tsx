import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../../api/auth';
import { useSignedInUser } from '../permissions';

/** The user's name and org; personal settings and logout. */
export function UserMenu({ compact }: { compact: boolean }) {
  const me = useSignedInUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const where = [me.org?.shortName, me.section?.name].filter(Boolean).join(' · ');

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div style={{ lineHeight: 1.4 }}>
                <Typography.Text strong>{me.name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{where || me.username}</Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'settings', icon: <SettingOutlined />, label: t('menu.settings') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'settings') void navigate('/settings');
          if (key === 'logout')
            logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
        },
      }}
    >
      <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4fa3' }} />
        {!compact && (
          <span style={{ lineHeight: 1.2, display: 'inline-flex', flexDirection: 'column' }}>
            <Typography.Text style={{ fontSize: 13 }}>{me.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {where}
            </Typography.Text>
          </span>
        )}
      </Space>
    </Dropdown>
  );
}

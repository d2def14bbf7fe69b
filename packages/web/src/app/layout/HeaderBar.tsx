import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../permissions';
import { LanguageSwitch } from './LanguageSwitch';
import { OrgSwitcher } from './OrgSwitcher';
import { UserMenu } from './UserMenu';

/** Top bar: the menu button on phones, the org switcher, language and the user's menu. */
export function HeaderBar({ isPhone, onOpenMenu }: { isPhone: boolean; onOpenMenu: () => void }) {
  const me = useSignedInUser();
  const { t } = useTranslation();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        borderBottom: '1px solid #e8ecf3',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {isPhone && (
        <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label={t('app.openMenu')} />
      )}
      <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0, fontSize: isPhone ? 15 : 16 }}>
        {isPhone ? t('app.name') : (me.org?.name ?? t('app.name'))}
      </Typography.Text>
      <Space size={isPhone ? 4 : 12}>
        {!isPhone && <OrgSwitcher />}
        <LanguageSwitch compact={isPhone} />
        <UserMenu compact={isPhone} />
      </Space>
    </Layout.Header>
  );
}

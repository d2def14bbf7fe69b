import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ApiTokens } from './ApiTokens';
import { ChangePassword } from './ChangePassword';
import { Profile } from './Profile';

/** 个人设置: who I am, my password, my API tokens. */
export function SettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('menu.settings'));
  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.settings')}</h1>
      </div>
      <Card size="small">
        <Tabs
          items={[
            { key: 'profile', label: t('settings.profile'), children: <Profile /> },
            { key: 'password', label: t('settings.password'), children: <ChangePassword /> },
            { key: 'tokens', label: t('settings.tokens'), children: <ApiTokens /> },
          ]}
        />
      </Card>
    </>
  );
}

import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../../i18n';

/**
 * Two languages, so one button that switches to the other: lighter than a dropdown (the login
 * page loads it) and one tap on a phone. The choice is kept and sent as Accept-Language.
 */
export function LanguageSwitch({ compact }: { compact: boolean }) {
  const { i18n, t } = useTranslation();
  const isEnglish = i18n.language === 'en';
  const label = isEnglish ? (compact ? '中' : '简体中文') : compact ? 'EN' : 'English';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void changeLanguage(isEnglish ? 'zh-CN' : 'en')}
      aria-label={t('app.language')}
      data-testid="language-switch"
    >
      {label}
    </Button>
  );
}

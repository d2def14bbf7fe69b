import dayjs from 'dayjs';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import 'dayjs/locale/zh-cn';
import { session } from '../api/session';
import { LANGUAGE_STORAGE_KEY, storedLanguage, type AppLanguage } from './language';
import { zhCN } from './zh-CN';

/** English is fetched only when someone switches to it; zh-CN ships in the entry chunk. */
async function ensureResources(language: AppLanguage): Promise<void> {
  if (language === 'zh-CN' || i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en);
}

function applySideEffects(language: AppLanguage): void {
  session.setAcceptLanguage(language);
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await changeLanguage(language);
}

export async function changeLanguage(language: AppLanguage): Promise<void> {
  await ensureResources(language);
  applySideEffects(language);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode may refuse storage; the switch still applies to this tab.
  }
  await i18next.changeLanguage(language);
}

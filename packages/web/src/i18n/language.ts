import type { Lang } from '@kjj/domain';

/** UI languages; zh-CN is the default everywhere (bureau staff), English is a switch. */
export type AppLanguage = 'zh-CN' | 'en';

export const LANGUAGE_STORAGE_KEY = 'kjj.language';

export const isAppLanguage = (value: unknown): value is AppLanguage => value === 'zh-CN' || value === 'en';

export function storedLanguage(): AppLanguage {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isAppLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** The domain labels are `{zh, en}`; this picks the side matching the UI language. */
export const domainLang = (language: string): Lang => (language.startsWith('en') ? 'en' : 'zh');

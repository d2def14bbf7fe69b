import type { Lang, Text } from '@kjj/domain';
import { useTranslation } from 'react-i18next';
import { domainLang } from './language';

/** The domain side of the current UI language, and a picker for `{zh, en}` labels. */
export function useLang(): { lang: Lang; pick: (text: Text) => string } {
  const { i18n } = useTranslation();
  const lang = domainLang(i18n.language);
  return { lang, pick: (text) => text[lang] };
}

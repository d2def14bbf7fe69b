/** Every user-visible string exists in zh-CN (the default) and English. */
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}
export const t = (zh: string, en: string): Text => ({ zh, en });

/** `{name}` placeholders, filled from params; unknown placeholders stay visible so gaps are noticed. */
export function fill(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export const pick = (text: Text, lang: Lang): string => text[lang];

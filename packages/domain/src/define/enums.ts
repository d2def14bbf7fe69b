import type { Text } from '../i18n.js';

/** A fixed list of codes with their labels, in display order. */
export interface EnumDef<C extends string = string> {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, Text>>;
}

export function defineEnum<const C extends string>(labels: Record<C, Text>): EnumDef<C> {
  return { codes: Object.keys(labels) as C[], labels };
}

export const enumLabel = (e: EnumDef, code: string, lang: 'zh' | 'en'): string =>
  (e.labels as Record<string, Text>)[code]?.[lang] ?? code;

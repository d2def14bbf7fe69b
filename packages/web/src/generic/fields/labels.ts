import { commonLabels, t, type EntityDef, type Text } from '@kjj/domain';

/** Columns a list or detail may show besides the definition's fields. */
export const META_COLUMNS = ['orgId', 'sectionId', 'createdAt', 'updatedAt'] as const;
export type MetaColumn = (typeof META_COLUMNS)[number];

export const isMetaColumn = (key: string): key is MetaColumn =>
  (META_COLUMNS as readonly string[]).includes(key);

/** The label of a field or meta column, for headers, descriptions and audit diffs. */
export function labelOf(def: EntityDef, key: string): Text {
  return def.fields[key]?.label ?? commonLabels[key] ?? t(key, key);
}

import type { EntityDef } from './define/entity.js';
import type { DictField } from './define/fields.js';
import type { Text } from './i18n.js';

/** A managed list as the code declares it: its name, what it is called, and its seed entries. */
export interface DictInfo {
  dict: string;
  label: Text;
  seed: DictField['seed'];
}

/** Every managed list used by some entity field (the first field naming a list gives its label). */
export function dictRegistry(entities: readonly EntityDef[]): DictInfo[] {
  const found = new Map<string, DictInfo>();
  for (const def of entities)
    for (const field of Object.values(def.fields))
      if (field.kind === 'dict' && !found.has(field.dict))
        found.set(field.dict, { dict: field.dict, label: field.label, seed: field.seed });
  return [...found.values()];
}

/** One entry of a managed list as the API serves it. */
export interface DictEntry {
  id: number;
  code: string;
  label: Text;
  sort: number;
  active: boolean;
  version: number;
}

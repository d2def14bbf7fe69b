import type { EntityDef } from '@kjj/domain';
import { useState } from 'react';
import { META_COLUMNS } from '../fields/labels';

/** Every column a user may pick: the definition's fields in order, then the meta columns. */
export const choosableColumns = (def: EntityDef): string[] => [...Object.keys(def.fields), ...META_COLUMNS];

const storageKey = (def: EntityDef) => `kjj.columns.${def.name}`;

function stored(def: EntityDef): string[] | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(def)) ?? 'null');
    if (!Array.isArray(value)) return undefined;
    const known = new Set(choosableColumns(def));
    // Columns of a field that was since removed from the definition are dropped quietly.
    const columns = value.filter((c): c is string => typeof c === 'string' && known.has(c));
    return columns.length > 0 ? columns : undefined;
  } catch {
    return undefined;
  }
}

/** The visible list columns, remembered per entity in localStorage. */
export function useColumnChoice(def: EntityDef, defaults: string[]) {
  const [columns, setColumns] = useState<string[]>(() => stored(def) ?? defaults);
  const [forEntity, setForEntity] = useState(def.name);
  if (forEntity !== def.name) {
    setForEntity(def.name);
    setColumns(stored(def) ?? defaults);
  }
  const choose = (next: string[]) => {
    // Keep the definition's order whatever order the boxes were ticked in.
    const ordered = choosableColumns(def).filter((c) => next.includes(c));
    setColumns(ordered);
    localStorage.setItem(storageKey(def), JSON.stringify(ordered));
  };
  const reset = () => {
    setColumns(defaults);
    localStorage.removeItem(storageKey(def));
  };
  return { columns, choose, reset };
}

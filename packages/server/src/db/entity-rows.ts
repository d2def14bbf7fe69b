import { fieldEntries, isScalar, searchFields, type EntityDef } from '@kjj/domain';
import type { Dialect } from './types.js';

/** Meta columns selected with every row (snake_case is added by the CamelCasePlugin). */
export const META_COLUMNS = [
  'id',
  'orgId',
  'sectionId',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'version',
  'deletedAt',
  'overrides',
] as const;

export const plainColumnsOf = (def: EntityDef): string[] => [...META_COLUMNS, ...Object.keys(def.fields)];

export const columnsOf = (def: EntityDef, table = def.table): string[] =>
  plainColumnsOf(def).map((c) => `${table}.${c}`);

export type ApiRow = Record<string, unknown> & { id: number; orgId: number; version: number };

/** API value → column value. Only fields present in `values` are encoded (partial updates). */
export function encodeFields(
  def: EntityDef,
  values: Record<string, unknown>,
  dialect: Dialect,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of fieldEntries(def)) {
    if (!(name in values)) continue;
    const v = values[name];
    if (v === null || v === undefined) {
      out[name] = null;
    } else if (field.kind === 'bool') {
      out[name] = dialect === 'sqlite' ? (v ? 1 : 0) : Boolean(v);
    } else if (!isScalar(field)) {
      out[name] = JSON.stringify(v);
    } else {
      out[name] = v;
    }
  }
  return out;
}

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * Column values → the API shape: booleans, parsed JSON, ids as numbers. The row is changed in place:
 * it is a fresh object from the driver, and a copy of every row of every list was garbage the
 * moment it was made.
 */
export function decodeRow(def: EntityDef, row: Record<string, unknown>): ApiRow {
  for (const [name, field] of fieldEntries(def)) {
    const v = row[name];
    if (v === null || v === undefined) row[name] = null;
    else if (field.kind === 'bool') row[name] = v === true || v === 1;
    else if (!isScalar(field)) row[name] = parseJson(v);
  }
  row.overrides = row.overrides ? parseJson(row.overrides) : {};
  return row as ApiRow;
}

/** What the full-text index reads: the searchable fields, lower-cased, one per line. */
export function searchTextOf(def: EntityDef, row: Record<string, unknown>): string {
  return searchFields(def)
    .map((name) => row[name])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join('\n')
    .toLowerCase();
}

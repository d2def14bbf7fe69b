import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { fieldEntries, isScalar, searchFields, snakeCase, type EntityDef } from '@kjj/domain';
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

/** Each definition's column list, written out once (see selectRowColumns). */
const columnLists = new WeakMap<EntityDef, RawBuilder<unknown>>();

/**
 * `query` selecting every column of the entity's rows. The list is SQL written once per
 * definition: selected as column references, its names (26 for an enterprise) were parsed,
 * copied by the camel-case plugin and compiled again for every query, a quarter of what the query
 * builder allocated for a list page. The names come from the definition, never from input; rows
 * come back camelCased as for any other query.
 */
export function selectRowColumns<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  def: EntityDef,
): SelectQueryBuilder<DB, TB, O & Record<string, unknown>> {
  let list = columnLists.get(def);
  if (!list) {
    const table = snakeCase(def.table);
    list = sql.raw(
      plainColumnsOf(def)
        .map((c) => `"${table}"."${snakeCase(c)}"`)
        .join(', '),
    );
    columnLists.set(def, list);
  }
  // The builder's types want an aliased expression; a list of columns has no alias of its own.
  return query.select(list as never) as SelectQueryBuilder<DB, TB, O & Record<string, unknown>>;
}

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

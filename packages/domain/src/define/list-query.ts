import { z } from 'zod';
import { filterFields, type EntityDef } from './entity.js';
import type { FieldDef } from './fields.js';
import { DICT_CODE, isoDate } from './schemas.js';

export const MAX_PAGE = 200;

/** Query-string values arrive as text; these turn them into typed values or clear errors. */
const intParam = z
  .string()
  .regex(/^-?\d{1,15}$/)
  .transform(Number);
const boolParam = z.enum(['true', 'false']).transform((s) => s === 'true');

function listOf(item: z.ZodType<string, string>) {
  return z
    .string()
    .max(1000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(50));
}

/** The filters one field offers: equality, and ranges where order means something. */
function filterParams(name: string, field: FieldDef): Record<string, z.ZodType> {
  switch (field.kind) {
    case 'enum':
      return { [name]: listOf(z.enum(field.values.codes as [string, ...string[]])) };
    case 'dict':
      return { [name]: listOf(z.string().regex(DICT_CODE)) };
    case 'bool':
      return { [name]: boolParam };
    case 'ref':
      return { [name]: intParam.pipe(z.int().positive()) };
    case 'int':
    case 'money':
      return { [name]: intParam, [`${name}.gte`]: intParam, [`${name}.lte`]: intParam };
    case 'date':
      return { [name]: isoDate, [`${name}.gte`]: isoDate, [`${name}.lte`]: isoDate };
    case 'text':
      return { [name]: z.string().trim().min(1).max(field.max) };
    case 'tags':
      return { [name]: z.string().trim().min(1).max(field.maxLength) };
    case 'list':
    case 'qty':
      return {};
  }
}

/** Each filter field with the parameters that filter by it; built once per definition. */
const filterKeysOf = new WeakMap<object, readonly { entry: readonly [string, FieldDef]; keys: string[] }[]>();

/** The filter fields a list's parameters use, by equality or by a range bound. */
export function usedFilterFields(
  def: EntityDef,
  params: Record<string, unknown>,
): (readonly [string, FieldDef])[] {
  let filters = filterKeysOf.get(def.fields);
  if (!filters) {
    filters = filterFields(def).map((entry) => ({
      entry,
      keys: [entry[0], `${entry[0]}.gte`, `${entry[0]}.lte`],
    }));
    filterKeysOf.set(def.fields, filters);
  }
  const used: (readonly [string, FieldDef])[] = [];
  for (const { entry, keys } of filters) if (keys.some((key) => params[key] !== undefined)) used.push(entry);
  return used;
}

export function filterSchemaShape(def: EntityDef): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of filterFields(def)) {
    for (const [key, schema] of Object.entries(filterParams(name, field))) shape[key] = schema.optional();
  }
  return shape;
}

const sortParam = (def: EntityDef) =>
  z.enum(def.sortKeys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]]);

/** Filters shared by the list and its export: what the user sees is what they download. */
export function exportQuerySchema(def: EntityDef) {
  return z.strictObject({
    ...filterSchemaShape(def),
    q: z.string().trim().min(1).max(100).optional(),
    sort: sortParam(def).optional(),
    /** Narrow to one org's subtree inside the caller's scope (the org switcher). */
    orgId: intParam.pipe(z.int().positive()).optional(),
    deleted: z.enum(['only']).optional(),
  });
}

export function listQuerySchema(def: EntityDef) {
  return exportQuerySchema(def).extend({
    limit: intParam.pipe(z.int().min(1).max(MAX_PAGE)).optional(),
    cursor: z.string().min(1).max(1000).optional(),
    count: boolParam.optional(),
  });
}

export type ListQuery = {
  limit?: number;
  cursor?: string;
  count?: boolean;
  q?: string;
  sort?: string;
  orgId?: number;
  deleted?: 'only';
  [filter: string]: unknown;
};

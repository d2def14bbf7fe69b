import { z } from 'zod';
import { QTY_MAX, QTY_MAX_DECIMALS, QUALIFIERS } from '../qty.js';
import { hasErrors } from '../validators/types.js';
import { fieldEntries, type EntityDef } from './entity.js';
import type { FieldDef, TextField } from './fields.js';
import type { ActionDef } from './workflow.js';

/**
 * zod schemas derived from a definition. The server validates requests with them and the web
 * validates forms with the very same objects, so a field error reads the same in both places.
 */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Codes of managed list entries: seeded ones are words (agri_extension), added ones are generated. */
export const DICT_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** Today's date in China Standard Time (UTC+8, no daylight saving): the date a bureau's staff see. */
export const today = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A calendar date that exists (no 2月30日), as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(ISO_DATE)
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { params: { code: 'DATE_INVALID' } },
  );

function textSchema(field: TextField): z.ZodType<string> {
  const base = z
    .string()
    .trim()
    .min(field.required ? 1 : 0)
    .max(field.max);
  const { check } = field;
  if (!check) return base;
  return base
    .superRefine((value, ctx) => {
      if (value === '') return;
      for (const issue of check(value).issues) {
        if (issue.severity !== 'error') continue;
        ctx.addIssue({
          code: 'custom',
          message: issue.en,
          params: { code: issue.code, zh: issue.zh, en: issue.en },
        });
      }
    })
    .transform((value) => (value === '' ? value : (check(value).canonical ?? value)));
}

export function fieldSchema(field: FieldDef): z.ZodType {
  switch (field.kind) {
    case 'text':
      return textSchema(field);
    case 'int':
      return z
        .int()
        .min(field.min ?? -2_147_483_648)
        .max(field.max ?? 2_147_483_647);
    case 'money':
      // 分 as an integer; 10^13 分 (1000亿元) is far beyond any bureau figure and safe in a double.
      return z.int().min(0).max(10_000_000_000_000);
    case 'date':
      return field.notFuture
        ? isoDate.refine((s) => s <= today(), { params: { code: 'DATE_IN_FUTURE' } })
        : isoDate;
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(field.values.codes as [string, ...string[]]);
    case 'dict':
      // Whether the code is an entry of the list is the server's check (the list lives in the database).
      return z.string().regex(DICT_CODE);
    case 'ref':
      return z.int().positive();
    case 'qty':
      return z.strictObject({
        value: z
          .number()
          .min(0)
          .max(QTY_MAX)
          .refine((v) => Number(v.toFixed(QTY_MAX_DECIMALS)) === v, {
            params: {
              code: 'TOO_MANY_DECIMALS',
              zh: `最多保留${QTY_MAX_DECIMALS}位小数`,
              en: `at most ${QTY_MAX_DECIMALS} decimals`,
            },
          }),
        qualifier: z.enum(QUALIFIERS.codes as [string, ...string[]]),
      });
    case 'tags':
      return z.array(z.string().trim().min(1).max(field.maxLength)).max(field.maxItems);
    case 'list':
      return z
        .array(
          z.strictObject(
            Object.fromEntries(
              Object.entries(field.item).map(([k, v]) => [
                k,
                v.kind === 'text' ? textSchema(v) : maybe(v, fieldSchema(v)),
              ]),
            ),
          ),
        )
        .max(field.maxItems);
  }
}

/** Reasons given for overriding warnings, by field: `{ uscc: '个体工商户旧证，已核实' }`. */
export const overridesInput = z.record(z.string().max(50), z.string().trim().min(2).max(200));

const maybe = (field: FieldDef, schema: z.ZodType): z.ZodType =>
  field.required ? schema : schema.nullable().optional();

/** Fields a client may write (everything but the system-written ones). */
export const writableFields = (def: EntityDef): [string, FieldDef][] =>
  Object.entries(def.fields).filter(([, field]) => !field.readOnly);

export function createSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of writableFields(def)) shape[name] = maybe(field, fieldSchema(field));
  return z.strictObject({
    ...shape,
    orgId: z.int().positive().optional(),
    sectionId: z.int().positive().nullable().optional(),
    overrides: overridesInput.optional(),
  });
}

export function updateSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of writableFields(def)) {
    const schema = fieldSchema(field);
    shape[name] = field.required ? schema.optional() : schema.nullable().optional();
  }
  return z.strictObject({
    version: z.int().min(1),
    ...shape,
    sectionId: z.int().positive().nullable().optional(),
    overrides: overridesInput.optional(),
  });
}

/** The body of a workflow action: its form's fields plus the row version it was taken on. */
export function actionSchema(action: ActionDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(action.input)) shape[name] = maybe(field, fieldSchema(field));
  return z.strictObject({ version: z.int().min(1), ...shape });
}

/** The full row as the API returns it (documented in OpenAPI; responses are not re-validated). */
export function outputSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of fieldEntries(def)) shape[name] = maybe(field, fieldSchema(field));
  return z.object({
    id: z.int(),
    orgId: z.int(),
    sectionId: z.int().nullable(),
    ...shape,
    version: z.int(),
    createdBy: z.int().nullable(),
    createdAt: z.string(),
    updatedBy: z.int().nullable(),
    updatedAt: z.string(),
    deletedAt: z.string().nullable(),
    overrides: z.record(
      z.string(),
      z.object({ code: z.string(), reason: z.string(), by: z.int(), at: z.string() }),
    ),
  });
}

/** Warnings (override-able) for the given, already parsed values. */
export function warningsOf(
  def: EntityDef,
  values: Record<string, unknown>,
): { path: string; code: string; zh: string; en: string }[] {
  const warnings = [];
  for (const [name, field] of fieldEntries(def)) {
    const value = values[name];
    if (field.kind !== 'text' || !field.check || typeof value !== 'string' || value === '') continue;
    const result = field.check(value);
    if (hasErrors(result)) continue;
    for (const issue of result.issues)
      warnings.push({ path: name, code: issue.code, zh: issue.zh, en: issue.en });
  }
  return warnings;
}

import { formatMoney, parseMoney, type EntityDef, type FieldDef } from '@kjj/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { asText } from '../../lib/text';

/**
 * Filter controls hold typed values (arrays, dates, 万元 strings); the URL holds API strings.
 * These two functions translate, one field kind at a time.
 */
export type FilterFormValues = Record<string, unknown>;

interface Range<T> {
  gte?: T | null;
  lte?: T | null;
}

type Params = Record<string, string>;

function rangeFromParams<T>(
  params: Params,
  name: string,
  parse: (s: string) => T | undefined,
): Range<T> | undefined {
  const gte = params[`${name}.gte`];
  const lte = params[`${name}.lte`];
  if (gte === undefined && lte === undefined) return undefined;
  return {
    gte: gte === undefined ? null : (parse(gte) ?? null),
    lte: lte === undefined ? null : (parse(lte) ?? null),
  };
}

function fieldToForm(name: string, field: FieldDef, params: Params): unknown {
  const value = params[name];
  switch (field.kind) {
    case 'enum':
    case 'dict':
      return value?.split(',').filter(Boolean);
    case 'ref':
      return value === undefined ? undefined : Number(value);
    case 'date': {
      const range = rangeFromParams(params, name, (s) => dayjs(s));
      return range ? [range.gte ?? null, range.lte ?? null] : undefined;
    }
    case 'int':
      return rangeFromParams(params, name, Number);
    case 'money':
      return rangeFromParams(params, name, (s) => formatMoney(Number(s), field.display));
    default:
      return value;
  }
}

export function filtersToForm(def: EntityDef, params: Params, names: string[]): FilterFormValues {
  return Object.fromEntries(names.map((name) => [name, fieldToForm(name, def.fields[name]!, params)]));
}

function rangeToParams<T>(
  name: string,
  range: Range<T> | undefined,
  encode: (v: T) => string | undefined,
): Params {
  const out: Params = {};
  const gte = range?.gte;
  const lte = range?.lte;
  if (gte !== null && gte !== undefined) out[`${name}.gte`] = encode(gte) ?? '';
  if (lte !== null && lte !== undefined) out[`${name}.lte`] = encode(lte) ?? '';
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== ''));
}

function fieldToParams(name: string, field: FieldDef, value: unknown): Params {
  if (value === undefined || value === null || value === '') return {};
  switch (field.kind) {
    case 'enum':
    case 'dict':
      return Array.isArray(value) && value.length > 0 ? { [name]: value.join(',') } : {};
    case 'date': {
      const [from, to] = (value as (Dayjs | null)[]) ?? [];
      return rangeToParams(name, { gte: from, lte: to }, (d) => d.format('YYYY-MM-DD'));
    }
    case 'int':
      return rangeToParams(name, value as Range<number>, String);
    case 'money':
      // Bounds entered in 万元/元 become exact 分; a malformed bound is dropped rather than guessed.
      return rangeToParams(name, value as Range<string>, (s) =>
        parseMoney(asText(s), field.display)?.toString(),
      );
    default:
      return { [name]: asText(value).trim() };
  }
}

export function formToFilters(def: EntityDef, values: FilterFormValues): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(values))
    Object.assign(params, fieldToParams(name, def.fields[name]!, value));
  return params;
}

import {
  formatMoney,
  MONEY_UNIT_LABELS,
  parseMoney,
  writableFields,
  type EntityDef,
  type FieldDef,
  type Lang,
  type ListItemField,
} from '@kjj/domain';
import dayjs, { type Dayjs } from 'dayjs';
import type { EntityRow } from '../../api/types';
import { asText } from '../../lib/text';
import type { QtyDraft } from './QtyControl';

/**
 * antd controls hold Dayjs dates, 万元 strings and arrays; the API takes ISO dates and integer
 * 分. These functions translate both ways, exactly (money never passes through a float).
 */
export type FormValues = Record<string, unknown>;

export interface FormFieldError {
  name: (string | number)[];
  message: string;
}

function fieldToForm(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (field.kind === 'bool') return false;
    return field.kind === 'tags' || field.kind === 'list' ? [] : undefined;
  }
  switch (field.kind) {
    case 'money':
      return formatMoney(Number(value), field.display);
    case 'date':
      return dayjs(asText(value));
    default:
      return value;
  }
}

export function toFormValues(def: EntityDef, row?: EntityRow): FormValues {
  return Object.fromEntries(
    Object.entries(def.fields).map(([name, field]) => [name, fieldToForm(field, row?.[name])]),
  );
}

type Converted = { value: unknown } | { error: string };

const MONEY_DIGITS = { yuan: 2, wan: 6 } as const;

function moneyFromForm(field: Extract<FieldDef, { kind: 'money' }>, raw: unknown, lang: Lang): Converted {
  const fen = parseMoney(asText(raw), field.display);
  if (fen !== undefined) return { value: fen };
  const unit = MONEY_UNIT_LABELS[field.display][lang];
  const digits = MONEY_DIGITS[field.display];
  return {
    error:
      lang === 'zh'
        ? `${field.label.zh}应为金额（${unit}），最多${digits}位小数`
        : `${field.label.en} must be an amount in ${unit} with at most ${digits} decimals`,
  };
}

/** Every subfield present, as the list item schema is strict: text as strings, numbers or null. */
function listFromForm(field: Extract<FieldDef, { kind: 'list' }>, raw: unknown): unknown {
  const items = Array.isArray(raw) ? (raw as (Record<string, unknown> | undefined)[]) : [];
  const valueOf = (sub: ListItemField, v: unknown) =>
    sub.kind === 'text' ? asText(v) : typeof v === 'number' ? v : null;
  return items.map((item) =>
    Object.fromEntries(Object.entries(field.item).map(([key, sub]) => [key, valueOf(sub, item?.[key])])),
  );
}

function fieldFromForm(field: FieldDef, raw: unknown, lang: Lang): Converted {
  if (raw === undefined || raw === null || raw === '') return { value: null };
  switch (field.kind) {
    case 'money':
      return moneyFromForm(field, raw, lang);
    case 'date':
      return { value: (raw as Dayjs).format('YYYY-MM-DD') };
    case 'list':
      return { value: listFromForm(field, raw) };
    case 'qty': {
      // A qualifier without a number is no figure yet.
      const { value, qualifier } = raw as QtyDraft;
      return { value: value === null || value === undefined ? null : { value, qualifier } };
    }
    case 'text':
      return { value: asText(raw) };
    default:
      return { value: raw };
  }
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) =>
  (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * The request body. A create sends what was filled in; an update sends only what changed (plus
 * `version`), so untouched fields keep their confirmed overrides and the audit diff stays honest.
 */
export function toPayload(def: EntityDef, values: FormValues, lang: Lang, original?: EntityRow) {
  const payload: Record<string, unknown> = original ? { version: original.version } : {};
  const errors: FormFieldError[] = [];
  for (const [name, field] of writableFields(def)) {
    const converted = fieldFromForm(field, values[name], lang);
    if ('error' in converted) {
      errors.push({ name: [name], message: converted.error });
      continue;
    }
    const { value } = converted;
    if (original) {
      if (!same(value, original[name]))
        payload[name] = isEmpty(value) && field.kind !== 'tags' && field.kind !== 'list' ? null : value;
    } else if (!isEmpty(value) || field.kind === 'bool') {
      payload[name] = value;
    }
  }
  return { payload, errors, changed: Object.keys(payload).some((k) => k !== 'version') };
}

/** `contacts.0.name` → ['contacts', 0, 'name'], the antd form path of an API field path. */
export function formPath(def: EntityDef, path: string): (string | number)[] | undefined {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const head = parts[0];
  if (typeof head !== 'string' || !(head in def.fields)) return undefined;
  // A figure is one control: its number's error shows under the field.
  return def.fields[head]?.kind === 'qty' ? [head] : parts;
}

import type { Text } from '../i18n.js';
import type { ValidatorResult } from '../validators/types.js';
import type { EnumDef } from './enums.js';

/**
 * Field kinds an entity can declare. Each kind knows its storage, its zod schema, its list filter
 * and its Excel cell; adding a kind means teaching those four places, nothing per entity.
 */
interface Common {
  label: Text;
  /** Shown under the form field and as the Excel header note. */
  help?: Text;
  required?: boolean;
  /** Offer as a list filter (equality; ranges for numbers and dates). */
  filter?: boolean;
  /** Offer as a list sort key. Only required scalar fields can be sort keys (keyset paging needs non-null). */
  sort?: boolean;
  /** Part of the full-text `q` index. */
  search?: boolean;
  /** Unique among live rows of the same org. */
  unique?: boolean;
  /** Hidden from lists and exports unless asked (e.g. long notes). */
  hidden?: boolean;
  /** Written only by the system (a workflow's state and the dates its actions stamp), never by forms or imports. */
  readOnly?: boolean;
}

export interface TextField extends Common {
  kind: 'text';
  max: number;
  min?: number;
  multiline?: boolean;
  /**
   * Identifier check (USCC, resident ID, …). Errors block; warnings block unless overridden with
   * a reason. Returns the canonical form to store.
   */
  check?: (value: string) => ValidatorResult;
}
export interface IntField extends Common {
  kind: 'int';
  min?: number;
  max?: number;
  unit?: Text;
}
/** Integer 分; shown and entered as 元 or 万元 (`display`). */
export interface MoneyField extends Common {
  kind: 'money';
  display: 'yuan' | 'wan';
}
export interface DateField extends Common {
  kind: 'date';
  /** A past event: a date after today is an error. */
  notFuture?: boolean;
}
export interface BoolField extends Common {
  kind: 'bool';
}
export interface EnumField extends Common {
  kind: 'enum';
  values: EnumDef;
}
/**
 * A value from a list the bureaus manage (项目类别, 储备项目行业): `seed` is what every installation
 * starts with; administrators add, rename and retire entries. Rows store the entry's code.
 */
export interface DictField extends Common {
  kind: 'dict';
  /** The list's name, shared by every field that uses it. */
  dict: string;
  seed: EnumDef;
}
/** A reference to a row of another table (`town`, `org`, or an entity). */
export interface RefField extends Common {
  kind: 'ref';
  target: string;
}
export interface TagsField extends Common {
  kind: 'tags';
  maxItems: number;
  maxLength: number;
}
/**
 * A counted figure as bureaus write it, with its qualifier ("30多个", "约100人次"; DOMAIN §3.0 Qty).
 * The measure word belongs to the field; the row keeps `{ value, qualifier }`.
 */
export interface QtyField extends Common {
  kind: 'qty';
  /** Measure word: 个, 人次, 家 … */
  unit: string;
}
/** A short list of small records kept on the row (e.g. contacts, a score sheet's lines). */
export type ListItemField = TextField | IntField;
export interface ListField extends Common {
  kind: 'list';
  item: Record<string, ListItemField>;
  maxItems: number;
}

export type FieldDef =
  | TextField
  | IntField
  | MoneyField
  | DateField
  | BoolField
  | EnumField
  | DictField
  | RefField
  | TagsField
  | ListField
  | QtyField;
export type FieldKind = FieldDef['kind'];

type Opts<F> = Omit<F, 'kind'>;
type WithDefaults<F, K extends keyof F> = Omit<Opts<F>, K> & Partial<Pick<F, K>>;

export const f = {
  text: (o: WithDefaults<TextField, 'max'>): TextField => ({ kind: 'text', max: 200, ...o }),
  int: (o: Opts<IntField>): IntField => ({ kind: 'int', ...o }),
  money: (o: WithDefaults<MoneyField, 'display'>): MoneyField => ({ kind: 'money', display: 'wan', ...o }),
  date: (o: Opts<DateField>): DateField => ({ kind: 'date', ...o }),
  bool: (o: Opts<BoolField>): BoolField => ({ kind: 'bool', ...o }),
  enum: (values: EnumDef, o: Opts<Omit<EnumField, 'values'>>): EnumField => ({ kind: 'enum', values, ...o }),
  dict: (dict: string, seed: EnumDef, o: Opts<Omit<DictField, 'dict' | 'seed'>>): DictField => ({
    kind: 'dict',
    dict,
    seed,
    ...o,
  }),
  ref: (target: string, o: Opts<Omit<RefField, 'target'>>): RefField => ({ kind: 'ref', target, ...o }),
  qty: (o: Opts<QtyField>): QtyField => ({ kind: 'qty', ...o }),
  tags: (o: WithDefaults<TagsField, 'maxItems' | 'maxLength'>): TagsField => ({
    kind: 'tags',
    maxItems: 20,
    maxLength: 20,
    ...o,
  }),
  list: (
    item: Record<string, ListItemField>,
    o: WithDefaults<Omit<ListField, 'item'>, 'maxItems'>,
  ): ListField => ({
    kind: 'list',
    item,
    maxItems: 20,
    ...o,
  }),
};

/** Kinds whose values are plain scalars in a column (the rest are JSON). */
export const isScalar = (field: FieldDef): boolean =>
  field.kind !== 'tags' && field.kind !== 'list' && field.kind !== 'qty';

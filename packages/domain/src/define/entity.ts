import type { Text } from '../i18n.js';
import { isScalar, type FieldDef } from './fields.js';
import { defineWorkflow, type Workflow, type WorkflowInput } from './workflow.js';

/** Row columns every business entity has besides its own fields (DESIGN §3, DOMAIN §3). */
export const META_FIELDS = [
  'id',
  'orgId',
  'sectionId',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'version',
  'deletedAt',
  'deletedBy',
  'overrides',
] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** Sort keys every entity offers besides its own `sort: true` fields. */
export const META_SORTS = ['updatedAt', 'createdAt', 'id'] as const;

export const CRUD_OPERATIONS = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;
export type CrudOperation = (typeof CRUD_OPERATIONS)[number];

export interface EntityInput<F extends Record<string, FieldDef>> {
  /** Singular camelCase name; the table is its snake_case form. */
  name: string;
  /** URL segment under /api/v1. */
  plural: string;
  label: Text;
  fields: F;
  /** The field that names a row in titles, audit entries and error messages. */
  display: keyof F & string;
  list: { columns: (keyof F & string)[]; sort: string };
  /** Excel template/export columns, in order. Defaults to every visible field. */
  excel?: (keyof F & string)[];
  /** Field that identifies a row for import upserts (unique within the org). */
  importKey?: keyof F & string;
  /** The marked example row of the Excel template (API values). */
  sample?: Partial<Record<keyof F & string, unknown>>;
  /** The record's lifecycle; its state field must be a required, read-only enum. */
  workflow?: WorkflowInput & { field: keyof F & string };
  /** Readable by every bureau below the owner too (a call for proposals issued from above). */
  sharedDown?: boolean;
  /**
   * A field holding the id of the user the row is assigned to (a reviewer's score sheet): the
   * "own records" scope reaches rows one created and rows assigned to one.
   */
  assignee?: keyof F & string;
  /** Documents can be attached to a row (read with the row, added and removed by who may update it). */
  attachments?: boolean;
}

/**
 * A definition as the framework consumes it. Field names are plain strings here: the typed names
 * only matter while writing a definition (EntityInput checks them), and keeping this type
 * non-generic lets every definition live in one registry.
 */
export interface EntityDef {
  name: string;
  plural: string;
  label: Text;
  fields: Record<string, FieldDef>;
  display: string;
  list: { columns: string[]; sort: string };
  excel: string[];
  importKey?: string;
  sample: Record<string, unknown>;
  table: string;
  /** Fields allowed as `sort` (with `-` for descending). */
  sortKeys: string[];
  permissions: Record<CrudOperation, string>;
  workflow?: Workflow;
  sharedDown?: boolean;
  assignee?: string;
  attachments?: boolean;
}

export const snakeCase = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function defineEntity<const F extends Record<string, FieldDef>>(
  input: EntityInput<F>,
): EntityDef & { fields: F } {
  const problems = definitionProblems(input as unknown as EntityInput<Record<string, FieldDef>>);
  if (problems.length > 0) throw new Error(`entity ${input.name}: ${problems.join('; ')}`);
  const sortKeys = [
    ...Object.entries(input.fields)
      .filter(([, field]) => field.sort)
      .map(([name]) => name),
    ...META_SORTS,
  ];
  const permissions = Object.fromEntries(CRUD_OPERATIONS.map((op) => [op, `${input.name}:${op}`])) as Record<
    CrudOperation,
    string
  >;
  return {
    ...input,
    excel: input.excel ?? visibleFields(input.fields),
    sample: input.sample ?? {},
    table: snakeCase(input.name),
    sortKeys,
    permissions,
    workflow: input.workflow && defineWorkflow(input.name, input.workflow),
  };
}

function visibleFields<F extends Record<string, FieldDef>>(fields: F): (keyof F & string)[] {
  return Object.entries(fields)
    .filter(([, field]) => !field.hidden)
    .map(([name]) => name);
}

/** Mistakes a definition can make that would only show up later as odd SQL or broken paging. */
function definitionProblems(input: EntityInput<Record<string, FieldDef>>): string[] {
  const problems: string[] = [];
  for (const [name, field] of Object.entries(input.fields)) {
    if ((META_FIELDS as readonly string[]).includes(name))
      problems.push(`${name} clashes with a meta column`);
    if (field.sort && (!field.required || !isScalar(field)))
      problems.push(`${name}: sort keys must be required scalars`);
    if (field.search && field.kind !== 'text') problems.push(`${name}: only text fields can be searched`);
    if (field.unique && !isScalar(field)) problems.push(`${name}: only scalars can be unique`);
  }
  const known = new Set(Object.keys(input.fields));
  for (const column of [...input.list.columns, ...(input.excel ?? []), input.display]) {
    if (!known.has(column)) problems.push(`unknown field ${column}`);
  }
  const sortField = input.list.sort.replace(/^-/, '');
  if (!input.fields[sortField]?.sort && !(META_SORTS as readonly string[]).includes(sortField)) {
    problems.push(`default sort ${input.list.sort} is not a sort key`);
  }
  if (input.assignee && input.fields[input.assignee]?.kind !== 'int')
    problems.push('assignee must be an int field (a user id)');
  if (input.importKey && !input.fields[input.importKey]?.unique)
    problems.push('importKey must be a unique field');
  if (input.workflow) {
    const state = input.fields[input.workflow.field];
    if (state?.kind !== 'enum' || !state.required || !state.readOnly)
      problems.push('the workflow state must be a required, read-only enum field');
    else if (state.values !== input.workflow.states)
      problems.push('the workflow states must be the field enum');
  }
  return problems;
}

const entriesOf = new WeakMap<object, readonly (readonly [string, FieldDef])[]>();
const searchedOf = new WeakMap<object, readonly string[]>();
const filteredOf = new WeakMap<object, readonly (readonly [string, FieldDef])[]>();

/**
 * The definition's fields as [name, field] pairs, built once per definition: an import converts,
 * encodes, hashes and audits each of its rows field by field, and a fresh `Object.entries` per
 * row and step was a tenth of everything it allocated.
 */
export function fieldEntries(def: EntityDef): readonly (readonly [string, FieldDef])[] {
  let entries = entriesOf.get(def.fields);
  if (!entries) {
    entries = Object.entries(def.fields);
    entriesOf.set(def.fields, entries);
  }
  return entries;
}

export function searchFields(def: EntityDef): readonly string[] {
  let names = searchedOf.get(def.fields);
  if (!names) {
    names = fieldEntries(def)
      .filter(([, field]) => field.search)
      .map(([name]) => name);
    searchedOf.set(def.fields, names);
  }
  return names;
}

/** The fields a list can be filtered by, as [name, field] pairs, built once per definition. */
export function filterFields(def: EntityDef): readonly (readonly [string, FieldDef])[] {
  let entries = filteredOf.get(def.fields);
  if (!entries) {
    entries = fieldEntries(def).filter(([, field]) => field.filter);
    filteredOf.set(def.fields, entries);
  }
  return entries;
}

import type { Kysely } from 'kysely';
import { snakeCase, type EntityDef } from '@kjj/domain';
import { META_COLUMNS } from './entity-rows.js';

/**
 * Differences between an entity's definition and its table as the migrations built it (DESIGN §2:
 * "the migration check"): missing columns, columns no definition explains, nullability mismatches.
 */
export async function checkTable(db: Kysely<any>, def: EntityDef): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const table = tables.find((t) => t.name === def.table);
  if (!table) return [`table ${def.table} does not exist`];
  const actual = new Map(table.columns.map((c) => [c.name, c]));
  const expected = new Map<string, { nullable: boolean }>([
    ...[...META_COLUMNS, 'deletedBy'].map(
      (c) =>
        [
          snakeCase(c),
          { nullable: !['id', 'orgId', 'createdAt', 'updatedAt', 'version'].includes(c) },
        ] as const,
    ),
    ['search_text', { nullable: false }],
    ...Object.entries(def.fields).map(
      ([name, field]) => [snakeCase(name), { nullable: !field.required }] as const,
    ),
  ]);
  const problems: string[] = [];
  for (const [name, want] of expected) {
    const column = actual.get(name);
    if (!column) problems.push(`${def.table}.${name} is missing`);
    else if (name !== 'id' && column.isNullable !== want.nullable)
      problems.push(`${def.table}.${name} should be ${want.nullable ? 'nullable' : 'not null'}`);
  }
  for (const name of actual.keys())
    if (!expected.has(name)) problems.push(`${def.table}.${name} is not in the definition`);
  return problems;
}

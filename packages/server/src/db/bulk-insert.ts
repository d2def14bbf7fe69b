import { CompiledQuery, type Kysely } from 'kysely';
import { snakeCase } from '@kjj/domain';
import type { Dialect } from './types.js';

/** Statement texts by shape (table, columns, row count), so each is written out once. */
const statements = new Map<string, string>();
const MAX_STATEMENTS = 64;

function statementFor(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  returning: readonly string[],
  rowCount: number,
): string {
  const key = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${returning.join(',')}\u0000${rowCount}`;
  let text = statements.get(key);
  if (text) return text;
  const width = columns.length;
  const placeholder = dialect === 'postgres' ? (i: number) => `$${i + 1}` : () => '?';
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r++)
    tuples.push(`(${columns.map((_, c) => placeholder(r * width + c)).join(', ')})`);
  text =
    `insert into "${snakeCase(table)}" (${columns.map((c) => `"${snakeCase(c)}"`).join(', ')}) ` +
    `values ${tuples.join(', ')}` +
    (returning.length > 0
      ? ` returning ${returning.map((c) => `"${snakeCase(c)}" as "${c}"`).join(', ')}`
      : '');
  if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
  statements.set(key, text);
  return text;
}

/**
 * A multi-row INSERT (… RETURNING, when columns are asked for) written out directly and run
 * without the camel-case plugin: columns are named in both cases here. Through the query builder,
 * each 200-row chunk of an import became a node per value, copied by the plugin and compiled, and
 * every key of every returned row was renamed: about 2 s of server CPU per 100,000 rows.
 * `rows` are given in `columns` order; identifiers are the definition's, never user input.
 */
export async function insertRows(
  executor: Kysely<any>,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning: readonly string[] = [],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const text = statementFor(dialect, table, columns, returning, rows.length);
  const parameters: unknown[] = [];
  for (const row of rows) for (const value of row) parameters.push(value);
  const result = await executor
    .withoutPlugins()
    .executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, parameters));
  return result.rows;
}

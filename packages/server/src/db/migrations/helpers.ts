import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';

export type AnyTable = CreateTableBuilder<string, string>;

/** An integer surrogate key: identity on PostgreSQL, the rowid alias on SQLite. */
export function withId(db: Kysely<unknown>, table: AnyTable): AnyTable {
  return dialectOfDb(db) === 'postgres'
    ? table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey());
}

/**
 * The columns every business row carries (DESIGN §3 and §4): owner org and section, who and when,
 * optimistic-lock version, soft delete, validation overrides, and the text the search index reads.
 */
export function businessTable(db: Kysely<unknown>, name: string): AnyTable {
  const t = columnTypes(dialectOfDb(db));
  return withId(db, db.schema.createTable(name) as unknown as AnyTable)
    .addColumn('org_id', t.bigint, (c) => c.notNull().references('org.id'))
    .addColumn('section_id', t.bigint, (c) => c.references('org.id'))
    .addColumn('created_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', sql.raw(t.instant))
    .addColumn('deleted_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('overrides', sql.raw(t.json))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''));
}

/**
 * Full-text search over `search_text`: an FTS5 trigram index kept in step by triggers on SQLite,
 * a pg_trgm GIN index on PostgreSQL. Both answer substring queries of three or more characters.
 */
export async function addSearchIndex(db: Kysely<unknown>, table: string): Promise<void> {
  if (dialectOfDb(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index ${sql.raw(`${table}_search_trgm`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  const fts = `${table}_fts`;
  await sql
    .raw(
      `create virtual table ${fts} using fts5(search_text, content='${table}', content_rowid='id', tokenize='trigram')`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_fts_ai after insert on ${table} begin
      insert into ${fts}(rowid, search_text) values (new.id, new.search_text); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_fts_ad after delete on ${table} begin
      insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.id, old.search_text); end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_fts_au after update of search_text on ${table} begin
      insert into ${fts}(${fts}, rowid, search_text) values ('delete', old.id, old.search_text);
      insert into ${fts}(rowid, search_text) values (new.id, new.search_text); end`,
    )
    .execute(db);
}

/**
 * Keyset-paging indexes for a business table: per sort key alone (wide scopes) and behind org_id
 * (one bureau), plus section and creator scopes. Partial on live rows, so the planner prefers them
 * for every list (which always asks `deleted_at is null`) and answers the page's ids from the index
 * alone; the trash has its own small index.
 */
export async function keysetIndexes(db: Kysely<unknown>, table: string, sortKeys: string[]): Promise<void> {
  const live = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).where(sql.ref('deleted_at'), 'is', null).execute();
  for (const key of ['updated_at', 'created_at', ...sortKeys]) {
    await live(`${table}_${key}`, [key, 'id', 'org_id']);
    await live(`${table}_org_${key}`, ['org_id', key, 'id']);
  }
  await live(`${table}_section`, ['section_id', 'updated_at', 'id']);
  await live(`${table}_created_by`, ['created_by', 'id']);
  await db.schema.createIndex(`${table}_trash`).on(table).columns(['deleted_at', 'id']).execute();
}

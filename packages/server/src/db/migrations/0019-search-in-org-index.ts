import { sql, type Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

/** Every table built with `keysetIndexes` and `addSearchIndex`. */
const TABLES = [
  'enterprise',
  'project',
  'reserve_item',
  'disbursement',
  'call',
  'expert',
  'review_batch',
  'review_sheet',
  'progress_report',
  'reserve_survey',
  'target',
  'metric_entry',
];

/**
 * Each bureau's rows in their default order (`org_id, updated_at, id`) now also carry the search
 * text. A term too short for the trigram index (two characters, the usual way to look a company
 * up) is tested on every row of the scope; with the text in the index that test reads no row
 * (a city's 2,849 enterprises searched for 橘海: 7.4 → 1.2 ms on PostgreSQL, 1.9 → 0.6 ms on
 * SQLite). PostgreSQL keeps the text outside the key (INCLUDE); SQLite has only key columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOfDb(db) === 'postgres';
  for (const table of TABLES) {
    const name = sql.raw(`${table}_org_updated_at`);
    await sql`drop index ${name}`.execute(db);
    await sql`create index ${name} on ${sql.table(table)} (org_id, updated_at, id${sql.raw(
      postgres ? ') include (search_text' : ', search_text',
    )}) where deleted_at is null`.execute(db);
    if (!postgres) await reanalyzeIfAnalyzed(db, table);
  }
}

/**
 * SQLite keeps statistics per index, and the server gathers them only for tables that have none
 * (see connect.ts): a table analyzed before would be planned without any for its new index.
 */
async function reanalyzeIfAnalyzed(db: Kysely<unknown>, table: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from sqlite_schema where name = 'sqlite_stat1'`.execute(db);
  if (Number(rows[0]?.n) === 0) return;
  const analyzed = await sql`select 1 from sqlite_stat1 where tbl = ${table} limit 1`.execute(db);
  if (analyzed.rows.length > 0) await sql`analyze ${sql.table(table)}`.execute(db);
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { withId, type AnyTable } from './helpers.js';

/**
 * Drafts of the annual report (DOMAIN §3.13): the current model on the draft, and every saved
 * version kept beside it so an earlier wording can be read back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const instant = sql.raw(t.instant);
  const json = sql.raw(t.json);
  const date = sql.raw(t.date);
  await withId(db, db.schema.createTable('report_draft') as unknown as AnyTable)
    .addColumn('org_id', t.bigint, (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cutoff', date, (c) => c.notNull())
    .addColumn('document_date', date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('model', json, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('deleted_at', instant)
    .execute();
  await db.schema
    .createIndex('report_draft_org_year')
    .on('report_draft')
    .columns(['org_id', 'year', 'id'])
    .execute();
  await withId(db, db.schema.createTable('report_draft_version') as unknown as AnyTable)
    .addColumn('draft_id', t.bigint, (c) => c.notNull().references('report_draft.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('model', json, (c) => c.notNull())
    .addColumn('saved_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('saved_at', instant, (c) => c.notNull())
    .addUniqueConstraint('report_draft_version_unique', ['draft_id', 'version'])
    .execute();
}

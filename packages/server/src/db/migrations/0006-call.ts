import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 申报通知 (definition: packages/domain/src/entities/call.ts) and the call a project answers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  await businessTable(db, 'call')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('plan_name', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('publish_date', date, (c) => c.notNull())
    .addColumn('deadline', date, (c) => c.notNull())
    .addColumn('categories', sql.raw(t.json))
    .addColumn('review_required', sql.raw(t.bool))
    .addColumn('publicity_working_days', 'integer')
    .addColumn('content', 'text')
    .execute();
  await keysetIndexes(db, 'call', ['title', 'publish_date', 'deadline']);
  await addSearchIndex(db, 'call');
  await db.schema
    .alterTable('project')
    .addColumn('call_id', t.bigint, (c) => c.references('call.id'))
    .execute();
  await db.schema.createIndex('project_call').on('project').columns(['call_id']).execute();
}

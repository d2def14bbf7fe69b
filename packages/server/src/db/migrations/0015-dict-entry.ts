import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { withId, type AnyTable } from './helpers.js';

/**
 * Managed lists (项目类别, 储备项目行业): the entries a row's dict field may hold. Seed entries are
 * added at start-up from the definitions (db/dicts.ts); administrators add, rename and retire.
 * Entries are never deleted: old rows keep their code and its label.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await withId(db, db.schema.createTable('dict_entry') as unknown as AnyTable)
    .addColumn('dict', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('updated_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dict_entry_code')
    .on('dict_entry')
    .columns(['dict', 'code'])
    .unique()
    .execute();
  await db.schema
    .createIndex('dict_entry_label')
    .on('dict_entry')
    .columns(['dict', 'label_zh'])
    .unique()
    .execute();
}

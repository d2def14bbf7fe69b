import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { withId } from './helpers.js';

/**
 * Attachments: metadata per row, bytes once per SHA-256 in the database itself, so a backup, a
 * restore or a rolled-back transaction never leaves a document and its record apart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await db.schema
    .createTable('attachment_blob')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('bytes', sql.raw(t.blob), (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('attachment') as never)
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('row_id', t.bigint, (c) => c.notNull())
    .addColumn('org_id', t.bigint, (c) => c.notNull().references('org.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', t.bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blob.sha256'))
    .addColumn('created_by', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('created_at', sql.raw(t.instant), (c) => c.notNull())
    .addColumn('deleted_at', sql.raw(t.instant))
    .addColumn('deleted_by', t.bigint, (c) => c.references('user_account.id'))
    .execute();
  await db.schema
    .createIndex('attachment_row')
    .on('attachment')
    .columns(['entity', 'row_id', 'id'])
    .execute();
}

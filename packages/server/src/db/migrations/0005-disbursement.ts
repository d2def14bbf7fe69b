import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 拨款 (definition: packages/domain/src/entities/disbursement.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  await businessTable(db, 'disbursement')
    .addColumn('project_id', t.bigint, (c) => c.notNull().references('project.id'))
    .addColumn('tranche_no', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', t.bigint, (c) => c.notNull())
    .addColumn('planned_date', date)
    .addColumn('voucher_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paid_at', date)
    .addColumn('note', 'text')
    .execute();
  await keysetIndexes(db, 'disbursement', ['voucher_no']);
  await db.schema
    .createIndex('disbursement_project')
    .on('disbursement')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('disbursement_org_paid')
    .on('disbursement')
    .columns(['org_id', 'paid_at'])
    .execute();
  await addSearchIndex(db, 'disbursement');
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 项目库 (definition: packages/domain/src/entities/reserve-item.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  await businessTable(db, 'reserve_item')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source_unit', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('maturity', 'text', (c) => c.notNull())
    .addColumn('expected_investment_fen', t.bigint)
    .addColumn('survey_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entered_at', date)
    .addColumn('promoted_at', date)
    .addColumn('exited_at', date)
    .addColumn('note', 'text')
    .execute();
  await keysetIndexes(db, 'reserve_item', ['name']);
  await db.schema
    .createIndex('reserve_item_org_entered')
    .on('reserve_item')
    .columns(['org_id', 'entered_at'])
    .execute();
  await addSearchIndex(db, 'reserve_item');
}

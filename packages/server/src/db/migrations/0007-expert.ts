import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 评审专家库 (definition: packages/domain/src/entities/expert.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await businessTable(db, 'expert')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('fields', sql.raw(t.json))
    .addColumn('phone', 'text')
    .addColumn('declared_conflict_units', sql.raw(t.json))
    .addColumn('active', sql.raw(t.bool))
    .execute();
  // One record per person and bureau among live rows (the resident ID is the import key).
  await db.schema
    .createIndex('expert_id_number_unique')
    .on('expert')
    .columns(['org_id', 'id_number'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await keysetIndexes(db, 'expert', ['name']);
  await addSearchIndex(db, 'expert');
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 企业库: the first business entity (definition: packages/domain/src/entities/enterprise.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await businessTable(db, 'enterprise')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('industry', 'text')
    .addColumn('established', sql.raw(t.date))
    .addColumn('registered_capital_fen', t.bigint)
    .addColumn('legal_rep', 'text')
    .addColumn('town_id', t.bigint, (c) => c.references('town.id'))
    .addColumn('address', 'text')
    .addColumn('park', 'text')
    .addColumn('contacts', sql.raw(t.json))
    .addColumn('tags', sql.raw(t.json))
    .addColumn('is_hte', sql.raw(t.bool))
    .addColumn('is_tsme', sql.raw(t.bool))
    .addColumn('is_above_scale', sql.raw(t.bool))
    .addColumn('note', 'text')
    .execute();

  // USCC is unique among live enterprises of one bureau; a deleted duplicate can be restored instead.
  await db.schema
    .createIndex('enterprise_uscc_unique')
    .on('enterprise')
    .columns(['org_id', 'uscc'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  // Keyset pages: one index per sort key, alone (wide scopes) and behind org_id (one bureau).
  await keysetIndexes(db, 'enterprise', ['name', 'uscc']);
  await addSearchIndex(db, 'enterprise');
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/**
 * 考核指标 and 手工填报 figures (definitions: packages/domain/src/entities/target.ts and
 * metric-entry.ts). A KPI board reads an org's targets of a year (the keyset index on org and
 * year serves it); a metric reads the latest entries of one metric in a subtree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  const json = sql.raw(t.json);
  const bool = sql.raw(t.bool);
  await businessTable(db, 'target')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('metric_id', 'text')
    .addColumn('target_value', json)
    .addColumn('weight', 'integer')
    .addColumn('owner_section_id', t.bigint, (c) => c.references('org.id'))
    .addColumn('owner_name', 'text')
    .addColumn('due_date', date)
    .addColumn('parent_target_id', t.bigint, (c) => c.references('target.id'))
    .addColumn('assigned_from_target_id', t.bigint, (c) => c.references('target.id'))
    .addColumn('achieved', bool)
    .addColumn('declared_impossible', bool)
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .execute();
  await keysetIndexes(db, 'target', ['year', 'name']);
  await addSearchIndex(db, 'target');
  await db.schema.createIndex('target_parent').on('target').columns(['parent_target_id']).execute();
  await db.schema
    .createIndex('target_assigned_from')
    .on('target')
    .columns(['assigned_from_target_id'])
    .execute();

  await businessTable(db, 'metric_entry')
    .addColumn('metric_id', 'text', (c) => c.notNull())
    .addColumn('as_of', date, (c) => c.notNull())
    .addColumn('value', json, (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .execute();
  await keysetIndexes(db, 'metric_entry', ['as_of']);
  await addSearchIndex(db, 'metric_entry');
  await db.schema
    .createIndex('metric_entry_metric')
    .on('metric_entry')
    .columns(['metric_id', 'org_id', 'as_of'])
    .execute();
}

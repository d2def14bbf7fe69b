import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/**
 * 项目摸底调研 as records (definition: packages/domain/src/entities/reserve-survey.ts), and a library
 * item's links to its survey (replacing the free-text survey name) and to the application it became.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  const json = sql.raw(t.json);
  await businessTable(db, 'reserve_survey')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_date', date, (c) => c.notNull())
    .addColumn('end_date', date)
    .addColumn('staff_names', 'text')
    .addColumn('units_visited', json)
    .addColumn('industries_covered', json)
    .addColumn('summary', 'text')
    .execute();
  await keysetIndexes(db, 'reserve_survey', ['name', 'year', 'start_date']);
  await addSearchIndex(db, 'reserve_survey');

  await db.schema
    .alterTable('reserve_item')
    .addColumn('survey_id', t.bigint, (c) => c.references('reserve_survey.id'))
    .execute();
  await db.schema
    .alterTable('reserve_item')
    .addColumn('project_id', t.bigint, (c) => c.references('project.id'))
    .execute();
  await db.schema.alterTable('reserve_item').dropColumn('survey_name').execute();
  await db.schema.createIndex('reserve_item_survey').on('reserve_item').columns(['survey_id']).execute();
  await db.schema.createIndex('reserve_item_project').on('reserve_item').columns(['project_id']).execute();
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/** 项目进展报告 (definition: packages/domain/src/entities/progress-report.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await businessTable(db, 'progress_report')
    .addColumn('project_id', t.bigint, (c) => c.notNull().references('project.id'))
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('report_date', sql.raw(t.date), (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('spent_to_date_fen', t.bigint)
    .addColumn('issues', 'text')
    .execute();
  await keysetIndexes(db, 'progress_report', ['report_date']);
  await db.schema
    .createIndex('progress_report_project')
    .on('progress_report')
    .columns(['project_id', 'id'])
    .execute();
  await addSearchIndex(db, 'progress_report');
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';

/** A project's first acceptance verdict, which the 验收一次通过率 counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  await db.schema.alterTable('project').addColumn('first_acceptance_at', sql.raw(t.date)).execute();
  await db.schema.alterTable('project').addColumn('first_acceptance_result', 'text').execute();
  await db.schema
    .createIndex('project_org_first_acceptance_at')
    .on('project')
    .columns(['org_id', 'first_acceptance_at'])
    .execute();
}

import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes, withId } from './helpers.js';

/**
 * 科技项目 (definition: packages/domain/src/entities/project.ts) and the workflow timeline that
 * every entity with a lifecycle writes to: one row per action taken, with its input.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  await businessTable(db, 'project')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('plan_name', 'text')
    .addColumn('undertaker_id', t.bigint, (c) => c.references('enterprise.id'))
    .addColumn('undertaker_name', 'text', (c) => c.notNull())
    .addColumn('leader_name', 'text')
    .addColumn('leader_phone', 'text')
    .addColumn('team', sql.raw(t.json))
    .addColumn('town_id', t.bigint, (c) => c.references('town.id'))
    .addColumn('fiscal_requested_fen', t.bigint)
    .addColumn('self_funded_fen', t.bigint)
    .addColumn('fiscal_approved_fen', t.bigint)
    .addColumn('planned_start', date)
    .addColumn('planned_end', date)
    .addColumn('indicators', sql.raw(t.json))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('approval_doc_no', 'text')
    .addColumn('contract_no', 'text')
    .addColumn('submitted_at', date)
    .addColumn('recommended_at', date)
    .addColumn('publicity_end', date)
    .addColumn('approved_at', date)
    .addColumn('contract_date', date)
    .addColumn('implemented_at', date)
    .addColumn('extended_at', date)
    .addColumn('accepted_at', date)
    .addColumn('closed_at', date)
    .addColumn('terminated_at', date)
    .addColumn('note', 'text')
    .execute();
  await keysetIndexes(db, 'project', ['name', 'year']);
  // Metrics count by the dates the lifecycle stamps, per bureau.
  for (const stamp of ['recommended_at', 'approved_at', 'implemented_at'])
    await db.schema.createIndex(`project_org_${stamp}`).on('project').columns(['org_id', stamp]).execute();
  await addSearchIndex(db, 'project');

  await withId(db, db.schema.createTable('workflow_event'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('row_id', t.bigint, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('input', sql.raw(t.json))
    .addColumn('on_date', date, (c) => c.notNull())
    .addColumn('actor_id', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('at', sql.raw(t.instant), (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_event_row')
    .on('workflow_event')
    .columns(['entity', 'row_id', 'id'])
    .execute();
}

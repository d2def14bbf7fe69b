import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOfDb } from '../dialect.js';
import { addSearchIndex, businessTable, keysetIndexes } from './helpers.js';

/**
 * Expert review (definitions: packages/domain/src/entities/review-batch.ts and review-sheet.ts):
 * batches, their score sheets, the batch and score on a project, and an expert's account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(dialectOfDb(db));
  const date = sql.raw(t.date);
  const json = sql.raw(t.json);
  await businessTable(db, 'review_batch')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('call_id', t.bigint, (c) => c.references('call.id'))
    .addColumn('reviewer_count', 'integer', (c) => c.notNull())
    .addColumn('review_date', date)
    .addColumn('criteria', json)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draw_seed', t.bigint)
    .addColumn('reviewers', json)
    .addColumn('excluded', json)
    .addColumn('drawn_at', date)
    .addColumn('closed_at', date)
    .addColumn('note', 'text')
    .execute();
  await keysetIndexes(db, 'review_batch', ['name']);
  await addSearchIndex(db, 'review_batch');

  await businessTable(db, 'review_sheet')
    .addColumn('batch_id', t.bigint, (c) => c.notNull().references('review_batch.id'))
    .addColumn('project_id', t.bigint, (c) => c.notNull().references('project.id'))
    .addColumn('expert_id', t.bigint, (c) => c.notNull().references('expert.id'))
    .addColumn('expert_user_id', t.bigint, (c) => c.references('user_account.id'))
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('undertaker_name', 'text', (c) => c.notNull())
    .addColumn('expert_name', 'text', (c) => c.notNull())
    .addColumn('lines', json)
    .addColumn('total', 'text')
    .addColumn('opinion', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', date)
    .execute();
  await keysetIndexes(db, 'review_sheet', ['project_name']);
  await addSearchIndex(db, 'review_sheet');
  await db.schema.createIndex('review_sheet_batch').on('review_sheet').columns(['batch_id', 'id']).execute();
  // A reviewer's own sheets ("own records" scope through the assignee column).
  await db.schema
    .createIndex('review_sheet_assignee')
    .on('review_sheet')
    .columns(['expert_user_id', 'id'])
    .execute();

  await db.schema
    .alterTable('project')
    .addColumn('review_batch_id', t.bigint, (c) => c.references('review_batch.id'))
    .execute();
  await db.schema.alterTable('project').addColumn('review_score', 'text').execute();
  await db.schema.createIndex('project_review_batch').on('project').columns(['review_batch_id']).execute();
  await db.schema.alterTable('expert').addColumn('account_username', 'text').execute();
}

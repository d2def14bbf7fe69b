import type { Kysely } from 'kysely';

/**
 * Indexes on references that had none: a record's related lists filter by them (an enterprise's
 * projects, a project's score sheets), and removing the referenced row checks them. Without one,
 * each check scans the whole referencing table (deleting 100,000 enterprises took hours).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('project_undertaker', 'project', ['undertaker_id']);
  await index('review_sheet_project', 'review_sheet', ['project_id']);
  await index('review_sheet_expert', 'review_sheet', ['expert_id']);
  await index('review_batch_call', 'review_batch', ['call_id']);
}

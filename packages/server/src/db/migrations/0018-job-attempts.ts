import type { Kysely } from 'kysely';

/**
 * How many times a job has been started: a job cut short by a crash runs again (its writes and its
 * outcome commit together, so nothing of the cut-short run is visible), but not forever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('job')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

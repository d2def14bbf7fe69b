import { Migrator, type Kysely } from 'kysely';
import { ensureDictEntries } from './dicts.js';
import { migrationProvider } from './migrations/index.js';

/**
 * Brings the schema up to date, then the reference data the definitions declare (managed lists'
 * seed entries); throws with the failing migration's name.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`,
      {
        cause: error,
      },
    );
  }
  await ensureDictEntries(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

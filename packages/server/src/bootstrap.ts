import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { connect, type Database } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { isDemo, isEmpty, seedBase, seedDemo } from './demo/seed.js';

/** Where `npm run build` puts the web app, relative to the compiled server. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface Prepared {
  database: Database;
  demoMode: boolean;
}

/**
 * Opens and migrates the database, then loads the demo on an empty database when demo mode is on
 * or automatic (the `npm start` default). Demo mode is remembered in the database.
 */
export async function prepareDatabase(config: Config): Promise<Prepared> {
  const database = connect(config.databaseUrl, { poolSize: config.pgPoolSize });
  await migrateToLatest(database.db);
  const empty = await isEmpty(database.db);
  if (empty && config.demo !== 'off') await seedDemo(database.db, database.dialect);
  else await seedBase(database.db, database.dialect);
  return { database, demoMode: await isDemo(database.db) };
}

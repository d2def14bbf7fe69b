import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/db/connect.js';
import type { Dialect } from '../../src/db/types.js';

const PG_ADMIN_URL = process.env.KJJ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabaseKind {
  name: Dialect;
  /** A fresh copy of the migrated, demo-seeded template, owned by the caller. */
  fresh: (options?: { poolSize?: number }) => Promise<Database>;
}

let counter = 0;

async function clonePostgres(template: string, runId: string, poolSize = 5): Promise<Database> {
  const name = `kjj_t_${runId}_${process.pid}_${++counter}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${template}`);
  } finally {
    await client.end();
  }
  return connect(PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`), { poolSize });
}

function cloneSqlite(template: string): Database {
  const file = join(mkdtempSync(join(tmpdir(), 'kjj-db-')), 'kjj.db');
  copyFileSync(template, file);
  return connect(`sqlite:${file}`);
}

/** Both databases when PostgreSQL is up (CI insists), SQLite alone otherwise (with a loud notice). */
export function testDatabases(): TestDatabaseKind[] {
  const { sqliteTemplate, pgTemplate, runId } = inject('testDatabases');
  const kinds: TestDatabaseKind[] = [{ name: 'sqlite', fresh: async () => cloneSqlite(sqliteTemplate) }];
  if (pgTemplate) {
    kinds.push({ name: 'postgres', fresh: (options) => clonePostgres(pgTemplate, runId, options?.poolSize) });
  }
  return kinds;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';

export const PG_ADMIN_URL = process.env.KJJ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: { sqliteTemplate: string; pgTemplate: string | null; runId: string };
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Builds one migrated, demo-seeded template per database kind; every test file clones it (a file
 * copy for SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL) and the run drops what it made.
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'kjj-test-'));
  const sqliteTemplate = join(dir, 'template.db');
  const sqlite = connect(`sqlite:${sqliteTemplate}`);
  await migrateToLatest(sqlite.db);
  await seedDemo(sqlite.db, sqlite.dialect);
  await sqlite.close();

  let pgTemplate: string | null = null;
  if (await postgresReachable()) {
    pgTemplate = `kjj_t_${runId}_tpl`;
    await adminQuery(`create database ${pgTemplate}`);
    const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${pgTemplate}`);
    const postgres = connect(url);
    await migrateToLatest(postgres.db);
    await seedDemo(postgres.db, postgres.dialect);
    await postgres.close();
  } else if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}; CI requires both databases.`);
  } else {
    console.warn(
      `\n${'!'.repeat(78)}\n!! PostgreSQL is not reachable at ${PG_ADMIN_URL}\n!! Integration tests run on SQLite ONLY. Start it with:\n!!   pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n${'!'.repeat(78)}\n`,
    );
  }
  project.provide('testDatabases', { sqliteTemplate, pgTemplate, runId });

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!pgTemplate) return;
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`kjj_t_${runId}_%`],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    } finally {
      await client.end();
    }
  };
}

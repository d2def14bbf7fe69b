import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const PG_ADMIN_URL = process.env.KJJ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** An empty database the harness owns: the server migrates it and loads the demo on first start. */
export interface EmptyDatabase {
  dialect: 'sqlite' | 'postgres';
  url: string;
  drop: () => Promise<void>;
}

export function emptySqlite(): EmptyDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'kjj-rel-'));
  return {
    dialect: 'sqlite',
    url: `sqlite:${join(dir, 'kjj.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `fn` with a connection to the cluster's maintenance database (create, drop, settings). */
export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function emptyPostgres(label: string): Promise<EmptyDatabase> {
  const name = `kjj_rel_${label}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    dialect: 'postgres',
    url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await admin((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

export interface HarnessDatabase {
  dialect: 'sqlite' | 'postgres';
  create: () => Promise<EmptyDatabase>;
}

/**
 * The databases a check runs on: SQLite always, PostgreSQL when it answers. With CI=true an
 * unreachable PostgreSQL is a failure, elsewhere a loud notice (as for the integration suite).
 */
export async function harnessDatabases(label: string): Promise<HarnessDatabase[]> {
  // KJJ_RELIABILITY_DB=sqlite|postgres runs one of them (a long soak, a hunt on one database).
  const only = process.env.KJJ_RELIABILITY_DB;
  if (only === 'postgres') return [{ dialect: 'postgres', create: () => emptyPostgres(label) }];
  const kinds: HarnessDatabase[] = [{ dialect: 'sqlite', create: async () => emptySqlite() }];
  if (only === 'sqlite') return kinds;
  if (await postgresReachable()) kinds.push({ dialect: 'postgres', create: () => emptyPostgres(label) });
  else if (process.env.CI === 'true')
    throw new Error('PostgreSQL at 127.0.0.1:5432 is unreachable (CI=true)');
  else console.warn('\n*** PostgreSQL is unreachable: the reliability checks run on SQLite only ***\n');
  return kinds;
}

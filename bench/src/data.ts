import { createHash, randomBytes } from 'node:crypto';
import { connect, ensureDefaultRoles, migrateToLatest, type Database } from '@kjj/server';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { createOrgTree, loadEnterprises, loadProjects, type BenchOrgs } from './generate.js';

export interface BenchUser {
  username: string;
  role: string;
  division: string;
  token: string;
}

/** Who the load runs as: one account per scope width (DESIGN §3). */
export const BENCH_USERS = [
  { username: 'bench_county', role: 'director', division: '431223' },
  { username: 'bench_city', role: 'city_admin', division: '431200' },
  { username: 'bench_province', role: 'province_staff', division: '430000' },
  { username: 'bench_all', role: 'sys_admin', division: '430000' },
] as const;

/**
 * A dataset: `rows` projects (and as many enterprises) over the whole country, or over one
 * province's counties when `within` is its two-digit prefix (the province-sized roll-up of #5).
 */
export interface DatasetShape {
  rows: number;
  within?: string;
}

const marker = ({ rows, within }: DatasetShape) => `bench:${rows}:v5${within ? `:${within}` : ''}`;

export async function recreatePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** Creates the PostgreSQL database on a machine that has never run the benchmark. */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** Reuses a database generated earlier with the same size; otherwise builds it (minutes). */
export async function ensureData(
  url: string,
  shape: number | DatasetShape,
  log: (s: string) => void,
): Promise<BenchUser[]> {
  const { rows, within } = typeof shape === 'number' ? { rows: shape, within: undefined } : shape;
  if (url.startsWith('postgres')) await ensurePostgresDatabase(url);
  let database: Database = connect(url, { poolSize: 4 });
  await migrateToLatest(database.db);
  const db = database.db as unknown as Kysely<any>;
  const have = await db
    .selectFrom('appSetting')
    .select('value')
    .where('key', '=', 'bench')
    .executeTakeFirst();
  if (have?.value !== marker({ rows, within })) {
    log(
      `generating ${rows} enterprises and ${rows} projects${within ? ` in province ${within}` : ''} in ${database.describe} (minutes, once)`,
    );
    await database.close();
    if (database.dialect === 'postgres') await recreatePostgres(url);
    else
      await import('node:fs').then((fs) =>
        ['', '-wal', '-shm'].forEach((s) => fs.rmSync(`${url.slice(7)}${s}`, { force: true })),
      );
    database = connect(url, { poolSize: 4 });
    await migrateToLatest(database.db);
    const fresh = database.db as unknown as Kysely<any>;
    await ensureDefaultRoles(fresh);
    const orgs = await createOrgTree(fresh, within);
    await loadEnterprises(database, orgs, rows, log);
    log(`generating ${rows} projects`);
    await loadProjects(database, orgs, rows, log);
    await createUsers(fresh, orgs);
    await fresh
      .insertInto('appSetting')
      .values({ key: 'bench', value: marker({ rows, within }) })
      .execute();
  }
  const users = await issueTokens(database.db as unknown as Kysely<any>);
  await database.close();
  return users;
}

async function createUsers(db: Kysely<any>, orgs: BenchOrgs): Promise<void> {
  const now = new Date().toISOString();
  for (const u of BENCH_USERS) {
    const org = orgs.byCode.get(u.division);
    if (!org) throw new Error(`no org ${u.division}`);
    const row = await db
      .insertInto('userAccount')
      // Tokens, not passwords, authenticate the load; the hash only has to be unusable.
      .values({
        username: u.username,
        name: u.username,
        orgId: org.id,
        passwordHash: '!',
        status: 'active',
        mustChangePassword: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const role = await db
      .selectFrom('role')
      .select('id')
      .where('code', '=', u.role)
      .executeTakeFirstOrThrow();
    await db.insertInto('userRole').values({ userId: row.id, roleId: role.id }).execute();
  }
}

/** Fresh API tokens for every bench account (old ones revoked), so runs never share secrets. */
async function issueTokens(db: Kysely<any>): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  const now = new Date().toISOString();
  await db
    .updateTable('apiToken')
    .set({ revokedAt: now })
    .where('name', '=', 'bench')
    .where('revokedAt', 'is', null)
    .execute();
  for (const u of BENCH_USERS) {
    const user = await db
      .selectFrom('userAccount')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirstOrThrow();
    const token = `kjj_${randomBytes(32).toString('base64url')}`;
    const tokenHash = createHash('sha256').update(token).digest('hex');
    await db
      .insertInto('apiToken')
      .values({ userId: user.id, name: 'bench', tokenHash, prefix: token.slice(0, 10), createdAt: now })
      .execute();
    users.push({ ...u, token });
  }
  return users;
}

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { CoreDB, Dialect } from './types.js';

export interface Database {
  db: Kysely<CoreDB>;
  dialect: Dialect;
  /** The URL without credentials, for logs. */
  describe: string;
  close: () => Promise<void>;
}

export const dialectOf = (url: string): Dialect => {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`KJJ_DATABASE_URL must start with sqlite: or postgres:// (got ${url.split(':')[0]}:)`);
};

/** Returns a SQLite handle tuned for a small office server: WAL, enforced FKs, patient locks. */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  // FULL: a committed write survives power loss, not only a killed process.
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  handle.pragma('cache_size = -32000');
  handle.pragma('temp_store = MEMORY');
  // The planner's statistics, which the list plans depend on (SQLite's advice for a long-lived
  // connection): gathered in full, with the STAT4 samples a bounded run leaves out, for every table
  // that has none or has grown or shrunk tenfold since. At most seconds, and only then: 5 s for a
  // database of 1,000,000 enterprises and 1,000,000 projects that was never analyzed.
  handle.pragma('optimize = 0x10002');
  return handle;
}

/**
 * How often a running server refreshes SQLite's statistics: a no-op while tables keep their size,
 * otherwise a bounded sample, so the single connection is never held for long.
 */
const OPTIMIZE_EVERY_MS = 60 * 60_000;

/**
 * PostgreSQL values come back in the same shapes as SQLite's: bigint as number (ids and 分 stay far
 * below 2^53), instants as ISO strings, dates as YYYY-MM-DD.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case 20: // int8
        return (v: string) => Number(v);
      case 1184: {
        // timestamptz: pg's own parser handles every offset form; we only change the shape.
        const toDate = pg.types.getTypeParser(1184, 'text') as (v: string) => Date;
        return (v: string) => toDate(v).toISOString();
      }
      case 1082: // date
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format);
    }
  },
} as pg.CustomTypesConfig;

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs more than running a
 * keyset page. The handle it gets keeps the most recent statements (a query's SQL text is its key).
 */
export function withStatementCache(handle: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const hit = cache.get(source);
    if (hit) {
      // Refresh its place so the least recently used statement is evicted first.
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const statement = handle.prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  return new Proxy(handle, {
    get: (target, property) => (property === 'prepare' ? prepare : Reflect.get(target, property, target)),
  });
}

export function connect(url: string, options: { poolSize?: number } = {}): Database {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length) || ':memory:';
    const handle = openSqlite(file);
    const db = new Kysely<CoreDB>({
      dialect: new SqliteDialect({ database: withStatementCache(handle) }),
      plugins: [new CamelCasePlugin()],
    });
    const refresh = setInterval(() => {
      // Through Kysely, so it waits for an open transaction instead of joining it. A failure only
      // leaves the statistics as they were; the next round tries again.
      sql`pragma optimize`.execute(db).catch(() => {});
    }, OPTIMIZE_EVERY_MS);
    refresh.unref();
    const close = async () => {
      clearInterval(refresh);
      await db.destroy();
    };
    return { db, dialect, describe: `sqlite:${file}`, close };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Fail fast when the database is gone instead of queueing requests forever.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<CoreDB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const safe = new URL(url);
  safe.password = '';
  return { db, dialect, describe: safe.toString(), close: () => db.destroy() };
}

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type CompiledQuery,
  type PluginTransformResultArgs,
  type QueryResult,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import { rowBuilder } from './row-builder.js';
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
 * PostgreSQL's text form of an instant in UTC, as a server whose time zone is UTC sends it:
 * `YYYY-MM-DD HH:MM:SS`, then an optional fraction of up to six digits, then `+00`.
 */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?\+00$/;

/**
 * An instant from PostgreSQL's text form as an ISO string, to milliseconds as `toISOString` gives
 * it. The UTC form is rewritten as text: a Date made and formatted for every instant of every row
 * cost a few percent of a list request. Its parts are cut at their fixed places once the pattern
 * holds (a match array per instant was most of what a page's instants allocated). Any other form
 * (another offset, a year past 9999, BC) goes through pg's own parser, given as `parse`.
 */
export function isoInstant(text: string, parse: (text: string) => Date): string {
  if (!UTC_INSTANT.test(text)) return parse(text).toISOString();
  const fraction = text.length > 22 ? text.slice(20, text.length - 3) : '';
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${fraction.padEnd(3, '0').slice(0, 3)}Z`;
}

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
        const toDate = pg.types.getTypeParser(1184, 'text') as (v: string) => Date;
        return (v: string) => isoInstant(v, toDate);
      }
      case 1082: // date
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format);
    }
  },
} as pg.CustomTypesConfig;

/**
 * Column names are snake_case in the database and camelCase in code. The keys inside a JSON value
 * are data, kept as they were written: PostgreSQL hands JSON columns over parsed, and renaming their
 * keys would make them differ from SQLite's (and cost a new object for every one of them).
 *
 * Result rows are renamed by a `rowBuilder`: every row of a result has the same columns, so one
 * function builds them all. Kysely's own renaming adds the keys one by one to an empty object,
 * which regrows it at each step, and copies every array value: 15% of what a list request
 * allocated (55 KB of 366 KB for an enterprise page of 21 rows on PostgreSQL).
 */
class CamelCaseRows extends CamelCasePlugin {
  /** Column names already converted; a server selects the same few hundred names again and again. */
  readonly #camel = new Map<string, string>();

  constructor() {
    super({ maintainNestedObjectKeys: true });
  }

  override transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { rows } = args.result;
    const first = rows[0];
    if (!first) return Promise.resolve(args.result);
    const columns = Object.keys(first);
    const build = rowBuilder(
      columns.map((c) => this.#camelName(c)),
      columns,
    );
    return Promise.resolve({ ...args.result, rows: rows.map(build) });
  }

  #camelName(column: string): string {
    let name = this.#camel.get(column);
    if (name === undefined) {
      name = this.camelCase(column);
      if (this.#camel.size >= 10_000) this.#camel.clear();
      this.#camel.set(column, name);
    }
    return name;
  }
}

const camelCase = () => new CamelCaseRows();

/**
 * Kysely's SQLite driver prepares every statement anew; preparing costs more than running a
 * keyset page. The handle it gets keeps the most recent statements (a query's SQL text is its key),
 * and a statement that returns rows gives them as `rowsAsObjects` builds them.
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
    const prepared = handle.prepare(source);
    const statement = prepared.reader ? readingRowsAsObjects(prepared) : prepared;
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  return new Proxy(handle, {
    get: (target, property) => (property === 'prepare' ? prepare : Reflect.get(target, property, target)),
  });
}

/** The statement, its `all` answered by `rowsAsObjects`; its other methods called on it as they are. */
function readingRowsAsObjects(statement: SQLite.Statement): SQLite.Statement {
  const all = (...parameters: unknown[]) => rowsAsObjects(statement, parameters);
  return new Proxy(statement, {
    get: (target, property) => {
      if (property === 'all') return all;
      const value = Reflect.get(target, property, target) as unknown;
      // Native methods must be called on the statement itself, not on this proxy.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A statement's rows as objects keyed by column name, as `all` gives them, built faster:
 * better-sqlite3 makes each row object key by key (240 µs for an enterprise page of 21 rows);
 * taken as arrays, they are built by a `rowBuilder`.
 */
function rowsAsObjects(statement: SQLite.Statement, parameters: unknown[]): UnknownRow[] {
  statement.raw(true);
  let rows: unknown[][];
  try {
    rows = statement.all(...parameters) as unknown[][];
  } finally {
    statement.raw(false);
  }
  // Read after the run: SQLite prepares a statement again after a schema change, and its columns
  // may then be others than before.
  return rows.map(rowBuilder(statement.columns().map((c) => c.name)));
}

/** Statements kept prepared, by SQL text: their names. Bounded; the least recently kept goes first. */
const keptStatements = new Map<string, string>();
const MAX_KEPT = 500;
/** How many statements one connection keeps prepared at most; others run unnamed on it. */
const MAX_KEPT_PER_CONNECTION = 100;

/**
 * PostgreSQL: marks a query to be kept prepared on each connection that runs it, so that later runs
 * skip parsing, and planning once PostgreSQL finds a generic plan as good as the ones made for each
 * run's values (a city's enterprise page: 0.7 → 0.4 ms of database time). For list pages whose
 * plan the query's shape fixes (list-plan), not for text searches, whose best plan depends on the
 * term. On SQLite every statement is kept prepared anyway (`withStatementCache`).
 */
export function keepPrepared<Row>(query: CompiledQuery<Row>): CompiledQuery<Row> {
  const name = keptStatements.get(query.sql);
  if (name) keptStatements.delete(query.sql);
  keptStatements.set(
    query.sql,
    name ?? `kjj_${createHash('sha1').update(query.sql).digest('hex').slice(0, 32)}`,
  );
  if (keptStatements.size > MAX_KEPT) keptStatements.delete(keptStatements.keys().next().value as string);
  return query;
}

/**
 * How each pool connection runs Kysely's queries (SQL text and an array of values):
 * - a statement marked by `keepPrepared` runs as a named one, up to MAX_KEPT_PER_CONNECTION of them
 *   on this connection (each holds memory in its server process until it closes);
 * - rows come from the driver as arrays and are built by a `rowBuilder`: the driver's own objects
 *   are filled key by key, and were then copied once more to rename their keys.
 * Other calls (a callback, a cursor) run as they are.
 */
function runQueriesFast(client: pg.PoolClient): void {
  const named = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined) {
      return query(text, values, callback);
    }
    const name = keptStatements.get(text);
    const keep = name !== undefined && (named.has(name) || named.size < MAX_KEPT_PER_CONNECTION);
    if (keep) named.add(name);
    const config = { ...(keep ? { name } : {}), text, values, rowMode: 'array' };
    return (query(config) as Promise<pg.QueryResult>).then((result) => {
      result.rows = result.rows.map(rowBuilder(result.fields.map((f) => f.name)));
      return result;
    });
  }) as typeof client.query;
}

export function connect(url: string, options: { poolSize?: number } = {}): Database {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length) || ':memory:';
    const handle = openSqlite(file);
    const db = new Kysely<CoreDB>({
      dialect: new SqliteDialect({ database: withStatementCache(handle) }),
      plugins: [camelCase()],
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
  pool.on('connect', runQueriesFast);
  const db = new Kysely<CoreDB>({ dialect: new PostgresDialect({ pool }), plugins: [camelCase()] });
  const safe = new URL(url);
  safe.password = '';
  return { db, dialect, describe: safe.toString(), close: () => db.destroy() };
}

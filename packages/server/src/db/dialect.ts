import { PostgresAdapter, type Kysely } from 'kysely';
import type { Dialect } from './types.js';

export const dialectOfDb = (db: Kysely<unknown>): Dialect =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** Column types that differ between the two dialects, used by migrations. */
export function columnTypes(dialect: Dialect) {
  const pg = dialect === 'postgres';
  return {
    /** An instant; ISO text on SQLite so it sorts and compares as text. */
    instant: pg ? 'timestamptz' : 'text',
    date: pg ? 'date' : 'text',
    json: pg ? 'jsonb' : 'text',
    bool: pg ? 'boolean' : 'integer',
    bigint: pg ? 'bigint' : 'integer',
    blob: pg ? 'bytea' : 'blob',
    /** Paths compare bytewise so prefix ranges work whatever the database's locale. */
    path: pg ? 'text collate "C"' : 'text',
  } as const;
}

export const nowIso = (): string => new Date().toISOString();

import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Dialect } from './types.js';

/** Escapes LIKE wildcards so user text matches literally (used with `escape '\'`). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE 'text%'` with the text taken literally; an index on the column serves it. */
export const startsWith = (column: Expression<unknown>, text: string): RawBuilder<boolean> =>
  sql<boolean>`${column} like ${`${escapeLike(text)}%`} escape '\\'`;

/**
 * Whether the column contains the text; only for small sets or columns behind a trigram index.
 * PostgreSQL needs `LIKE '%text%'` for its trigram index to serve it. SQLite gets `instr`: a bound
 * LIKE pattern makes it prepare the statement again on every run (it might serve a prefix through
 * an index), and a city's merged runs cost more to prepare than to run. The text of a search is
 * lower case, as is the search text, so the two agree.
 */
export const contains = (column: Expression<unknown>, text: string, dialect: Dialect): RawBuilder<boolean> =>
  dialect === 'postgres'
    ? sql<boolean>`${column} like ${`%${escapeLike(text)}%`} escape '\\'`
    : sql<boolean>`instr(${column}, ${text}) > 0`;

import { sql, type Expression, type RawBuilder } from 'kysely';

/** Escapes LIKE wildcards so user text matches literally (used with `escape '\'`). */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE 'text%'` with the text taken literally; an index on the column serves it. */
export const startsWith = (column: Expression<unknown>, text: string): RawBuilder<boolean> =>
  sql<boolean>`${column} like ${`${escapeLike(text)}%`} escape '\\'`;

/** `column LIKE '%text%'`; only for small sets or columns behind a trigram index. */
export const contains = (column: Expression<unknown>, text: string): RawBuilder<boolean> =>
  sql<boolean>`${column} like ${`%${escapeLike(text)}%`} escape '\\'`;

import type { Kysely } from 'kysely';
import { listPage, type QueryOptions } from './entity-query.js';
import type { ApiRow } from './entity-rows.js';

/** Every row matching a list's filters, fetched page by page in keyset order (no row cap). */
export async function* streamRows(
  db: Kysely<any>,
  opts: QueryOptions,
  pageSize = 1000,
): AsyncGenerator<ApiRow> {
  let cursor: string | undefined;
  for (;;) {
    const page = await listPage(db, {
      ...opts,
      params: { ...opts.params, limit: pageSize, cursor, count: false },
    });
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

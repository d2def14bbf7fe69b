import type { Kysely } from 'kysely';
import { usedFilterFields } from '@kjj/domain';
import { effectiveScope, listPage, rowsByIds, sortedIds, type QueryOptions } from './entity-query.js';
import type { ApiRow } from './entity-rows.js';

/** Every row matching a list's filters, in list order, fetched page by page (no row cap). */
export async function* streamRows(
  db: Kysely<any>,
  opts: QueryOptions,
  pageSize = 1000,
): AsyncGenerator<ApiRow> {
  const { def, params } = opts;
  if (opts.dialect === 'sqlite' && (params.q || usedFilterFields(def, params).length > 0)) {
    const ids = await sortedIds(db, opts, await effectiveScope(db, opts));
    for (let i = 0; i < ids.length; i += pageSize)
      yield* await rowsByIds(db, def, ids.slice(i, i + pageSize));
    return;
  }
  let cursor: string | undefined;
  for (;;) {
    const page = await listPage(db, {
      ...opts,
      params: { ...params, limit: pageSize, cursor, count: false },
    });
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

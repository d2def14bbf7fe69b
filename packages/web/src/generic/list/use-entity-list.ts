import type { EntityDef } from '@kjj/domain';
import { useEntityPage } from '../../api/entities';
import { useCursorStack } from '../../lib/use-cursor-stack';
import { exportParams, type ListState } from './list-params';

export const PAGE_SIZE = 20;

/**
 * One page of an entity list. The first page asks for `count=true` once; its query stays
 * mounted, so the total remains on later pages without counting again.
 */
export function useEntityList(def: EntityDef, state: ListState, orgId: number | undefined) {
  const base = { ...exportParams(state, orgId), limit: PAGE_SIZE };
  const pages = useCursorStack(JSON.stringify(base));
  const firstParams = { ...base, count: true };
  const first = useEntityPage(def.plural, firstParams);
  const page = useEntityPage(
    def.plural,
    pages.cursor === undefined ? firstParams : { ...base, cursor: pages.cursor },
  );
  const nextCursor = page.data?.nextCursor ?? null;

  return {
    rows: page.data?.items ?? [],
    isLoading: page.isPending,
    isFetching: page.isFetching,
    error: page.error,
    total: first.data?.total,
    totalIsEstimate: first.data?.totalIsEstimate ?? false,
    pageNumber: pages.pageNumber,
    hasNext: nextCursor !== null,
    hasPrevious: pages.hasPrevious,
    next: () => {
      if (nextCursor !== null) pages.push(nextCursor);
    },
    previous: pages.pop,
  };
}

export type EntityList = ReturnType<typeof useEntityList>;

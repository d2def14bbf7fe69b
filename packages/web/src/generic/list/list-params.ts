import { filterSchemaShape, type EntityDef } from '@kjj/domain';
import type { QueryParams } from '../../api/client';

/**
 * The list's state lives in the URL in the API's own encoding (`kind=llc,foreign`,
 * `established.gte=2020-01-01`, `sort=-name`, `q=…`, `deleted=only`), so a link reproduces the
 * view and the export asks for exactly what the list shows.
 */
export interface ListState {
  /** Filter parameters by API key (`kind`, `established.gte` …). */
  filters: Record<string, string>;
  q: string | undefined;
  sort: string | undefined;
  trash: boolean;
}

export const filterKeysOf = (def: EntityDef): string[] => Object.keys(filterSchemaShape(def));

export function readListState(def: EntityDef, search: URLSearchParams): ListState {
  const filters: Record<string, string> = {};
  for (const key of filterKeysOf(def)) {
    const value = search.get(key);
    if (value) filters[key] = value;
  }
  const sort = search.get('sort') ?? undefined;
  const validSort = sort !== undefined && def.sortKeys.includes(sort.replace(/^-/, '')) ? sort : undefined;
  return {
    filters,
    q: search.get('q') || undefined,
    sort: validSort,
    trash: search.get('deleted') === 'only',
  };
}

export function writeListState(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value) search.set(key, value);
  if (state.q) search.set('q', state.q);
  if (state.sort) search.set('sort', state.sort);
  if (state.trash) search.set('deleted', 'only');
  return search;
}

/** Parameters shared by the list and its export (the export takes no paging). */
export function exportParams(state: ListState, orgId: number | undefined): QueryParams {
  return { ...state.filters, q: state.q, sort: state.sort, deleted: state.trash ? 'only' : undefined, orgId };
}

export const activeFilterCount = (state: ListState): number =>
  new Set(Object.keys(state.filters).map((key) => key.replace(/\.(gte|lte)$/, ''))).size;

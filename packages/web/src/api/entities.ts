import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from './client';
import type { EntityRow, Items, Page, RecordAuditEntry } from './types';

/** Query keys: everything about one entity sits under ['entity', plural] so a write can refresh it all. */
export const entityKeys = {
  all: (plural: string) => ['entity', plural] as const,
  lists: (plural: string) => ['entity', plural, 'list'] as const,
  list: (plural: string, params: QueryParams) => ['entity', plural, 'list', params] as const,
  one: (plural: string, id: number) => ['entity', plural, 'one', id] as const,
  audit: (plural: string, id: number) => ['entity', plural, 'audit', id] as const,
};

export function useEntityPage(plural: string, params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: entityKeys.list(plural, params),
    enabled,
    queryFn: ({ signal }) => api<Page<EntityRow>>(`/${plural}`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One record; `id` 0 (nothing chosen yet) asks for nothing. */
export function useEntityRow(plural: string, id: number) {
  return useQuery({
    queryKey: entityKeys.one(plural, id),
    queryFn: () => api<EntityRow>(`/${plural}/${id}`),
    enabled: id > 0,
  });
}

export function useEntityAudit(plural: string, id: number) {
  return useQuery({
    queryKey: entityKeys.audit(plural, id),
    queryFn: () => api<Items<RecordAuditEntry>>(`/${plural}/${id}/audit`),
    select: (data) => data.items,
  });
}

/** Create (no id) or PATCH (id; the body carries `version`). */
export function useSaveEntity(plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id === undefined
        ? api<EntityRow>(`/${plural}`, { method: 'POST', body })
        : api<EntityRow>(`/${plural}/${id}`, { method: 'PATCH', body }),
    onSuccess: async (row) => {
      queryClient.setQueryData(entityKeys.one(plural, row.id), row);
      await queryClient.invalidateQueries({ queryKey: entityKeys.all(plural) });
    },
  });
}

export function useDeleteEntity(plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api<void>(`/${plural}/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_, { id }) => {
      // The deleted record's own queries would only answer 404 now.
      queryClient.removeQueries({ queryKey: entityKeys.one(plural, id) });
      queryClient.removeQueries({ queryKey: entityKeys.audit(plural, id) });
      return queryClient.invalidateQueries({ queryKey: entityKeys.lists(plural) });
    },
  });
}

export function useRestoreEntity(plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<EntityRow>(`/${plural}/${id}/restore`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entityKeys.all(plural) }),
  });
}

import type { DictEntry, Text } from '@kjj/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Items } from './types';

export interface DictList {
  dict: string;
  label: Text;
  entries: DictEntry[];
}

const dictsKey = ['dicts'] as const;

/** Every managed list with its entries (small; forms, filters and labels read it). */
export function useDicts() {
  return useQuery({
    queryKey: dictsKey,
    queryFn: () => api<Items<DictList>>('/dicts'),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export interface DictEntryInput {
  labelZh?: string;
  labelEn?: string;
  sort?: number;
  active?: boolean;
}

/** Adds an entry, or changes one (with its version); refreshes every list afterwards. */
export function useSaveDictEntry(dict: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...input }: DictEntryInput & { id?: number; version?: number }) =>
      id === undefined
        ? api(`/dicts/${dict}/entries`, { method: 'POST', body: input })
        : api(`/dicts/${dict}/entries/${id}`, { method: 'PATCH', body: { version, ...input } }),
    onSuccess: () => client.invalidateQueries({ queryKey: dictsKey }),
  });
}

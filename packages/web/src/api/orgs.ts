import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Items, Org, Town } from './types';

const orgsKey = ['orgs'] as const;

/** Every org within the user's reach (flat, with parentId); small, so fetched once and kept. */
export function useOrgs() {
  return useQuery({
    queryKey: orgsKey,
    queryFn: () => api<Items<Org>>('/orgs'),
    staleTime: 10 * 60_000,
    select: (data) => data.items,
  });
}

export function useTowns(enabled = true) {
  return useQuery({
    queryKey: ['towns'],
    enabled,
    queryFn: () => api<Items<Town>>('/towns'),
    staleTime: 60 * 60_000,
    select: (data) => data.items,
  });
}

export interface OrgCreateInput {
  parentId: number;
  kind: Org['kind'];
  fullName: string;
  shortName: string;
  divisionCode?: string | null;
  docPrefix?: string | null;
  address?: string | null;
  phone?: string | null;
}

export type OrgUpdateInput = Partial<Omit<OrgCreateInput, 'parentId' | 'kind' | 'divisionCode'>> & {
  version: number;
  disabled?: boolean;
};

export function useSaveOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: number; values: OrgCreateInput | OrgUpdateInput }) =>
      input.id === undefined
        ? api<{ id: number }>('/orgs', { method: 'POST', body: input.values })
        : api<{ id: number }>(`/orgs/${input.id}`, { method: 'PATCH', body: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgsKey }),
  });
}

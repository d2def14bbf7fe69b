import type { WorkflowEvent } from '@kjj/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { entityKeys } from './entities';
import type { EntityRow, Items } from './types';

export function useTimeline(plural: string, id: number) {
  return useQuery({
    queryKey: [...entityKeys.one(plural, id), 'timeline'],
    queryFn: () => api<Items<WorkflowEvent>>(`/${plural}/${id}/timeline`),
    select: (data) => data.items,
  });
}

/** Takes an action with the version the user saw; the record, its history and lists refresh. */
export function useTakeAction(plural: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: number; action: string; body: Record<string, unknown> }) =>
      api<EntityRow>(`/${plural}/${id}/actions/${action}`, { method: 'POST', body }),
    onSuccess: async (row) => {
      queryClient.setQueryData(entityKeys.one(plural, row.id), row);
      await queryClient.invalidateQueries({ queryKey: entityKeys.all(plural) });
    },
  });
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ImportKey, ImportMode, Job } from './types';

export function useStartImport(plural: string) {
  return useMutation({
    mutationFn: ({ file, mode, key }: { file: File; mode: ImportMode; key: ImportKey }) => {
      const form = new FormData();
      form.append('file', file);
      return api<{ jobId: number }>(`/${plural}/import`, {
        method: 'POST',
        query: { mode, key },
        body: form,
      });
    },
  });
}

const finished = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** Polls a job until it finishes; a second is quick enough for a progress bar and light on the server. */
export function useJob(jobId: number | undefined) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api<Job>(`/jobs/${jobId}`),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

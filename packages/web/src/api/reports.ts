import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Finding, Point, ReportModel, WorkSection } from '@kjj/domain';
import { api } from './client';

export interface ReportDraft {
  id: number;
  orgId: number;
  year: number;
  cutoff: string;
  documentDate: string;
  status: string;
  version: number;
  updatedAt: string;
  model: ReportModel;
  findings: Finding[];
}

export type DraftSummary = Omit<ReportDraft, 'model' | 'findings'>;

export interface DraftEdit {
  version: number;
  title: string;
  opening: Point;
  work: WorkSection[];
  highlights: string[];
  kpiSummary: Point;
  kpiBySource: boolean;
  kpiAsAttachment: boolean;
  problems: Point[];
  plan: Point[];
}

export function useReportDrafts(year: number, orgId: number | undefined) {
  return useQuery({
    queryKey: ['report-drafts', year, orgId],
    queryFn: () => api<{ items: DraftSummary[] }>('/report-drafts', { query: { year, orgId } }),
  });
}

export function useReportDraft(id: number | undefined) {
  return useQuery({
    queryKey: ['report-draft', id],
    queryFn: () => api<ReportDraft>(`/report-drafts/${id}`),
    enabled: id !== undefined,
  });
}

export function useDraftVersions(id: number | undefined) {
  return useQuery({
    queryKey: ['report-draft', id, 'versions'],
    queryFn: () =>
      api<{ items: { version: number; savedAt: string; savedBy: string | null }[] }>(
        `/report-drafts/${id}/versions`,
      ),
    enabled: id !== undefined,
  });
}

export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; orgId?: number; cutoff?: string }) =>
      api<ReportDraft>('/report-drafts', { method: 'POST', body }),
    onSuccess: (draft) => {
      client.setQueryData(['report-draft', draft.id], draft);
      void client.invalidateQueries({ queryKey: ['report-drafts'] });
    },
  });
}

export function useSaveDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (edit: DraftEdit) =>
      api<ReportDraft>(`/report-drafts/${id}`, { method: 'PATCH', body: edit }),
    onSuccess: (draft) => {
      client.setQueryData(['report-draft', id], draft);
      void client.invalidateQueries({ queryKey: ['report-draft', id, 'versions'] });
      void client.invalidateQueries({ queryKey: ['report-drafts'] });
    },
  });
}

export function useRefreshDraft(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      api<ReportDraft>(`/report-drafts/${id}/refresh`, { method: 'POST', body: { version } }),
    onSuccess: (draft) => {
      client.setQueryData(['report-draft', id], draft);
      void client.invalidateQueries({ queryKey: ['report-draft', id] });
      void client.invalidateQueries({ queryKey: ['report-drafts'] });
    },
  });
}

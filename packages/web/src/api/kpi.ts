import { useQuery } from '@tanstack/react-query';
import type { Qty, Qualifier } from '@kjj/domain';
import { api } from './client';
import type { EntityRow } from './types';

export interface KpiActual {
  value: number | null;
  qualifier: Qualifier;
  manual: boolean;
  asOf: string;
}

export interface KpiAssessment {
  status: 'exceeded' | 'completed' | 'in_progress' | 'failed' | 'not_assigned';
  ratio: number | null;
  required: number | null;
  early: boolean;
  reasonMissing: boolean;
}

export interface KpiLine {
  target: EntityRow & {
    name: string;
    source: string;
    metricId: string | null;
    kind: string;
    direction: string;
    targetValue: Qty | null;
    ownerName: string | null;
    reason: string | null;
    dueDate: string | null;
  };
  actual: KpiActual;
  lastYear: number | null;
  yoy: { kind: 'percent' | 'points'; value: number } | null;
  assessment: KpiAssessment;
  atRisk: boolean;
  assignments: {
    targetId: number;
    orgId: number;
    orgName: string;
    targetValue: Qty | null;
    actual: KpiActual;
    assessment: KpiAssessment;
  }[];
}

export interface KpiBoard {
  orgId: number;
  year: number;
  asOf: string;
  lines: KpiLine[];
  warnings: { targetId: number; code: string; parts: number; whole: number }[];
}

export function useKpiBoard(
  year: number | undefined,
  orgId: number | undefined,
  asOf: string | undefined,
  enabled = true,
) {
  return useQuery({
    queryKey: ['kpi', year, orgId, asOf],
    queryFn: () => api<KpiBoard>('/kpi', { query: { year, orgId, asOf } }),
    enabled,
  });
}

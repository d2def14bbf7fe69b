import { useQuery } from '@tanstack/react-query';
import type { Qualifier, Text } from '@kjj/domain';
import { api } from './client';

export interface ProjectsDashboard {
  year: number;
  orgId: number;
  figures: {
    submitted: number;
    upwardRecommended: number;
    upwardApproved: number;
    upwardAmountFen: number;
    countyApproved: number;
    countyAmountFen: number;
    implementationRate: number | null;
    disbursedFen: number;
    acceptanceRate: number | null;
    accepted: number;
    reserveStock: number;
  };
  byLevel: { level: string; recommended: number; approved: number; amountFen: number }[];
  byCategory: { category: string; count: number; amountFen: number }[];
  trend: {
    year: number;
    upwardRecommended: number;
    upwardApproved: number;
    upwardAmountFen: number;
    countyAmountFen: number;
  }[];
  byOrg: {
    orgId: number;
    name: string;
    upwardApproved: number;
    upwardAmountFen: number;
    countyAmountFen: number;
  }[];
}

export function useProjectsDashboard(year: number | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'projects', year, orgId],
    queryFn: () => api<ProjectsDashboard>('/dashboards/projects', { query: { year, orgId } }),
  });
}

export interface Overview {
  orgId: number;
  year: number;
  figures: {
    id: string;
    label: Text;
    unit: Text;
    money: boolean;
    rate: boolean;
    manual: boolean;
    value: number | null;
    qualifier: Qualifier;
    lastYear: number | null;
    yoy: { kind: 'percent' | 'points'; value: number } | null;
  }[];
  compared: string[];
  byOrg: { orgId: number; name: string; values: Record<string, number> }[];
}

export function useOverview(year: number | undefined, orgId: number | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'overview', year, orgId],
    queryFn: () => api<Overview>('/dashboards/overview', { query: { year, orgId } }),
  });
}

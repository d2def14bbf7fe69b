import { useQuery } from '@tanstack/react-query';
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

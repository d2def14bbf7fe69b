import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { lazyPage } from './lazy-page';
import { RequireAuth } from './RequireAuth';

const routes: RouteObject[] = [
  { path: '/login', element: lazyPage(() => import('../pages/login/LoginPage'), 'LoginPage') },
  {
    path: '/',
    element: <RequireAuth>{lazyPage(() => import('./layout/AppLayout'), 'AppLayout')}</RequireAuth>,
    children: [
      { index: true, element: lazyPage(() => import('./HomeRedirect'), 'HomeRedirect') },
      {
        path: 'e/:plural',
        element: lazyPage(() => import('../generic/list/EntityListPage'), 'EntityListPage'),
      },
      {
        path: 'e/:plural/new',
        element: lazyPage(() => import('../generic/form/EntityFormPage'), 'EntityFormPage'),
      },
      {
        path: 'e/:plural/:id',
        element: lazyPage(() => import('../generic/detail/EntityDetailPage'), 'EntityDetailPage'),
      },
      {
        path: 'e/:plural/:id/edit',
        element: lazyPage(() => import('../generic/form/EntityFormPage'), 'EntityFormPage'),
      },
      {
        path: 'board/projects',
        element: lazyPage(() => import('../pages/projects/ProjectBoardPage'), 'ProjectBoardPage'),
      },
      {
        path: 'dashboard/projects',
        element: lazyPage(() => import('../pages/dashboard/ProjectsDashboardPage'), 'ProjectsDashboardPage'),
      },
      {
        path: 'dashboard/overview',
        element: lazyPage(() => import('../pages/dashboard/OverviewPage'), 'OverviewPage'),
      },
      { path: 'kpi', element: lazyPage(() => import('../pages/kpi/KpiPage'), 'KpiPage') },
      { path: 'reports', element: lazyPage(() => import('../pages/reports/ReportPage'), 'ReportPage') },
      { path: 'admin/orgs', element: lazyPage(() => import('../pages/admin/orgs/OrgsPage'), 'OrgsPage') },
      { path: 'admin/users', element: lazyPage(() => import('../pages/admin/users/UsersPage'), 'UsersPage') },
      { path: 'admin/roles', element: lazyPage(() => import('../pages/admin/roles/RolesPage'), 'RolesPage') },
      { path: 'admin/dicts', element: lazyPage(() => import('../pages/admin/dicts/DictsPage'), 'DictsPage') },
      { path: 'admin/audit', element: lazyPage(() => import('../pages/admin/audit/AuditPage'), 'AuditPage') },
      { path: 'settings', element: lazyPage(() => import('../pages/settings/SettingsPage'), 'SettingsPage') },
      { path: '*', element: lazyPage(() => import('./NotFoundPage'), 'NotFoundPage') },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];

/**
 * Every route; each screen is a lazily loaded chunk (see lazyPage). Declarative routing, not a data
 * router: the pages fetch through React Query, and the data router would add ~17 KB gzip to the
 * entry for loaders nobody uses.
 */
export function AppRoutes() {
  return useRoutes(routes);
}

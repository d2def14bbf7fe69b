import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { PageLoading } from './PageLoading';

/** Signed-in users see the shell; everyone else goes to /login and comes back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    // Plain markup: antd's Result brings illustrations this always-loaded module does not need.
    return (
      <div role="alert" style={{ padding: '20vh 16px', textAlign: 'center' }}>
        <h2>{t('app.serverUnavailable')}</h2>
        <p>{me.error.message}</p>
        <Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>
      </div>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

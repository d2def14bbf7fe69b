import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { meKey } from '../api/auth';
import { session } from '../api/session';
import { createQueryClient } from './query-client';
import { AppRoutes } from './routes';
import { theme } from './theme';

/** Providers only: data cache, antd theme and locale, router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();

  useEffect(() => {
    // An expired session anywhere sends the user back to the login page (RequireAuth watches /me).
    session.onUnauthenticated(() => {
      session.setCsrfToken(null);
      queryClient.setQueryData(meKey, null);
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

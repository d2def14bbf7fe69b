import { App as AntApp, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { OrgFilterProvider } from '../org-filter';
import { PageLoading } from '../PageLoading';
import { theme } from '../theme';
import { Brand } from './Brand';
import { HeaderBar } from './HeaderBar';
import { OrgSwitcher } from './OrgSwitcher';
import { SideMenu } from './SideMenu';

const SIDER_BG = theme.components?.Layout?.siderBg;

/** The signed-in shell: side menu (a drawer on phones), header, and the routed page. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  // Until the first measurement, assume a desktop: the layout effect corrects it before paint.
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const menu = (
    <Suspense fallback={null}>
      <SideMenu onNavigate={() => setDrawerOpen(false)} />
    </Suspense>
  );

  // antd's App (message, modal hooks) wraps the signed-in shell only; the login page needs neither.
  return (
    <AntApp>
      <OrgFilterProvider>
        <Layout style={{ minHeight: '100vh' }}>
          {isPhone ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              width={264}
              closable={false}
              styles={{ body: { padding: 0, background: SIDER_BG } }}
            >
              <Brand collapsed={false} />
              <div style={{ padding: '0 16px 12px' }}>
                <OrgSwitcher block />
              </div>
              {menu}
            </Drawer>
          ) : (
            <Layout.Sider
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              width={220}
              style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
            >
              <Brand collapsed={collapsed} />
              {menu}
            </Layout.Sider>
          )}
          <Layout style={{ minWidth: 0 }}>
            <HeaderBar isPhone={isPhone} onOpenMenu={() => setDrawerOpen(true)} />
            <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </OrgFilterProvider>
    </AntApp>
  );
}

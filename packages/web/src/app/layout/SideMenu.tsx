import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ProjectOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileWordOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { project, target } from '@kjj/domain';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useEntityDefs } from '../../generic/use-entity-defs';
import { useLang } from '../../i18n/use-lang';
import { useCan } from '../permissions';

type Item = Required<MenuProps>['items'][number];

/** `/e/enterprises/12/edit` → `/e/enterprises`: the menu entry a nested page belongs to. */
function selectedKey(pathname: string): string {
  const [, first = '', second = ''] = pathname.split('/');
  return first === 'settings' ? '/settings' : `/${first}/${second}`;
}

/** Menu from the user's permissions: one entry per readable entity, then administration. */
export function SideMenu({ onNavigate }: { onNavigate: () => void }) {
  const defs = useEntityDefs();
  const can = useCan();
  const { t } = useTranslation();
  const { pick } = useLang();
  const navigate = useNavigate();
  const location = useLocation();

  const business: Item[] = [
    ...(defs.some((def) => can(def.permissions.read))
      ? [{ key: '/dashboard/overview', icon: <DashboardOutlined />, label: t('dashboard.overview') }]
      : []),
    ...(can(project.permissions.read)
      ? [
          { key: '/dashboard/projects', icon: <BarChartOutlined />, label: t('dashboard.projects') },
          { key: '/board/projects', icon: <ProjectOutlined />, label: t('board.title') },
        ]
      : []),
    ...(can(target.permissions.read) ? [{ key: '/kpi/', icon: <AimOutlined />, label: t('menu.kpi') }] : []),
    ...(can('report:read')
      ? [{ key: '/reports/', icon: <FileWordOutlined />, label: t('menu.report') }]
      : []),
    ...defs
      .filter((def) => can(def.permissions.read))
      .map((def) => ({ key: `/e/${def.plural}`, icon: <DatabaseOutlined />, label: pick(def.label) })),
  ];
  const admin: Item[] = [
    { key: '/admin/orgs', icon: <ApartmentOutlined />, label: t('menu.orgs') },
    ...(can('user:manage') ? [{ key: '/admin/users', icon: <TeamOutlined />, label: t('menu.users') }] : []),
    ...(can('role:manage')
      ? [{ key: '/admin/roles', icon: <SafetyCertificateOutlined />, label: t('menu.roles') }]
      : []),
    ...(can('dict:manage')
      ? [{ key: '/admin/dicts', icon: <UnorderedListOutlined />, label: t('menu.dicts') }]
      : []),
    ...(can('audit:read') ? [{ key: '/admin/audit', icon: <AuditOutlined />, label: t('menu.audit') }] : []),
  ];
  const items: Item[] = [
    ...(business.length > 0
      ? [{ type: 'group' as const, key: 'business', label: t('menu.business'), children: business }]
      : []),
    { type: 'group', key: 'admin', label: t('menu.admin'), children: admin },
    { key: '/settings', icon: <SettingOutlined />, label: t('menu.settings') },
  ];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(location.pathname)]}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate();
      }}
    />
  );
}

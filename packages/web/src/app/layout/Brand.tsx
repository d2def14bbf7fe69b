import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Product mark at the top of the side menu. */
export function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 10,
        height: 56,
        padding: collapsed ? '0 24px' : '0 18px',
        color: '#fff',
      }}
    >
      <img src="/favicon.svg" alt="" width={28} height={28} style={{ flex: 'none' }} />
      {!collapsed && (
        <span style={{ fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap', letterSpacing: 1 }}>
          {t('app.name')}
        </span>
      )}
    </Link>
  );
}

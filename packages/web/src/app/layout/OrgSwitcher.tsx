import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { useOrgFilter } from '../org-filter';

/**
 * Narrows lists and exports to one org's subtree (inside the user's own scope). Sections are
 * left out: a switcher choice is a bureau, and the server narrows by org subtree.
 */
export function OrgSwitcher({ block = false }: { block?: boolean }) {
  const { orgId, setOrgId, canSwitch } = useOrgFilter();
  const { t } = useTranslation();
  if (!canSwitch) return null;
  return (
    <OrgTreeSelect
      value={orgId}
      onChange={setOrgId}
      placeholder={t('orgSwitcher.all')}
      style={{ width: block ? '100%' : 220 }}
      testId="org-switcher"
      ariaLabel={t('orgSwitcher.label')}
    />
  );
}

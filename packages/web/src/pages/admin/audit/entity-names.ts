import { useTranslation } from 'react-i18next';
import { entityDefs } from '../../../generic/registry';
import { useLang } from '../../../i18n/use-lang';

/** Audit entries name the table they touched: entity labels from the registry, the rest from i18n. */
export const SYSTEM_ENTITIES = ['user', 'role', 'org', 'session', 'api_token', 'job'] as const;
type SystemEntity = (typeof SYSTEM_ENTITIES)[number];
const isSystemEntity = (name: string): name is SystemEntity =>
  (SYSTEM_ENTITIES as readonly string[]).includes(name);

export function useEntityName(): (name: string) => string {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (name) => {
    const def = entityDefs.find((d) => d.name === name);
    if (def) return pick(def.label);
    return isSystemEntity(name) ? t(`audit.entities.${name}`) : name;
  };
}

export const auditEntityNames = (): string[] => [...entityDefs.map((d) => d.name), ...SYSTEM_ENTITIES];

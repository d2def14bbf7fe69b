import { actionOf, entityByName, type Lang } from '@kjj/domain';
import type { TFunction } from 'i18next';

/**
 * `enterprise.update` → 修改; `auth.login` → 登录. Verbs the audit log uses for every entity get a
 * label; anything new falls back to its code so nothing is hidden.
 */
const VERBS = [
  'create',
  'update',
  'delete',
  'restore',
  'import',
  'import_requested',
  'export',
  'login',
  'logout',
  'login_failed',
  'login_throttled',
  'disable',
  'reset_password',
  'password_changed',
  'revoke',
] as const;
type Verb = (typeof VERBS)[number];

const isVerb = (value: string): value is Verb => (VERBS as readonly string[]).includes(value);

/** A lifecycle action's own label (`project.approve` → 立项), from the entity's workflow. */
function workflowLabel(action: string, lang: Lang): string | undefined {
  const dot = action.lastIndexOf('.');
  const workflow = entityByName(action.slice(0, dot))?.workflow;
  return workflow && actionOf(workflow, action.slice(dot + 1))?.label[lang];
}

export function actionLabel(action: string, t: TFunction, lang: Lang = 'zh'): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return isVerb(verb) ? t(`audit.verbs.${verb}`) : (workflowLabel(action, lang) ?? action);
}

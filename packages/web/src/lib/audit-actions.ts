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

export function actionLabel(action: string, t: TFunction): string {
  const verb = action.slice(action.lastIndexOf('.') + 1);
  return isVerb(verb) ? t(`audit.verbs.${verb}`) : action;
}

import { useMe } from '../api/auth';
import type { Me } from '../api/types';

/** Scopes that reach more than one org, so the user may narrow lists with the org switcher. */
const WIDE_SCOPES = new Set(['all', 'org_and_below']);

export const spansSeveralOrgs = (me: Me): boolean =>
  me.roles.some(
    (role) => WIDE_SCOPES.has(role.scope) || (role.readScope !== null && WIDE_SCOPES.has(role.readScope)),
  );

/** `can('enterprise:delete')` for the signed-in user; menus and buttons follow it. */
export function useCan(): (permission: string) => boolean {
  const { data: me } = useMe();
  const held = new Set(me?.permissions ?? []);
  return (permission) => held.has(permission);
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useSignedInUser(): Me {
  const { data: me } = useMe();
  if (!me) throw new Error('useSignedInUser outside RequireAuth');
  return me;
}

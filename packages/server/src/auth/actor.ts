import { isReadPermission, widestScope, type DataScope } from '@kjj/domain';

export interface RoleGrant {
  code: string;
  scope: DataScope;
  readScope: DataScope | null;
  permissions: string[];
}

/**
 * Who is asking, resolved once per request. Authorization asks two questions (STYLE §3): may this
 * role do this (`can`), and which rows (`scopeFor`, applied in the query layer).
 */
export interface Actor {
  kind: 'user' | 'system';
  userId: number | null;
  username: string;
  name: string;
  orgId: number;
  orgPath: string;
  sectionId: number | null;
  roles: RoleGrant[];
  /** How the request authenticated; CSRF applies to cookie sessions only. */
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  csrfToken?: string;
}

export const can = (actor: Actor, permission: string): boolean =>
  actor.kind === 'system' || actor.roles.some((r) => r.permissions.includes(permission));

/** The widest scope among the roles granting the permission; undefined when none does. */
export function scopeFor(actor: Actor, permission: string): DataScope | undefined {
  if (actor.kind === 'system') return 'all';
  const read = isReadPermission(permission);
  const scopes = actor.roles
    .filter((r) => r.permissions.includes(permission))
    .map((r) => (read && r.readScope ? (widestScope([r.scope, r.readScope]) ?? r.scope) : r.scope));
  return widestScope(scopes);
}

/**
 * For jobs and the CLI. Reads with it are never anonymous: the reason is recorded as the audit
 * actor name (DESIGN §3: system jobs use an explicit, audited system scope).
 */
export function systemActor(reason: string, org: { id: number; path: string } = { id: 0, path: '/' }): Actor {
  return {
    kind: 'system',
    userId: null,
    username: `system:${reason}`,
    name: `system:${reason}`,
    orgId: org.id,
    orgPath: org.path,
    sectionId: null,
    roles: [],
    via: 'system',
  };
}

import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/types.js';

/** What the web shell needs about the signed-in user: names, orgs, roles and permissions. */
export async function profileOf(db: DB, actor: Actor) {
  const orgIds = [actor.orgId, ...(actor.sectionId ? [actor.sectionId] : [])];
  const orgs = await db
    .selectFrom('org')
    .select(['id', 'fullName', 'shortName', 'kind', 'divisionCode'])
    .where('id', 'in', orgIds)
    .execute();
  const org = orgs.find((o) => o.id === actor.orgId);
  const section = orgs.find((o) => o.id === actor.sectionId);
  const account = await db
    .selectFrom('userAccount')
    .select('mustChangePassword')
    .where('id', '=', actor.userId ?? 0)
    .executeTakeFirst();
  const permissions = [...new Set(actor.roles.flatMap((r) => r.permissions))].sort();
  return {
    id: actor.userId,
    username: actor.username,
    name: actor.name,
    org: org
      ? {
          id: org.id,
          name: org.fullName,
          shortName: org.shortName,
          kind: org.kind,
          divisionCode: org.divisionCode,
          path: actor.orgPath,
        }
      : null,
    section: section ? { id: section.id, name: section.fullName } : null,
    roles: actor.roles.map((r) => ({ code: r.code, scope: r.scope, readScope: r.readScope })),
    permissions,
    /** Set after an administrator reset the password: the UI asks for a new one first. */
    mustChangePassword: account?.mustChangePassword === 1,
    csrfToken: actor.via === 'session' ? (actor.csrfToken ?? null) : null,
  };
}

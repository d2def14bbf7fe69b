import { fromOrgTree } from '../db/scope.js';
import type { DB } from '../db/types.js';

/** No org has this path, so an unknown `orgId` in the org switcher matches nothing. */
const NOWHERE = '/nowhere/';

/** Path of the org chosen in the org switcher; the caller's scope still applies on top of it. */
export async function resolveSubtree(db: DB, orgId: number | undefined): Promise<string | undefined> {
  if (orgId === undefined) return undefined;
  return fromOrgTree(db, `path:${orgId}`, async () => {
    const org = await db.selectFrom('org').select('path').where('id', '=', orgId).executeTakeFirst();
    return org?.path ?? NOWHERE;
  });
}

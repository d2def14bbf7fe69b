import { DEFAULT_ROLES } from '@kjj/domain';
import { nowIso } from '../db/dialect.js';
import type { Executor } from '../db/types.js';

/** Adds the default roles an installation lacks; roles an administrator edited are left alone. */
export async function ensureDefaultRoles(db: Executor): Promise<number> {
  const existing = new Set((await db.selectFrom('role').select('code').execute()).map((r) => r.code));
  const missing = DEFAULT_ROLES.filter((r) => !existing.has(r.code));
  if (missing.length === 0) return 0;
  const now = nowIso();
  await db
    .insertInto('role')
    .values(
      missing.map((r) => ({
        code: r.code,
        name: r.name.zh,
        nameEn: r.name.en,
        scope: r.scope,
        readScope: r.readScope ?? null,
        permissions: JSON.stringify(r.permissions),
        isSystem: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })),
    )
    .execute();
  return missing.length;
}

import type { DB } from '../db/types.js';

/** A record's audit trail, newest first (the detail page's history panel). */
export async function auditHistory(db: DB, entity: string, id: number, limit = 200) {
  const rows = await db
    .selectFrom('auditLog')
    .select(['seq', 'at', 'actorId', 'actorName', 'action', 'diff', 'requestId'])
    .where('entity', '=', entity)
    .where('entityId', '=', String(id))
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, diff: JSON.parse(r.diff) as unknown }));
}

import type { FastifyInstance } from 'fastify';
import { townNames } from '../../crud/ref-lookups.query.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';

/** Towns (乡镇) within the caller's division, for town pickers and for showing town names. */
export function registerTownRoutes(app: FastifyInstance, db: DB): void {
  app.get('/api/v1/towns', { schema: { tags: ['orgs'], summary: '辖区乡镇' } }, async (request) => {
    const org = await db
      .selectFrom('org')
      .select('divisionCode')
      .where('id', '=', actorOf(request).orgId)
      .executeTakeFirst();
    const towns = await townNames(db, org?.divisionCode ?? null);
    return { items: [...towns.byId].map(([id, name]) => ({ id, name })) };
  });
}

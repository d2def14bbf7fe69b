import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '@kjj/domain';
import { scopeFor } from '../../auth/actor.js';
import { verifyAuditChain } from '../../audit/chain.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { subtreeIds, whereScope } from '../../db/scope.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';

const num = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);
const auditQuery = z.strictObject({
  entity: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(50).optional(),
  action: z.string().trim().max(80).optional(),
  actorId: num.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: num.pipe(z.int().min(1).max(200)).optional(),
});

/** The audit log page: filterable, newest first, within the reader's scope; and chain verification. */
export function registerAuditRoutes(app: FastifyInstance, db: DB): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: 'audit:read' };

  r.get(
    '/api/v1/audit',
    { schema: { querystring: auditQuery, tags: ['audit'], summary: '审计日志' }, config },
    async (request) => {
      const actor = actorOf(request);
      const { entity, entityId, action, actorId, from, to, cursor, limit = 50 } = request.query;
      const scope = scopeFor(actor, 'audit:read');
      let q = db.selectFrom('auditLog').selectAll();
      // Entries belong to the org they were written for; a bureau reads its own subtree's entries.
      if (scope !== 'all')
        q = q.where(
          whereScope({ kind: 'orgs', ids: await subtreeIds(db as never, actor.orgPath) }, 'auditLog'),
        );
      if (entity) q = q.where('entity', '=', entity);
      if (entityId) q = q.where('entityId', '=', entityId);
      if (action) q = q.where('action', '=', action);
      if (actorId !== undefined) q = q.where('actorId', '=', actorId);
      if (from) q = q.where('at', '>=', `${from}T00:00:00.000Z`);
      if (to) q = q.where('at', '<', new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString());
      if (cursor) q = q.where('seq', '<', Number(decodeCursor(cursor, '-seq').value));
      const rows = await q
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      const items = rows
        .slice(0, limit)
        .map(({ diff, ...row }) => ({ ...row, diff: JSON.parse(diff) as unknown }));
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeCursor({ sort: '-seq', value: last.seq, id: last.seq }) : null,
      };
    },
  );

  r.get('/api/v1/audit/verify', { schema: { tags: ['audit'], summary: '校验审计链' }, config }, async () =>
    verifyAuditChain(db),
  );
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  entityByName,
  isMoneyMetric,
  isoDate,
  METRICS,
  metricById,
  metricEntity,
  metricKind,
  metricParams,
  yearPeriod,
} from '@kjj/domain';
import { can, scopeFor } from '../../auth/actor.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';
import { metricEvaluator } from '../../metrics/evaluate.js';

/** Every field some metric can be narrowed by; each metric checks its own list when evaluated. */
const METRIC_PARAMS = [...new Set(METRICS.flatMap((m) => metricParams(m)))];

const metricQuery = z
  .strictObject({
    orgId: z.coerce.number().int().positive().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    ...Object.fromEntries(METRIC_PARAMS.map((name) => [name, z.string().max(30).optional()])),
  })
  .refine((q) => (q.year === undefined) !== (q.from === undefined || q.to === undefined), {
    message: 'year, or from and to',
    path: ['year'],
  });

/** The metric catalogue and one figure for an org subtree and period (DESIGN §6). */
export function registerMetricRoutes(app: FastifyInstance, db: DB): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/metrics', { schema: { tags: ['metrics'], summary: '指标目录' } }, async () => ({
    items: METRICS.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      kind: metricKind(m),
      money: isMoneyMetric(m),
      params: metricParams(m),
    })),
  }));

  r.get(
    '/api/v1/metrics/:id',
    {
      schema: {
        params: z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9_.]{2,80}$/) }),
        querystring: metricQuery,
        tags: ['metrics'],
        summary: '指标值（本级及下级，按期间）',
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const metric = metricById(request.params.id);
      if (!metric) throw new AppError('NOT_FOUND', { entity: `指标 ${request.params.id}` });
      const def = entityByName(metricEntity(metric));
      if (!def || !can(actor, def.permissions.read) || !scopeFor(actor, def.permissions.read))
        throw new AppError('FORBIDDEN');
      const { orgId, year, from, to, ...filters } = request.query;
      const org = await db
        .selectFrom('org')
        .select('path')
        .where('id', '=', orgId ?? actor.orgId)
        .executeTakeFirst();
      if (!org) throw new AppError('NOT_FOUND', { entity: '单位' });
      const period = year !== undefined ? yearPeriod(year) : { from: from!, to: to! };
      const params = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      const value = await metricEvaluator(db as unknown as Kysely<any>, actor).evaluate(metric.id, {
        orgPath: org.path,
        period,
        params,
      });
      return { ...value, label: metric.label, unit: metric.unit, period, orgId: orgId ?? actor.orgId };
    },
  );
}

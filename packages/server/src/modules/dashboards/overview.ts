import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AppError,
  entityByName,
  isManual,
  isMoneyMetric,
  isRatio,
  MANUAL_METRICS,
  metricById,
  metricEntity,
  today,
  yearOverYear,
  yearPeriod,
} from '@kjj/domain';
import { can } from '../../auth/actor.js';
import { pathUpperBound } from '../../db/scope.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';
import { metricEvaluator } from '../../metrics/evaluate.js';

/** The bureau overview's figures: projects, funds, the library, enterprises, then the manual ones. */
const OVERVIEW = [
  'projects.upward.recommended.count',
  'projects.upward.approved.count',
  'projects.upward.approved.amount',
  'projects.county.approved.count',
  'projects.county.approved.amount',
  'funds.disbursed.amount',
  'projects.implementation.rate',
  'reserve.added.count',
  'reserve.stock.count',
  'enterprises.count',
  'enterprises.hte.count',
  'enterprises.tsme.count',
  ...MANUAL_METRICS.map((m) => m.id),
];

/** What a city compares across its counties (computed figures only: grouped queries). */
const COMPARED = [
  'projects.upward.approved.amount',
  'projects.county.approved.count',
  'reserve.added.count',
  'enterprises.hte.count',
];

const query = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * 工作概览 (issue #5 item 4): every figure a metric, with last year's and the change, so a bureau
 * sees its year at a glance and a city sees its counties side by side. Figures of entities the
 * reader may not read are left out rather than shown as zero.
 */
export function registerOverviewRoutes(app: FastifyInstance, db: DB): void {
  const anyDb = db as unknown as Kysely<any>;
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/dashboards/overview',
      { schema: { querystring: query, tags: ['metrics'], summary: '工作概览' } },
      async (request) => {
        const actor = actorOf(request);
        const org = await db
          .selectFrom('org')
          .select(['id', 'path', 'kind'])
          .where('id', '=', request.query.orgId ?? actor.orgId)
          .executeTakeFirst();
        if (!org) throw new AppError('NOT_FOUND', { entity: '单位' });
        const year = request.query.year ?? Number(today().slice(0, 4)) - 1;
        const readable = (id: string) =>
          can(actor, entityByName(metricEntity(metricById(id)!))!.permissions.read);
        const ids = OVERVIEW.filter(readable);
        if (ids.length === 0) throw new AppError('FORBIDDEN');
        const metrics = metricEvaluator(anyDb, actor);
        const figures = [];
        for (const id of ids) {
          const metric = metricById(id)!;
          const [now, last] = await Promise.all(
            [year, year - 1].map((y) => metrics.evaluate(id, { orgPath: org.path, period: yearPeriod(y) })),
          );
          if (isManual(metric) && now!.value === null && last!.value === null) continue;
          figures.push({
            id,
            label: metric.label,
            unit: metric.unit,
            money: isMoneyMetric(metric),
            rate: isRatio(metric),
            manual: isManual(metric),
            value: now!.value,
            qualifier: now!.manual?.qualifier ?? 'exact',
            lastYear: last!.value,
            yoy: yearOverYear(now!.value, last!.value, isRatio(metric)),
          });
        }
        const children =
          org.kind === 'county_bureau' || org.kind === 'section'
            ? []
            : await db
                .selectFrom('org')
                .select(['id', 'shortName', 'path'])
                .where('parentId', '=', org.id)
                .where('kind', '!=', 'section')
                .orderBy('divisionCode')
                .execute();
        let byOrg: { orgId: number; name: string; values: Record<string, number> }[] = [];
        const compared = COMPARED.filter(readable);
        if (children.length > 0 && compared.length > 0) {
          const below = await db
            .selectFrom('org')
            .select(['id', 'path'])
            .where('path', '>=', org.path)
            .where('path', '<', pathUpperBound(org.path))
            .execute();
          const grouped = await Promise.all(
            compared.map((id) =>
              metrics.evaluateBy(id, { orgPath: org.path, period: yearPeriod(year) }, 'orgId'),
            ),
          );
          byOrg = children.map((child) => {
            const ids = below.filter((o) => o.path.startsWith(child.path)).map((o) => String(o.id));
            return {
              orgId: Number(child.id),
              name: child.shortName,
              values: Object.fromEntries(
                compared.map((id, i) => [id, ids.reduce((s, k) => s + (grouped[i]!.get(k) ?? 0), 0)]),
              ),
            };
          });
        }
        return { orgId: Number(org.id), year, figures, compared, byOrg };
      },
    );
}

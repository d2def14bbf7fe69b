import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, project, today, yearPeriod, type Period } from '@kjj/domain';
import { scopeFor } from '../../auth/actor.js';
import { pathUpperBound, resolveScope, whereScope } from '../../db/scope.js';
import { dictEntries } from '../../db/dicts.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';
import { metricEvaluator } from '../../metrics/evaluate.js';

const UPWARD_LEVELS = ['national', 'province', 'city'] as const;
const TREND_YEARS = 5;

const dashboardQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/**
 * The projects dashboard (DESIGN §6): every number is a registered metric evaluated over the
 * reader's scope, so each agrees with the metric API, the KPI board and the annual report.
 */
export function registerDashboardRoutes(app: FastifyInstance, db: DB): void {
  const anyDb = db as unknown as Kysely<any>;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/dashboards/projects',
    {
      schema: { querystring: dashboardQuery, tags: ['metrics'], summary: '科技项目看板' },
      config: { permission: project.permissions.read },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await db
        .selectFrom('org')
        .select(['id', 'path', 'kind'])
        .where('id', '=', request.query.orgId ?? actor.orgId)
        .executeTakeFirst();
      if (!org) throw new AppError('NOT_FOUND', { entity: '单位' });
      const year = request.query.year ?? (await latestYear(anyDb, actor));
      const metrics = metricEvaluator(anyDb, actor);
      const period = yearPeriod(year);
      const figure = async (id: string) =>
        (await metrics.evaluate(id, { orgPath: org.path, period })).value ?? 0;
      const figures = {
        submitted: await figure('projects.submitted.count'),
        upwardRecommended: await figure('projects.upward.recommended.count'),
        upwardApproved: await figure('projects.upward.approved.count'),
        upwardAmountFen: await figure('projects.upward.approved.amount'),
        countyApproved: await figure('projects.county.approved.count'),
        countyAmountFen: await figure('projects.county.approved.amount'),
        implementationRate: (
          await metrics.evaluate('projects.implementation.rate', { orgPath: org.path, period })
        ).value,
        disbursedFen: await figure('funds.disbursed.amount'),
        acceptanceRate: (await metrics.evaluate('projects.acceptance.rate', { orgPath: org.path, period }))
          .value,
        accepted: await figure('projects.accepted.count'),
        reserveStock: await figure('reserve.stock.count'),
      };

      // Breakdowns are one grouped query per metric, not one query per group.
      const grouped = (id: string, by: string, p: Period = period, orgPath = org.path) =>
        metrics.evaluateBy(id, { orgPath, period: p }, by);
      const at = (map: Map<string, number>, key: string | number) => map.get(String(key)) ?? 0;

      const [recommendedBy, approvedBy, amountBy] = await Promise.all(
        [
          'projects.upward.recommended.count',
          'projects.upward.approved.count',
          'projects.upward.approved.amount',
        ].map((id) => grouped(id, 'level')),
      );
      const byLevel = UPWARD_LEVELS.map((level) => ({
        level,
        recommended: at(recommendedBy!, level),
        approved: at(approvedBy!, level),
        amountFen: at(amountBy!, level),
      }));

      const countyCount = await grouped('projects.county.approved.count', 'category');
      const countyAmount = await grouped('projects.county.approved.amount', 'category');
      // In the list's order; a retired category still shows where it has projects.
      const categories = (await dictEntries(db, 'projectCategory')).map((e) => e.code);
      const byCategory = categories
        .filter((category) => at(countyCount, category) > 0)
        .map((category) => ({
          category,
          count: at(countyCount, category),
          amountFen: at(countyAmount, category),
        }));

      const span = { from: yearPeriod(year - TREND_YEARS + 1).from, to: period.to };
      const [trendRecommended, trendApproved, trendAmount, trendCounty] = await Promise.all(
        [
          'projects.upward.recommended.count',
          'projects.upward.approved.count',
          'projects.upward.approved.amount',
          'projects.county.approved.amount',
        ].map((id) => grouped(id, 'year', span)),
      );
      const trend = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i).map((y) => ({
        year: y,
        upwardRecommended: at(trendRecommended!, y),
        upwardApproved: at(trendApproved!, y),
        upwardAmountFen: at(trendAmount!, y),
        countyAmountFen: at(trendCounty!, y),
      }));

      // A city (or the province) compares the bureaus directly below it.
      const children =
        org.kind === 'section' || org.kind === 'county_bureau'
          ? []
          : await db
              .selectFrom('org')
              .select(['id', 'shortName', 'path'])
              .where('parentId', '=', org.id)
              .where('kind', '!=', 'section')
              .orderBy('divisionCode')
              .execute();
      const byOrg = [];
      if (children.length > 0) {
        const [approvedByOrg, amountByOrg, countyByOrg] = await Promise.all(
          [
            'projects.upward.approved.count',
            'projects.upward.approved.amount',
            'projects.county.approved.amount',
          ].map((id) => grouped(id, 'orgId')),
        );
        // Every org below in one read; each child's figure adds up the orgs under its path.
        const below = await db
          .selectFrom('org')
          .select(['id', 'path'])
          .where('path', '>=', org.path)
          .where('path', '<', pathUpperBound(org.path))
          .execute();
        for (const child of children) {
          const ids = below.filter((o) => o.path.startsWith(child.path)).map((o) => o.id);
          const total = (map: Map<string, number>) => ids.reduce((sum, id) => sum + at(map, id), 0);
          byOrg.push({
            orgId: Number(child.id),
            name: child.shortName,
            upwardApproved: total(approvedByOrg!),
            upwardAmountFen: total(amountByOrg!),
            countyAmountFen: total(countyByOrg!),
          });
        }
      }

      return { year, orgId: Number(org.id), figures, byLevel, byCategory, trend, byOrg };
    },
  );
}

/** The latest plan year among the projects the reader can see (this year when there are none). */
async function latestYear(db: Kysely<any>, actor: ReturnType<typeof actorOf>): Promise<number> {
  const scope = await resolveScope(db, actor, scopeFor(actor, project.permissions.read));
  const row = await db
    .selectFrom('project')
    .select((eb) => eb.fn.max('year').as('year'))
    .where(whereScope(scope, 'project'))
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return row?.year ? Number(row.year) : Number(today().slice(0, 4));
}

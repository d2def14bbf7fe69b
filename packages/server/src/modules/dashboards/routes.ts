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

/** The headline figures, each a registered metric; rates stay null when undefined (no base). */
const FIGURES = {
  submitted: 'projects.submitted.count',
  upwardRecommended: 'projects.upward.recommended.count',
  upwardApproved: 'projects.upward.approved.count',
  upwardAmountFen: 'projects.upward.approved.amount',
  countyApproved: 'projects.county.approved.count',
  countyAmountFen: 'projects.county.approved.amount',
  implementationRate: 'projects.implementation.rate',
  disbursedFen: 'funds.disbursed.amount',
  acceptanceRate: 'projects.acceptance.rate',
  accepted: 'projects.accepted.count',
  reserveStock: 'reserve.stock.count',
} as const;
const RATES = new Set<string>(['implementationRate', 'acceptanceRate']);
const UPWARD_BY_LEVEL = [
  'projects.upward.recommended.count',
  'projects.upward.approved.count',
  'projects.upward.approved.amount',
];
const COUNTY_BY_CATEGORY = ['projects.county.approved.count', 'projects.county.approved.amount'];
const TREND = [
  'projects.upward.recommended.count',
  'projects.upward.approved.count',
  'projects.upward.approved.amount',
  'projects.county.approved.amount',
];

const BY_ORG = [
  'projects.upward.approved.count',
  'projects.upward.approved.amount',
  'projects.county.approved.amount',
];

type Grouped = Map<string, number>;

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
      const value = async (id: string) => (await metrics.evaluate(id, { orgPath: org.path, period })).value;
      // Breakdowns are one grouped query per metric, not one query per group.
      const grouped = (id: string, by: string, p: Period = period) =>
        metrics.evaluateBy(id, { orgPath: org.path, period: p }, by);
      const at = (map: Map<string, number>, key: string | number) => map.get(String(key)) ?? 0;
      const span = { from: yearPeriod(year - TREND_YEARS + 1).from, to: period.to };

      // A city (or the province) compares the bureaus directly below it.
      const byOrgOf = async () => {
        if (org.kind === 'section' || org.kind === 'county_bureau') return [];
        const [children, below, orgMaps] = await Promise.all([
          db
            .selectFrom('org')
            .select(['id', 'shortName', 'path'])
            .where('parentId', '=', org.id)
            .where('kind', '!=', 'section')
            .orderBy('divisionCode')
            .execute(),
          // Every org below in one read; each child's figure adds up the orgs under its path.
          db
            .selectFrom('org')
            .select(['id', 'path'])
            .where('path', '>=', org.path)
            .where('path', '<', pathUpperBound(org.path))
            .execute(),
          Promise.all(BY_ORG.map((id) => grouped(id, 'orgId'))),
        ]);
        const [approvedByOrg, amountByOrg, countyByOrg] = orgMaps as [Grouped, Grouped, Grouped];
        return children.map((child) => {
          const ids = below.filter((o) => o.path.startsWith(child.path)).map((o) => o.id);
          const total = (map: Grouped) => ids.reduce((sum, id) => sum + at(map, id), 0);
          return {
            orgId: Number(child.id),
            name: child.shortName,
            upwardApproved: total(approvedByOrg),
            upwardAmountFen: total(amountByOrg),
            countyAmountFen: total(countyByOrg),
          };
        });
      };

      // Every figure at once: on PostgreSQL they run side by side on the pool's connections.
      const [figureValues, levelMaps, categoryMaps, categoryEntries, trendMaps, byOrg] = await Promise.all([
        Promise.all(Object.values(FIGURES).map(value)),
        Promise.all(UPWARD_BY_LEVEL.map((id) => grouped(id, 'level'))),
        Promise.all(COUNTY_BY_CATEGORY.map((id) => grouped(id, 'category'))),
        dictEntries(db, 'projectCategory'),
        Promise.all(TREND.map((id) => grouped(id, 'year', span))),
        byOrgOf(),
      ]);
      const figures = Object.fromEntries(
        Object.keys(FIGURES).map((key, i) => [
          key,
          RATES.has(key) ? figureValues[i] : (figureValues[i] ?? 0),
        ]),
      ) as Record<keyof typeof FIGURES, number | null>;

      const [recommendedBy, approvedBy, amountBy] = levelMaps as [Grouped, Grouped, Grouped];
      const byLevel = UPWARD_LEVELS.map((level) => ({
        level,
        recommended: at(recommendedBy, level),
        approved: at(approvedBy, level),
        amountFen: at(amountBy, level),
      }));

      const [countyCount, countyAmount] = categoryMaps as [Grouped, Grouped];
      // In the list's order; a retired category still shows where it has projects.
      const byCategory = categoryEntries
        .map((e) => e.code)
        .filter((category) => at(countyCount, category) > 0)
        .map((category) => ({
          category,
          count: at(countyCount, category),
          amountFen: at(countyAmount, category),
        }));

      const [trendRecommended, trendApproved, trendAmount, trendCounty] = trendMaps as [
        Grouped,
        Grouped,
        Grouped,
        Grouped,
      ];
      const trend = Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i).map((y) => ({
        year: y,
        upwardRecommended: at(trendRecommended, y),
        upwardApproved: at(trendApproved, y),
        upwardAmountFen: at(trendAmount, y),
        countyAmountFen: at(trendCounty, y),
      }));

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

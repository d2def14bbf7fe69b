import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  AppError,
  entityByName,
  isRatio,
  metricById,
  percent,
  type Condition,
  type CountMetric,
  type MetricDef,
  type Period,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { dialectOfDb } from '../db/dialect.js';
import { narrowToOrgs, resolveScope, subtreeIds, whereScope } from '../db/scope.js';

export interface MetricQuery {
  /** Path of the org whose subtree is measured. */
  orgPath: string;
  period: Period;
  /** Equality filters among the metric's `params`. */
  params?: Record<string, string>;
}

export interface MetricValue {
  id: string;
  /** 分 for money, a plain number for counts, a percentage (2 dp) for ratios; null when undefined (0 ÷ 0). */
  value: number | null;
  money: boolean;
  /** For ratios, the two figures it was computed from. */
  parts?: { numerator: number; denominator: number };
}

function condition(eb: ExpressionBuilder<any, any>, table: string, c: Condition, period: Period) {
  const col = eb.ref(`${table}.${c.field}`);
  if ('in' in c) return eb(col, 'in', [...c.in]);
  if ('within' in c) return eb.and([eb(col, '>=', period.from), eb(col, '<=', period.to)]);
  if ('by' in c) return eb(col, '<=', period.to);
  if (c.openAt === 'end') return eb.or([eb(col, 'is', null), eb(col, '>', period.to)]);
  return eb.or([eb(col, 'is', null), eb(col, '>=', period.from)]);
}

/**
 * Metrics over the rows an actor may read: the org subtree asked for, intersected with the actor's
 * read scope of the metric's entity, so a figure never includes rows its reader could not list.
 */
export function metricEvaluator(db: Kysely<any>, actor: Actor) {
  // One evaluator serves one request: a dashboard asks for many figures over the same few org
  // subtrees and entities, so their scopes are worked out once.
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as Promise<T>;
  };

  /** The metric's rows in scope and period, as a query to aggregate. */
  async function rowsOf(metric: CountMetric, query: MetricQuery) {
    const def = entityByName(metric.entity);
    if (!def) throw new Error(`metric ${metric.id}: unknown entity ${metric.entity}`);
    const scope = narrowToOrgs(
      await once(`scope:${def.name}`, () => resolveScope(db, actor, scopeFor(actor, def.permissions.read))),
      await once(`subtree:${query.orgPath}`, () => subtreeIds(db, query.orgPath)),
    );
    const table = def.table;
    let q = db
      .selectFrom(table)
      .where(whereScope(scope, table))
      .where(`${table}.deletedAt`, 'is', null)
      .where((eb) => eb.and(metric.where.map((c) => condition(eb, table, c, query.period))));
    for (const [name, value] of Object.entries(query.params ?? {})) {
      if (!metric.params.includes(name))
        throw new AppError('BAD_REQUEST', { reason: `${metric.id} 不支持按 ${name} 统计` });
      q = q.where(`${table}.${name}`, '=', value);
    }
    const measure =
      'sum' in metric.measure
        ? sql<string | number | null>`coalesce(sum(${sql.ref(`${table}.${metric.measure.sum}`)}), 0)`
        : sql<string | number>`count(*)`;
    return { q, table, measure };
  }

  async function count(metric: CountMetric, query: MetricQuery): Promise<number> {
    const { q, measure } = await rowsOf(metric, query);
    const row = await q.select(measure.as('v')).executeTakeFirstOrThrow();
    return Number(row.v);
  }

  /**
   * One figure per group in a single query: by one of the metric's parameters, by owning org, or
   * by the year of the date the metric counts by (for a trend over a multi-year period).
   */
  async function countBy(metric: CountMetric, query: MetricQuery, by: string): Promise<Map<string, number>> {
    const { q, table, measure } = await rowsOf(metric, query);
    const dated = metric.where.find((c) => 'within' in c)?.field;
    let key;
    if (by === 'orgId') key = sql.ref(`${table}.orgId`);
    else if (by === 'year' && dated)
      key =
        dialectOfDb(db) === 'postgres'
          ? sql`to_char(${sql.ref(`${table}.${dated}`)}, 'YYYY')`
          : sql`substr(${sql.ref(`${table}.${dated}`)}, 1, 4)`;
    else if (metric.params.includes(by)) key = sql.ref(`${table}.${by}`);
    else throw new AppError('BAD_REQUEST', { reason: `${metric.id} 不支持按 ${by} 分组` });
    const rows = await q
      .select([key.as('k'), measure.as('v')])
      .groupBy(key)
      .execute();
    return new Map(rows.map((r) => [String(r.k), Number(r.v)]));
  }

  async function evaluate(metric: MetricDef, query: MetricQuery): Promise<MetricValue> {
    if (!isRatio(metric)) {
      return { id: metric.id, value: await count(metric, query), money: 'sum' in metric.measure };
    }
    const [numerator, denominator] = await Promise.all(
      [metric.numerator, metric.denominator].map(async (id) => (await evaluate(byId(id), query)).value ?? 0),
    );
    return {
      id: metric.id,
      value: percent(numerator!, denominator!),
      money: false,
      parts: { numerator: numerator!, denominator: denominator! },
    };
  }

  return {
    evaluate: (id: string, query: MetricQuery) => evaluate(byId(id), query),
    evaluateBy: (id: string, query: MetricQuery, by: 'orgId' | 'year' | string) => {
      const metric = byId(id);
      if (isRatio(metric)) throw new AppError('BAD_REQUEST', { reason: `${id} 是比率，不能分组` });
      return countBy(metric, query, by);
    },
  };
}

function byId(id: string): MetricDef {
  const metric = metricById(id);
  if (!metric) throw new AppError('NOT_FOUND', { entity: `指标 ${id}` });
  return metric;
}

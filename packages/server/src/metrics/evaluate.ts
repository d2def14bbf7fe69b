import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import {
  AppError,
  entityByName,
  isRatio,
  metricById,
  percent,
  type Condition,
  type CountMetric,
  type ManualMetric,
  type MetricDef,
  type Period,
  type Qualifier,
  isManual,
  sumQty,
} from '@kjj/domain';
import { scopeFor, type Actor } from '../auth/actor.js';
import { dialectOfDb } from '../db/dialect.js';
import type { Dialect } from '../db/types.js';
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
  /** 手工填报: the figure is the sum of the latest entries, carrying their weakest qualifier (R-Q3). */
  manual?: { qualifier: Qualifier; asOf: string | null; entries: number };
}

/** 万元 as typed (≤ 4 decimals) → 分, without float noise. */
const wanToFen = (wan: number): number => Math.round(wan * 1_000_000);

function condition(
  eb: ExpressionBuilder<any, any>,
  table: string,
  c: Condition,
  period: Period,
  dialect: Dialect,
) {
  const col = eb.ref(`${table}.${c.field}`);
  if ('in' in c) return eb(col, 'in', [...c.in]);
  if ('is' in c) return eb(col, '=', dialect === 'sqlite' ? Number(c.is) : c.is);
  if ('within' in c) return eb.and([eb(col, '>=', period.from), eb(col, '<=', period.to)]);
  if ('by' in c) return eb(col, '<=', period.to);
  if ('before' in c) return eb(col, '<', period.from);
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
  const dialect = dialectOfDb(db);
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
      .where((eb) => eb.and(metric.where.map((c) => condition(eb, table, c, query.period, dialect))));
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

  /**
   * Each org's latest entry of a manual metric within the period (a statement "截至…" replaces the
   * earlier ones), read once per metric and query.
   */
  async function latestEntries(metric: ManualMetric, query: MetricQuery) {
    const def = entityByName('metricEntry')!;
    const scope = narrowToOrgs(
      await once(`scope:${def.name}`, () => resolveScope(db, actor, scopeFor(actor, def.permissions.read))),
      await once(`subtree:${query.orgPath}`, () => subtreeIds(db, query.orgPath)),
    );
    const rows = await db
      .selectFrom('metric_entry')
      .select(['orgId', 'asOf', 'value'])
      .where(whereScope(scope, 'metric_entry'))
      .where('deletedAt', 'is', null)
      .where('metricId', '=', metric.id)
      .where('asOf', '>=', query.period.from)
      .where('asOf', '<=', query.period.to)
      .orderBy('orgId')
      .orderBy('asOf', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = new Map<
      string,
      { orgId: number; asOf: string; value: { value: number; qualifier: Qualifier } }
    >();
    for (const row of rows) {
      const key = String(row.orgId);
      if (!latest.has(key))
        latest.set(key, {
          orgId: Number(row.orgId),
          asOf: String(row.asOf),
          value: typeof row.value === 'string' ? JSON.parse(row.value) : row.value,
        });
    }
    return [...latest.values()];
  }

  function manualValue(
    metric: ManualMetric,
    entries: Awaited<ReturnType<typeof latestEntries>>,
  ): MetricValue {
    const total = sumQty(entries.map((e) => e.value));
    return {
      id: metric.id,
      // Nothing stated is not zero: the figure is unknown until someone enters it.
      value: entries.length === 0 ? null : metric.money ? wanToFen(total.value) : total.value,
      money: metric.money === true,
      manual: {
        qualifier: total.qualifier,
        asOf: entries.reduce<string | null>((max, e) => (max === null || e.asOf > max ? e.asOf : max), null),
        entries: entries.length,
      },
    };
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
        dialect === 'postgres'
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

  /** A manual metric per org (each org's latest entry) or per year of the entries' dates. */
  async function manualBy(
    metric: ManualMetric,
    query: MetricQuery,
    by: string,
  ): Promise<Map<string, number>> {
    if (by !== 'orgId' && by !== 'year')
      throw new AppError('BAD_REQUEST', { reason: `${metric.id} 不支持按 ${by} 分组` });
    const groups = new Map<string, Awaited<ReturnType<typeof latestEntries>>>();
    if (by === 'orgId') {
      for (const entry of await latestEntries(metric, query)) groups.set(String(entry.orgId), [entry]);
    } else {
      const first = Number(query.period.from.slice(0, 4));
      const last = Number(query.period.to.slice(0, 4));
      for (let year = first; year <= last; year++) {
        const within = {
          from: year === first ? query.period.from : `${year}-01-01`,
          to: year === last ? query.period.to : `${year}-12-31`,
        };
        const entries = await latestEntries(metric, { ...query, period: within });
        if (entries.length > 0) groups.set(String(year), entries);
      }
    }
    return new Map([...groups].map(([key, entries]) => [key, manualValue(metric, entries).value ?? 0]));
  }

  async function evaluate(metric: MetricDef, query: MetricQuery): Promise<MetricValue> {
    if (isManual(metric)) {
      if (query.params && Object.keys(query.params).length > 0)
        throw new AppError('BAD_REQUEST', { reason: `${metric.id} 是手工填报指标，不能按条件统计` });
      return manualValue(metric, await latestEntries(metric, query));
    }
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
      if (isManual(metric)) return manualBy(metric, query, by);
      return countBy(metric, query, by);
    },
  };
}

function byId(id: string): MetricDef {
  const metric = metricById(id);
  if (!metric) throw new AppError('NOT_FOUND', { entity: `指标 ${id}` });
  return metric;
}

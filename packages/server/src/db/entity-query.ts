import {
  CompiledQuery,
  sql,
  type Compilable,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
} from 'kysely';
import { snakeCase, usedFilterFields, type DataScope, type EntityDef, type FieldDef } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { keepPrepared } from './connect.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { decodeRow, selectRowColumns, type ApiRow } from './entity-rows.js';
import { contains } from './like.js';
import { listPlan, sortOf, type ListPlan } from './list-plan.js';
import {
  sqlInteger,
  narrowToOrgs,
  resolveScope,
  scopeOptionsOf,
  subtreeIds,
  whereScope,
  writtenInteger,
  type ScopeFilter,
} from './scope.js';
import type { Dialect } from './types.js';

/** Parsed list/export parameters (already validated by the definition's zod schema). */
export interface ListParams {
  limit?: number;
  cursor?: string;
  count?: boolean;
  q?: string;
  sort?: string;
  orgId?: number;
  deleted?: 'only';
  [filter: string]: unknown;
}

type AnyQuery = SelectQueryBuilder<any, any, any>;
type EB = ExpressionBuilder<any, any>;

export interface QueryOptions {
  def: EntityDef;
  actor: Actor;
  scope: DataScope | undefined;
  dialect: Dialect;
  params: ListParams;
  /** Path of the org chosen in the org switcher (`orgId`), resolved by the caller. */
  subtreePath?: string;
}

/** `count=true` counts exactly up to this many rows; beyond, the total is an estimate. */
export const COUNT_CAP = 100_000;

function fieldFilter(
  eb: EB,
  def: EntityDef,
  name: string,
  field: FieldDef,
  params: ListParams,
  dialect: Dialect,
) {
  const col = eb.ref(`${def.table}.${name}`);
  const conditions = [];
  const eq = params[name];
  if (eq !== undefined) {
    if (field.kind === 'enum') conditions.push(eb(col, 'in', eq as string[]));
    else if (field.kind === 'bool') conditions.push(eb(col, '=', dialect === 'sqlite' ? (eq ? 1 : 0) : eq));
    else if (field.kind === 'tags') {
      conditions.push(
        dialect === 'postgres'
          ? sql<boolean>`${col} @> ${JSON.stringify([eq])}::jsonb`
          : sql<boolean>`exists (select 1 from json_each(${col}) where value = ${eq})`,
      );
    } else conditions.push(eb(col, '=', eq));
  }
  if (params[`${name}.gte`] !== undefined) conditions.push(eb(col, '>=', params[`${name}.gte`]));
  if (params[`${name}.lte`] !== undefined) conditions.push(eb(col, '<=', params[`${name}.lte`]));
  return conditions;
}

/** Everything but the scope that narrows rows: trash, field filters, text search. */
function applyFilters(query: AnyQuery, opts: QueryOptions, plan: ListPlan): AnyQuery {
  const { def, dialect, params } = opts;
  const table = def.table;
  let q =
    params.deleted === 'only'
      ? query.where(`${table}.deletedAt`, 'is not', null)
      : query.where(`${table}.deletedAt`, 'is', null);
  for (const [name, field] of usedFilterFields(def, params)) {
    q = q.where((eb) => eb.and(fieldFilter(eb, def, name, field, params, dialect)));
  }
  const text = params.q?.toLowerCase();
  if (text && plan.search === 'fts') {
    const fts = sql.table(`${table}_fts`);
    q = q.where(
      `${table}.id`,
      'in',
      sql`(select rowid from ${fts} where ${fts} match ${`"${text.replace(/"/g, '""')}"`})`,
    );
  } else if (text) {
    q = q.where((eb) => contains(eb.ref(`${table}.searchText`), text, dialect));
  }
  return q;
}

/** The caller's scope, narrowed to the org switcher's subtree when one is chosen. */
export async function effectiveScope(db: Kysely<any>, opts: QueryOptions): Promise<ScopeFilter> {
  const filter = await resolveScope(
    db,
    opts.actor,
    opts.scope,
    scopeOptionsOf(opts.def, opts.def.permissions.read),
  );
  return opts.subtreePath === undefined
    ? filter
    : narrowToOrgs(filter, await subtreeIds(db, opts.subtreePath));
}

export interface Page {
  items: ApiRow[];
  nextCursor: string | null;
  total?: number;
  totalIsEstimate?: boolean;
}

/** Stands for the org id in a per-org run compiled once and repeated for each org. */
const ORG_SLOT = '__kjj_org__';

/** One page in keyset order, by the access path the plan chose. */
function pageQuery(
  db: Kysely<any>,
  opts: QueryOptions,
  scope: ScopeFilter,
  plan: ListPlan,
  limit: number,
): Compilable<Record<string, unknown>> {
  const { def, params } = opts;
  const { key, desc } = sortOf(def, params.sort);
  const dir = desc ? 'desc' : 'asc';
  const keyset = (q: AnyQuery, table: string) => {
    if (!params.cursor) return q;
    const at = decodeCursor(params.cursor, `${desc ? '-' : ''}${key}`);
    return q.where((eb) =>
      eb(eb.refTuple(`${table}.${key}`, `${table}.id`), desc ? '<' : '>', eb.tuple(at.value, at.id)),
    );
  };
  /**
   * What a subquery of ids needs to be ordered by the caller: the id and the sort value (sorted by
   * id, the id alone: a subquery's columns must have distinct names).
   */
  const idAndSortValue = key === 'id' ? [`${def.table}.id`] : [`${def.table}.id`, `${def.table}.${key}`];
  const sorted = (q: AnyQuery, table: string) =>
    q.orderBy(`${table}.${key}`, dir).orderBy(`${table}.id`, dir);
  // Written into the SQL, not bound: see `sqlInteger` in scope.ts.
  const ordered = (q: AnyQuery, table: string) => sorted(q, table).limit(writtenInteger(limit));
  /** The matching rows of the entity's table, from the cursor on, in page order. */
  const page = (q: AnyQuery) => ordered(keyset(applyFilters(q, opts, plan), def.table), def.table);
  /**
   * Full rows for a page's ids (SQLite sorts whatever it selects, so it sorts ids first). The ids
   * are already limited: a second LIMIT here made SQLite's sorter cost ten times the page itself.
   */
  const rowsOf = (ids: AnyQuery) =>
    sorted(selectRowColumns(db.selectFrom(def.table), def).where(`${def.table}.id`, 'in', ids), def.table);

  if (plan.perOrg && scope.kind === 'orgs' && opts.dialect === 'sqlite') {
    // SQLite has no LATERAL: one short, index-ordered run per org (a compound select), merged.
    // The run is built and compiled once and its SQL repeated for each org: building the compound
    // through the query builder cost more than running it (issue #3 benchmarks).
    // Org ids and limits are written into the SQL (see `sqlInteger` in scope.ts).
    const run = page(
      db
        .selectFrom(def.table)
        .select([`${def.table}.id`, `${def.table}.${key}`])
        .where(`${def.table}.orgId`, '=', sql.raw(ORG_SLOT)),
    ).compile();
    const runs = scope.ids
      .map((orgId) => `select "run".* from (${run.sql.replaceAll(ORG_SLOT, sqlInteger(orgId))}) as "run"`)
      .join(' union all ');
    const merged = `select "merged"."id" from (${runs}) as "merged" order by "merged"."${snakeCase(key)}" ${dir}, "merged"."id" ${dir} limit ${sqlInteger(limit)}`;
    const outer = rowsOf(db.selectFrom(sql.raw(`(${merged})`).as('ids')).select('ids.id')).compile();
    if (outer.parameters.length > 0) throw new Error('the merged page query takes no parameters of its own');
    const parameters = scope.ids.flatMap(() => run.parameters);
    return { compile: () => ({ ...outer, parameters }) };
  }
  if (plan.perOrg && scope.kind === 'orgs') {
    // PostgreSQL: walk each org's own (org_id, key, id) index and merge the short runs, instead
    // of letting the planner guess between sorting the whole subtree and scanning the sort index.
    const perOrg = (eb: EB) =>
      page(
        selectRowColumns(eb.selectFrom(def.table), def).whereRef(`${def.table}.orgId`, '=', 'scopeOrg.id'),
      ).as('e');
    const orgs = db.selectFrom(
      sql<{ id: number }>`(select unnest(${scope.ids}::bigint[]) as id)`.as('scopeOrg'),
    );
    return ordered(orgs.innerJoinLateral(perOrg, (join) => join.onTrue()).selectAll('e'), 'e');
  }
  if (plan.sortMatches) {
    // PostgreSQL, rare text term: its matches from the trigram index, then sorted (see listPlan).
    // MATERIALIZED keeps the planner from folding the matches back into a walk of the sort index.
    const found = keyset(
      applyFilters(
        db.selectFrom(def.table).select(idAndSortValue).where(whereScope(scope, def.table)),
        opts,
        plan,
      ),
      def.table,
    );
    return rowsOf(
      ordered(
        db
          .with(
            (cte) => cte('found').materialized(),
            () => found,
          )
          .selectFrom('found')
          .select('found.id'),
        'found',
      ),
    );
  }
  if (plan.scanSortIndex && opts.dialect === 'postgres') {
    // PostgreSQL, wide subtree: the ids and sort values in page order from an index-only walk of
    // the sort index, which tests each entry's org; then each of those rows, read once and
    // filtered (see listPlan). OFFSET 0 keeps the planner from folding the walk into the outer
    // query; `unindexed` keeps it off the org-led indexes. A walk that tests every condition is
    // the page itself, so it is limited: unlimited, the planner would plan a walk of all matches
    // (a parallel scan of the whole index, 68 ms).
    const inScope = db
      .selectFrom(def.table)
      .select(idAndSortValue)
      .where(whereScope(scope, def.table, { unindexed: true }));
    const walk = plan.walkDecides
      ? page(inScope)
      : sorted(keyset(inScope.where(`${def.table}.deletedAt`, 'is', null), def.table), def.table).offset(0);
    const row = (eb: EB) =>
      applyFilters(
        selectRowColumns(eb.selectFrom(def.table), def).whereRef(`${def.table}.id`, '=', 'walked.id'),
        opts,
        plan,
      ).as('e');
    return ordered(
      db
        .selectFrom(walk.as('walked'))
        .innerJoinLateral(row, (join) => join.onTrue())
        .selectAll('e'),
      'walked',
    );
  }
  const matching = page(
    db.selectFrom(def.table).where(whereScope(scope, def.table, { unindexed: plan.scanSortIndex })),
  );
  if (opts.dialect === 'postgres' && !plan.searchInIndex) return selectRowColumns(matching, def);
  // The page's ids come from the (covering, partial) index alone: always on SQLite; on PostgreSQL
  // for a text term tested in the org-led index (see listPlan).
  return rowsOf(matching.select(`${def.table}.id`));
}

export async function listPage(db: Kysely<any>, opts: QueryOptions, scope?: ScopeFilter): Promise<Page> {
  const limit = opts.params.limit ?? 20;
  const resolved = scope ?? (await effectiveScope(db, opts));
  const plan = await listPlan(db, opts.def, opts.dialect, resolved, opts.params);
  const compiled = pageQuery(db, opts, resolved, plan, limit + 1).compile();
  // A page whose plan its query's shape fixes: merged per-org runs, a walk of the sort index, or
  // one bureau's rows. Not a text search, nor a wide scope left to the planner (see keepPrepared).
  const shapeFixesPlan =
    plan.perOrg || plan.scanSortIndex || (resolved.kind === 'orgs' && resolved.ids.length === 1);
  const { rows } = await db.executeQuery(
    opts.dialect === 'postgres' && !opts.params.q && shapeFixesPlan ? keepPrepared(compiled) : compiled,
  );
  const items = rows.slice(0, limit).map((r) => decodeRow(opts.def, r));
  const { key, desc } = sortOf(opts.def, opts.params.sort);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ sort: `${desc ? '-' : ''}${key}`, value: last[key] as string | number, id: last.id })
      : null;
  const page: Page = { items, nextCursor };
  if (opts.params.count) Object.assign(page, await countRows(db, opts, resolved, plan));
  return page;
}

/** The rows in scope that pass the list's filters, unordered: what a count or an export reads. */
function matchingRows(db: Kysely<any>, opts: QueryOptions, scope: ScopeFilter, plan: ListPlan): AnyQuery {
  const table = opts.def.table;
  return applyFilters(db.selectFrom(table).where(whereScope(scope, table)), opts, plan);
}

/** Exact up to COUNT_CAP; beyond, PostgreSQL's planner estimate, or the cap on SQLite. */
async function countRows(
  db: Kysely<any>,
  opts: QueryOptions,
  scope: ScopeFilter,
  plan: ListPlan,
): Promise<{ total: number; totalIsEstimate: boolean }> {
  const filtered = matchingRows(db, opts, scope, plan).select(sql`1`.as('one'));
  const capped = await db
    .selectFrom(filtered.limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(capped.n);
  if (n <= COUNT_CAP) return { total: n, totalIsEstimate: false };
  if (opts.dialect === 'postgres') {
    const compiled = filtered.compile();
    const explained = await db.executeQuery<Record<string, { Plan: { 'Plan Rows': number } }[]>>(
      CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    const estimate = Object.values(explained.rows[0] ?? {})[0]?.[0]?.Plan['Plan Rows'];
    if (estimate && estimate > COUNT_CAP) return { total: Math.round(estimate), totalIsEstimate: true };
  }
  return { total: COUNT_CAP, totalIsEstimate: true };
}

/**
 * Every matching id in list order: how SQLite exports a list with field filters or a text search.
 * The sort index cannot test those, so paging along it looks up every row of the table (4.5 s of
 * SQL to export one type of enterprise out of 1,000,000); letting SQLite take the filters' best
 * access path and sort only the matches costs 0.6 s. Only ids are held, so memory stays small.
 */
export async function sortedIds(db: Kysely<any>, opts: QueryOptions, scope: ScopeFilter): Promise<number[]> {
  const { def, params } = opts;
  const table = def.table;
  const { key, desc } = sortOf(def, params.sort);
  const dir = desc ? 'desc' : 'asc';
  const plan = await listPlan(db, def, opts.dialect, scope, params);
  const rows = await matchingRows(db, opts, scope, plan)
    .select(`${table}.id`)
    // The unary plus is SQLite's way to keep the planner off the sort index.
    .orderBy(sql`+${sql.ref(`${table}.${key}`)}`, dir)
    .orderBy(`${table}.id`, dir)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Full rows for ids, in the order of the ids (rows deleted meanwhile are left out). */
export async function rowsByIds(db: Kysely<any>, def: EntityDef, ids: number[]): Promise<ApiRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectRowColumns(db.selectFrom(def.table), def).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [decodeRow(def, row)] : [];
  });
}

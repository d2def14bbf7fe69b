import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { isReadPermission, type DataScope } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import { FreshCache, handleKey } from './fresh-cache.js';

/** Upper bound of a path prefix range: '/430000/' → '/4300000' ('0' follows '/' in ASCII). */
export const pathUpperBound = (prefix: string): string => `${prefix.slice(0, -1)}0`;

/**
 * A data scope (DESIGN §3) resolved for one actor: the org subtree becomes its list of org ids,
 * which both query planners estimate far better than a subquery.
 */
export type ScopeFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'orgs'; ids: number[] }
  | { kind: 'section'; orgId: number; sectionId: number; sharedOrgs?: number[] }
  | { kind: 'self'; userId: number; sharedOrgs?: number[]; assignee?: string };

/**
 * What the org tree answers about a path or an id, kept for a few seconds per database (see
 * FreshCache): nearly every list request of a city or province user asks which orgs its subtree
 * holds. Answers are frozen, as they are shared between requests.
 */
const orgAnswers = new FreshCache(new Set(['org']));

export function fromOrgTree<T>(db: Kysely<any>, key: string, load: () => Promise<T>): Promise<T> {
  const handle = handleKey(db);
  return handle === undefined ? load() : orgAnswers.get(`${handle}:${key}`, load);
}

/** Ids of the orgs above a path ('/430000/431200/431223/' → the province's and the city's). */
function ancestorIds(db: Kysely<any>, path: string): Promise<number[]> {
  const parts = path.split('/').filter(Boolean);
  const prefixes = parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
  if (prefixes.length === 0) return Promise.resolve([]);
  return fromOrgTree(db, `above:${path}`, async () => {
    const rows = await db.selectFrom('org').select('id').where('path', 'in', prefixes).execute();
    return Object.freeze(rows.map((r) => Number(r.id))) as number[];
  });
}

/**
 * Rows of an entity shared down the tree (calls for proposals issued above) are also readable by
 * every bureau below their owner: the reader's ancestors join the scope. Never for writes.
 */
async function withSharedDown(db: Kysely<any>, actor: Actor, filter: ScopeFilter): Promise<ScopeFilter> {
  if (filter.kind === 'all' || filter.kind === 'none') return filter;
  const above = await ancestorIds(db, actor.orgPath);
  if (filter.kind === 'orgs') return { kind: 'orgs', ids: [...new Set([...filter.ids, ...above])] };
  return { ...filter, sharedOrgs: above };
}

/** Ids of the orgs in the subtree under `path` (the org table is small; this is an index range). */
export function subtreeIds(db: Kysely<any>, path: string): Promise<number[]> {
  return fromOrgTree(db, `below:${path}`, async () => {
    const rows = await db
      .selectFrom('org')
      .select('id')
      .where('path', '>=', path)
      .where('path', '<', pathUpperBound(path))
      .orderBy('id')
      .execute();
    return Object.freeze(rows.map((r) => Number(r.id))) as number[];
  });
}

export interface ScopeOptions {
  /** The entity's rows are shared down the tree (applies to reads only). */
  sharedDown?: boolean;
  /** Column of the user a row is assigned to: "own records" also reaches those rows. */
  assignee?: string;
}

/** What an entity's definition adds to the scope of one permission. */
export const scopeOptionsOf = (
  def: { sharedDown?: boolean; assignee?: string },
  permission: string,
): ScopeOptions => ({
  sharedDown: def.sharedDown === true && isReadPermission(permission),
  assignee: def.assignee,
});

/** The one place an actor's data scope is worked out; closed by default (no grant → no rows). */
export async function resolveScope(
  db: Kysely<any>,
  actor: Actor,
  scope: DataScope | undefined,
  opts: ScopeOptions = {},
): Promise<ScopeFilter> {
  let base = await baseScope(db, actor, scope);
  if (base.kind === 'self' && opts.assignee) base = { ...base, assignee: opts.assignee };
  return opts.sharedDown ? withSharedDown(db, actor, base) : base;
}

async function baseScope(db: Kysely<any>, actor: Actor, scope: DataScope | undefined): Promise<ScopeFilter> {
  switch (scope) {
    case 'all':
      return { kind: 'all' };
    case 'org_and_below':
      return { kind: 'orgs', ids: await subtreeIds(db, actor.orgPath) };
    case 'org':
      return { kind: 'orgs', ids: [actor.orgId] };
    case 'section':
      return actor.sectionId === null
        ? { kind: 'none' }
        : { kind: 'section', orgId: actor.orgId, sectionId: actor.sectionId };
    case 'self':
      return actor.userId === null ? { kind: 'none' } : { kind: 'self', userId: actor.userId };
    case undefined:
      return { kind: 'none' };
  }
}

/** Narrows a scope to an org subtree (the org switcher); never widens it. */
export function narrowToOrgs(filter: ScopeFilter, ids: number[]): ScopeFilter {
  const wanted = new Set(ids);
  switch (filter.kind) {
    case 'all':
      return { kind: 'orgs', ids };
    case 'orgs':
      return { kind: 'orgs', ids: filter.ids.filter((id) => wanted.has(id)) };
    case 'section':
      return wanted.has(filter.orgId) ? filter : { kind: 'none' };
    case 'self':
    case 'none':
      return filter;
  }
}

/**
 * An integer as SQL text rather than a bound parameter (scope ids, page limits). SQLite compiled
 * with STAT4 (better-sqlite3 is) re-plans a statement on every run when a bound value could
 * change its plan, as a value compared with an indexed column or a LIMIT can: a list page's
 * statement was prepared again for each request, which for a city's merged per-org runs cost
 * twice the query itself. Written in, the same scope reuses its cached statement. Only integers
 * are ever written.
 */
export function sqlInteger(v: number): string {
  if (!Number.isSafeInteger(v)) throw new Error(`not an integer: ${String(v)}`);
  return String(v);
}

/** An integer written into the SQL (see `sqlInteger`). */
export const writtenInteger = (v: number) => sql.raw<number>(sqlInteger(v));
/** A list of ids written into the SQL (see `sqlInteger`). */
const writtenList = (ids: readonly number[]) => sql.raw(ids.map(sqlInteger).join(', '));

/** Above this many runs of consecutive ids, a list of ids is tested as a list. */
const MAX_ID_RUNS = 8;

/**
 * `+column` tested against ids as a walk of the sort index of a wide scope passes each entry. A
 * subtree's orgs were created together, so its ids fall into a few runs of consecutive ids
 * (湖南省's 149 orgs: four), and a few bounds are tested faster than a lookup in the list: a fifth
 * of the time of the walk behind a province's filtered page.
 */
function unindexedIdTest(column: Expression<unknown>, ids: readonly number[]): Expression<SqlBool> {
  const runs: [number, number][] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === id - 1) last[1] = id;
    else runs.push([id, id]);
  }
  if (runs.length > MAX_ID_RUNS) return sql<SqlBool>`+${column} in (${writtenList(ids)})`;
  const tests = runs.map(([from, to]) =>
    from === to
      ? sql`+${column} = ${writtenInteger(from)}`
      : sql`+${column} between ${writtenInteger(from)} and ${writtenInteger(to)}`,
  );
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}

const FALSE = sql<SqlBool>`1 = 0`;
const TRUE = sql<SqlBool>`1 = 1`;

/**
 * The scope as a WHERE condition on a business table (or on `org` itself with column 'id').
 * `unindexed` hides the org column from the planner (`+org_id`) so that a wide scope is served by
 * the sort index instead of collecting and sorting every row of the subtree.
 */
export function whereScope(
  filter: ScopeFilter,
  table: string,
  opts: { orgColumn?: string; unindexed?: boolean } = {},
) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const org = eb.ref(`${table}.${opts.orgColumn ?? 'orgId'}`);
    switch (filter.kind) {
      case 'all':
        return TRUE;
      case 'none':
        return FALSE;
      case 'orgs':
        if (filter.ids.length === 0) return FALSE;
        return opts.unindexed
          ? unindexedIdTest(org, filter.ids)
          : sql<SqlBool>`${org} in (${writtenList(filter.ids)})`;
      case 'section':
        return orShared(
          eb.and([
            eb(org, '=', writtenInteger(filter.orgId)),
            eb(eb.ref(`${table}.sectionId`), '=', writtenInteger(filter.sectionId)),
          ]),
        );
      case 'self': {
        const own = eb(eb.ref(`${table}.createdBy`), '=', writtenInteger(filter.userId));
        const assigned =
          filter.assignee && eb(eb.ref(`${table}.${filter.assignee}`), '=', writtenInteger(filter.userId));
        return orShared(assigned ? eb.or([own, assigned]) : own);
      }
    }
    function orShared(own: Expression<SqlBool>): Expression<SqlBool> {
      const shared = 'sharedOrgs' in filter ? filter.sharedOrgs : undefined;
      return shared?.length ? eb.or([own, sql<SqlBool>`${org} in (${writtenList(shared)})`]) : own;
    }
  };
}

/** Convenience for single-row reads and writes: resolve, then filter. */
export async function scopeWhere(
  db: Kysely<any>,
  actor: Actor,
  scope: DataScope | undefined,
  table: string,
  opts: ScopeOptions = {},
) {
  return whereScope(await resolveScope(db, actor, scope, opts), table);
}

/** Whether a new row placed in this org (and section) would be inside the scope: checked before anything else. */
export function allowsPlacement(filter: ScopeFilter, orgId: number, sectionId: number | null): boolean {
  switch (filter.kind) {
    case 'all':
    case 'self':
      return true;
    case 'none':
      return false;
    case 'orgs':
      return filter.ids.includes(orgId);
    case 'section':
      return filter.orgId === orgId && filter.sectionId === sectionId;
  }
}

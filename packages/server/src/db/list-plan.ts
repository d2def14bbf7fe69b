import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { snakeCase, usedFilterFields, type EntityDef } from '@kjj/domain';
import type { ListParams } from './entity-query.js';
import { contains } from './like.js';
import { whereScope, type ScopeFilter } from './scope.js';
import type { Dialect } from './types.js';

/**
 * How to fetch one page fast at a million rows (issue #3 benchmarks). Sorting a whole subtree is
 * slow when the subtree is big; scanning the sort index is slow when the subtree is small. So the
 * scope's width is measured once in a while: a narrow scope of several orgs merges each org's
 * index-ordered run (`perOrg`, LATERAL on PostgreSQL, a compound select on SQLite); a wide one
 * walks the sort index, which carries org_id (`scanSortIndex` hides org_id from SQLite's planner
 * so it does). On SQLite, a filter on a column some (org_id, column, …) index serves (a project's
 * year or approval date) already narrows each org's rows to a few through that index, so then the
 * whole query goes to the planner: merged runs would walk each org's rows in sort order to find
 * them (2.9 ms against 0.1 ms for a year's upward approvals in a city).
 * Text search uses the trigram index when the term is rare and a substring test during the
 * ordered scan when it is common (or too short for trigrams); over a few bureaus in the default
 * order, that test reads only the org index, which carries the search text (migration 0019).
 */
export interface ListPlan {
  perOrg: boolean;
  /**
   * Walk the sort index, which carries org_id, testing each entry's org there: SQLite hides org_id
   * from its planner (`unindexed`); PostgreSQL takes the page's ids from an index-only walk and
   * then reads their rows.
   */
  scanSortIndex: boolean;
  search: 'fts' | 'like' | undefined;
  /** PostgreSQL: the text term is rare, so its matches are collected first and then sorted. */
  sortMatches: boolean;
  /**
   * PostgreSQL: the text is tested in the org-led sort index, which carries it (migration 0019),
   * so the page's ids come from that index alone and only the page's rows are read.
   */
  searchInIndex: boolean;
  /**
   * PostgreSQL, with `scanSortIndex`: the sort index holds every filtered column (migration 0020)
   * and no text is searched, so the walk tests every condition and finds the page by itself.
   */
  walkDecides: boolean;
}

/** Above this many rows a scope counts as wide for SQLite. */
const WIDE_SCOPE = 5000;
/** Below this many matches the FTS index drives the query. */
const RARE_TERM = 2000;
const MIN_TRIGRAM = 3;
const CACHE_MS = 5 * 60_000;
/** SQLite allows 500 terms in a compound select; beyond this many orgs the plain query is used. */
const MAX_RUNS = 200;

/** Probe answers kept for CACHE_MS: a scope's width, a term's rarity. */
const probed = new Map<string, { answer: boolean; at: number }>();

async function remembered(key: string, probe: () => Promise<boolean>): Promise<boolean> {
  const cached = probed.get(key);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.answer;
  const answer = await probe();
  if (probed.size > 2000) probed.clear();
  probed.set(key, { answer, at: Date.now() });
  return answer;
}

/** How many live rows of the table pass `where`, counting no further than `cap + 1`. */
async function liveRowsUpTo(
  db: Kysely<any>,
  def: EntityDef,
  where: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>,
  cap: number,
): Promise<number> {
  const probe = db
    .selectFrom(def.table)
    .select(sql`1`.as('one'))
    .where(where)
    .where(`${def.table}.deletedAt`, 'is', null)
    .limit(cap + 1);
  const { n } = await db
    .selectFrom(probe.as('p'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function isWide(db: Kysely<any>, def: EntityDef, scope: ScopeFilter): Promise<boolean> {
  if (scope.kind !== 'orgs' || scope.ids.length < 2) return scope.kind === 'all';
  const key = `wide:${def.table}:${scope.ids.length}:${scope.ids[0]}:${scope.ids.at(-1)}:${scope.ids.reduce((a, b) => (a * 31 + b) % 1_000_000_007, 7)}`;
  return remembered(
    key,
    async () => (await liveRowsUpTo(db, def, whereScope(scope, def.table), WIDE_SCOPE)) > WIDE_SCOPE,
  );
}

/**
 * PostgreSQL: whether at most RARE_TERM live rows contain the term. The trigram index cannot stop
 * early, so a common term costs its whole posting lists once; the answer is kept for a while.
 */
function isRareLike(db: Kysely<any>, def: EntityDef, text: string): Promise<boolean> {
  return remembered(
    `rare:${def.table}:${text}`,
    async () =>
      (await liveRowsUpTo(
        db,
        def,
        (eb) => contains(eb.ref(`${def.table}.searchText`), text, 'postgres'),
        RARE_TERM,
      )) <= RARE_TERM,
  );
}

/** SQLite: whether the FTS index holds at most RARE_TERM rows with the term; kept for a while. */
function isRare(db: Kysely<any>, def: EntityDef, text: string): Promise<boolean> {
  const fts = sql.table(`${def.table}_fts`);
  const phrase = `"${text.replace(/"/g, '""')}"`;
  return remembered(`fts:${def.table}:${text}`, async () => {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${phrase} limit ${RARE_TERM + 1})`.execute(
      db,
    );
    return Number(rows[0]?.n ?? 0) <= RARE_TERM;
  });
}

/**
 * Each index of a table as its columns in order, read once per dialect from the catalog (the
 * migrations build the same indexes in every database of a dialect).
 */
const tableIndexes = new Map<string, Promise<string[][]>>();

function indexesOf(db: Kysely<any>, dialect: Dialect, table: string): Promise<string[][]> {
  const key = `${dialect}:${table}`;
  let indexes = tableIndexes.get(key);
  if (!indexes) {
    const read =
      dialect === 'sqlite'
        ? sql<{ index: string; column: string }>`
            select list.name as "index", info.name as "column"
            from pragma_index_list(${table}) list
            join pragma_index_info(list.name) info
            order by list.name, info.seqno`
        : sql<{ index: string; column: string }>`
            select i.indexrelid::text as "index", a.attname as "column"
            from pg_index i
            join pg_class t on t.oid = i.indrelid
            cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, n)
            join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
            where t.relname = ${table} and pg_table_is_visible(t.oid)
            order by i.indexrelid, k.n`;
    indexes = read.execute(db).then(({ rows }) => {
      const byIndex = new Map<string, string[]>();
      for (const { index, column } of rows) byIndex.set(index, [...(byIndex.get(index) ?? []), column]);
      return [...byIndex.values()];
    });
    // A failed read is retried by the next list rather than remembered.
    indexes.catch(() => tableIndexes.delete(key));
    tableIndexes.set(key, indexes);
  }
  return indexes;
}

/** Whether a filter of this list narrows through an (org_id, column) index. */
async function hasOrgIndexedFilter(
  db: Kysely<any>,
  dialect: Dialect,
  def: EntityDef,
  params: ListParams,
): Promise<boolean> {
  const used = usedFilterFields(def, params);
  if (used.length === 0) return false;
  const indexes = await indexesOf(db, dialect, def.table);
  return used.some(([name]) =>
    indexes.some((columns) => columns[0] === 'org_id' && columns[1] === snakeCase(name)),
  );
}

/** The columns of the first index of the table that passes `test`, given the sort key's column. */
async function sortIndex(
  db: Kysely<any>,
  dialect: Dialect,
  def: EntityDef,
  params: ListParams,
  test: (columns: string[], key: string) => boolean,
): Promise<string[] | undefined> {
  const key = snakeCase(sortOf(def, params.sort).key);
  return (await indexesOf(db, dialect, def.table)).find((columns) => test(columns, key));
}

/** An index led by the sort key that also holds org_id: a walk of it can test the org. */
const holdsOrg = (columns: string[], key: string) => columns[0] === key && columns.includes('org_id');

/** An (org_id, sort key, …) index that also holds the search text: a walk of it can test the text. */
const holdsText = (columns: string[], key: string) =>
  columns[0] === 'org_id' && columns[1] === key && columns.includes('search_text');

/** The list's sort key (a field name) and direction, from `sort` or the definition's default. */
export function sortOf(def: EntityDef, sort: string | undefined): { key: string; desc: boolean } {
  const s = sort ?? def.list.sort;
  return { key: s.replace(/^-/, ''), desc: s.startsWith('-') };
}

export async function listPlan(
  db: Kysely<any>,
  def: EntityDef,
  dialect: Dialect,
  scope: ScopeFilter,
  params: ListParams,
): Promise<ListPlan> {
  const text = params.q?.toLowerCase();
  if (dialect === 'postgres') {
    const multiOrg = scope.kind === 'orgs' && scope.ids.length > 1;
    const wide = multiOrg && (await isWide(db, def, scope));
    // Merging per-org runs pays off for a few orgs with many rows each; over a wide subtree, and
    // whenever a text term is given (the trigram index finds the rows), the planner does better
    // with the whole query: it walks the sort index, which carries org_id, and stops at the page.
    // (Each run is planned on its own, so an (org_id, column) index still serves a run's filter.)
    const narrowMultiOrg = !text && multiOrg && !wide;
    // A rare term's matches are few: sorting them beats walking the sort index and testing every
    // row, which the planner may choose from its sampled estimate of LIKE '%…%' (a term with
    // about 1,000 matches in 1,000,000 rows: 4 ms one way, 684 ms the other, and which one flips
    // with each ANALYZE).
    // (Under three characters the trigram index cannot help, and the rows are walked as before.)
    const sortMatches =
      text !== undefined && [...text].length >= MIN_TRIGRAM && (await isRareLike(db, def, text));
    // Over a wide subtree (湖南省 holds 4% of the rows), the planner's walk of the sort index reads
    // every row it passes to test its org, most of them outside the scope: PostgreSQL tests a
    // column of the index before reading the row only in an index-only scan. So the walk is made
    // index-only and only the subtree's rows are read (湖南省's high-tech manufacturers by creation:
    // 12 → 4 ms). Not when a filter has an (org_id, column) index the planner can narrow with, nor
    // for the trash, which the (partial) sort indexes do not hold.
    const walked =
      wide && !sortMatches && params.deleted !== 'only'
        ? await sortIndex(db, dialect, def, params, holdsOrg)
        : undefined;
    const scanSortIndex = walked !== undefined && !(await hasOrgIndexedFilter(db, dialect, def, params));
    // When that index also holds every filtered column, the walk tests them before any row is read
    // and stops at the page: only the page's rows are read (湖南省's high-tech manufacturers by
    // creation: 4.2 → 1.1 ms). Otherwise the rows it passes are read and filtered.
    const walkDecides =
      scanSortIndex &&
      text === undefined &&
      usedFilterFields(def, params).every(([name]) => walked.includes(snakeCase(name)));
    // A term the trigram index does not narrow (too short, or common) over one bureau or a few:
    // testing it in the index that walks the bureau's rows in order reads no row that fails it
    // (a city's enterprises searched for 橘海: 7.4 → 1.2 ms). Not for a wide subtree, whose walk
    // runs along the sort index alone, nor for a section's or one's own rows.
    const searchInIndex =
      text !== undefined &&
      !sortMatches &&
      !wide &&
      scope.kind === 'orgs' &&
      params.deleted !== 'only' &&
      (await sortIndex(db, dialect, def, params, holdsText)) !== undefined;
    return {
      perOrg: narrowMultiOrg,
      scanSortIndex,
      search: text ? 'like' : undefined,
      sortMatches,
      searchInIndex,
      walkDecides,
    };
  }
  const search = !text
    ? undefined
    : [...text].length >= MIN_TRIGRAM && (await isRare(db, def, text))
      ? 'fts'
      : 'like';
  // A rare term already narrows the rows to a few; only otherwise does the scope's width matter.
  const scanSortIndex = search !== 'fts' && (await isWide(db, def, scope));
  // A narrow scope of several orgs: merge each org's index-ordered run (see entity-query).
  const perOrg =
    !scanSortIndex &&
    search !== 'fts' &&
    scope.kind === 'orgs' &&
    scope.ids.length > 1 &&
    scope.ids.length <= MAX_RUNS &&
    !(await hasOrgIndexedFilter(db, dialect, def, params));
  return { perOrg, scanSortIndex, search, sortMatches: false, searchInIndex: false, walkDecides: false };
}

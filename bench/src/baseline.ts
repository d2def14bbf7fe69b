import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The floor the framework is compared with (issues #3 and #4): the same list queries, issued
 * directly with the driver from a bare node:http server, rows serialised with JSON.stringify. No
 * auth, no validation, no scope resolution: everything the framework adds is what the ratio
 * measures. `/` is a county's first page of enterprises; `/projects` a city's project list with
 * stage, level, year and category filters, by the access path the framework takes for it.
 */
const url = process.env.BASELINE_DB ?? '';
const port = Number(process.env.PORT ?? 3999);
const orgId = Number(process.env.BASELINE_ORG ?? 0);
const cityDivision = process.env.BASELINE_CITY ?? '431200';

// Org ids are written into the SQL, as the framework writes a scope's org ids (scope.ts `sqlInteger`).
const ENTERPRISES = `select id, org_id, section_id, created_by, created_at, updated_by, updated_at, version, deleted_at, overrides,
  name, uscc, kind, industry, established, registered_capital_fen, legal_rep, town_id, address, park, contacts, tags,
  is_hte, is_tsme, is_above_scale, note
  from enterprise where org_id = ${orgId} and deleted_at is null order by updated_at desc, id desc limit 21`;

/** The bench's project list scenario: its filter values, bound as the framework binds them. */
const PROJECT_FILTER = `deleted_at is null and status in ($1, $2, $3) and level in ($4) and year = $5 and category in ($6)`;
const PROJECT_VALUES = [
  'in_progress',
  'acceptance_pending',
  'acceptance_failed',
  'county',
  2023,
  'agri_extension',
];
const CITY_ORGS = `select id from org where path >= (select path from org where division_code = '${cityDivision}')
  and path < (select substr(path, 1, length(path) - 1) || '0' from org where division_code = '${cityDivision}') order by id`;
/** The columns the framework selects: all but the search text and who deleted the row. */
const NOT_SELECTED = `('search_text', 'deleted_by')`;
const PROJECT_COLUMNS = {
  sqlite: `select name from pragma_table_info('project') where name not in ${NOT_SELECTED} order by cid`,
  postgres: `select column_name as name from information_schema.columns
    where table_name = 'project' and column_name not in ${NOT_SELECTED} order by ordinal_position`,
};

/**
 * PostgreSQL merges each org's index-ordered run (LATERAL); SQLite, with a filter an (org_id,
 * year) index serves, takes the page's ids from the planner's best path and then reads their rows.
 */
function projectQuery(dialect: 'sqlite' | 'postgres', columns: string[], orgs: number[]): string {
  const list = columns.join(', ');
  const order = 'order by updated_at desc, id desc';
  if (dialect === 'postgres') {
    return `select e.* from (select unnest('{${orgs.join(',')}}'::bigint[]) as id) as scope_org
      inner join lateral (select ${list} from project where project.org_id = scope_org.id and ${PROJECT_FILTER}
        ${order} limit 21) as e on true
      order by e.updated_at desc, e.id desc limit 21`;
  }
  return `select ${list} from project where id in (select id from project where org_id in (${orgs.join(', ')})
    and ${PROJECT_FILTER.replace(/\$\d/g, '?')} ${order} limit 21) ${order}`;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const shape = (rows: Record<string, unknown>[]) => ({
  items: rows.slice(0, 20).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v]))),
  nextCursor: rows.length > 20 ? 'x' : null,
});

type Query = () => Promise<Record<string, unknown>[]>;
let enterprises: Query;
let projects: Query;
if (url.startsWith('sqlite:')) {
  const db = new SQLite(url.slice(7), { readonly: true });
  const columns = (db.prepare(PROJECT_COLUMNS.sqlite).all() as { name: string }[]).map((c) => c.name);
  const orgs = (db.prepare(CITY_ORGS).all() as { id: number }[]).map((o) => o.id);
  const statements = [db.prepare(ENTERPRISES), db.prepare(projectQuery('sqlite', columns, orgs))] as const;
  enterprises = async () => statements[0].all() as Record<string, unknown>[];
  projects = async () => statements[1].all(...PROJECT_VALUES) as Record<string, unknown>[];
} else {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const columns = (await pool.query<{ name: string }>(PROJECT_COLUMNS.postgres)).rows.map((c) => c.name);
  const orgs = (await pool.query<{ id: string }>(CITY_ORGS)).rows.map((o) => Number(o.id));
  const sql = projectQuery('postgres', columns, orgs);
  enterprises = async () => (await pool.query(ENTERPRISES)).rows;
  projects = async () => (await pool.query(sql, PROJECT_VALUES)).rows;
}

createServer((req, res) => {
  if (req.url === '/api/health') return void res.end('{"status":"ok"}');
  (req.url === '/projects' ? projects : enterprises)()
    .then((rows) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(shape(rows)));
    })
    .catch(() => {
      res.statusCode = 500;
      res.end();
    });
}).listen(port, '127.0.0.1');

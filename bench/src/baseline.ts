import { createServer } from 'node:http';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/**
 * The floor the framework is compared with (issue #3): the same first-page query, issued directly
 * with the driver from a bare node:http server, rows serialised with JSON.stringify. No auth, no
 * validation, no scope resolution: everything the framework adds is what the ratio measures.
 */
const url = process.env.BASELINE_DB ?? '';
const port = Number(process.env.PORT ?? 3999);
const orgId = Number(process.env.BASELINE_ORG ?? 0);
// The org id is written into the SQL, as the framework writes a scope's org ids (scope.ts `sqlInteger`).
const QUERY = `select id, org_id, section_id, created_by, created_at, updated_by, updated_at, version, deleted_at, overrides,
  name, uscc, kind, industry, established, registered_capital_fen, legal_rep, town_id, address, park, contacts, tags,
  is_hte, is_tsme, is_above_scale, note
  from enterprise where org_id = ${orgId} and deleted_at is null order by updated_at desc, id desc limit 21`;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const shape = (rows: Record<string, unknown>[]) => ({
  items: rows.slice(0, 20).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v]))),
  nextCursor: rows.length > 20 ? 'x' : null,
});

let query: () => Promise<Record<string, unknown>[]>;
if (url.startsWith('sqlite:')) {
  const db = new SQLite(url.slice(7), { readonly: true });
  const statement = db.prepare(QUERY);
  query = async () => statement.all() as Record<string, unknown>[];
} else {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  query = async () => (await pool.query(QUERY)).rows;
}

createServer((req, res) => {
  if (req.url === '/api/health') return void res.end('{"status":"ok"}');
  query()
    .then((rows) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(shape(rows)));
    })
    .catch(() => {
      res.statusCode = 500;
      res.end();
    });
}).listen(port, '127.0.0.1');

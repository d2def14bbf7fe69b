import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect } from '@kjj/server';
import { sql, type Kysely } from 'kysely';
import { ensureData, type BenchUser } from './data.js';
import { measureExport, measureImport, medianRun, type TransferResult } from './excel.js';
import { load, summarise, type LoadRequest, type LoadResult, type RepeatedResult } from './load.js';
import { INFORMATION, writeReport, type DatabaseReport, type Floor } from './report.js';
import { startKjj, startProcess } from './server.js';

const IMPORT_ROWS = 100_000;
const BASELINE = fileURLToPath(new URL('./baseline.js', import.meta.url));
const log = (s: string) => console.log(`[bench] ${s}`);

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '6' },
    repeat: { type: 'string', default: '3' },
    sqlite: { type: 'string', default: 'sqlite:/var/tmp/kjj-bench/bench.db' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/kjj_bench' },
  },
});

const rows = Number(values.rows);
const duration = Number(values.duration);
const repeat = Number(values.repeat);

async function api(base: string, user: BenchUser, path: string): Promise<any> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${user.token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The cursor after `depth` rows of a list, found by paging through it as the user would. */
async function cursorAt(base: string, user: BenchUser, query: string, depth: number): Promise<string> {
  let cursor = '';
  for (let seen = 0; seen < depth; seen += 200) {
    const page = await api(
      base,
      user,
      `/api/v1/enterprises?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    cursor = page.nextCursor;
  }
  return cursor;
}

async function orgIdOf(url: string, division: string): Promise<number> {
  const database = connect(url, { poolSize: 1 });
  const row = await (database.db as unknown as Kysely<any>)
    .selectFrom('org')
    .select('id')
    .where('divisionCode', '=', division)
    .executeTakeFirstOrThrow();
  await database.close();
  return Number(row.id);
}

async function benchDatabase(name: 'sqlite' | 'postgres', url: string): Promise<DatabaseReport> {
  const users = await ensureData(url, rows, log);
  const as = (username: string) => users.find((u) => u.username === username) as BenchUser;
  const [county, city, province, all] = ['bench_county', 'bench_city', 'bench_province', 'bench_all'].map(
    as,
  ) as [BenchUser, BenchUser, BenchUser, BenchUser];
  const huaihua = await orgIdOf(url, '431200');
  const hunan = await orgIdOf(url, '430000');
  const server = await startKjj(url, 3801);
  const base = server.url;
  log(`${name}: server up (pid ${server.pid}); warming up`);
  const list = '/api/v1/enterprises?limit=20';
  const projects = '/api/v1/projects?limit=20';
  // The floor (baseline.ts `/projects`) runs the same query with the same filter values.
  const projectList = `${projects}&status=in_progress,acceptance_pending,acceptance_failed&level=county&year=2023&category=agri_extension&sort=-updatedAt`;
  const scenarios: { label: string; target: string; requests: LoadRequest[] }[] = [
    {
      label: 'County first page (own bureau)',
      target: '≤ 25 ms',
      requests: [{ path: list, token: county.token }],
    },
    {
      label: 'City first page (city and below)',
      target: '≤ 25 ms',
      requests: [{ path: list, token: city.token }],
    },
    {
      label: 'Province first page (province and below)',
      target: '≤ 25 ms',
      requests: [{ path: list, token: province.token }],
    },
    {
      label: 'Whole country first page (all rows)',
      target: '≤ 25 ms',
      requests: [{ path: list, token: all.token }],
    },
    {
      label: 'Province deep page (after row 10,000)',
      target: '≤ 25 ms',
      requests: [
        { path: `${list}&cursor=${await cursorAt(base, province, '', 10_000)}`, token: province.token },
      ],
    },
    {
      label: 'Whole country deep page (after row 100,000)',
      target: '≤ 25 ms',
      requests: [{ path: `${list}&cursor=${await cursorAt(base, all, '', 100_000)}`, token: all.token }],
    },
    {
      label: 'Subtree + filter + sort (province views 怀化市, LLCs, by name)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&orgId=${huaihua}&kind=llc&sort=name`, token: province.token }],
    },
    {
      label: 'Subtree + filter + sort (all views 湖南省, manufacturing + HTE, by creation)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&orgId=${hunan}&industry=C&isHte=true&sort=-createdAt`, token: all.token }],
    },
    {
      label: 'Search “橘海新材” (province scope)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&q=${encodeURIComponent('橘海新材')}`, token: province.token }],
    },
    {
      label: 'Search “橘海新材” (whole country)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&q=${encodeURIComponent('橘海新材')}`, token: all.token }],
    },
    {
      label: 'Search “有限公司” (whole country, matches all)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&q=${encodeURIComponent('有限公司')}`, token: all.token }],
    },
    {
      label: 'Two-character search “橘海” (city scope)',
      target: '≤ 50 ms',
      requests: [{ path: `${list}&q=${encodeURIComponent('橘海')}`, token: city.token }],
    },
    {
      label: 'Projects: city subtree, stage + level + year + category, by last change',
      target: '≤ 50 ms',
      requests: [
        {
          path: projectList,
          token: city.token,
        },
      ],
    },
    {
      label: 'Projects: province views 怀化市, approved upward projects of 2024',
      target: '≤ 50 ms',
      requests: [
        {
          path: `${projects}&orgId=${huaihua}&level=province,national&approvedAt.gte=2024-01-01&approvedAt.lte=2024-12-31`,
          token: province.token,
        },
      ],
    },
    {
      label: 'Project board: one stage column with its count (city, 2023)',
      target: '≤ 50 ms',
      requests: [
        {
          path: '/api/v1/projects?limit=8&count=true&sort=-updatedAt&year=2023&status=in_progress,acceptance_pending,acceptance_failed',
          token: city.token,
        },
      ],
    },
  ];
  // The dashboard's target is a page time (issue #4: "≤ 300 ms"), so it is measured one user at a
  // time; the 10-connection figure is shown for information, without a target.
  const dashboard = [{ path: '/api/v1/dashboards/projects?year=2024', token: city.token }];
  const dashboards: { label: string; target: string; connections: number; requests: LoadRequest[] }[] = [
    {
      label: 'Projects dashboard: a city, all its counties, five-year trend (one user)',
      target: '≤ 300 ms',
      connections: 1,
      requests: dashboard,
    },
    {
      label: 'Projects dashboard: the same, 10 users at once',
      target: INFORMATION,
      connections: 10,
      requests: dashboard,
    },
  ];
  await load(
    'warm-up',
    base,
    scenarios.flatMap((s) => s.requests),
    10,
    5,
  );
  const rss = server.sampleRss();
  // Scenarios run in passes, so a slow spell of the machine falls on different scenarios rather than
  // on all runs of one; each verdict takes the median of its passes.
  const measured = [
    ...scenarios.map((s) => ({ ...s, connections: 10 })),
    // Heavier pages, not part of the mixed load.
    ...dashboards,
  ];
  const runs = measured.map((): LoadResult[] => []);
  for (let pass = 1; pass <= repeat; pass++) {
    for (const [i, s] of measured.entries()) {
      const r = await load(s.label, base, s.requests, s.connections, duration);
      log(
        `${name} pass ${pass}: ${s.label}: p99 ${r.p99} ms, ${Math.round(r.rps)} req/s, errors ${r.errors + r.non2xx}`,
      );
      runs[i]?.push(r);
    }
  }
  const results = measured.map((s, i) => ({ ...summarise(runs[i] ?? []), target: s.target }));
  const mixed = await load(
    'Mixed load (all of the above in turn)',
    base,
    scenarios.flatMap((s) => s.requests),
    50,
    duration * repeat,
  );
  log(
    `${name}: mixed at 50: ${Math.round(mixed.rps)} req/s, p99 ${mixed.p99} ms, errors ${mixed.errors + mixed.non2xx}`,
  );
  const rssSamples = rss.stop();
  const floors = await frameworkAndFloor(name, url, base, [
    { page: 'county first page', path: list, barePath: '/', user: county },
    {
      page: 'city project list, stage + level + year + category',
      path: projectList,
      barePath: '/projects',
      user: city,
    },
  ]);
  for (const f of floors)
    log(
      `${name}: ${f.page}: framework ${Math.round(f.framework.rps)} vs bare ${Math.round(f.floor.rps)} req/s (medians)`,
    );
  const imports: TransferResult[] = [];
  const exports: TransferResult[] = [];
  for (let pass = 0; pass < repeat; pass++) {
    imports.push(await measureImport(server, county, IMPORT_ROWS, log, pass * IMPORT_ROWS));
    // Every run imports into the same table: left in place, a run's rows made the next one a
    // different measurement (an import into a bureau that already holds 100,000 more rows than
    // the planner's statistics say; 8 s more on PostgreSQL).
    await removeImported(url);
    exports.push(await measureExport(server, all, '/api/v1/enterprises/export.xlsx?kind=joint_stock', log));
  }
  await server.stop();
  return {
    name,
    url,
    results,
    mixed,
    floors,
    rssMaxMb: Math.max(...rssSamples),
    imported: medianRun(imports),
    exported: medianRun(exports),
  };
}

/**
 * The framework and the bare driver answer the same pages in alternating passes, each warmed up
 * the same way (JIT, connections) just before it is measured, so neither side gets a quieter spell.
 */
async function frameworkAndFloor(
  name: string,
  url: string,
  base: string,
  pages: { page: string; path: string; barePath: string; user: BenchUser }[],
): Promise<Floor[]> {
  const orgId = String(await orgIdOf(url, '431223'));
  const bare = await startProcess(
    'node',
    [BASELINE],
    { BASELINE_DB: url, BASELINE_ORG: orgId, BASELINE_CITY: '431200', PORT: '3802' },
    3802,
  );
  const sides = pages.flatMap((p) => [
    { page: p, label: `Framework: ${p.page}`, url: base, path: p.path, runs: [] as LoadResult[] },
    {
      page: p,
      label: `Bare node:http + driver: ${p.page}`,
      url: bare.url,
      path: p.barePath,
      runs: [] as LoadResult[],
    },
  ]);
  for (let pass = 1; pass <= repeat; pass++) {
    for (const side of sides) {
      const requests = [{ path: side.path, token: side.page.user.token }];
      await load('warm-up', side.url, requests, 10, 3);
      const r = await load(side.label, side.url, requests, 10, duration);
      log(`${name} pass ${pass}: ${side.label}: ${Math.round(r.rps)} req/s`);
      side.runs.push(r);
    }
  }
  await bare.stop();
  return pages.map((p) => {
    const [framework, floor] = sides.filter((s) => s.page === p).map((s) => summarise(s.runs)) as [
      RepeatedResult,
      RepeatedResult,
    ];
    return { page: p.page, framework, floor };
  });
}

async function removeImported(url: string): Promise<void> {
  const database = connect(url, { poolSize: 1 });
  const db = database.db as unknown as Kysely<any>;
  const user = await db
    .selectFrom('userAccount')
    .select('id')
    .where('username', '=', 'bench_county')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('enterprise').where('createdBy', '=', user.id).execute();
  // The next run starts from the same table: without this (autovacuum may be off on a test
  // machine) every run would leave 100,000 dead rows in the table and its indexes.
  if (database.dialect === 'postgres') await sql`vacuum (analyze) enterprise`.execute(db);
  await database.close();
}

function machine(): string {
  const version = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim().split('\n')[0];
    } catch {
      return 'n/a';
    }
  };
  return [
    `CPU: ${cpus()[0]?.model ?? '?'} × ${cpus().length} (shared by server, database and load generator)`,
    `Memory: ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `Node ${process.version}; ${version('psql --version')}; SQLite ${version(`node -e "console.log(require('better-sqlite3')(':memory:').prepare('select sqlite_version() v').get().v)"`)}`,
  ].join('\n');
}

const reports: DatabaseReport[] = [];
if (values.db === 'both' || values.db === 'sqlite')
  reports.push(await benchDatabase('sqlite', values.sqlite as string));
if (values.db === 'both' || values.db === 'postgres')
  reports.push(await benchDatabase('postgres', values.postgres as string));
await writeReport(reports, { rows, duration, repeat, machine: machine() });
log('written to docs/benchmarks.md');

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect } from '@kjj/server';
import type { Kysely } from 'kysely';
import { writeDocSection } from './doc-section.js';
import { ensureData, type BenchUser, type DatasetShape } from './data.js';
import { median } from './load.js';
import { startKjj } from './server.js';

/**
 * Annual report timings (issue #5): the model and the Word document for a county, a city and a
 * province over the benchmark data, and the PDF conversion. Requests run one at a time, as a
 * report is asked for; each is timed end to end (server work and transfer).
 */
const log = (s: string) => console.log(`[bench:reports] ${s}`);
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    year: { type: 'string', default: '2024' },
    sqlite: { type: 'string', default: 'sqlite:/var/tmp/kjj-bench/bench.db' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/kjj_bench' },
    // The province-sized roll-up reads a dataset of its own: all its projects inside one province.
    province: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/kjj_bench_hunan' },
  },
});
const runs = Number(values.runs);
const year = Number(values.year);

interface Timing {
  db: string;
  label: string;
  scope: string;
  target: number | null;
  medianMs: number;
  maxMs: number;
}

async function timed(base: string, user: BenchUser, path: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', ...init.headers },
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return performance.now() - started;
}

/** Counties and projects under an org: what a roll-up has to read. */
async function scopeOf(url: string, division: string): Promise<string> {
  const database = connect(url, { poolSize: 1 });
  const db = database.db as unknown as Kysely<any>;
  const org = await db
    .selectFrom('org')
    .select('path')
    .where('divisionCode', '=', division)
    .executeTakeFirstOrThrow();
  const below = (q: any) =>
    q.where('o.path', '>=', org.path).where('o.path', '<', `${org.path.slice(0, -1)}0`);
  const counties = await below(db.selectFrom('org as o').select((eb: any) => eb.fn.countAll().as('n')))
    .where('o.kind', '=', 'county_bureau')
    .executeTakeFirstOrThrow();
  const projects = await below(
    db
      .selectFrom('project as p')
      .innerJoin('org as o', 'o.id', 'p.orgId')
      .select((eb: any) => eb.fn.countAll().as('n')),
  ).executeTakeFirstOrThrow();
  await database.close();
  const n = Number(counties.n);
  return `${n} ${n === 1 ? 'county' : 'counties'}, ${Number(projects.n).toLocaleString('en')} projects`;
}

interface ReportCase {
  label: string;
  username: string;
  division: string;
  path: string;
  target: number | null;
}

const COUNTY_AND_CITY: ReportCase[] = [
  {
    label: 'County report: model',
    username: 'bench_county',
    division: '431223',
    path: '/api/v1/reports/annual',
    target: null,
  },
  {
    label: 'County report: model + docx',
    username: 'bench_county',
    division: '431223',
    path: '/api/v1/reports/annual.docx',
    target: 1000,
  },
  {
    label: 'City roll-up: model + docx',
    username: 'bench_city',
    division: '431200',
    path: '/api/v1/reports/annual.docx',
    target: 3000,
  },
];

const PROVINCE: ReportCase[] = [
  {
    label: 'Province roll-up: model + docx',
    username: 'bench_province',
    division: '430000',
    path: '/api/v1/reports/annual.docx',
    target: 10000,
  },
];

/** Times each case over the dataset at `url`, and with `pdf` the county report's PDF conversion. */
async function benchDatabase(
  name: string,
  url: string,
  shape: DatasetShape,
  cases: ReportCase[],
  pdf: boolean,
): Promise<Timing[]> {
  const users = await ensureData(url, shape, log);
  const as = (username: string) => users.find((u) => u.username === username)!;
  const server = await startKjj(url, 3811);
  const timings: Timing[] = [];
  try {
    for (const c of cases) {
      const path = `${c.path}?year=${year}&cutoff=${year}-12-31`;
      const user = as(c.username);
      await timed(server.url, user, path); // warm-up
      const samples = [];
      for (let i = 0; i < runs; i++) samples.push(await timed(server.url, user, path));
      const scope = await scopeOf(url, c.division);
      timings.push({
        db: name,
        label: c.label,
        scope,
        target: c.target,
        medianMs: median(samples),
        maxMs: Math.max(...samples),
      });
      log(
        `${name}: ${c.label} (${scope}): median ${median(samples).toFixed(0)} ms, max ${Math.max(...samples).toFixed(0)} ms`,
      );
    }
    // PDF conversion: a draft of the county report through LibreOffice.
    if (!pdf) return timings;
    const county = as('bench_county');
    const res = await fetch(`${server.url}/api/v1/report-drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${county.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ year, cutoff: `${year}-12-31` }),
    });
    const draft = (await res.json()) as { id: number };
    const pdfMs = [];
    for (let i = 0; i < Math.min(runs, 3); i++)
      pdfMs.push(await timed(server.url, county, `/api/v1/report-drafts/${draft.id}/export.pdf`));
    timings.push({
      db: name,
      label: 'County report: PDF (docx → LibreOffice)',
      scope: '1 county',
      target: null,
      medianMs: median(pdfMs),
      maxMs: Math.max(...pdfMs),
    });
    log(`${name}: PDF median ${median(pdfMs).toFixed(0)} ms`);
  } finally {
    await server.stop();
  }
  return timings;
}

const START = '<!-- report-bench:start -->';
const END = '<!-- report-bench:end -->';

/** Replaces the report section of docs/benchmarks.md (the load benchmark keeps it when it rewrites the file). */
async function write(timings: Timing[]): Promise<void> {
  const out = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
  const section = [
    START,
    '## Annual report (issue #5)',
    '',
    `Generated by \`node bench/dist/reports.js\` on ${new Date().toISOString().slice(0, 10)}; year ${year}, ${runs} runs each after one warm-up, one request at a time, timed end to end (model from the metrics, KPI board and roll-up; docx rendering; transfer). County and city run over the national dataset of the load benchmark; the province roll-up over a dataset of its own, 1,000,000 projects inside 湖南 (\`kjj_bench_hunan\`), so that every project counts.`,
    '',
    '| Scenario | Database | Scope | Median ms | Max ms | Target | Verdict |',
    '|---|---|---|---:|---:|---|---|',
    ...timings.map(
      (t) =>
        `| ${t.label} | ${t.db} | ${t.scope} | ${t.medianMs.toFixed(0)} | ${t.maxMs.toFixed(0)} | ${t.target ? `≤ ${t.target} ms` : 'recorded'} | ${t.target ? (t.maxMs <= t.target ? 'met' : '**missed**') : '—'} |`,
    ),
    '',
    END,
  ].join('\n');
  await writeDocSection(out, [START, END], section);
}

const rows = Number(values.rows);
const timings: Timing[] = [];
if (values.db === 'both' || values.db === 'sqlite')
  timings.push(...(await benchDatabase('SQLite', values.sqlite!, { rows }, COUNTY_AND_CITY, true)));
if (values.db === 'both' || values.db === 'postgres') {
  timings.push(...(await benchDatabase('PostgreSQL', values.postgres!, { rows }, COUNTY_AND_CITY, true)));
  const hunan = { rows, within: '43' };
  timings.push(...(await benchDatabase('PostgreSQL', values.province!, hunan, PROVINCE, false)));
}
await write(timings);
log('written to docs/benchmarks.md');

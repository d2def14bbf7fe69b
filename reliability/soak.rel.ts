import { describe, expect, it } from 'vitest';
import { rssMb } from '../bench/src/server.js';
import { startServer } from '../e2e/support/server-process.js';
import { Api, apiTokenFor } from './support/client.js';
import { admin, harnessDatabases } from './support/databases.js';
import { MARK, nextSerial, nextUscc } from './support/ledger.js';
import { recordFigures, type Figure } from './support/record.js';

/** 60 s in `.ci/run`; `npm run soak` runs 600 s and reports per minute. */
const SECONDS = Number(process.env.KJJ_SOAK_SECONDS ?? 60);
const CONNECTIONS = 50;
const WINDOW_MS = SECONDS >= 300 ? 60_000 : 10_000;

interface Window {
  latencies: number[];
  /** Latencies by kind of request, to tell which one slows down. */
  byKind: Map<string, number[]>;
  errors: number;
  conflicts: number;
  rss: number;
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)] ?? 0;

/** One request of the mix a bureau makes: mostly lists and reads, some writes; its kind and status. */
async function oneRequest(api: Api, ids: number[]): Promise<[kind: string, status: number]> {
  const x = Math.random();
  const id = ids[Math.floor(Math.random() * ids.length)];
  if (x < 0.35) return ['list', (await api.get(`/api/v1/enterprises?limit=20&sort=-updatedAt`)).status];
  if (x < 0.45)
    return ['search', (await api.get(`/api/v1/enterprises?q=${encodeURIComponent('科技')}&limit=20`)).status];
  if (x < 0.6 && id) return ['read', (await api.get(`/api/v1/enterprises/${id}`)).status];
  if (x < 0.7) return ['projects', (await api.get('/api/v1/projects?limit=20&year=2020')).status];
  if (x < 0.75) return ['kpi', (await api.get('/api/v1/kpi?year=2020')).status];
  if (x < 0.8)
    return ['metric', (await api.get('/api/v1/metrics/projects.upward.recommended.count?year=2020')).status];
  if (x < 0.9 || !id) {
    const res = await api.post('/api/v1/enterprises', {
      name: `${MARK}浸泡${nextSerial()}有限公司`,
      uscc: nextUscc(),
      kind: 'llc',
    });
    if (res.status === 201) ids.push(res.body.id);
    return ['create', res.status];
  }
  const current = await api.get(`/api/v1/enterprises/${id}`);
  if (current.status !== 200) return ['update', current.status];
  const res = await api.patch(`/api/v1/enterprises/${id}`, {
    version: current.body.version,
    address: `辰溪县辰阳镇浸泡路${nextSerial()}号`,
  });
  return ['update', res.status];
}

/**
 * PostgreSQL as it runs in production, with autovacuum: this machine kind's cluster is configured
 * without it (conf.d/90-ci.conf), and without vacuum and analyze a growing table's plans and dead
 * rows alone make every minute slower than the last. Set for the soak's run, reset after.
 */
async function withAutovacuum<T>(fn: () => Promise<T>): Promise<T> {
  const setting = (statement: string) =>
    admin(async (c) => {
      await c.query(statement);
      await c.query('select pg_reload_conf()');
    });
  await setting('alter system set autovacuum = on');
  try {
    return await fn();
  } finally {
    await setting('alter system reset autovacuum');
  }
}

const asConfigured = <T>(fn: () => Promise<T>): Promise<T> => fn();

for (const kind of await harnessDatabases('soak')) {
  const name = kind.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  describe(`${kind.dialect}: mixed load at ${CONNECTIONS} connections`, () => {
    it(`serves ${SECONDS} s of reads and writes without an error`, () =>
      (kind.dialect === 'postgres' ? withAutovacuum : asConfigured)(async () => {
        const database = await kind.create();
        const server = await startServer({ databaseUrl: database.url, web: false, echoErrors: true });
        try {
          const api = new Api(server.baseUrl, await apiTokenFor(server.baseUrl, 'cx_director'));
          const ids: number[] = [];
          const windows: Window[] = [];
          let current: Window = { latencies: [], byKind: new Map(), errors: 0, conflicts: 0, rss: 0 };
          const errors: string[] = [];
          const end = Date.now() + SECONDS * 1000;
          const ticker = setInterval(() => {
            current.rss = rssMb(server.child.pid!);
            windows.push(current);
            current = { latencies: [], byKind: new Map(), errors: 0, conflicts: 0, rss: 0 };
          }, WINDOW_MS);
          const client = async () => {
            while (Date.now() < end) {
              const started = performance.now();
              let kind = 'failed';
              let status: number;
              try {
                [kind, status] = await oneRequest(api, ids);
              } catch (error) {
                status = 0;
                if (errors.length < 20) errors.push(String(error));
              }
              const ms = performance.now() - started;
              current.latencies.push(ms);
              current.byKind.set(kind, [...(current.byKind.get(kind) ?? []), ms]);
              // Two clients updating one record at once: the loser's 409 is the design, not an error.
              if (status === 409) current.conflicts += 1;
              else if (status === 0 || status >= 400) {
                current.errors += 1;
                if (errors.length < 20 && status) errors.push(`status ${status}`);
              }
            }
          };
          await Promise.all(Array.from({ length: CONNECTIONS }, client));
          clearInterval(ticker);
          // The few requests after the last tick belong to the last full window.
          const tail = windows.at(-1);
          if (tail) {
            tail.latencies.push(...current.latencies);
            for (const [k, ms] of current.byKind) tail.byKind.set(k, [...(tail.byKind.get(k) ?? []), ...ms]);
            tail.errors += current.errors;
            tail.conflicts += current.conflicts;
          } else windows.push({ ...current, rss: rssMb(server.child.pid!) });
          const all = windows.flatMap((w) => w.latencies);
          const first = windows[0]!;
          const last = windows.at(-1)!;
          const unit = WINDOW_MS === 60_000 ? 'minute' : '10 s';
          const figures: Figure[] = [
            ['Duration / connections', `${SECONDS} s / ${CONNECTIONS}`],
            ...(kind.dialect === 'postgres'
              ? ([['Autovacuum', 'on for the run, as in production (this machine has it off)']] as Figure[])
              : []),
            ['Requests', all.length],
            ['Errors', windows.reduce((n, w) => n + w.errors, 0)],
            [
              'Version conflicts (409, expected under racing updates)',
              windows.reduce((n, w) => n + w.conflicts, 0),
            ],
            ['p99 overall (ms)', Math.round(p99(all))],
            ...windows.map((w, i): Figure => [
              `${unit} ${i + 1}: requests, p99 ms, RSS MB`,
              `${w.latencies.length}, ${Math.round(p99(w.latencies))}, ${Math.round(w.rss)}`,
            ]),
            [
              `p99 ms by request, first → last ${unit}`,
              [...first.byKind.keys()]
                .sort()
                .map(
                  (k) =>
                    `${k} ${Math.round(p99(first.byKind.get(k)!))} → ${Math.round(p99(last.byKind.get(k) ?? []))}`,
                )
                .join(', '),
            ],
            [
              `Last ${unit} vs first: p99, RSS`,
              `${Math.round((p99(last.latencies) / p99(first.latencies) - 1) * 100)}%, ${Math.round((last.rss / first.rss - 1) * 100)}%`,
            ],
          ];
          await recordFigures(
            SECONDS >= 300 ? 'soak-long' : 'soak',
            `Soak, ${SECONDS} s — ${name}`,
            kind.dialect,
            figures,
          );
          expect(errors).toEqual([]);
        } finally {
          await server.stop();
          await database.drop();
        }
      }));
  });
}

import { setTimeout as pause } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServer } from '../e2e/support/server-process.js';
import { Api, apiTokenFor } from './support/client.js';
import { emptyPostgres, emptySqlite, postgresReachable } from './support/databases.js';
import { Ledger, MARK, nextSerial, nextUscc } from './support/ledger.js';
import { recordFigures } from './support/record.js';
import { auditChainIntact, checkAgainstLedger } from './support/verify.js';
import { createEnterprises, updateEnterprises } from './support/writers.js';

interface Probe {
  at: number;
  status: number;
  problem: boolean;
  ms: number;
}

/** Reads in a loop, noting when, what and how fast each answer came. */
async function probe(api: Api, running: () => boolean, out: Probe[]): Promise<void> {
  while (running()) {
    const started = performance.now();
    try {
      const res = await api.get('/api/v1/enterprises?limit=5');
      out.push({
        at: Date.now(),
        status: res.status,
        problem: res.contentType.includes('application/problem+json'),
        ms: performance.now() - started,
      });
    } catch {
      out.push({ at: Date.now(), status: 0, problem: false, ms: performance.now() - started });
    }
    await pause(50);
  }
}

/** The machine's PostgreSQL cluster (Debian's pg_ctlcluster), stopped and started by the test. */
function cluster(action: 'stop' | 'start'): void {
  const version = readdirSync('/etc/postgresql')[0]!;
  execFileSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])],
    {
      stdio: 'ignore',
    },
  );
}

const postgresUp = await postgresReachable();

describe.runIf(postgresUp)('postgres: the database stopped and started under load', () => {
  it('answers 503 problem+json at once while it is down, recovers by itself, and loses no acknowledged write', async () => {
    const database = await emptyPostgres('faults');
    const server = await startServer({ databaseUrl: database.url, web: false, echoErrors: false });
    let stopped = false;
    try {
      const api = new Api(server.baseUrl, await apiTokenFor(server.baseUrl, 'cx_director'));
      const ledger = new Ledger();
      const probes: Probe[] = [];
      let running = true;
      const load = Promise.all([
        createEnterprises(api, ledger, () => running),
        createEnterprises(api, ledger, () => running),
        updateEnterprises(api, ledger, () => running),
        probe(api, () => running, probes),
      ]);
      await pause(2000);
      cluster('stop');
      stopped = true;
      const downAt = Date.now();
      await pause(6000);
      const upAt = Date.now();
      cluster('start');
      stopped = false;
      let recoveredAt = 0;
      for (let i = 0; i < 600 && !recoveredAt; i++) {
        const res = await api.get('/api/v1/enterprises?limit=1').catch(() => undefined);
        if (res?.status === 200) recoveredAt = Date.now();
        else await pause(100);
      }
      await pause(2000);
      running = false;
      await load;
      await server.stop();
      const found = await checkAgainstLedger(database.url, ledger);
      const chain = await auditChainIntact(database.url);
      const outage = probes.filter((p) => p.at > downAt + 500 && p.at < upAt);
      const afterwards = probes.filter((p) => recoveredAt && p.at > recoveredAt + 1000);
      await recordFigures('pg-restart', 'PostgreSQL stopped and started under load', 'postgres', [
        ['Outage (PostgreSQL stopped)', `${((upAt - downAt) / 1000).toFixed(1)} s`],
        ['Reads during the outage', outage.length],
        ['… answered 503 problem+json', outage.filter((p) => p.status === 503 && p.problem).length],
        ['Slowest answer during the outage (ms)', Math.round(Math.max(0, ...outage.map((p) => p.ms)))],
        ['Recovered after PostgreSQL was back (ms)', recoveredAt ? recoveredAt - upAt : 'never'],
        ['Failed reads after recovery', afterwards.filter((p) => p.status !== 200).length],
        ['Writes acknowledged', ledger.acknowledged],
        ['Acknowledged writes lost', found.lost.length],
        ['Audit chain afterwards', chain.ok ? 'intact' : 'broken'],
      ]);
      expect(outage.length).toBeGreaterThan(10);
      expect(outage.filter((p) => !(p.status === 503 && p.problem))).toEqual([]);
      expect(recoveredAt, 'the server recovers without a restart').toBeGreaterThan(0);
      expect(afterwards.filter((p) => p.status !== 200)).toEqual([]);
      expect(found).toEqual({ lost: [], halfWritten: [] });
      expect(chain.ok, chain.output).toBe(true);
    } finally {
      if (stopped) cluster('start');
      await server.stop();
      await database.drop();
    }
  });
});

describe('sqlite: a database locked by another writer', () => {
  it('answers writes 503 problem+json while the lock is held and reads as usual, then writes again, the file intact', async () => {
    const database = emptySqlite();
    const server = await startServer({ databaseUrl: database.url, web: false, echoErrors: false });
    try {
      const api = new Api(server.baseUrl, await apiTokenFor(server.baseUrl, 'cx_staff'));
      const create = () =>
        api.post('/api/v1/enterprises', {
          name: `${MARK}锁${nextSerial()}有限公司`,
          uscc: nextUscc(),
          kind: 'llc',
        });
      const other = new SQLite(database.url.slice('sqlite:'.length));
      other.exec('begin exclusive');
      const started = performance.now();
      const locked = await create();
      const waited = performance.now() - started;
      const read = await api.get('/api/v1/enterprises?limit=1');
      other.exec('rollback');
      const integrity = other.pragma('integrity_check', { simple: true });
      other.close();
      const after = await create();
      await server.stop();
      const chain = await auditChainIntact(database.url);
      await recordFigures('sqlite-busy', 'SQLite locked by another writer', 'sqlite', [
        ['Write while locked', `${locked.status} ${locked.body.code ?? ''}`],
        ['Time before the 503 (busy timeout, ms)', Math.round(waited)],
        ['Read while locked', read.status],
        ['Write after the lock was released', after.status],
        ['Integrity check', String(integrity)],
        ['Audit chain', chain.ok ? 'intact' : 'broken'],
      ]);
      expect(locked.status).toBe(503);
      expect(locked.contentType).toContain('application/problem+json');
      expect(locked.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(read.status, 'reads go on while another writer holds the lock').toBe(200);
      expect(after.status).toBe(201);
      expect(integrity).toBe('ok');
      expect(chain.ok, chain.output).toBe(true);
    } finally {
      await server.stop();
      await database.drop();
    }
  });
});

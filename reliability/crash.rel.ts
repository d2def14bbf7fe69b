import { setTimeout as pause } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../e2e/support/server-process.js';
import { Api, apiTokenFor } from './support/client.js';
import { harnessDatabases } from './support/databases.js';
import { Ledger } from './support/ledger.js';
import { recordFigures } from './support/record.js';
import { auditChainIntact, checkAgainstLedger } from './support/verify.js';
import { createEnterprises, importEnterprises, moveProjects, updateEnterprises } from './support/writers.js';

/** Kills per database; `KJJ_CRASH_KILLS=100 npm run test:reliability` for a longer hunt. */
const KILLS = Number(process.env.KJJ_CRASH_KILLS ?? 12);
const WRITERS = [
  createEnterprises,
  createEnterprises,
  createEnterprises,
  updateEnterprises,
  updateEnterprises,
  moveProjects,
  moveProjects,
  importEnterprises,
];

/** Waits until every acknowledged import job has finished (after a restart the server resumes them). */
async function importsSettled(api: Api, ledger: Ledger): Promise<string[]> {
  const failures: string[] = [];
  for (const job of ledger.imports) {
    for (let i = 0; ; i++) {
      const res = await api.get(`/api/v1/jobs/${job.jobId}`);
      if (res.status === 200 && res.body.status === 'succeeded') break;
      if (res.status !== 200 || res.body.status === 'failed' || i > 600) {
        failures.push(`import job ${job.jobId}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        break;
      }
      await pause(100);
    }
  }
  return failures;
}

for (const kind of await harnessDatabases('crash')) {
  describe(`${kind.dialect}: a killed server loses nothing it acknowledged`, () => {
    it(`survives ${KILLS} SIGKILLs under concurrent writes with every acknowledged write intact`, async () => {
      const database = await kind.create();
      const ledger = new Ledger();
      const problems: string[] = [];
      let server: ServerProcess = await startServer({
        databaseUrl: database.url,
        web: false,
        echoErrors: false,
      });
      const token = await apiTokenFor(server.baseUrl, 'cx_director');
      let kills = 0;
      try {
        for (let round = 0; round < KILLS; round++) {
          const api = new Api(server.baseUrl, token);
          let running = true;
          const load = Promise.all(WRITERS.map((w) => w(api, ledger, () => running)));
          await pause(300 + Math.random() * 1700);
          await server.kill();
          kills += 1;
          running = false;
          await load;
          const found = await checkAgainstLedger(database.url, ledger);
          problems.push(...found.lost.map((p) => `after kill ${kills}: lost ${p}`));
          problems.push(...found.halfWritten.map((p) => `after kill ${kills}: half-written ${p}`));
          const chain = await auditChainIntact(database.url);
          if (!chain.ok) problems.push(`after kill ${kills}: audit:verify failed: ${chain.output}`);
          server = await startServer({ databaseUrl: database.url, web: false, echoErrors: false });
        }
        const api = new Api(server.baseUrl, token);
        const unfinished = await importsSettled(api, ledger);
        problems.push(...unfinished);
        await server.stop();
        const final = await checkAgainstLedger(database.url, ledger);
        problems.push(...final.lost, ...final.halfWritten);
        const importedRows = ledger.imports.reduce((sum, j) => sum + j.rows, 0);
        await recordFigures(
          'crash',
          `Crash safety (SIGKILL) — ${kind.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
          kind.dialect,
          [
            ['Kills survived', kills],
            ['Concurrent writers', WRITERS.length],
            ['Writes acknowledged (2xx)', ledger.acknowledged],
            ['Enterprises created and acknowledged', ledger.created.size],
            ['Records with acknowledged updates or transitions', ledger.latest.size],
            [
              'Import jobs acknowledged (rows each arrived after restarts)',
              `${ledger.imports.length} (${importedRows} rows)`,
            ],
            ['Rows lost', final.lost.length],
            ['Acknowledged import jobs that never completed', unfinished.length],
            ['Half-written rows or partial imports', final.halfWritten.length],
            [
              'Audit chain verified after every kill',
              problems.some((p) => p.includes('audit:verify')) ? 'no' : 'yes',
            ],
          ],
        );
        expect(ledger.acknowledged, 'the load wrote something').toBeGreaterThan(KILLS);
        expect(problems).toEqual([]);
      } finally {
        await server.kill();
        await database.drop();
      }
    });
  });
}

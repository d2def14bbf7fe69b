import { setTimeout as pause } from 'node:timers/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../e2e/support/server-process.js';
import { Api, apiTokenFor } from './support/client.js';
import { harnessDatabases } from './support/databases.js';
import { Ledger } from './support/ledger.js';
import { recordFigures } from './support/record.js';
import { auditChainIntact, checkAgainstLedger, kjj } from './support/verify.js';
import { createEnterprises, importEnterprises, moveProjects, updateEnterprises } from './support/writers.js';

const WRITERS = [createEnterprises, createEnterprises, updateEnterprises, moveProjects, importEnterprises];

/** `db:checksum` output as one line per table: rows and SHA-256. */
async function checksums(url: string): Promise<string[]> {
  const run = await kjj(url, 'db:checksum');
  expect(run.code, run.output).toBe(0);
  return run.output.trim().split('\n');
}

for (const kind of await harnessDatabases('backup')) {
  const name = kind.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  describe(`${kind.dialect}: backup while writes continue, restore into a new database`, () => {
    it('restores a consistent copy holding every write acknowledged before the backup began', async () => {
      const source = await kind.create();
      const restored = await kind.create();
      const again = await kind.create();
      const dir = mkdtempSync(join(tmpdir(), 'kjj-backup-'));
      const server = await startServer({ databaseUrl: source.url, web: false, echoErrors: false });
      try {
        const api = new Api(server.baseUrl, await apiTokenFor(server.baseUrl, 'cx_director'));
        const ledger = new Ledger();
        let running = true;
        const load = Promise.all(WRITERS.map((w) => w(api, ledger, () => running)));
        await pause(1500);
        const before = ledger.snapshot();
        const made = await kjj(source.url, 'backup', '--out', join(dir, 'first'));
        const duringBackup = ledger.acknowledged - before.acknowledged;
        await pause(500);
        running = false;
        await load;
        expect(made.code, made.output).toBe(0);

        const back = await kjj(restored.url, 'restore', '--from', join(dir, 'first'));
        expect(back.code, back.output).toBe(0);
        const found = await checkAgainstLedger(restored.url, before);
        const chain = await auditChainIntact(restored.url);

        // The same data again after a second round trip: nothing of a restore depends on its source.
        expect((await kjj(restored.url, 'backup', '--out', join(dir, 'second'))).code).toBe(0);
        expect((await kjj(again.url, 'restore', '--from', join(dir, 'second'))).code).toBe(0);
        const sums = await checksums(restored.url);
        const sumsAgain = await checksums(again.url);
        const rows = sums.reduce((n, line) => n + Number(line.split('\t')[1]), 0);
        const identical = JSON.stringify(sums) === JSON.stringify(sumsAgain);
        const refused = await kjj(restored.url, 'restore', '--from', join(dir, 'first'));

        await recordFigures('backup', `Backup and restore — ${name}`, kind.dialect, [
          ['Writes acknowledged before the backup began', before.acknowledged],
          ['Writes acknowledged while the backup ran', duringBackup],
          ['Backup time (ms)', Math.round(made.ms)],
          ['Restore time (ms)', Math.round(back.ms)],
          ['Tables / rows restored', `${sums.length} / ${rows.toLocaleString('en')}`],
          ['Acknowledged writes missing from the restore', found.lost.length],
          ['Half-written rows or partial imports in the restore', found.halfWritten.length],
          ['Audit chain of the restore', chain.ok ? 'intact' : 'broken'],
          ['Row counts and checksums identical after a second round trip', identical ? 'yes' : 'no'],
        ]);
        expect(duringBackup, 'writes went on while the backup ran').toBeGreaterThan(0);
        expect(found).toEqual({ lost: [], halfWritten: [] });
        expect(chain.ok, chain.output).toBe(true);
        expect(sumsAgain).toEqual(sums);
        expect(refused.code, 'a database with tables is never overwritten').toBe(64);
      } finally {
        await server.stop();
        for (const db of [source, restored, again]) await db.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

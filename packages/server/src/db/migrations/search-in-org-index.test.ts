import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../connect.js';
import { migrateToLatest } from '../migrate.js';
import { migrationProvider } from './index.js';

describe('migration 0019 on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kjj-0019-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the search text in the org index and keeps an analyzed table analyzed', async () => {
    const database = connect(`sqlite:${join(dir, 'upgrade.db')}`);
    const db = database.db as unknown as Kysely<any>;
    try {
      const before = await new Migrator({ db, provider: migrationProvider }).migrateTo('0018-job-attempts');
      expect(before.error).toBeUndefined();
      // Rows without their org: only the statistics matter here.
      await sql`pragma foreign_keys = off`.execute(db);
      for (let i = 0; i < 40; i++) {
        await sql`insert into enterprise (org_id, created_at, updated_at, name, uscc, kind, search_text)
          values (${i % 4}, '2026-01-01', '2026-01-01', ${`企业${i}`}, ${`uscc${i}`}, 'llc', ${`企业${i}`})`.execute(
          db,
        );
      }
      await sql`analyze`.execute(db);
      await migrateToLatest(db);

      const columns = await sql<{ name: string }>`
        select name from pragma_index_info('enterprise_org_updated_at') order by seqno`.execute(db);
      expect(columns.rows.map((c) => c.name)).toEqual(['org_id', 'updated_at', 'id', 'search_text']);
      const stats = await sql<{ idx: string; stat: string }>`
        select idx, stat from sqlite_stat1 where idx = 'enterprise_org_updated_at'`.execute(db);
      expect(stats.rows).toEqual([
        { idx: 'enterprise_org_updated_at', stat: expect.stringMatching(/^40 10 /) },
      ]);
    } finally {
      await database.close();
    }
  });

  it('leaves a database never analyzed for the server to analyze when it opens it', async () => {
    const database = connect(`sqlite:${join(dir, 'fresh.db')}`);
    const db = database.db as unknown as Kysely<any>;
    try {
      await migrateToLatest(db);
      const stats = await sql`select name from sqlite_schema where name like 'sqlite_stat%'`.execute(db);
      expect(stats.rows).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

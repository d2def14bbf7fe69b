import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../connect.js';
import { migrateToLatest } from '../migrate.js';

describe('migration 0021 on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kjj-0021-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds a bureau's deleted USCCs through the index of deleted rows, even with statistics lacking STAT4", async () => {
    const database = connect(`sqlite:${join(dir, 'trash.db')}`);
    const db = database.db as unknown as Kysely<any>;
    try {
      await migrateToLatest(db);
      // Rows without their org: only the plan matters here.
      await sql`pragma foreign_keys = off`.execute(db);
      for (let i = 0; i < 2000; i++) {
        await sql`insert into enterprise (org_id, created_at, updated_at, name, uscc, kind, search_text, deleted_at)
          values (${i % 4}, '2026-01-01', '2026-01-01', ${`企业${i}`}, ${`uscc${i}`}, 'llc', ${`企业${i}`},
            ${i % 50 === 0 ? '2026-02-01' : null})`.execute(db);
      }
      // What ANALYZE by a SQLite built without STAT4 leaves behind.
      await sql`analyze`.execute(db);
      await sql`delete from sqlite_stat4`.execute(db);
      await sql`analyze sqlite_schema`.execute(db);

      const lookup = db
        .selectFrom('enterprise')
        .select(['id', 'uscc'])
        .where('orgId', '=', 2)
        .where('deletedAt', 'is not', null)
        .where('uscc', 'in', ['uscc50', 'uscc150', 'uscc7']);
      const compiled = lookup.compile();
      const plan = await db.executeQuery<{ detail: string }>({
        ...compiled,
        sql: `explain query plan ${compiled.sql}`,
      });
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX enterprise_deleted_uscc/);
      expect((await lookup.execute()).map((r) => r.uscc).sort()).toEqual(['uscc150', 'uscc50']);
    } finally {
      await database.close();
    }
  });
});

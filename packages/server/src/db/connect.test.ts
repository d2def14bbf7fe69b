import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './connect.js';

describe('openSqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kjj-open-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gathers planner statistics for a table that has none when it opens the database', () => {
    const file = join(dir, 'stats.db');
    const first = openSqlite(file);
    first.exec('create table item (id integer primary key, org_id integer, name text)');
    first.exec('create index item_org on item (org_id, name)');
    const insert = first.prepare('insert into item (org_id, name) values (?, ?)');
    first.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(i % 10, `item ${i}`);
    })();
    first.close();

    const reopened = openSqlite(file);
    const stats = reopened.prepare("select idx, stat from sqlite_stat1 where tbl = 'item'").all();
    reopened.close();
    // 1,000 rows, about 100 of them per org.
    expect(stats).toEqual([{ idx: 'item_org', stat: expect.stringMatching(/^1000 100 /) }]);
  });
});

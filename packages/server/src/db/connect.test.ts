import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isoInstant, openSqlite } from './connect.js';

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

describe('isoInstant', () => {
  const parse = pg.types.getTypeParser(1184, 'text') as (text: string) => Date;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  /** An instant written as PostgreSQL writes a timestamptz for a session in UTC. */
  const asPostgres = (at: Date, micros: number) => {
    const fraction = String(at.getUTCMilliseconds() * 1000 + micros)
      .padStart(6, '0')
      .replace(/0+$/, '');
    return (
      `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ` +
      `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}` +
      `${fraction ? `.${fraction}` : ''}+00`
    );
  };

  it("gives a UTC instant as pg's own parser and toISOString give it", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        (at, micros) => {
          const text = asPostgres(at, micros);
          expect(isoInstant(text, parse)).toBe(parse(text).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-12-06 22:04:38.13+00', '2026-12-06T22:04:38.130Z'],
    ['2026-12-06 22:04:38+00', '2026-12-06T22:04:38.000Z'],
    ['2026-12-06 22:04:38.999999+00', '2026-12-06T22:04:38.999Z'],
    ['2026-12-07 06:04:38.5+08', '2026-12-06T22:04:38.500Z'],
    ['2026-12-06 16:34:38+05:30', '2026-12-06T11:04:38.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(isoInstant(text, parse)).toBe(iso);
  });
});

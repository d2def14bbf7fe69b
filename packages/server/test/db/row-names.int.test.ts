import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.js';
import { testDatabases } from '../support/databases.js';

for (const kind of testDatabases()) {
  describe(`${kind.name}: result rows in camelCase`, () => {
    let database: Database;
    let db: Kysely<any>;
    beforeAll(async () => {
      database = await kind.fresh();
      db = database.db as unknown as Kysely<any>;
    });
    afterAll(() => database.close());

    it('renames the columns of every row, in select order, each row with its own values', async () => {
      const { rows } = await sql`
        select 1 as first_value, 'a' as second_value, null as third_value
        union all select 2, 'b', 'x'
        union all select 3, 'c', null`.execute(db);
      expect(rows).toEqual([
        { firstValue: 1, secondValue: 'a', thirdValue: null },
        { firstValue: 2, secondValue: 'b', thirdValue: 'x' },
        { firstValue: 3, secondValue: 'c', thirdValue: null },
      ]);
      expect(rows.map((r) => Object.keys(r as object))).toEqual(
        rows.map(() => ['firstValue', 'secondValue', 'thirdValue']),
      );
      // Rows are objects of their own: changing one leaves the others as they were.
      (rows[0] as Record<string, unknown>).secondValue = 'changed';
      expect((rows[1] as Record<string, unknown>).secondValue).toBe('b');
    });

    it('leaves the keys inside a JSON value as they were written', async () => {
      const written = '{"inner_key":[{"deep_key":1}],"other_key":"v"}';
      const { rows } = await (
        kind.name === 'postgres'
          ? sql`select cast(${written} as jsonb) as json_value`
          : sql`select ${written} as json_value`
      ).execute(db);
      const value = (rows[0] as { jsonValue: unknown }).jsonValue;
      // PostgreSQL hands JSON over parsed, SQLite as the text: the same keys either way.
      expect(typeof value === 'string' ? JSON.parse(value) : value).toEqual(JSON.parse(written));
    });

    it('names the columns a statement has after the table it reads changes', async () => {
      await sql`create table row_names_probe (first_column integer)`.execute(db);
      await sql`insert into row_names_probe (first_column) values (1)`.execute(db);
      const read = () => sql`select * from row_names_probe`.execute(db).then((r) => r.rows);
      expect(await read()).toEqual([{ firstColumn: 1 }]);
      // The same SQL text again: SQLite runs its kept statement, which it prepares anew.
      await sql`alter table row_names_probe add column second_column text`.execute(db);
      await sql`update row_names_probe set second_column = 'b'`.execute(db);
      expect(await read()).toEqual([{ firstColumn: 1, secondColumn: 'b' }]);
      await sql`alter table row_names_probe rename column first_column to renamed_column`.execute(db);
      expect(await read()).toEqual([{ renamedColumn: 1, secondColumn: 'b' }]);
    });

    it('keeps column names that hold quotes or braces as they are', async () => {
      const { rows } = await sql`select 1 as "quote""d", 2 as "brace}); x({"`.execute(db);
      expect(rows).toEqual([{ 'quote"d': 1, 'brace}); x({': 2 }]);
    });

    it('gives an empty result as no rows', async () => {
      const rows = await db.selectFrom('org').select(['id', 'parentId']).where('id', '<', 0).execute();
      expect(rows).toEqual([]);
    });
  });
}

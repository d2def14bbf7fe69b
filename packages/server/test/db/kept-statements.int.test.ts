import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepPrepared, type Database } from '../../src/db/connect.js';
import { testDatabases } from '../support/databases.js';

for (const kind of testDatabases().filter((k) => k.name === 'postgres')) {
  describe('PostgreSQL: statements kept prepared', () => {
    let database: Database;
    let db: Kysely<any>;
    // One connection, so that pg_prepared_statements (which shows one session's) sees every run.
    beforeAll(async () => {
      database = await kind.fresh({ poolSize: 1 });
      db = database.db as unknown as Kysely<any>;
    });
    afterAll(() => database.close());

    const orgsUnder = (code: string) =>
      db
        .selectFrom('org')
        .select(['id', 'divisionCode'])
        .where('divisionCode', 'like', `${code}%`)
        .where('kind', '!=', 'section')
        .orderBy('id');
    const kept = () =>
      sql<{ name: string; statement: string; generic: number; custom: number }>`
        select name, statement, generic_plans as generic, custom_plans as custom
        from pg_prepared_statements where name like 'kjj\\_%'`
        .execute(db)
        .then((r) => r.rows);

    it('runs a marked query as one named statement, with the values of each run', async () => {
      // What each run must return, worked out from every org (a statement of its own).
      const orgs = await db.selectFrom('org').select(['id', 'divisionCode', 'kind']).orderBy('id').execute();
      const expected = (code: string) =>
        orgs
          .filter((o) => String(o.divisionCode ?? '').startsWith(code) && o.kind !== 'section')
          .map(({ id, divisionCode }) => ({ id, divisionCode }));
      const answers = [];
      for (const code of ['4312', '431223', '4312', '4301', '431223', '4312', '4312', '4312']) {
        const { rows } = await db.executeQuery(keepPrepared(orgsUnder(code).compile()));
        expect(rows).toEqual(expected(code));
        answers.push(rows.length);
      }
      expect(new Set(answers).size).toBeGreaterThan(1);
      const statements = await kept();
      expect(statements).toHaveLength(1);
      expect(Number(statements[0]!.generic) + Number(statements[0]!.custom)).toBe(8);
    });

    it('runs an unmarked query unnamed', async () => {
      await db.selectFrom('org').select('id').where('id', '>', 0).execute();
      expect(await kept()).toHaveLength(1);
    });

    it('keeps at most 100 statements on a connection and runs the others unnamed', async () => {
      for (let i = 0; i < 120; i++) {
        const query = db
          .selectFrom('org')
          .select(sql<number>`${sql.raw(String(i))}`.as('n'))
          .where('id', '>', 0)
          .limit(1);
        const { rows } = await db.executeQuery(keepPrepared(query.compile()));
        expect(rows).toEqual([{ n: i }]);
      }
      expect(await kept()).toHaveLength(100);
    });
  });
}

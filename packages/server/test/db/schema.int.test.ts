import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ENTITIES } from '@kjj/domain';
import type { Database } from '../../src/db/connect.js';
import { checkTable } from '../../src/db/check-table.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { testDatabases } from '../support/databases.js';

for (const kind of testDatabases()) {
  describe(`${kind.name}: schema`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await kind.fresh();
    });
    afterAll(() => database.close());

    for (const def of ENTITIES) {
      it(`table ${def.table} matches its definition`, async () => {
        expect(await checkTable(database.db as unknown as Kysely<any>, def)).toEqual([]);
      });
    }

    it('re-running the migrations is a no-op', async () => {
      expect(await migrateToLatest(database.db)).toEqual([]);
    });

    it('enforces foreign keys (an enterprise cannot point at a missing town)', async () => {
      const db = database.db as unknown as Kysely<any>;
      const row = await db.selectFrom('enterprise').select('id').limit(1).executeTakeFirstOrThrow();
      await expect(
        db.updateTable('enterprise').set({ townId: 987654321 }).where('id', '=', row.id).execute(),
      ).rejects.toThrow();
    });
  });
}

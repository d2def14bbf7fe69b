import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_STATES } from '@kjj/domain';
import { subtreeIds } from '../../src/db/scope.js';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

/** Projects enough over 怀化市's bureaus that the planner weighs its indexes as at scale. */
const PROJECTS = 30_000;
/** One column of the project board: the stages of projects under way. */
const STAGES = ['in_progress', 'acceptance_pending', 'acceptance_failed'];
const BOARD = `/api/v1/projects?limit=8&count=true&sort=-updatedAt&year=2023&status=${STAGES.join(',')}`;

// Migration 0022 is PostgreSQL's: SQLite keeps its index, through which this count takes 0.2 ms.
for (const kind of testDatabases().filter((k) => k.name === 'postgres')) {
  describe(`${kind.name}: a project board column's count`, () => {
    let t: TestApp;
    let cityOrgs: number[];
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      const db = t.db.db as unknown as Kysely<any>;
      cityOrgs = await subtreeIds(db, await t.orgPathOf('431200'));
      const template = await db.selectFrom('project').select('id').limit(1).executeTakeFirstOrThrow();
      // Copies of one demo project, spread over the city's bureaus, seven years and every state.
      await sql`insert into project (org_id, created_at, updated_at, name, level, category, year,
          undertaker_name, status, search_text)
        select (${sql.val(cityOrgs)}::bigint[])[1 + g % ${cityOrgs.length}], p.created_at,
          p.updated_at + g * interval '1 minute', p.name || g, p.level, p.category, 2019 + g % 7,
          p.undertaker_name, (${sql.val(PROJECT_STATES.codes)}::text[])[1 + g % ${PROJECT_STATES.codes.length}],
          p.search_text
        from project p, generate_series(1, ${PROJECTS}) g
        where p.id = ${template.id}`.execute(db);
      // What autovacuum does for a table this size: statistics, and the visibility map that lets
      // an index-only scan skip the table.
      await sql`vacuum analyze project`.execute(db);
    });
    afterAll(() => t.close());

    it('counts from the index of projects by bureau and year alone', async () => {
      const db = t.db.db as unknown as Kysely<any>;
      // The count as the list builds it for the city administrator: bureaus in scope, live rows,
      // the year and the column's stages.
      const count = db
        .selectFrom(
          db
            .selectFrom('project')
            .select(sql`1`.as('one'))
            .where('project.orgId', 'in', cityOrgs)
            .where('project.deletedAt', 'is', null)
            .where('project.year', '=', 2023)
            .where('project.status', 'in', STAGES)
            .limit(100_001)
            .as('capped'),
        )
        .select((eb) => eb.fn.countAll().as('n'))
        .compile();
      const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>({
        ...count,
        sql: `explain (format json) ${count.sql}`,
      });
      const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
      expect(plan).toContain('"Node Type":"Index Only Scan"');
      expect(plan).toContain('"Index Name":"project_org_year"');
      expect(plan).not.toContain('Heap Scan');
    });

    it("shows the column's first projects and their exact count", async () => {
      const db = t.db.db as unknown as Kysely<any>;
      const inColumn = await db
        .selectFrom('project')
        .select(['id', 'updatedAt'])
        .where('orgId', 'in', cityOrgs)
        .where('deletedAt', 'is', null)
        .where('year', '=', 2023)
        .where('status', 'in', STAGES)
        .orderBy('updatedAt', 'desc')
        .orderBy('id', 'desc')
        .execute();
      expect(inColumn.length).toBeGreaterThan(100);
      const res = await (await t.as('hh_admin')).get(BOARD);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(inColumn.length);
      expect(body.totalIsEstimate).toBe(false);
      expect(body.items.map((p: { id: number }) => p.id)).toEqual(inColumn.slice(0, 8).map((r) => r.id));
    });
  });
}

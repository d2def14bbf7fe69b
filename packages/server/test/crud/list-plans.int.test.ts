import type { Kysely, SelectQueryBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprise } from '@kjj/domain';
import { listPlan } from '../../src/db/list-plan.js';
import { subtreeIds } from '../../src/db/scope.js';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

/** Rows enough that the city holds more than a scope may before its list walks the sort index (list-plan WIDE_SCOPE). */
const WIDE = 6600;

for (const kind of testDatabases()) {
  describe(`${kind.name}: list pages of a wide scope`, () => {
    /** A boolean as each database stores it. */
    const flag = (value: boolean) => (kind.name === 'sqlite' ? Number(value) : value);
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      const db = t.db.db as unknown as Kysely<any>;
      const template = await db.selectFrom('enterprise').selectAll().limit(1).executeTakeFirstOrThrow();
      const city = await t.orgIdOf('431200');
      const counties = await Promise.all(['431202', '431225', '431281'].map((code) => t.orgIdOf(code)));
      // Rows of the province's own bureau, outside the city's subtree, interleaved with the city's.
      const province = await t.orgIdOf('430000');
      const owners = [city, ...counties, province];
      const rows = Array.from({ length: WIDE }, (_, i) => {
        const { id: _id, ...copy } = template;
        return {
          ...copy,
          orgId: owners[i % owners.length],
          sectionId: null,
          name: `宽范围测试企业${i}`,
          uscc: `91TEST${String(i).padStart(12, '0')}`,
          searchText: `宽范围测试企业${i}`,
          isHte: flag(i % 3 === 0),
          industry: i % 2 === 0 ? 'C' : 'I',
          established: i % 4 < 2 ? '2019-05-01' : '2021-05-01',
          tags: JSON.stringify([]),
          contacts: JSON.stringify([]),
          overrides: JSON.stringify({}),
          createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        };
      });
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('enterprise')
          .values(rows.slice(i, i + 200) as never)
          .execute();
      }
    });
    afterAll(() => t.close());

    /** The city's live rows, narrowed by `where`, in the given order: what its list must page through. */
    async function inCity(
      where: (q: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, any>,
      column: string,
      direction: 'asc' | 'desc',
      limit: number,
    ): Promise<number[]> {
      const db = t.db.db as unknown as Kysely<any>;
      const path = await t.orgPathOf('431200');
      const rows = await where(
        db
          .selectFrom('enterprise')
          .innerJoin('org', 'org.id', 'enterprise.orgId')
          .select('enterprise.id')
          .where('org.path', 'like', `${path}%`)
          .where('enterprise.deletedAt', 'is', null),
      )
        .orderBy(`enterprise.${column}`, direction)
        .orderBy('enterprise.id', direction)
        .limit(limit)
        .execute();
      return rows.map((r) => Number(r.id));
    }

    /** The ids of `pages` pages of the city administrator's list, following each next cursor. */
    async function paged(query: string, pages: number): Promise<number[]> {
      const admin = await t.as('hh_admin');
      const seen: number[] = [];
      let cursor = '';
      for (let page = 0; page < pages; page++) {
        const res = await admin.get(`/api/v1/enterprises?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        seen.push(...body.items.map((e: { id: number }) => e.id));
        cursor = body.nextCursor;
      }
      return seen;
    }

    /** `pages` pages of `query` by creation, newest first, against the city's rows that pass `where`. */
    async function expectPagedByCreation(
      where: (q: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, any>,
      query: string,
      limit: number,
      pages: number,
    ): Promise<void> {
      const expected = await inCity(where, 'createdAt', 'desc', limit * pages);
      expect(expected).toHaveLength(limit * pages);
      expect(await paged(`${query}&sort=-createdAt&limit=${limit}`, pages)).toEqual(expected);
    }

    it("pages a city's high-tech enterprises by creation exactly as the rows in its subtree order them", () =>
      expectPagedByCreation((q) => q.where('enterprise.isHte', '=', flag(true)), 'isHte=true', 50, 3));

    it("pages a city's high-tech manufacturers by creation, the walk of the sort index testing both", () =>
      expectPagedByCreation(
        (q) => q.where('enterprise.isHte', '=', flag(true)).where('enterprise.industry', '=', 'C'),
        'isHte=true&industry=C',
        40,
        3,
      ));

    it('pages them by a filter the sort index does not hold as well', () =>
      expectPagedByCreation(
        (q) =>
          q.where('enterprise.isHte', '=', flag(true)).where('enterprise.established', '<=', '2020-01-01'),
        'isHte=true&established.lte=2020-01-01',
        40,
        3,
      ));

    it('walks the sort index for these lists, and on PostgreSQL lets the walk decide the page when the index holds every filtered column', async () => {
      const db = t.db.db as unknown as Kysely<any>;
      const scope = { kind: 'orgs' as const, ids: await subtreeIds(db, await t.orgPathOf('431200')) };
      const plan = (params: Record<string, unknown>) =>
        listPlan(db, enterprise, kind.name, scope, { sort: '-createdAt', ...params });
      const held = await plan({ isHte: true, industry: ['C'] });
      const notHeld = await plan({ isHte: true, 'established.lte': '2020-01-01' });
      expect(held.scanSortIndex).toBe(true);
      expect(notHeld.scanSortIndex).toBe(true);
      expect(held.walkDecides).toBe(kind.name === 'postgres');
      expect(notHeld.walkDecides).toBe(false);
    });

    it('pages a common search term over the city by name, descending', async () => {
      const expected = await inCity(
        (q) => q.where('enterprise.searchText', 'like', '%宽范围%'),
        'name',
        'desc',
        80,
      );
      expect(expected).toHaveLength(80);
      expect(await paged(`q=${encodeURIComponent('宽范围')}&sort=-name&limit=40`, 2)).toEqual(expected);
    });
  });
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: text terms over a few bureaus, tested in the org index`, () => {
    let t: TestApp;
    /** Search texts of the inserted rows: a two-character term, and LIKE's wildcards taken literally. */
    const texts = ['橘海新材料', '东橘海', '橘_海科技', '橘x海科技', '100%橘海', '1000橘海', '其他公司'];
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      const db = t.db.db as unknown as Kysely<any>;
      const template = await db.selectFrom('enterprise').selectAll().limit(1).executeTakeFirstOrThrow();
      const owners = await Promise.all(
        ['431200', '431202', '431223', '431281', '430000'].map((code) => t.orgIdOf(code)),
      );
      const rows = Array.from({ length: 420 }, (_, i) => {
        const { id: _id, ...copy } = template;
        const text = texts[i % texts.length] as string;
        return {
          ...copy,
          orgId: owners[i % owners.length],
          sectionId: null,
          name: `${text}${i}`,
          uscc: `91TXT${String(i).padStart(13, '0')}`,
          searchText: `${text}${i}`,
          tags: JSON.stringify([]),
          contacts: JSON.stringify([]),
          overrides: JSON.stringify({}),
          // Pairs of rows share a time, so the id decides between them.
          updatedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 60_000).toISOString(),
        };
      });
      await db
        .insertInto('enterprise')
        .values(rows as never)
        .execute();
    });
    afterAll(() => t.close());

    /** The ids a user's list must show for a term, worked out in memory from every live row in reach. */
    async function expected(username: string, term: string): Promise<number[]> {
      const db = t.db.db as unknown as Kysely<any>;
      const reach = username === 'hh_admin' ? '431200' : '431223';
      const base = await t.orgPathOf(reach);
      const rows = await db
        .selectFrom('enterprise')
        .innerJoin('org', 'org.id', 'enterprise.orgId')
        .select(['enterprise.id', 'enterprise.searchText', 'enterprise.updatedAt', 'org.path'])
        .where('enterprise.deletedAt', 'is', null)
        .execute();
      const at = (r: { updatedAt: unknown }) => new Date(r.updatedAt as string).getTime();
      return rows
        .filter((r) => String(r.path).startsWith(base) && String(r.searchText).includes(term))
        .sort((a, b) => at(b) - at(a) || Number(b.id) - Number(a.id))
        .map((r) => Number(r.id));
    }

    async function listed(username: string, term: string): Promise<number[]> {
      const user = await t.as(username);
      const seen: number[] = [];
      let cursor = '';
      do {
        const res = await user.get(
          `/api/v1/enterprises?q=${encodeURIComponent(term)}&limit=9${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode).toBe(200);
        seen.push(...res.json().items.map((e: { id: number }) => e.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      return seen;
    }

    it.each([
      ['hh_admin', '橘海'],
      ['cx_director', '橘海'],
      ['hh_admin', '橘_海'],
      ['hh_admin', '%橘'],
      ['hh_admin', '海科技'],
    ])('pages %s’s rows with “%s” in the order of their last change', async (username, term) => {
      const ids = await expected(username, term);
      expect(ids.length).toBeGreaterThan(9);
      expect(await listed(username, term)).toEqual(ids);
    });
  });
}

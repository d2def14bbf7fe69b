import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

interface Overview {
  year: number;
  figures: { id: string; value: number | null; lastYear: number | null; manual: boolean; yoy: unknown }[];
  compared: string[];
  byOrg: { orgId: number; name: string; values: Record<string, number> }[];
}

/** The bureau overview: every figure a metric, with last year's, within the reader's scope. */
for (const kind of testDatabases()) {
  describe(`${kind.name}: the bureau overview`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
    });
    afterAll(() => t.close());

    const overview = async (username: string, query: string) => {
      const res = await (await t.as(username)).get(`/api/v1/dashboards/overview?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Overview>();
    };

    it('shows a county its projects, library, enterprises and manual figures with the change on last year', async () => {
      const o = await overview('cx_director', 'year=2020');
      const byId = Object.fromEntries(o.figures.map((f) => [f.id, f]));
      expect(byId['projects.upward.approved.amount']).toMatchObject({ value: 208_000_000, manual: false });
      expect(byId['projects.upward.approved.amount']!.yoy).toMatchObject({ kind: 'percent' });
      expect(byId['reserve.stock.count']).toMatchObject({ value: 110, lastYear: 86 });
      expect(byId['ip.applications.count']).toMatchObject({ value: 102, manual: true });
      expect(byId['enterprises.count']!.value).toBeGreaterThan(0);
      expect(o.byOrg).toEqual([]);
    });

    it('lets a city compare its counties, and leaves out what the reader may not read', async () => {
      const city = await t.orgIdOf('431200');
      const o = await overview('hh_admin', `year=2020&orgId=${city}`);
      const chenxi = o.byOrg.find((r) => r.name.startsWith('辰溪'))!;
      expect(chenxi.values['projects.county.approved.count']).toBe(24);
      expect(chenxi.values['projects.upward.approved.amount']).toBe(208_000_000);
      const commissioner = await overview('cx_commissioner', 'year=2020');
      expect(commissioner.figures.map((f) => f.id).every((id) => id.startsWith('enterprises.'))).toBe(true);
    });
  });
}

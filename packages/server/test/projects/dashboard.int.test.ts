import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const WAN = 1_000_000;

interface Dashboard {
  year: number;
  figures: Record<string, number | null>;
  byLevel: { level: string; recommended: number; approved: number; amountFen: number }[];
  byCategory: { category: string; count: number; amountFen: number }[];
  trend: { year: number; upwardApproved: number; upwardAmountFen: number }[];
  byOrg: { name: string; upwardApproved: number; upwardAmountFen: number; countyAmountFen: number }[];
}

const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

for (const kind of testDatabases()) {
  describe(`${kind.name}: projects dashboard`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
    });
    afterAll(() => t.close());

    it("shows 辰溪县's 2020 from its records, each part adding up to its whole", async () => {
      const director = await t.as('cx_director');
      const res = await director.get('/api/v1/dashboards/projects?year=2020');
      expect(res.statusCode, res.body).toBe(200);
      const board = res.json<Dashboard>();
      // The seed report's figures (DOMAIN §4.1 P2–P10): 7 + 2 approved above for 105 + 103 万元,
      // 24 county plan projects worth 100 万元.
      expect(board.figures).toMatchObject({
        upwardApproved: 9,
        upwardAmountFen: 208 * WAN,
        countyApproved: 24,
        countyAmountFen: 100 * WAN,
      });
      expect(board.byLevel.find((l) => l.level === 'province')).toMatchObject({
        approved: 7,
        amountFen: 105 * WAN,
      });
      expect(sum(board.byLevel, (l) => l.approved)).toBe(board.figures.upwardApproved);
      expect(sum(board.byLevel, (l) => l.recommended)).toBe(board.figures.upwardRecommended);
      expect(sum(board.byCategory, (c) => c.count)).toBe(24);
      expect(sum(board.byCategory, (c) => c.amountFen)).toBe(100 * WAN);
      expect(board.trend.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020]);
      expect(board.trend.at(-1)).toMatchObject({ upwardApproved: 9, upwardAmountFen: 208 * WAN });
      // Each figure is the metric API's.
      const metric = await director.get('/api/v1/metrics/projects.upward.approved.amount?year=2020');
      expect(metric.json<{ value: number }>().value).toBe(board.figures.upwardAmountFen);
      expect(board.byOrg).toEqual([]);
    });

    it('lets a city compare its counties, and defaults to the latest plan year', async () => {
      const city = await t.as('hh_staff');
      const board = (await city.get('/api/v1/dashboards/projects')).json<Dashboard>();
      expect(board.year).toBe(2021);
      const of2020 = (await city.get('/api/v1/dashboards/projects?year=2020')).json<Dashboard>();
      const chenxi = of2020.byOrg.find((o) => o.name.startsWith('辰溪'));
      expect(chenxi).toMatchObject({
        upwardApproved: 9,
        upwardAmountFen: 208 * WAN,
        countyAmountFen: 100 * WAN,
      });
      expect(sum(of2020.byOrg, (o) => o.upwardAmountFen)).toBe(of2020.figures.upwardAmountFen);
    });

    it('never counts what the reader cannot see', async () => {
      const mayang = await t.as('my_director');
      const chenxiId = await t.orgIdOf('431223');
      const res = await mayang.get(`/api/v1/dashboards/projects?year=2020&orgId=${chenxiId}`);
      expect(res.statusCode).toBe(200);
      const board = res.json<Dashboard>();
      expect(board.figures.upwardApproved).toBe(0);
      expect(board.figures.countyAmountFen).toBe(0);
    });
  });
}

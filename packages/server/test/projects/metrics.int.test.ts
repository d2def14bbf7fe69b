import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const WAN = 1_000_000;

interface Figure {
  value: number | null;
  money: boolean;
  parts?: { numerator: number; denominator: number };
}

/**
 * The project figures of the seed report (DOMAIN §4.1 P1–P16) computed from the demo records of
 * 辰溪县 2020 — nothing here is a stored total.
 */
for (const kind of testDatabases()) {
  describe(`${kind.name}: project metrics over the demo data`, () => {
    let t: TestApp;
    let director: Client;
    let chenxi: number;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
      chenxi = await t.orgIdOf('431223');
    });
    afterAll(() => t.close());

    const figure = async (client: Client, id: string, query: string) => {
      const res = await client.get(`/api/v1/metrics/${id}?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Figure>();
    };
    const chenxi2020 = (id: string, extra = '') => figure(director, id, `year=2020${extra}`);

    it('P1–P7: 17 upward applications, 7 provincial approvals for 105万, 2 city approvals for 103万', async () => {
      expect((await chenxi2020('projects.upward.recommended.count')).value).toBe(17);
      expect((await chenxi2020('projects.upward.approved.count', '&level=province')).value).toBe(7);
      expect((await chenxi2020('projects.upward.approved.amount', '&level=province')).value).toBe(105 * WAN);
      expect((await chenxi2020('projects.upward.approved.count', '&level=city')).value).toBe(2);
      expect((await chenxi2020('projects.upward.approved.amount', '&level=city')).value).toBe(103 * WAN);
      const total = await chenxi2020('projects.upward.approved.amount');
      expect(total).toMatchObject({ value: 208 * WAN, money: true });
    });

    it('P8–P10: 24 county plan projects worth 100万, by category 2 + 3 + 19', async () => {
      expect((await chenxi2020('projects.county.approved.count')).value).toBe(24);
      expect((await chenxi2020('projects.county.approved.amount')).value).toBe(100 * WAN);
      const byCategory = await Promise.all(
        ['industry', 'social_dev', 'agri_extension'].map(
          async (c) => (await chenxi2020('projects.county.approved.count', `&category=${c}`)).value,
        ),
      );
      expect(byCategory).toEqual([2, 3, 19]);
    });

    it('P15/P16: 12 projects implemented of 12 due, 100%', async () => {
      expect((await chenxi2020('projects.implemented.count')).value).toBe(12);
      expect(await chenxi2020('projects.implementation.rate')).toMatchObject({
        value: 100,
        parts: { numerator: 12, denominator: 12 },
      });
    });

    it('P13/P14: 24 projects added to the library in 2020, 110 in stock at its end (86 a year before)', async () => {
      expect((await chenxi2020('reserve.added.count')).value).toBe(24);
      expect((await chenxi2020('reserve.stock.count')).value).toBe(110);
      expect((await figure(director, 'reserve.stock.count', 'year=2019')).value).toBe(86);
    });

    it('验收一次通过率: 3 of the 4 projects accepted in 2020 passed at the first attempt', async () => {
      expect(await chenxi2020('projects.acceptance.rate')).toMatchObject({
        value: 75,
        parts: { numerator: 3, denominator: 4 },
      });
      expect((await chenxi2020('projects.accepted.count')).value).toBe(4);
    });

    it('other years count their own records only', async () => {
      expect((await figure(director, 'projects.upward.recommended.count', 'year=2019')).value).toBe(3);
      expect((await figure(director, 'projects.closed.count', 'year=2020')).value).toBe(4);
      expect((await figure(director, 'projects.county.approved.count', 'year=2021')).value).toBe(0);
    });

    it('rolls the counties up for the city and hides other counties from a county', async () => {
      const city = await t.as('hh_admin');
      const cityFigure = await figure(city, 'projects.county.approved.count', 'year=2020');
      // 辰溪县 24 plus four each in 麻阳 and 鹤城.
      expect(cityFigure.value).toBe(32);
      const narrowed = await figure(city, 'projects.county.approved.count', `year=2020&orgId=${chenxi}`);
      expect(narrowed.value).toBe(24);
      const mayang = await t.as('my_director');
      expect(
        (await figure(mayang, 'projects.county.approved.count', `year=2020&orgId=${chenxi}`)).value,
      ).toBe(0);
    });

    it('refuses unknown metrics, parameters and periods with problem+json', async () => {
      expect((await director.get('/api/v1/metrics/projects.nope?year=2020')).statusCode).toBe(404);
      expect(
        (await director.get('/api/v1/metrics/projects.county.approved.count?year=2020&level=x')).statusCode,
      ).toBe(400);
      expect((await director.get('/api/v1/metrics/projects.county.approved.count')).statusCode).toBe(400);
      const catalogue = (await director.get('/api/v1/metrics')).json<{ items: { id: string }[] }>();
      expect(catalogue.items.map((m) => m.id)).toContain('projects.implementation.rate');
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/seed.js';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { isWithin } from './scope-oracle.js';

/** One metric over each kind of record: projects, enterprises, the library, manual figures. */
const METRICS = [
  'projects.county.approved.count',
  'enterprises.count',
  'reserve.stock.count',
  'ip.applications.count',
];
const COUNTIES = ['431223', '431226']; // 辰溪县, 麻阳苗族自治县

/** Accounts above a county whose scope reaches all its records: the province, and the city above it. */
const above = (division: string, county: string) =>
  division !== county && (division === '430000' || isWithin(county, division));

/**
 * Figures are the other way records leave a bureau (DESIGN §6): the matrix of every demo account ×
 * two counties over metrics, the KPI board and the annual report. An account that cannot reach a
 * county's records gets nothing of them: zeros, an empty board, no report.
 */
for (const kind of testDatabases()) {
  describe(`${kind.name}: figures obey the data scope`, () => {
    let t: TestApp;
    const truth = new Map<string, number | null>();
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      const admin = await t.as('admin');
      for (const county of COUNTIES) {
        const orgId = await t.orgIdOf(county);
        for (const metric of METRICS) {
          const res = await admin.get(`/api/v1/metrics/${metric}?orgId=${orgId}&year=2020`);
          truth.set(`${county}:${metric}`, res.json().value);
        }
      }
    });
    afterAll(() => t.close());

    it('has records in both counties to leak', () => {
      for (const county of COUNTIES)
        expect(
          METRICS.filter((m) => (truth.get(`${county}:${m}`) ?? 0) > 0),
          county,
        ).not.toHaveLength(0);
    });

    for (const account of DEMO_ACCOUNTS)
      it(`${account.username} (${account.role}) sees another county's figures only within its scope`, async () => {
        const client = await t.as(account.username);
        for (const county of COUNTIES) {
          const orgId = await t.orgIdOf(county);
          const inside = above(account.division, county);
          // In its own county a section sees its section's records: part of the county's figure.
          const own = account.division === county;
          for (const metric of METRICS) {
            const res = await client.get(`/api/v1/metrics/${metric}?orgId=${orgId}&year=2020`);
            if (res.statusCode === 403) continue; // no read permission on the metric's records at all
            expect(res.statusCode, `${metric} ${county}`).toBe(200);
            const value = res.json().value ?? 0;
            const all = truth.get(`${county}:${metric}`) ?? 0;
            if (inside) expect(value, `${metric} ${county}`).toBe(all);
            else if (own) expect(value, `${metric} ${county}`).toBeLessThanOrEqual(all);
            else expect(value, `${metric} ${county}`).toBe(0);
          }
          const board = await client.get(`/api/v1/kpi?orgId=${orgId}&year=2020`);
          if (board.statusCode === 200 && !inside && !own)
            expect(board.json().lines, `KPI ${county}`).toEqual([]);
          else expect([200, 403, 404], `KPI ${county}`).toContain(board.statusCode);
          const report = await client.get(`/api/v1/reports/annual?orgId=${orgId}&year=2020`);
          if (!inside && !own) expect([403, 404], `report ${county}`).toContain(report.statusCode);
        }
      });
  });
}

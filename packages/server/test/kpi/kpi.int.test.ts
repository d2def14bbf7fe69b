import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

interface Line {
  target: { id: number; name: string; source: string; orgId: number; version: number };
  actual: { value: number | null; qualifier: string; manual: boolean; asOf: string };
  lastYear: number | null;
  assessment: { status: string; ratio: number | null; early: boolean; reasonMissing: boolean };
  atRisk: boolean;
  assignments: {
    orgId: number;
    orgName: string;
    actual: { value: number | null };
    assessment: { status: string };
  }[];
}
interface Board {
  asOf: string;
  lines: Line[];
  warnings: { targetId: number; code: string }[];
}

/** The KPI board over the demo records (DOMAIN §3.10, §4.1 P7, G1, G2) and the rules behind it. */
for (const kind of testDatabases()) {
  describe(`${kind.name}: targets and the KPI board`, () => {
    let t: TestApp;
    let director: Client;
    let chenxi: number;
    let city: number;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
      chenxi = await t.orgIdOf('431223');
      city = await t.orgIdOf('431200');
    });
    afterAll(() => t.close());

    const board = async (client: Client, query: string) => {
      const res = await client.get(`/api/v1/kpi?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Board>();
    };
    const line = (b: Board, name: string, source?: string) => {
      const found = b.lines.find((l) => l.target.name === name && (!source || l.target.source === source));
      expect(found, name).toBeDefined();
      return found!;
    };

    it('P7: 争资跑项 208万 of a 90万 target is 231.11 %, 超额完成', async () => {
      const b = await board(director, 'year=2020');
      const fundraising = line(b, '争取上级科技项目资金', 'fundraising');
      expect(fundraising.actual).toMatchObject({ value: 208, manual: false });
      expect(fundraising.assessment).toMatchObject({ status: 'exceeded', ratio: 231.11 });
      expect(b.asOf).toBe('2020-12-31');
    });

    it('G1: the manual R&D figure of November meets 1亿 early; G2 is 无法完成 with its reason', async () => {
      const b = await board(director, 'year=2020');
      const rd = line(b, '科研经费投入');
      expect(rd.actual).toMatchObject({ value: 10000, manual: true, asOf: '2020-11-30' });
      expect(rd.assessment).toMatchObject({ status: 'completed', ratio: 100, early: true });
      const grants = line(b, '新增发明专利授权');
      expect(grants.assessment).toMatchObject({ status: 'failed', reasonMissing: false });
    });

    it('a cut-off date measures up to that day', async () => {
      const b = await board(director, 'year=2020&asOf=2020-06-30');
      expect(b.asOf).toBe('2020-06-30');
      const fundraising = line(b, '争取上级科技项目资金', 'fundraising');
      expect(fundraising.actual.value).toBeLessThan(208);
      expect(fundraising.assessment.status).toBe(fundraising.actual.value! > 90 ? 'exceeded' : 'in_progress');
      // The November R&D statement is not yet known at the end of June.
      expect(line(b, '科研经费投入').actual.value).toBeNull();
      const outside = await director.get('/api/v1/kpi?year=2020&asOf=2021-01-01');
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors[0]).toMatchObject({ path: 'asOf', code: 'OUT_OF_PERIOD' });
    });

    it('R-T3: the city target assigned to three counties shows the sum of their actuals', async () => {
      const admin = await t.as('hh_admin');
      const b = await board(admin, `year=2020&orgId=${city}`);
      const plan = line(b, '县级科技计划项目立项');
      expect(plan.assignments).toHaveLength(3);
      const sum = plan.assignments.reduce((s, a) => s + (a.actual.value ?? 0), 0);
      expect(plan.actual.value).toBe(sum);
      const own = plan.assignments.find((a) => a.orgId === chenxi)!;
      expect(own.actual.value).toBe(24);
      expect(own.assessment.status).toBe('exceeded'); // 24 of 20
      // Each county's figure is its metric over its own records.
      const metric = await admin.get(
        `/api/v1/metrics/projects.county.approved.count?year=2020&orgId=${chenxi}`,
      );
      expect(metric.json().value).toBe(24);
    });

    it('a county sees its copy of the city target, never the city board or another county', async () => {
      const b = await board(director, 'year=2020');
      const copy = line(b, '县级科技计划项目立项', 'perf_assessment');
      expect(copy.actual.value).toBe(24);
      const cityBoard = await board(director, `year=2020&orgId=${city}`);
      expect(cityBoard.lines).toEqual([]);
      const mayang = await t.as('my_director');
      expect((await board(mayang, `year=2020&orgId=${chenxi}`)).lines).toEqual([]);
    });

    it('the city assigns a target to its counties and changes a share; only bureaus directly below', async () => {
      const admin = await t.as('hh_admin');
      const created = await admin.post('/api/v1/targets', {
        year: 2021,
        name: '争取上级科技项目资金（全市）',
        source: 'perf_assessment',
        kind: 'absolute',
        direction: 'higher_better',
        metricId: 'projects.upward.approved.amount',
        targetValue: { value: 500, qualifier: 'exact' },
        dueDate: '2021-12-31',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const mayang = await t.orgIdOf('431226');
      const assign = (assignments: unknown) => admin.post(`/api/v1/targets/${id}/assign`, { assignments });
      const first = await assign([
        { orgId: chenxi, targetValue: { value: 100, qualifier: 'exact' } },
        { orgId: mayang, targetValue: { value: 60, qualifier: 'exact' } },
      ]);
      expect(first.statusCode, first.body).toBe(200);
      const again = await assign([{ orgId: chenxi, targetValue: { value: 120, qualifier: 'exact' } }]);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().items[0]).toMatchObject({
        assignedFromTargetId: id,
        targetValue: { value: 120 },
        version: 2,
      });
      const b = await board(admin, `year=2021&orgId=${city}`);
      expect(
        line(b, '争取上级科技项目资金（全市）')
          .assignments.map((a) => a.orgId)
          .sort(),
      ).toEqual([chenxi, mayang].sort());
      const notBelow = await assign([{ orgId: city, targetValue: null }]);
      expect(notBelow.statusCode).toBe(400);
      expect(notBelow.json().errors[0]).toMatchObject({ path: 'assignments.0.orgId', code: 'NOT_BELOW' });
      // A county cannot assign the city's target: for it, the target does not exist.
      const byCounty = await director.post(`/api/v1/targets/${id}/assign`, {
        assignments: [{ orgId: chenxi, targetValue: null }],
      });
      expect(byCounty.statusCode).toBe(404);
    });

    it('无法完成 needs a reason; measured targets need a metric and a goal above 0', async () => {
      const base = {
        year: 2021,
        name: '测试指标',
        source: 'other',
        kind: 'absolute',
        direction: 'higher_better',
        metricId: 'ip.applications.count',
        targetValue: { value: 10, qualifier: 'exact' },
      };
      const errorsOf = async (body: object) => {
        const res = await director.post('/api/v1/targets', body);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        return res.json().errors as { path: string; code: string; message: string }[];
      };
      expect(await errorsOf({ ...base, declaredImpossible: true })).toEqual([
        expect.objectContaining({
          path: 'reason',
          code: 'REASON_REQUIRED',
          message: expect.stringContaining('原因'),
        }),
      ]);
      expect((await errorsOf({ ...base, metricId: null }))[0]).toMatchObject({
        path: 'metricId',
        code: 'METRIC_REQUIRED',
      });
      expect((await errorsOf({ ...base, targetValue: { value: 0, qualifier: 'exact' } }))[0]).toMatchObject({
        path: 'targetValue',
        code: 'TARGET_NOT_POSITIVE',
      });
      // 未下达: no value yet is a valid target.
      const open = await director.post('/api/v1/targets', { ...base, targetValue: null });
      expect(open.statusCode, open.body).toBe(201);
      const b = await board(director, 'year=2021');
      expect(line(b, '测试指标').assessment.status).toBe('not_assigned');
    });

    it('手工填报: the latest statement of each bureau is the figure, with its qualifier and evidence', async () => {
      const staff = await t.as('my_staff');
      const enter = async (asOf: string, value: number, qualifier = 'exact') => {
        const res = await staff.post('/api/v1/metric-entries', {
          metricId: 'events.consultations.count',
          asOf,
          value: { value, qualifier },
          evidence: '科普活动签到表',
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      await enter('2020-06-30', 800);
      await enter('2020-12-31', 1500, 'duo');
      const mayang = await t.orgIdOf('431226');
      const own = await staff.get(`/api/v1/metrics/events.consultations.count?year=2020&orgId=${mayang}`);
      expect(own.json()).toMatchObject({
        value: 1500,
        manual: { qualifier: 'duo', asOf: '2020-12-31', entries: 1 },
      });
      const halfYear = await staff.get(
        `/api/v1/metrics/events.consultations.count?from=2020-01-01&to=2020-09-30&orgId=${mayang}`,
      );
      expect(halfYear.json().value).toBe(800);
      // The city sums its counties' latest statements; 多 + 余 carries a qualifier (R-Q3).
      const admin = await t.as('hh_admin');
      const total = await admin.get(`/api/v1/metrics/events.consultations.count?year=2020&orgId=${city}`);
      expect(total.json()).toMatchObject({ value: 5100, manual: { entries: 2 } });
      expect(total.json().manual.qualifier).not.toBe('exact');
      const noEvidence = await staff.post('/api/v1/metric-entries', {
        metricId: 'events.count',
        asOf: '2020-12-31',
        value: { value: 3, qualifier: 'exact' },
      });
      expect(noEvidence.statusCode).toBe(400);
      expect(noEvidence.json().errors[0]).toMatchObject({ path: 'evidence' });
    });
  });
}

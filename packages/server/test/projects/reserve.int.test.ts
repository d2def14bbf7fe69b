import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, reserveItem } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { makeXlsx, multipart, readXlsx } from '../support/xlsx.js';

interface Row {
  id: number;
  version: number;
  status: string;
  [key: string]: unknown;
}
interface Problem {
  code: string;
  errors: { path: string; code: string; message: string }[];
  detail: string;
}
interface Job {
  result: {
    created: number;
    errors: { row: number; code: string; message: string }[];
    warnings: { row: number; code: string; message: string }[];
  } | null;
}

const survey = {
  name: '2020年全县科技项目摸底调研',
  year: 2020,
  startDate: '2020-05-06',
  endDate: '2020-06-12',
  unitsVisited: { value: 30, qualifier: 'duo' },
};

for (const kind of testDatabases()) {
  describe(`${kind.name}: reserve surveys and the library's way into applications`, () => {
    let t: TestApp;
    let staff: Client;
    let chief: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
      chief = await t.as('cx_chief');
    });
    afterAll(() => t.close());

    async function act(client: Client, plural: string, id: number, action: string, input: object) {
      const current = (await client.get(`/api/v1/${plural}/${id}`)).json<Row>();
      return client.post(`/api/v1/${plural}/${id}/actions/${action}`, { version: current.version, ...input });
    }
    async function create(client: Client, plural: string, body: object): Promise<Row> {
      const res = await client.post(`/api/v1/${plural}`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Row>();
    }

    it('keeps a survey figure with its qualifier and writes it back as staff wrote it', async () => {
      const created = await create(staff, 'reserve-surveys', { ...survey, name: `${survey.name}（一）` });
      expect(created.unitsVisited).toEqual({ value: 30, qualifier: 'duo' });
      const exported = await staff.get(
        `/api/v1/reserve-surveys/export.xlsx?q=${encodeURIComponent('（一）')}`,
      );
      const cells = (await readXlsx(exported.rawPayload)).flat().map(String);
      expect(cells).toContain('30多个');
    });

    it('refuses a bad figure naming the field, and dates out of order', async () => {
      const cases: [object, string, RegExp][] = [
        [{ unitsVisited: { value: 30, qualifier: 'lots' } }, 'unitsVisited.qualifier', /走访单位.*多/],
        [{ unitsVisited: { value: 1.23456, qualifier: 'exact' } }, 'unitsVisited.value', /走访单位.*4位小数/],
        [{ unitsVisited: { value: -1, qualifier: 'exact' } }, 'unitsVisited.value', /走访单位/],
        [{ endDate: '2020-05-01' }, 'endDate', /结束日期不能早于开始日期/],
      ];
      for (const [change, path, message] of cases) {
        const res = await staff.post('/api/v1/reserve-surveys', { ...survey, ...change });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json<Problem>().errors).toEqual([
          expect.objectContaining({ path, message: expect.stringMatching(message) }),
        ]);
      }
    });

    it('imports figures as legacy lists write them, warning on a double qualifier and naming bad rows', async () => {
      const template = await staff.get('/api/v1/reserve-surveys/template.xlsx');
      const headers = (await readXlsx(template.rawPayload))[0]!.map(String);
      expect(headers).toContain('走访单位（个）');
      const row = (name: string, units: string) =>
        headers.map((h) =>
          h.includes('调研名称')
            ? name
            : h.includes('年度')
              ? 2020
              : h.includes('开始日期')
                ? '2020-05-06'
                : h.includes('走访单位')
                  ? units
                  : '',
        );
      const upload = async (rows: (string | number)[][]) => {
        const res = await staff.request({
          method: 'POST',
          url: '/api/v1/reserve-surveys/import',
          ...multipart('调研台账.xlsx', await makeXlsx([headers, ...rows])),
        });
        expect(res.statusCode, res.body).toBe(202);
        await t.jobs.idle();
        return (await staff.get(`/api/v1/jobs/${res.json().jobId}`)).json<Job>().result!;
      };

      const bad = await upload([
        row('导入调研甲', '30多'),
        row('导入调研乙', '三十'),
        row('导入调研丙', '30人'),
      ]);
      expect(bad.created).toBe(0);
      expect(bad.errors).toEqual([
        expect.objectContaining({
          row: 3,
          code: 'BAD_QUANTITY',
          message: expect.stringContaining('走访单位'),
        }),
        expect.objectContaining({ row: 4, code: 'BAD_UNIT', message: expect.stringContaining('个') }),
      ]);

      const good = await upload([row('导入调研甲', '30多'), row('导入调研丁', '约100余个')]);
      expect(good.created, JSON.stringify(good)).toBe(2);
      expect(good.warnings).toEqual([expect.objectContaining({ row: 3, code: 'DOUBLE_QUALIFIER' })]);
      const found = (
        await staff.get(`/api/v1/reserve-surveys?q=${encodeURIComponent('导入调研')}&sort=name`)
      ).json<{
        items: Row[];
      }>().items;
      expect(found.map((s) => [s.name, s.unitsVisited])).toEqual([
        ['导入调研丁', { value: 100, qualifier: 'yu' }],
        ['导入调研甲', { value: 30, qualifier: 'duo' }],
      ]);
    });

    /** A province-level application of 辰溪县, recommended upward: the upper decision approves it. */
    async function recommendedApplication(name: string): Promise<Row> {
      const created = await create(staff, 'projects', {
        ...project.sample,
        name,
        level: 'province',
        year: 2021,
      });
      expect((await act(staff, 'projects', created.id, 'submit', {})).statusCode).toBe(200);
      const recommended = await act(chief, 'projects', created.id, 'recommend', { date: '2021-03-10' });
      expect(recommended.statusCode, recommended.body).toBe(200);
      return recommended.json<Row>();
    }

    async function libraryItem(name: string): Promise<Row> {
      const item = await create(staff, 'reserve-items', { ...reserveItem.sample, name });
      const admitted = await act(chief, 'reserve-items', item.id, 'admit', { date: '2020-07-01' });
      expect(admitted.statusCode, admitted.body).toBe(200);
      return admitted.json<Row>();
    }

    it('promotes a library item into an application, and the approval takes it out of the library', async () => {
      const application = await recommendedApplication('辰溪县储备转申报测试项目');
      const item = await libraryItem('储备转申报测试');
      const promoted = await act(staff, 'reserve-items', item.id, 'promote', {
        projectId: application.id,
        date: '2021-03-08',
      });
      expect(promoted.statusCode, promoted.body).toBe(200);
      expect(promoted.json<Row>()).toMatchObject({ status: 'promoted', projectId: application.id });

      const other = await libraryItem('储备重复转申报测试');
      const twice = await act(staff, 'reserve-items', other.id, 'promote', {
        projectId: application.id,
        date: '2021-03-08',
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json<Problem>().detail).toContain('已关联其他储备项目');

      const decided = await act(staff, 'projects', application.id, 'recordUpperDecision', {
        decision: 'approved',
        date: '2021-06-18',
        docNo: '湘科计〔2021〕18号',
        amount: 200_000_00,
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const after = (await staff.get(`/api/v1/reserve-items/${item.id}`)).json<Row>();
      expect(after).toMatchObject({ status: 'exited', exitedAt: '2021-06-18' });
      const timeline = (await staff.get(`/api/v1/reserve-items/${item.id}/timeline`)).json<{
        items: { action: string | null }[];
      }>();
      expect(timeline.items.map((e) => e.action)).toEqual(expect.arrayContaining(['promote', 'retire']));
    });

    it('promotes only into an application of its own bureau', async () => {
      const item = await libraryItem('储备跨县转申报测试');
      const chenxi = await t.orgIdOf('431223');
      const cityView = (await (await t.as('hh_staff')).get('/api/v1/projects?limit=100')).json<{
        items: Row[];
      }>();
      const elsewhere = cityView.items.find((p) => p.orgId !== chenxi)!;
      const res = await act(staff, 'reserve-items', item.id, 'promote', {
        projectId: elsewhere.id,
        date: '2021-03-08',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().detail).toContain('不属于本单位');
    });

    it('never offers the approval-driven exit as a route', async () => {
      const item = await libraryItem('储备系统出库测试');
      const res = await act(chief, 'reserve-items', item.id, 'retire', { date: '2021-03-08' });
      expect(res.statusCode).toBe(404);
    });
  });
}

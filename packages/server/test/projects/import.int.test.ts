import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { makeXlsx, multipart, readXlsx } from '../support/xlsx.js';

interface Job {
  status: string;
  result: { created: number; errors: { row: number; column: string; message: string }[] } | null;
}

/** A legacy list typed into the downloaded template: its own header row, then `rows` by header. */
async function fromTemplate(client: Client, plural: string, rows: Record<string, string | number>[]) {
  const template = await client.get(`/api/v1/${plural}/template.xlsx`);
  expect(template.statusCode).toBe(200);
  const headers = (await readXlsx(template.rawPayload))[0]!.map(String);
  const bare = (h: string) => h.replace(/^\*/, '').replace(/（.*）$/, '');
  return makeXlsx([headers, ...rows.map((row) => headers.map((h) => row[bare(h)] ?? ''))]);
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: legacy lists into projects and the reserve library`, () => {
    let t: TestApp;
    let staff: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
    });
    afterAll(() => t.close());

    async function runImport(plural: string, file: Buffer): Promise<Job> {
      const res = await staff.request({
        method: 'POST',
        url: `/api/v1/${plural}/import`,
        ...multipart('台账.xlsx', file),
      });
      expect(res.statusCode, res.body).toBe(202);
      await t.jobs.idle();
      return (await staff.get(`/api/v1/jobs/${res.json().jobId}`)).json<Job>();
    }

    it('imports a project list as drafts, naming each bad row and applying none of a bad file', async () => {
      const good = {
        项目名称: '辰溪县导入测试柑橘提质项目',
        项目级别: '县级',
        项目类别: '农业推广',
        计划年度: 2021,
        承担单位: '辰溪县导入农业合作社',
        项目负责人: '钱导入',
        申请财政资助: 5,
        自筹资金: 10,
        计划开始日期: '2021-05-01',
        计划结束日期: '2022-06-30',
      };
      const bad = await runImport(
        'projects',
        await fromTemplate(staff, 'projects', [good, { ...good, 项目名称: '坏级别', 项目级别: '乡级' }]),
      );
      expect(bad.result?.created ?? 0).toBe(0);
      expect(bad.result?.errors).toEqual([
        expect.objectContaining({ row: 3, message: expect.stringContaining('项目级别') }),
      ]);
      const clean = await runImport('projects', await fromTemplate(staff, 'projects', [good]));
      expect(clean.result?.created, JSON.stringify(clean.result)).toBe(1);
      const found = (await staff.get(`/api/v1/projects?q=${encodeURIComponent('导入测试柑橘')}`)).json<{
        items: Record<string, unknown>[];
      }>().items;
      expect(found).toEqual([
        expect.objectContaining({
          level: 'county',
          category: 'agri_extension',
          year: 2021,
          status: 'draft',
          fiscalRequestedFen: 5_000_000,
          plannedEnd: '2022-06-30',
        }),
      ]);
    });

    it('imports reserve candidates from a survey list into the library as candidates', async () => {
      const job = await runImport(
        'reserve-items',
        await fromTemplate(staff, 'reserve-items', [
          {
            项目名称: '辰溪县导入测试油茶精深加工',
            提供单位: '辰溪县导入油茶公司',
            所属行业: '林业',
            成熟度: '可研',
            预计投资: 300,
          },
        ]),
      );
      expect(job.result?.created, JSON.stringify(job.result)).toBe(1);
      const found = (await staff.get(`/api/v1/reserve-items?q=${encodeURIComponent('导入测试油茶')}`)).json<{
        items: Record<string, unknown>[];
      }>().items;
      expect(found).toEqual([
        expect.objectContaining({
          industry: 'forestry',
          maturity: 'feasible',
          expectedInvestmentFen: 300_000_000,
        }),
      ]);
    });
  });
}

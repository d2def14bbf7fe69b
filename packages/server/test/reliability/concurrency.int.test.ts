import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc, enterprise, project } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { makeXlsx, multipart } from '../support/xlsx.js';

const CLIENTS = 50;

const countBy = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

for (const kind of testDatabases()) {
  describe(`${kind.name}: writers racing for the same record`, () => {
    let t: TestApp;
    let director: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
    });
    afterAll(() => t.close());

    it(`lets exactly one of ${CLIENTS} updates with the same version through; the rest get 409`, async () => {
      const created = await director.post('/api/v1/enterprises', {
        ...enterprise.sample,
        name: '辰溪县并发更新测试有限公司',
        uscc: composeUscc('91', '431223', 'CC000001'),
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json();
      const replies = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          director.patch(`/api/v1/enterprises/${id}`, { version, address: `并发地址${i}` }),
        ),
      );
      expect(countBy(replies.map((r) => r.statusCode))).toEqual({ 200: 1, 409: CLIENTS - 1 });
      const winner = replies.find((r) => r.statusCode === 200)!.json();
      const stored = (await director.get(`/api/v1/enterprises/${id}`)).json();
      expect(stored).toMatchObject({ version: version + 1, address: winner.address });
      for (const loser of replies.filter((r) => r.statusCode === 409))
        expect(loser.json().code).toBe('CONFLICT_STALE_VERSION');
      const history = (await director.get(`/api/v1/enterprises/${id}/audit`)).json();
      expect(history.items.filter((e: { action: string }) => e.action === 'enterprise.update')).toHaveLength(
        1,
      );
    });

    it(`creates one of ${CLIENTS} enterprises racing with the same credit code; the rest get 409, none a 500`, async () => {
      const uscc = composeUscc('91', '431223', 'CE000001');
      const replies = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          director.post('/api/v1/enterprises', {
            ...enterprise.sample,
            name: `辰溪县并发新建${i}有限公司`,
            uscc,
          }),
        ),
      );
      expect(countBy(replies.map((r) => r.statusCode))).toEqual({ 201: 1, 409: CLIENTS - 1 });
      for (const loser of replies.filter((r) => r.statusCode === 409)) {
        expect(loser.headers['content-type']).toContain('application/problem+json');
        expect(['CONFLICT_DUPLICATE', 'CONFLICT_SAVED_MEANWHILE']).toContain(loser.json().code);
      }
    });

    it('moves a project once when many transitions race from the same state', async () => {
      const created = await director.post('/api/v1/projects', {
        ...project.sample,
        name: '并发流转测试项目',
      });
      expect(created.statusCode, created.body).toBe(201);
      const { id, version } = created.json();
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          i % 2
            ? director.post(`/api/v1/projects/${id}/actions/submit`, { version })
            : director.post(`/api/v1/projects/${id}/actions/withdraw`, { version, reason: '并发撤销' }),
        ),
      );
      const statuses = replies.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
      const winner = replies.find((r) => r.statusCode === 200)!.json();
      const stored = (await director.get(`/api/v1/projects/${id}`)).json();
      expect(stored).toMatchObject({ status: winner.status, version: version + 1 });
    });

    it('applies one of two imports of the same credit codes, never a mixture', async () => {
      // The same 30 codes in both files: whichever import runs second must refuse all of them.
      const rows = Array.from({ length: 30 }, (_, i) => [
        `辰溪县并发导入${i}有限公司`,
        composeUscc('91', '431223', `CD${String(i).padStart(6, '0')}`),
        '有限责任公司',
      ]);
      const file = await makeXlsx([['*企业名称', '*统一社会信用代码', '*企业类型'], ...rows]);
      const started = await Promise.all(
        [0, 1].map(() => {
          const body = multipart('same.xlsx', file);
          return director.request({
            method: 'POST',
            url: '/api/v1/enterprises/import',
            payload: body.payload,
            headers: body.headers,
          });
        }),
      );
      await t.jobs.idle();
      const jobs = await Promise.all(
        started.map(async (r) => (await director.get(`/api/v1/jobs/${r.json().jobId}`)).json()),
      );
      const created = jobs.map((j) => (j.result?.created as number | undefined) ?? 0).sort();
      expect(created).toEqual([0, 30]);
      const list = await director.get(
        `/api/v1/enterprises?q=${encodeURIComponent('并发导入')}&count=true&limit=1`,
      );
      expect(list.json().total).toBe(30);
    });
  });
}

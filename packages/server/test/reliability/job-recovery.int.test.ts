import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '@kjj/domain';
import { MAX_JOB_ATTEMPTS } from '../../src/jobs/runner.js';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { makeXlsx, multipart } from '../support/xlsx.js';

const HEADER = ['*企业名称', '*统一社会信用代码', '*企业类型'];

const sheet = (tag: string, serial: number) =>
  makeXlsx([
    HEADER,
    ...[0, 1, 2].map((i) => [
      `辰溪县${tag}${i}有限公司`,
      composeUscc('91', '431223', `JR${String(serial * 10 + i).padStart(6, '0')}`),
      '有限责任公司',
    ]),
  ]);

for (const kind of testDatabases()) {
  describe(`${kind.name}: import jobs a crash cut short`, () => {
    let t: TestApp;
    let staff: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
    });
    afterAll(() => t.close());

    /** A job row as a crash leaves it: started (`attempts` times), never finished. */
    async function interruptedJob(tag: string, serial: number, attempts: number): Promise<number> {
      const upload = multipart('a.xlsx', await sheet(`${tag}模板`, serial));
      const accepted = await staff.request({
        method: 'POST',
        url: '/api/v1/enterprises/import',
        payload: upload.payload,
        headers: upload.headers,
      });
      await t.jobs.idle();
      const template = await t.db.db
        .selectFrom('job')
        .selectAll()
        .where('id', '=', accepted.json().jobId)
        .executeTakeFirstOrThrow();
      const { id: _id, ...row } = template;
      const inserted = await t.db.db
        .insertInto('job')
        .values({
          ...row,
          status: 'running',
          attempts,
          finishedAt: null,
          result: null,
          file: await sheet(tag, serial + 1),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(inserted.id);
    }

    const companies = async (tag: string) =>
      (await staff.get(`/api/v1/enterprises?q=${encodeURIComponent(tag)}&count=true&limit=1`)).json().total;

    it('runs an interrupted import again after a restart, and it applies once', async () => {
      const id = await interruptedJob('重启续导', 1, 1);
      expect(await companies('重启续导0')).toBe(0);
      await t.jobs.recover();
      await t.jobs.idle();
      const job = (await staff.get(`/api/v1/jobs/${id}`)).json();
      expect(job).toMatchObject({ status: 'succeeded', result: { status: 'applied', created: 3 } });
      expect(await companies('重启续导')).toBe(6); // three from the template run, three from the resumed one
      await t.jobs.recover(); // a second restart finds nothing left to do
      await t.jobs.idle();
      expect(await companies('重启续导')).toBe(6);
    });

    it(`fails a job honestly once crashes have cut it short ${MAX_JOB_ATTEMPTS} times`, async () => {
      const id = await interruptedJob('屡次中断', 3, MAX_JOB_ATTEMPTS);
      await t.jobs.recover();
      await t.jobs.idle();
      const job = (await staff.get(`/api/v1/jobs/${id}`)).json();
      expect(job).toMatchObject({ status: 'failed', result: { error: 'interrupted' } });
      expect(await companies('屡次中断0')).toBe(0);
    });
  });
}

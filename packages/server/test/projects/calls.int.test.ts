import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, project } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

interface CallRow {
  id: number;
  title: string;
  level: string;
  version: number;
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: calls for proposals (申报通知) are shared down the tree`, () => {
    let t: TestApp;
    let staff: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
    });
    afterAll(() => t.close());

    const titles = async (client: Client) =>
      (await client.get('/api/v1/calls?limit=100')).json<{ items: CallRow[] }>().items.map((c) => c.title);

    it('shows a county its own calls and those of its city and province, never another county’s', async () => {
      const seen = await titles(staff);
      expect(seen).toContain('关于组织申报2020年度湖南省重点研发计划项目的通知');
      expect(seen).toContain('关于申报2020年度怀化市科技计划项目的通知');
      expect(seen).toContain('关于组织申报2020年度辰溪县科技计划项目的通知');
      expect(seen.some((title) => title.includes('麻阳'))).toBe(false);
      const mayang = await titles(await t.as('my_staff'));
      expect(mayang).toContain('关于组织申报2020年度湖南省重点研发计划项目的通知');
      expect(mayang.some((title) => title.includes('辰溪'))).toBe(false);
    });

    it('lets the county read a call from above but never change or delete it', async () => {
      const list = (await staff.get('/api/v1/calls?level=province')).json<{ items: CallRow[] }>().items;
      const provincial = list[0]!;
      expect((await staff.get(`/api/v1/calls/${provincial.id}`)).statusCode).toBe(200);
      const director = await t.as('cx_director');
      const edit = await director.patch(`/api/v1/calls/${provincial.id}`, {
        version: provincial.version,
        title: '改',
      });
      expect(edit.statusCode).toBe(404);
      const remove = await director.delete(`/api/v1/calls/${provincial.id}?version=${provincial.version}`);
      expect(remove.statusCode).toBe(404);
    });

    it('links a county project to a call from above', async () => {
      const provincial = (await staff.get('/api/v1/calls?level=province')).json<{ items: CallRow[] }>()
        .items[0]!;
      const res = await staff.post('/api/v1/projects', {
        ...project.sample,
        level: 'province',
        name: '响应省级通知的项目',
        callId: provincial.id,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().callId).toBe(provincial.id);
    });

    it('refuses a deadline before the publishing date, naming the field', async () => {
      const res = await staff.post('/api/v1/calls', {
        ...call.sample,
        publishDate: '2020-03-01',
        deadline: '2020-02-01',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'deadline', code: 'DEADLINE_BEFORE_PUBLISHING' });
      expect(res.json().errors[0].message).toContain('申报截止日期');
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project, PROJECT_CATEGORIES, type DictEntry } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { readXlsx } from '../support/xlsx.js';

interface DictList {
  dict: string;
  entries: DictEntry[];
}
interface Problem {
  code: string;
  errors: { path: string; code: string; message: string }[];
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: managed lists (项目类别)`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      admin = await t.as('admin');
      staff = await t.as('cx_staff');
    });
    afterAll(() => t.close());

    const categories = async (): Promise<DictEntry[]> =>
      (await staff.get('/api/v1/dicts'))
        .json<{ items: DictList[] }>()
        .items.find((d) => d.dict === 'projectCategory')!.entries;
    const entryNamed = async (zh: string) => (await categories()).find((e) => e.label.zh === zh)!;
    const newProject = (name: string, category: string) =>
      staff.post('/api/v1/projects', { ...project.sample, name, category });

    it('starts every installation with the seed entries, in order', async () => {
      expect((await categories()).map((e) => [e.code, e.label.zh, e.active])).toEqual(
        PROJECT_CATEGORIES.codes.map((code) => [code, PROJECT_CATEGORIES.labels[code].zh, true]),
      );
    });

    it('lets the system administrator add an entry that records, filters and templates then use', async () => {
      const added = await admin.post('/api/v1/dicts/projectCategory/entries', {
        labelZh: '重点研发',
        labelEn: 'Key R&D',
      });
      expect(added.statusCode, added.body).toBe(201);
      const { code } = added.json<{ code: string }>();
      expect((await categories()).at(-1)).toMatchObject({ code, label: { zh: '重点研发', en: 'Key R&D' } });

      const created = await newProject('辰溪县字典新类别测试项目', code);
      expect(created.statusCode, created.body).toBe(201);
      const listed = (await staff.get(`/api/v1/projects?category=${code}`)).json<{
        items: { id: number }[];
      }>();
      expect(listed.items.map((p) => p.id)).toEqual([created.json<{ id: number }>().id]);
      const template = await staff.get('/api/v1/projects/template.xlsx');
      expect((await readXlsx(template.rawPayload, 'options')).flat()).toContain('重点研发');

      const audit = (await admin.get('/api/v1/audit?action=dict.create')).json<{
        items: { entityId: number }[];
      }>();
      expect(audit.items.length).toBeGreaterThan(0);
    });

    it('refuses a second entry with the same name, and anyone but the administrator', async () => {
      const again = await admin.post('/api/v1/dicts/projectCategory/entries', { labelZh: '工业' });
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>().code).toBe('CONFLICT_DUPLICATE');
      const byStaff = await staff.post('/api/v1/dicts/projectCategory/entries', { labelZh: '员工新增' });
      expect(byStaff.statusCode).toBe(403);
      const unknown = await admin.post('/api/v1/dicts/noSuchList/entries', { labelZh: '无' });
      expect(unknown.statusCode).toBe(404);
    });

    it('names the field when a record is given a code that is no entry', async () => {
      const res = await newProject('辰溪县字典无效类别测试项目', 'no_such_category');
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual([
        expect.objectContaining({
          path: 'category',
          code: 'INVALID_VALUE',
          message: expect.stringMatching(/^项目类别.*农业推广/),
        }),
      ]);
    });

    it('retires an entry: new records cannot take it, records that have it keep it', async () => {
      const kept = await newProject('辰溪县字典停用前立项测试项目', 'soft_science');
      expect(kept.statusCode, kept.body).toBe(201);
      const softScience = await entryNamed('软科学');
      const retired = await admin.patch(`/api/v1/dicts/projectCategory/entries/${softScience.id}`, {
        version: softScience.version,
        active: false,
      });
      expect(retired.statusCode, retired.body).toBe(200);

      const refused = await newProject('辰溪县字典停用后测试项目', 'soft_science');
      expect(refused.statusCode).toBe(400);
      expect(refused.json<Problem>().errors[0]).toMatchObject({
        path: 'category',
        code: 'DICT_ENTRY_RETIRED',
      });

      const row = kept.json<{ id: number; version: number }>();
      const edited = await staff.patch(`/api/v1/projects/${row.id}`, {
        version: row.version,
        leaderName: '李四',
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<{ category: string }>().category).toBe('soft_science');

      const stale = await admin.patch(`/api/v1/dicts/projectCategory/entries/${softScience.id}`, {
        version: softScience.version,
        active: true,
      });
      expect(stale.statusCode).toBe(409);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { validUscc } from '../support/values.js';

for (const kind of testDatabases()) {
  describe(`${kind.name}: administration within scope`, () => {
    let t: TestApp;
    const orgId = (division: string) => t.orgIdOf(division);
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
    });
    afterAll(() => t.close());

    it('shows each user the org tree they reach: a county its sections, a city its counties', async () => {
      const county = (await (await t.as('cx_staff')).get('/api/v1/orgs')).json().items;
      expect(county.every((o: { path: string }) => o.path.startsWith('/430000/431200/431223/'))).toBe(true);
      expect(county.filter((o: { kind: string }) => o.kind === 'section').length).toBe(7);
      const city = (await (await t.as('hh_admin')).get('/api/v1/orgs')).json().items;
      expect(city.filter((o: { kind: string }) => o.kind === 'county_bureau').length).toBe(12);
      expect(city.some((o: { divisionCode: string }) => o.divisionCode === '430000')).toBe(false);
    });

    it('lets a city administrator manage users of its counties, never above or beside', async () => {
      const admin = await t.as('hh_admin');
      const users = (await admin.get('/api/v1/users?limit=200'))
        .json()
        .items.map((u: { username: string }) => u.username);
      expect(users).toEqual(expect.arrayContaining(['cx_staff', 'my_staff', 'hh_admin']));
      expect(users).not.toContain('admin');
      const province = await orgId('430000');
      const above = await admin.post('/api/v1/users', {
        username: 'above_me',
        name: '越权用户',
        orgId: province,
        password: 'Kj-2026-strong',
        roleIds: [],
      });
      expect(above.statusCode).toBe(400);
      expect(above.json().errors[0].path).toBe('orgId');
      const adminUser = (await (await t.as('admin')).get('/api/v1/users?q=admin'))
        .json()
        .items.find((u: { username: string }) => u.username === 'admin');
      expect((await admin.get(`/api/v1/users/${adminUser.id}`)).statusCode).toBe(404);
    });

    it('refuses to grant a role wider than the granter holds', async () => {
      const admin = await t.as('hh_admin');
      const roles = (await admin.get('/api/v1/roles')).json().items as { id: number; code: string }[];
      const sysAdmin = roles.find((r) => r.code === 'sys_admin')!;
      const staff = roles.find((r) => r.code === 'section_staff')!;
      const chenxi = await orgId('431223');
      const escalate = await admin.post('/api/v1/users', {
        username: 'sneaky',
        name: '越权用户',
        orgId: chenxi,
        password: 'Kj-2026-strong',
        roleIds: [sysAdmin.id],
      });
      expect(escalate.statusCode).toBe(400);
      expect(escalate.json().errors[0].path).toBe('roleIds');
      const fine = await admin.post('/api/v1/users', {
        username: 'cx_new_staff',
        name: '新科员',
        orgId: chenxi,
        password: 'Kj-2026-strong',
        roleIds: [staff.id],
      });
      expect(fine.statusCode).toBe(201);
      expect(fine.json().roleIds).toEqual([staff.id]);
    });

    it('keeps user and role administration to those who hold the permission', async () => {
      const director = await t.as('cx_director');
      expect((await director.get('/api/v1/users')).statusCode).toBe(403);
      expect((await director.get('/api/v1/roles')).statusCode).toBe(403);
      const admin = await t.as('hh_admin');
      const role = (await admin.get('/api/v1/roles')).json().items[0];
      expect(
        (await admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, name: '改名' })).statusCode,
      ).toBe(403);
      const sys = await t.as('admin');
      expect(
        (await sys.patch(`/api/v1/roles/${role.id}`, { version: role.version, name: role.name })).statusCode,
      ).toBe(200);
    });

    it('shows a bureau only its own audit entries', async () => {
      const myDirector = await t.as('my_director');
      await (await t.as('cx_staff')).get('/api/v1/auth/me');
      const mayang = await orgId('431226');
      const entries = (await myDirector.get('/api/v1/audit?limit=200')).json().items as {
        orgId: number | null;
        action: string;
      }[];
      expect(entries.length).toBeGreaterThan(0);
      const mayangOrgs = new Set(
        (
          await t.db.db
            .selectFrom('org')
            .select('id')
            .where('path', 'like', '/430000/431200/431226/%')
            .execute()
        ).map((o) => o.id),
      );
      expect(entries.every((e) => e.orgId !== null && mayangOrgs.has(e.orgId))).toBe(true);
      expect(mayangOrgs.has(mayang)).toBe(true);
      const city = (await (await t.as('hh_admin')).get('/api/v1/audit?limit=200&action=auth.login')).json()
        .items as { actorName: string }[];
      expect(city.some((e) => e.actorName.includes('cx_staff'))).toBe(true);
    });

    it('puts a county added under a city in the city’s lists at once', async () => {
      const admin = await t.as('hh_admin');
      const name = '新设县橘园科技有限公司';
      const listed = async () =>
        (await admin.get(`/api/v1/enterprises?q=${encodeURIComponent(name)}`))
          .json()
          .items.map((e: { name: string }) => e.name);
      // The city's subtree is read (and remembered) before the county exists.
      expect(await listed()).toEqual([]);
      const county = await admin.post('/api/v1/orgs', {
        parentId: await orgId('431200'),
        kind: 'county_bureau',
        fullName: '新设县科技局',
        shortName: '新设县',
        divisionCode: '431298',
      });
      expect(county.statusCode).toBe(201);
      const created = await admin.post('/api/v1/enterprises', {
        orgId: county.json().id,
        sectionId: null,
        name,
        uscc: validUscc(),
        kind: 'llc',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(await listed()).toEqual([name]);
    });

    it('lets a city administrator add a section to a county and edit it with the version', async () => {
      const admin = await t.as('hh_admin');
      const parentId = await orgId('431223');
      const created = await admin.post('/api/v1/orgs', {
        parentId,
        kind: 'section',
        fullName: '成果转化股',
        shortName: '成果转化股',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().path).toMatch(/^\/430000\/431200\/431223\/s\d+\/$/);
      const edited = await admin.patch(`/api/v1/orgs/${created.json().id}`, {
        version: 1,
        shortName: '转化股',
      });
      expect(edited.statusCode).toBe(200);
      const county = await t.as('cx_director');
      expect(
        (
          await county.post('/api/v1/orgs', {
            parentId,
            kind: 'section',
            fullName: '自建股',
            shortName: '自建股',
          })
        ).statusCode,
      ).toBe(403);
    });
  });
}

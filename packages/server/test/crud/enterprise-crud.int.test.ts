import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { validUscc } from '../support/values.js';

const valid = { name: '辰溪县测试新材料有限公司', uscc: '91431223MA4L1C2D0J', kind: 'llc' };

for (const kind of testDatabases()) {
  describe(`${kind.name}: enterprise CRUD`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
    });
    afterAll(() => t.close());

    it('creates, reads, updates with the version and refuses a stale version with 409', async () => {
      const staff = await t.as('cx_staff');
      const created = await staff.post('/api/v1/enterprises', {
        ...valid,
        tags: ['新材料'],
        registeredCapitalFen: 1_250_000,
      });
      expect(created.statusCode).toBe(201);
      const row = created.json();
      expect(row).toMatchObject({
        name: valid.name,
        uscc: valid.uscc,
        version: 1,
        tags: ['新材料'],
        registeredCapitalFen: 1_250_000,
      });

      const updated = await staff.patch(`/api/v1/enterprises/${row.id}`, { version: 1, legalRep: '王某某' });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({ legalRep: '王某某', version: 2 });

      const stale = await staff.patch(`/api/v1/enterprises/${row.id}`, { version: 1, legalRep: '李某某' });
      expect(stale.statusCode).toBe(409);
      expect(stale.headers['content-type']).toContain('application/problem+json');
      expect(stale.json()).toMatchObject({ code: 'CONFLICT_STALE_VERSION' });
      expect((await staff.get(`/api/v1/enterprises/${row.id}`)).json().legalRep).toBe('王某某');
    });

    it('writes nothing for an update that changes nothing', async () => {
      const staff = await t.as('cx_staff');
      const row = (await staff.get('/api/v1/enterprises?limit=1')).json().items[0];
      const entries = async () =>
        (await staff.get(`/api/v1/enterprises/${row.id}/audit`)).json().items.length as number;
      const before = await entries();
      const same = await staff.patch(`/api/v1/enterprises/${row.id}`, {
        version: row.version,
        name: row.name,
      });
      expect(same.statusCode).toBe(200);
      expect(same.json().version).toBe(row.version);
      expect(await entries()).toBe(before);
    });

    it('asks for a reason on a wrong USCC check digit and records the override', async () => {
      const staff = await t.as('cx_staff');
      const input = { name: '辰溪县校验位测试有限公司', uscc: '91431223MA4L1C2D0K', kind: 'llc' };
      const warned = await staff.post('/api/v1/enterprises', input);
      expect(warned.statusCode).toBe(422);
      expect(warned.json()).toMatchObject({
        code: 'VALIDATION_WARNING',
        errors: [{ path: 'uscc', code: 'USCC_CHECK_DIGIT', severity: 'warning' }],
      });
      expect(warned.json().errors[0].message).toContain('统一社会信用代码');

      const confirmed = await staff.post('/api/v1/enterprises', {
        ...input,
        overrides: { uscc: '营业执照原件如此，已核实' },
      });
      expect(confirmed.statusCode).toBe(201);
      expect(confirmed.json().overrides.uscc).toMatchObject({
        code: 'USCC_CHECK_DIGIT',
        reason: '营业执照原件如此，已核实',
      });
    });

    it('refuses a malformed USCC outright, naming the field in zh-CN', async () => {
      const staff = await t.as('cx_staff');
      const res = await staff.post('/api/v1/enterprises', { ...valid, uscc: '91431223MA4L1C2D0' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'uscc' });
      expect(res.json().errors[0].message).toMatch(/^统一社会信用代码/);
    });

    it('refuses a duplicate USCC in the same bureau and offers restore for a deleted twin', async () => {
      const staff = await t.as('cx_staff');
      const first = await staff.post('/api/v1/enterprises', {
        name: '辰溪县重复测试一有限公司',
        uscc: '93431223MA4QH7TK8M',
        kind: 'cooperative',
      });
      expect(first.statusCode).toBe(201);
      const twin = await staff.post('/api/v1/enterprises', {
        name: '辰溪县重复测试二有限公司',
        uscc: '93431223MA4QH7TK8M',
        kind: 'cooperative',
      });
      expect(twin.statusCode).toBe(409);
      expect(twin.json()).toMatchObject({
        code: 'CONFLICT_DUPLICATE',
        errors: [{ path: 'uscc', code: 'DUPLICATE' }],
      });

      const id = first.json().id;
      expect((await staff.delete(`/api/v1/enterprises/${id}?version=1`)).statusCode).toBe(403); // section staff may not delete
      const chief = await t.as('cx_chief');
      expect((await chief.delete(`/api/v1/enterprises/${id}?version=1`)).statusCode).toBe(204);
      expect((await chief.get(`/api/v1/enterprises/${id}`)).statusCode).toBe(404);
      const again = await staff.post('/api/v1/enterprises', {
        name: '辰溪县重复测试三有限公司',
        uscc: '93431223MA4QH7TK8M',
        kind: 'cooperative',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ restoreId: id, errors: [{ code: 'DUPLICATE_DELETED' }] });
      const restored = await chief.post(`/api/v1/enterprises/${id}/restore`);
      expect(restored.statusCode).toBe(200);
      expect(restored.json()).toMatchObject({ id, deletedAt: null, version: 3 });
    });

    it('pages with a cursor that stays stable when rows are inserted', async () => {
      const director = await t.as('cx_director');
      const first = (await director.get('/api/v1/enterprises?limit=7&sort=name')).json();
      expect(first.items).toHaveLength(7);
      await director.post('/api/v1/enterprises', {
        name: '辰溪县阿阿阿新插入有限公司',
        uscc: validUscc(),
        kind: 'llc',
      });
      const second = (
        await director.get(`/api/v1/enterprises?limit=7&sort=name&cursor=${first.nextCursor}`)
      ).json();
      const names = [...first.items, ...second.items].map((e: { name: string }) => e.name);
      expect(new Set(names).size).toBe(14);
      expect([...names].sort()).toEqual(names);
    });

    it('finds enterprises by a Chinese substring of the name, and counts', async () => {
      const director = await t.as('cx_director');
      const all = (await director.get('/api/v1/enterprises?limit=200&count=true')).json();
      const target = all.items.find((e: { name: string }) => e.name.includes('化工'));
      expect(target).toBeDefined();
      const fragment = target.name.slice(3, 7);
      const found = (
        await director.get(`/api/v1/enterprises?q=${encodeURIComponent(fragment)}&limit=200`)
      ).json();
      expect(found.items.map((e: { id: number }) => e.id)).toContain(target.id);
      expect(
        found.items.every((e: { name: string; uscc: string; address: string | null }) =>
          `${e.name}${e.uscc}${e.address}`.includes(fragment),
        ),
      ).toBe(true);
      const two = (
        await director.get(`/api/v1/enterprises?q=${encodeURIComponent('化工')}&limit=200`)
      ).json();
      expect(two.items.length).toBeGreaterThan(0);
      expect(
        two.items.every((e: { name: string; address: string | null }) =>
          `${e.name}${e.address}`.includes('化工'),
        ),
      ).toBe(true);
      expect(all.total).toBeGreaterThanOrEqual(200);
      expect(all.totalIsEstimate).toBe(false);
    });

    it('pages through the matches of a search in sort order, as the unpaged list orders them', async () => {
      // On PostgreSQL a rare term's matches are collected and then sorted (list-plan `sortMatches`).
      const director = await t.as('cx_director');
      const term = encodeURIComponent('有限公司');
      const whole = (await director.get(`/api/v1/enterprises?q=${term}&sort=-name&limit=14`)).json();
      const first = (await director.get(`/api/v1/enterprises?q=${term}&sort=-name&limit=7`)).json();
      const second = (
        await director.get(`/api/v1/enterprises?q=${term}&sort=-name&limit=7&cursor=${first.nextCursor}`)
      ).json();
      const ids = (page: { items: { id: number }[] }) => page.items.map((e) => e.id);
      expect(whole.items).toHaveLength(14);
      expect([...ids(first), ...ids(second)]).toEqual(ids(whole));
      const names = whole.items.map((e: { name: string }) => e.name);
      expect([...names].sort().reverse()).toEqual(names);
      const byId = (await director.get(`/api/v1/enterprises?q=${term}&sort=-id&limit=5`)).json();
      const idOrder = ids(byId);
      expect(idOrder).toHaveLength(5);
      expect([...idOrder].sort((a, b) => b - a)).toEqual(idOrder);
    });

    it('filters by enum lists, booleans and date ranges', async () => {
      const director = await t.as('cx_director');
      const coops = (await director.get('/api/v1/enterprises?kind=cooperative&limit=200')).json().items;
      expect(coops.length).toBeGreaterThan(0);
      expect(coops.every((e: { kind: string }) => e.kind === 'cooperative')).toBe(true);
      const hte = (await director.get('/api/v1/enterprises?isHte=true&limit=200')).json().items;
      expect(hte.every((e: { isHte: boolean }) => e.isHte)).toBe(true);
      const range = (
        await director.get(
          '/api/v1/enterprises?established.gte=2010-01-01&established.lte=2012-12-31&limit=200',
        )
      ).json().items;
      expect(
        range.every(
          (e: { established: string }) => e.established >= '2010-01-01' && e.established <= '2012-12-31',
        ),
      ).toBe(true);
      const tagged = (
        await director.get(`/api/v1/enterprises?tags=${encodeURIComponent('出口')}&limit=200`)
      ).json().items;
      expect(tagged.length).toBeGreaterThan(0);
      expect(tagged.every((e: { tags: string[] }) => e.tags.includes('出口'))).toBe(true);
    });

    it('keeps the audit history of a record with before and after values', async () => {
      const staff = await t.as('cx_staff');
      const row = (
        await staff.post('/api/v1/enterprises', {
          name: '辰溪县审计测试有限公司',
          uscc: validUscc(),
          kind: 'llc',
        })
      ).json();
      await staff.patch(`/api/v1/enterprises/${row.id}`, { version: 1, address: '辰阳镇1号' });
      const history = (await staff.get(`/api/v1/enterprises/${row.id}/audit`)).json().items;
      expect(history.map((h: { action: string }) => h.action)).toEqual([
        'enterprise.update',
        'enterprise.create',
      ]);
      expect(history[0].diff).toEqual({ before: { address: null }, after: { address: '辰阳镇1号' } });
      expect(history[0].actorName).toContain('cx_staff');
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/auth/tokens.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { validUscc } from '../support/values.js';

const login = (t: TestApp, username: string, password: string, remoteAddress = '10.0.0.1', cookie?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
    ...(cookie ? { headers: { cookie } } : {}),
  });

const sessionCookie = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.find((c) => c.name === 'kjj_session')?.value;

for (const kind of testDatabases()) {
  describe(`${kind.name}: sign-in and sessions`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
    });
    afterAll(() => t.close());

    it('sets an httpOnly, SameSite session cookie and returns the CSRF token', async () => {
      const res = await login(t, 'cx_staff', DEMO_PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'kjj_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
      expect(res.json().permissions).toContain('enterprise:read');
    });

    it('stores passwords as argon2id hashes', async () => {
      const rows = await t.db.db.selectFrom('userAccount').select('passwordHash').execute();
      expect(rows.every((r) => r.passwordHash.startsWith('$argon2id$'))).toBe(true);
    });

    it('answers wrong passwords and unknown users alike', async () => {
      const wrong = await login(t, 'cx_director', 'nope', '10.1.0.1');
      const unknown = await login(t, 'nobody_here', 'nope', '10.1.0.2');
      for (const res of [wrong, unknown]) {
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ code: 'LOGIN_FAILED', title: '用户名或密码错误' });
      }
    });

    it('refuses an account after 5 failures with 429 and Retry-After, even with the right password, and audits it', async () => {
      for (let i = 0; i < 5; i++)
        expect((await login(t, 'cx_rural', 'wrong', `10.2.0.${i}`)).statusCode).toBe(401);
      const blocked = await login(t, 'cx_rural', DEMO_PASSWORD, '10.2.0.99');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      const audited = await t.db.db
        .selectFrom('auditLog')
        .select('diff')
        .where('action', '=', 'auth.login_throttled')
        .execute();
      expect(audited.some((a) => a.diff.includes('cx_rural'))).toBe(true);
    });

    it('refuses an address after 5 failures across accounts', async () => {
      for (const name of ['u1', 'u2', 'u3', 'u4', 'u5'])
        expect((await login(t, name, 'x', '10.3.0.1')).statusCode).toBe(401);
      expect((await login(t, 'my_director', DEMO_PASSWORD, '10.3.0.1')).statusCode).toBe(429);
      expect((await login(t, 'my_director', DEMO_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
    });

    it('holds the limit under parallel guessing', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(t, 'hh_staff', `guess${i}`, `10.4.0.${i}`)),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(7);
    });

    it('gives a new session id at every login (no fixation) and ends the old one', async () => {
      const first = sessionCookie(await login(t, 'cx_chief', DEMO_PASSWORD, '10.5.0.1'));
      const second = await login(t, 'cx_chief', DEMO_PASSWORD, '10.5.0.1', `kjj_session=${first}`);
      expect(sessionCookie(second)).toBeDefined();
      expect(sessionCookie(second)).not.toBe(first);
      const old = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `kjj_session=${first}` },
      });
      expect(old.statusCode).toBe(401);
      const planted = await login(
        t,
        'cx_chief',
        DEMO_PASSWORD,
        '10.5.0.1',
        'kjj_session=attacker-chosen-value',
      );
      expect(sessionCookie(planted)).not.toBe('attacker-chosen-value');
    });

    it('requires the CSRF token on cookie writes', async () => {
      const res = await login(t, 'cx_director', DEMO_PASSWORD, '10.6.0.1');
      const cookie = `kjj_session=${sessionCookie(res)}`;
      const body = { name: '辰溪县CSRF测试有限公司', uscc: '91431223MA4L1C2D0J', kind: 'llc' };
      const missing = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: body,
        headers: { cookie },
      });
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: body,
        headers: { cookie, 'x-csrf-token': 'forged' },
      });
      for (const r of [missing, wrong]) expect(r.json()).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        payload: body,
        headers: { cookie, 'x-csrf-token': res.json().csrfToken },
      });
      expect(right.statusCode).toBe(201);
    });

    it('expires idle sessions after 30 minutes and every session after 12 hours', async () => {
      for (const column of ['lastSeenAt', 'expiresAt'] as const) {
        const res = await login(t, 'my_staff', DEMO_PASSWORD, '10.7.0.1');
        const token = sessionCookie(res) as string;
        const when = column === 'lastSeenAt' ? Date.now() - 31 * 60_000 : Date.now() - 1000;
        await t.db.db
          .updateTable('session')
          .set({ [column]: new Date(when).toISOString() })
          .where('id', '=', sha256(token))
          .execute();
        const me = await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { cookie: `kjj_session=${token}` },
        });
        expect(me.statusCode, column).toBe(401);
      }
    });

    it('ends access at once on logout and when the user is disabled', async () => {
      const staff = await login(t, 'cx_staff', DEMO_PASSWORD, '10.8.0.1');
      const cookie = `kjj_session=${sessionCookie(staff)}`;
      // Used once first, so the session is resolved and held by the credential cache.
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { cookie } })).statusCode,
      ).toBe(200);
      const admin = await t.as('hh_admin');
      const user = (await admin.get('/api/v1/users?q=cx_staff')).json().items[0];
      expect(
        (await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, status: 'disabled' }))
          .statusCode,
      ).toBe(200);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: { cookie } })).statusCode,
      ).toBe(401);
      expect((await login(t, 'cx_staff', DEMO_PASSWORD, '10.8.0.2')).json().code).toBe('ACCOUNT_DISABLED');
      const again = (await admin.get(`/api/v1/users/${user.id}`)).json();
      await admin.patch(`/api/v1/users/${user.id}`, { version: again.version, status: 'active' });

      const director = await login(t, 'my_director', DEMO_PASSWORD, '10.8.0.3');
      const directorCookie = `kjj_session=${sessionCookie(director)}`;
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: directorCookie } }))
          .statusCode,
      ).toBe(200);
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: directorCookie, 'x-csrf-token': director.json().csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: directorCookie } }))
          .statusCode,
      ).toBe(401);
    });

    it('applies a change to a role on the next request of its signed-in users', async () => {
      const staff = await t.as('cx_staff');
      expect((await staff.get('/api/v1/enterprises')).statusCode).toBe(200);
      const sys = await t.as('admin');
      const role = (await sys.get('/api/v1/roles'))
        .json()
        .items.find((r: { code: string }) => r.code === 'section_staff');
      const withoutRead = role.permissions.filter((p: string) => p !== 'enterprise:read');
      const narrowed = await sys.patch(`/api/v1/roles/${role.id}`, {
        version: role.version,
        permissions: withoutRead,
      });
      expect(narrowed.statusCode).toBe(200);
      expect((await staff.get('/api/v1/enterprises')).statusCode).toBe(403);
      await sys.patch(`/api/v1/roles/${role.id}`, {
        version: narrowed.json().version,
        permissions: role.permissions,
      });
      expect((await staff.get('/api/v1/enterprises')).statusCode).toBe(200);
    });

    it('lets scripts use revocable personal API tokens, scoped like the user and without CSRF', async () => {
      const staff = await t.as('cx_director');
      const created = await staff.post('/api/v1/auth/tokens', { name: '数据同步脚本' });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      const stored = await t.db.db
        .selectFrom('apiToken')
        .select('tokenHash')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.tokenHash).toBe(sha256(token));
      const bearer = { authorization: `Bearer ${token}` };
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/enterprises?limit=200',
        headers: bearer,
      });
      expect(list.statusCode).toBe(200);
      const orgs = new Set(list.json().items.map((e: { orgId: number }) => e.orgId));
      expect(orgs.size).toBe(1);
      const write = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: bearer,
        payload: { name: '辰溪县令牌写入有限公司', uscc: validUscc(), kind: 'llc' },
      });
      expect(write.statusCode).toBe(201);
      expect((await staff.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/enterprises', headers: bearer })).statusCode,
      ).toBe(401);
    });

    it('sends the security headers on API answers, refusals, 404s and the health check', async () => {
      const staff = await t.as('cx_staff');
      const answers = [
        await staff.get('/api/v1/enterprises'),
        await t.anonymous().get('/api/v1/enterprises'),
        await staff.get('/api/v1/no-such-route'),
        await t.anonymous().get('/api/health'),
      ];
      expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 200]);
      for (const a of answers) {
        expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(a.headers['content-security-policy']).toContain("default-src 'self'");
        expect(a.headers['x-content-type-options']).toBe('nosniff');
        expect(a.headers['referrer-policy']).toBe('no-referrer');
        expect(a.headers['x-frame-options']).toBe('SAMEORIGIN');
      }
    });

    it('closes every API route to anonymous callers with a problem+json 401', async () => {
      const closed = t.routes.filter((r) => r.url.startsWith('/api/v1/') && !r.public);
      expect(closed.length).toBeGreaterThan(20);
      for (const route of closed) {
        const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(':id', '1') });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });
  });

  describe(`${kind.name}: password policy outside demo mode`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await testApp(await kind.fresh(), {}, { demoMode: false });
    });
    afterAll(() => t.close());

    it('rejects short, simple or username-bearing passwords and accepts a strong one', async () => {
      const admin = await t.as('hh_admin');
      const orgId = await t.orgIdOf('431223');
      const base = { username: 'cx_newbie', name: '新同事', orgId, roleIds: [] as number[] };
      for (const password of ['Ab1!', 'alllowercase1', 'Xcx_newbie1!']) {
        const res = await admin.post('/api/v1/users', { ...base, password });
        expect(res.statusCode, password).toBe(400);
        expect(res.json().code).toBe('PASSWORD_POLICY');
      }
      expect((await admin.post('/api/v1/users', { ...base, password: 'Kj-2026-strong' })).statusCode).toBe(
        201,
      );
    });
  });
}

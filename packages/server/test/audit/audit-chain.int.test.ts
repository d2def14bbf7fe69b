import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/chain.js';
import { runCli } from '../../src/cli/main.js';
import { testApp, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

for (const kind of testDatabases()) {
  describe(`${kind.name}: audit chain`, () => {
    let t: TestApp;
    let url: string;
    beforeAll(async () => {
      const db = await kind.fresh();
      url = db.describe;
      t = await testApp(db);
    });
    afterAll(() => t.close());

    const cli = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await runCli(
        argv,
        { out: (l) => lines.push(l), err: (l) => lines.push(l) },
        { KJJ_DATABASE_URL: url },
      );
      return { code, text: lines.join('\n') };
    };

    it('records logins and writes in one verifiable chain', async () => {
      const staff = await t.as('cx_staff');
      await staff.post('/api/v1/enterprises', {
        name: '辰溪县链式审计有限公司',
        uscc: '91431223MA4L1C2D0J',
        kind: 'llc',
      });
      const result = await verifyAuditChain(t.db.db);
      expect(result.ok).toBe(true);
      expect(result.checked).toBeGreaterThan(250);
      const actions = await t.db.db
        .selectFrom('auditLog')
        .select('action')
        .orderBy('seq', 'desc')
        .limit(2)
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['enterprise.create', 'auth.login']);
      expect(await cli('audit:verify')).toMatchObject({ code: 0 });
    });

    it('names the entry a direct database edit broke, in the API and in the CLI', async () => {
      const target = await t.db.db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'enterprise.create')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`update audit_log set diff = ${'{"after":{"name":"篡改"}}'} where seq = ${target.seq}`.execute(
        t.db.db,
      );
      const result = await verifyAuditChain(t.db.db);
      expect(result).toMatchObject({ ok: false, brokenAt: { seq: target.seq, reason: 'hash_mismatch' } });
      const admin = await t.as('admin');
      expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({
        ok: false,
        brokenAt: { seq: target.seq },
      });
      const { code, text } = await cli('audit:verify');
      expect(code).toBe(2);
      expect(text).toContain(`#${target.seq}`);
    });

    it('detects a deleted entry in the middle of the chain', async () => {
      const fresh = await kind.fresh();
      try {
        await sql`delete from audit_log where seq = 10`.execute(fresh.db);
        expect(await verifyAuditChain(fresh.db)).toMatchObject({
          ok: false,
          brokenAt: { seq: 10, reason: 'sequence_gap' },
        });
      } finally {
        await fresh.close();
      }
    });
  });
}

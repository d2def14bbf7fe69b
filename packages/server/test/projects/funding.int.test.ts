import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { project } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const WAN = 1_000_000;

interface Row {
  id: number;
  version: number;
  status: string;
  amountFen: number;
  paidAt: string | null;
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: project funding (拨款)`, () => {
    let t: TestApp;
    let director: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
    });
    afterAll(() => t.close());

    const act = async (plural: string, id: number, action: string, input: Record<string, unknown> = {}) => {
      const { version } = (await director.get(`/api/v1/${plural}/${id}`)).json<{ version: number }>();
      const res = await director.post(`/api/v1/${plural}/${id}/actions/${action}`, { version, ...input });
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      return res.json<Row>();
    };

    /** A county plan project approved for `grantFen`. */
    async function approvedProject(grantFen: number): Promise<number> {
      const created = await director.post('/api/v1/projects', {
        ...project.sample,
        name: `拨款测试 ${Math.random()}`,
      });
      const id = created.json<{ id: number }>().id;
      await act('projects', id, 'submit');
      await act('projects', id, 'formalPass');
      await act('projects', id, 'publish', { publicityStart: '2020-04-01', publicityEnd: '2020-04-08' });
      await act('projects', id, 'approve', {
        date: '2020-04-20',
        docNo: '辰科发〔2020〕8号',
        amount: grantFen,
      });
      return id;
    }

    const tranche = (projectId: number, trancheNo: number, amountFen: number) =>
      director.post('/api/v1/disbursements', {
        projectId,
        trancheNo,
        amountFen,
        voucherNo: `拨款凭证 ${projectId}-${trancheNo}-${Math.random()}`,
      });

    it('never lets the tranches of a project exceed its grant (R-P1); a cancelled tranche frees its amount', async () => {
      const id = await approvedProject(10 * WAN);
      const first = await tranche(id, 1, 6 * WAN);
      expect(first.statusCode, first.body).toBe(201);
      const over = await tranche(id, 2, 4 * WAN + 1);
      expect(over.statusCode).toBe(400);
      expect(over.json().errors[0]).toMatchObject({ path: 'amountFen', code: 'EXCEEDS_GRANT' });
      expect(over.json().errors[0].message).toContain('超过批准资助10万元');
      expect((await tranche(id, 2, 4 * WAN)).statusCode).toBe(201);
      await act('disbursements', first.json<Row>().id, 'cancel', { reason: '单位账户变更' });
      expect((await tranche(id, 3, 6 * WAN)).statusCode).toBe(201);
    });

    it('holds R-P1 when tranches are written at the same moment', async () => {
      const id = await approvedProject(10 * WAN);
      // Ten simultaneous tranches of 3 万元 against a 10 万元 grant: three fit, seven must not.
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => tranche(id, i + 1, 3 * WAN)));
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes.filter((c) => c === 201)).toHaveLength(3);
      expect(codes.filter((c) => c !== 201).every((c) => c === 400)).toBe(true);
      const list = await director.get(`/api/v1/disbursements?projectId=${id}&limit=50`);
      expect(list.json<{ items: Row[] }>().items.reduce((s, r) => s + r.amountFen, 0)).toBe(9 * WAN);
    });

    it('keeps a ledger per project: granted, committed, paid by year, and what is left', async () => {
      const id = await approvedProject(10 * WAN);
      const first = (await tranche(id, 1, 6 * WAN)).json<Row>();
      await act('disbursements', first.id, 'approve');
      await act('disbursements', first.id, 'pay', { date: '2020-07-01' });
      const second = (await tranche(id, 2, 3 * WAN)).json<Row>();
      await act('disbursements', second.id, 'approve');
      await act('disbursements', second.id, 'pay', { date: '2021-03-01' });
      await tranche(id, 3, WAN / 2);
      const ledger = (await director.get(`/api/v1/projects/${id}/ledger`)).json<Record<string, unknown>>();
      expect(ledger).toMatchObject({
        grantedFen: 10 * WAN,
        committedFen: 9.5 * WAN,
        paidFen: 9 * WAN,
        unpaidFen: WAN,
        uncommittedFen: WAN / 2,
        paidByYear: [
          { year: 2020, paidFen: 6 * WAN },
          { year: 2021, paidFen: 3 * WAN },
        ],
      });
      expect((ledger.tranches as Row[]).map((x) => x.status)).toEqual(['paid', 'paid', 'planned']);
      // An approved or paid tranche changes only through its actions.
      const paidRow = (await director.get(`/api/v1/disbursements/${first.id}`)).json<Row>();
      const edited = await director.patch(`/api/v1/disbursements/${first.id}`, {
        version: paidRow.version,
        amountFen: 7 * WAN,
      });
      expect(edited.statusCode).toBe(409);
      expect(edited.json()).toMatchObject({ code: 'RECORD_LOCKED' });
      expect(edited.json().title).toContain('已拨付');
      const removed = await director.delete(`/api/v1/disbursements/${first.id}?version=${paidRow.version}`);
      expect(removed.statusCode).toBe(409);
      const other = await (await t.as('my_director')).get(`/api/v1/projects/${id}/ledger`);
      expect(other.statusCode).toBe(404);
    });

    it('refuses a tranche for a project not yet approved, or of another county', async () => {
      const draft = await director.post('/api/v1/projects', { ...project.sample, name: '未立项项目' });
      const res = await tranche(draft.json<{ id: number }>().id, 1, WAN);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].code).toBe('PROJECT_NOT_APPROVED');
      const mayang = await t.as('my_director');
      const theirs = await mayang.get('/api/v1/projects?limit=1');
      const foreign = await tranche(theirs.json<{ items: { id: number }[] }>().items[0]!.id, 1, WAN);
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors[0].code).toBe('REF_NOT_FOUND');
    });

    it('adds paid tranches to the exact 分 (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 3 * WAN }), { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 12 * WAN }),
          async (amounts, grant) => {
            const id = await approvedProject(grant);
            let committed = 0;
            const paid: number[] = [];
            for (const [i, amount] of amounts.entries()) {
              const res = await tranche(id, i + 1, amount);
              if (committed + amount > grant) {
                expect(res.statusCode).toBe(400);
                continue;
              }
              expect(res.statusCode, res.body).toBe(201);
              committed += amount;
              const row = await act('disbursements', res.json<Row>().id, 'approve');
              await act('disbursements', row.id, 'pay', { date: '2021-03-01' });
              paid.push(amount);
            }
            const list = await director.get(`/api/v1/disbursements?projectId=${id}&limit=50`);
            const rows = list.json<{ items: Row[] }>().items;
            expect(rows.filter((r) => r.status === 'paid').reduce((s, r) => s + r.amountFen, 0)).toBe(
              paid.reduce((s, a) => s + a, 0),
            );
          },
        ),
        { numRuns: 8 },
      );
    });

    it('counts the funds disbursed in a period from the paid tranches', async () => {
      const figure = await director.get('/api/v1/metrics/funds.disbursed.amount?year=2020');
      const paid = await director.get(
        '/api/v1/disbursements?paidAt.gte=2020-01-01&paidAt.lte=2020-12-31&limit=200',
      );
      const rows = paid.json<{ items: Row[] }>().items;
      expect(rows.length).toBeGreaterThan(0);
      expect(figure.json<{ value: number }>().value).toBe(rows.reduce((s, r) => s + r.amountFen, 0));
    });
  });
}

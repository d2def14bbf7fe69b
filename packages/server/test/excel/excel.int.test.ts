import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeUscc } from '@kjj/domain';
import { verifyAuditChain } from '../../src/audit/chain.js';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { validUscc } from '../support/values.js';
import { makeXlsx, multipart, readXlsx } from '../support/xlsx.js';

const HEADER = [
  '*企业名称',
  '*统一社会信用代码',
  '*企业类型',
  '所属行业',
  '成立日期',
  '注册资本（万元）',
  '所在乡镇',
  '标签',
  '高新技术企业（手工标注）',
];

async function runImport(t: TestApp, client: Client, file: Buffer, query = '', name = '企业.xlsx') {
  const res = await client.request({
    method: 'POST',
    url: `/api/v1/enterprises/import${query}`,
    ...multipart(name, file),
  });
  if (res.statusCode !== 202) return { res, job: undefined };
  await t.jobs.idle();
  const job = (await client.get(`/api/v1/jobs/${res.json().jobId}`)).json();
  return { res, job };
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: Excel export, template and import`, () => {
    let t: TestApp;
    let staff: Client;
    const count = async () =>
      (await staff.get('/api/v1/enterprises?count=true&limit=1')).json().total as number;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      staff = await t.as('cx_staff');
    });
    afterAll(() => t.close());

    it('exports exactly the filtered list, in list order, with zh-CN headers and labels', async () => {
      const list = (await staff.get('/api/v1/enterprises?kind=llc&sort=name&limit=200')).json().items;
      const res = await staff.get('/api/v1/enterprises/export.xlsx?kind=llc&sort=name');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const rows = await readXlsx(res.rawPayload);
      expect(rows[0]?.slice(0, 3)).toEqual(['*企业名称', '*统一社会信用代码', '*企业类型']);
      expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((e: { name: string }) => e.name));
      expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['有限责任公司']));
      const audited = await t.db.db
        .selectFrom('auditLog')
        .select('action')
        .where('action', '=', 'enterprise.export')
        .execute();
      expect(audited.length).toBeGreaterThan(0);
    });

    it('exports a text search, and the whole list, in list order too', async () => {
      for (const query of [`q=${encodeURIComponent('科技')}&sort=-createdAt`, 'sort=uscc']) {
        const listed: string[] = [];
        let cursor = '';
        do {
          const page = (
            await staff.get(`/api/v1/enterprises?${query}&limit=100${cursor && `&cursor=${cursor}`}`)
          ).json();
          listed.push(...page.items.map((e: { uscc: string }) => e.uscc));
          cursor = page.nextCursor ?? '';
        } while (cursor);
        const rows = await readXlsx((await staff.get(`/api/v1/enterprises/export.xlsx?${query}`)).rawPayload);
        expect(listed.length).toBeGreaterThan(10);
        expect(rows.slice(1).map((r) => r[1])).toEqual(listed);
      }
    });

    it('guards exported text that a spreadsheet would run as a formula, and imports it back unchanged', async () => {
      const created = await staff.post('/api/v1/enterprises', {
        name: '=HYPERLINK("http://evil.example","点")',
        uscc: validUscc(),
        kind: 'llc',
      });
      expect(created.statusCode).toBe(201);
      const rows = await readXlsx(
        (await staff.get('/api/v1/enterprises/export.xlsx?q=HYPERLINK')).rawPayload,
      );
      expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://evil.example","点")`);
    });

    it('offers a template with notes, dropdowns from a hidden sheet and an ignored sample row', async () => {
      const res = await staff.get('/api/v1/enterprises/template.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const [sheet, options] = book.worksheets;
      expect(sheet?.getRow(1).getCell(1).value).toBe('*企业名称');
      expect(sheet?.getRow(1).getCell(1).note).toBeTruthy();
      expect(options?.state).toBe('veryHidden');
      const kindColumn = (sheet?.getRow(1).values as unknown[]).indexOf('*企业类型');
      expect(sheet?.getCell(3, kindColumn).dataValidation).toMatchObject({ type: 'list' });
      expect(String(sheet?.getRow(2).getCell(1).value)).toMatch(/^【示例】/);
      const before = await count();
      const { job } = await runImport(t, staff, Buffer.from(res.rawPayload));
      expect(job.result).toMatchObject({ status: 'applied', totalRows: 0 });
      expect(await count()).toBe(before);
    });

    it('rejects a file with three bad rows, reporting each row, column and reason, and applies nothing', async () => {
      const before = await count();
      const file = await makeXlsx([
        HEADER,
        [
          '辰溪县导入甲有限公司',
          validUscc(),
          '有限责任公司',
          '制造业',
          '2019-03-01',
          120.5,
          '',
          '新材料、出口',
          '是',
        ],
        ['', validUscc(), '有限责任公司'],
        ['辰溪县导入丙有限公司', 'NOT-A-CODE', '有限责任公司'],
        ['辰溪县导入丁有限公司', validUscc(), '外星企业', '', '2020年2月30日'],
        [
          '辰溪县导入戊有限公司',
          validUscc(),
          '农民专业合作社',
          '农、林、牧、渔业',
          '2018/5/19',
          '',
          '',
          '',
          '否',
        ],
      ]);
      const { job } = await runImport(t, staff, file);
      expect(job.status).toBe('succeeded');
      expect(job.result.status).toBe('rejected');
      const rows = [...new Set(job.result.errors.map((e: { row: number }) => e.row))];
      expect(rows).toEqual([3, 4, 5]);
      const byRow = (row: number) => job.result.errors.filter((e: { row: number }) => e.row === row);
      expect(byRow(3)[0]).toMatchObject({ column: 'A', header: '*企业名称', message: '请填写企业名称' });
      expect(byRow(4)[0]).toMatchObject({ column: 'B', field: 'uscc' });
      expect(
        byRow(5)
          .map((e: { column: string }) => e.column)
          .sort(),
      ).toEqual(['C', 'E']);
      expect(byRow(5).find((e: { column: string }) => e.column === 'C').message).toContain('外星企业');
      expect(await count()).toBe(before);
    });

    it('applies a clean file and every value arrives as typed', async () => {
      const before = await count();
      const uscc = validUscc();
      const file = await makeXlsx([
        HEADER,
        [
          '辰溪县导入甲有限公司',
          uscc,
          '有限责任公司',
          '制造业',
          new Date(Date.UTC(2019, 2, 1)),
          120.5,
          '',
          '新材料、出口',
          '是',
        ],
        [
          '辰溪县导入乙合作社',
          validUscc(),
          '农民专业合作社',
          '农、林、牧、渔业',
          '2018年5月19日',
          '',
          '',
          '',
          '否',
        ],
      ]);
      const { job } = await runImport(t, staff, file);
      expect(job.result).toMatchObject({ status: 'applied', created: 2, appliedRows: [2, 3], errors: [] });
      expect(await count()).toBe(before + 2);
      const row = (await staff.get(`/api/v1/enterprises?q=${uscc}`)).json().items[0];
      expect(row).toMatchObject({
        name: '辰溪县导入甲有限公司',
        kind: 'llc',
        industry: 'C',
        established: '2019-03-01',
        registeredCapitalFen: 120_500_000,
        tags: ['新材料', '出口'],
        isHte: true,
      });
      const history = (await staff.get(`/api/v1/enterprises/${row.id}/audit`)).json().items;
      expect(history[0].action).toBe('enterprise.create');
    });

    it('applies a file of several write chunks with one audit entry per row, the chain unbroken', async () => {
      const audited = async () =>
        Number(
          (
            await t.db.db
              .selectFrom('auditLog')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('action', '=', 'enterprise.create')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const [rowsBefore, auditBefore] = [await count(), await audited()];
      const rows = Array.from({ length: 450 }, (_, i) => [
        `辰溪县批量导入${i}号有限公司`,
        composeUscc('91', '431223', `MC${String(i).padStart(6, '0')}`),
        '有限责任公司',
      ]);
      const { job } = await runImport(t, staff, await makeXlsx([HEADER, ...rows]));
      expect(job.result).toMatchObject({ status: 'applied', created: 450, errors: [] });
      expect(await count()).toBe(rowsBefore + 450);
      expect(await audited()).toBe(auditBefore + 450);
      expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
    });

    it('rolls back rows already written when a bad row comes late in a long file, or applies the rest when asked', async () => {
      const existing = (await staff.get('/api/v1/enterprises?limit=1')).json().items[0];
      const rows = Array.from({ length: 1200 }, (_, i) => [
        `辰溪县长表导入${i}号有限公司`,
        composeUscc('91', '431223', `MD${String(i).padStart(6, '0')}`),
        '有限责任公司',
      ]);
      // Excel rows 1152 and 1182: past the first batches of valid rows.
      rows[1150] = ['辰溪县长表坏行有限公司', 'BAD', '有限责任公司'];
      rows[1180] = ['辰溪县长表重复有限公司', existing.uscc, '有限责任公司'];
      const file = await makeXlsx([HEADER, ...rows]);
      const before = await count();
      const rejected = (await runImport(t, staff, file)).job;
      expect(rejected.result).toMatchObject({ status: 'rejected', created: 0, appliedRows: [] });
      expect(rejected.result.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
        [1152, expect.any(String)],
        [1182, 'DUPLICATE'],
      ]);
      expect(await count()).toBe(before);
      expect(await verifyAuditChain(t.db.db)).toMatchObject({ ok: true });
      const partial = (await runImport(t, staff, file, '?mode=valid_rows_only')).job;
      expect(partial.result).toMatchObject({ status: 'partial', created: 1198 });
      expect(partial.result.appliedRows).toHaveLength(1198);
      expect(partial.result.appliedRows).not.toContain(1152);
      expect(partial.result.appliedRows).not.toContain(1182);
      expect(await count()).toBe(before + 1198);
    });

    it('applies only the valid rows when asked, listing them', async () => {
      const file = await makeXlsx([
        HEADER,
        ['辰溪县部分甲有限公司', validUscc(), '有限责任公司'],
        ['辰溪县部分乙有限公司', 'BAD', '有限责任公司'],
        ['辰溪县部分丙有限公司', validUscc(), '有限责任公司'],
      ]);
      const { job } = await runImport(t, staff, file, '?mode=valid_rows_only');
      expect(job.result).toMatchObject({ status: 'partial', created: 2, appliedRows: [2, 4] });
      expect(job.result.errors.map((e: { row: number }) => e.row)).toEqual([3]);
    });

    it('updates existing rows by credit code in upsert mode, and refuses duplicates otherwise', async () => {
      const existing = (await staff.get('/api/v1/enterprises?limit=1')).json().items[0];
      const file = await makeXlsx([HEADER, [existing.name, existing.uscc, '股份有限公司']]);
      const refused = (await runImport(t, staff, file)).job;
      expect(refused.result.errors[0]).toMatchObject({ row: 2, code: 'DUPLICATE' });
      const upserted = (await runImport(t, staff, file, '?key=upsert')).job;
      expect(upserted.result).toMatchObject({ status: 'applied', updated: 1, created: 0 });
      expect((await staff.get(`/api/v1/enterprises/${existing.id}`)).json()).toMatchObject({
        kind: 'joint_stock',
        version: existing.version + 1,
      });
    });

    it('reports a repeated credit code inside one file', async () => {
      const uscc = validUscc();
      const { job } = await runImport(
        t,
        staff,
        await makeXlsx([
          HEADER,
          ['辰溪县重一有限公司', uscc, '有限责任公司'],
          ['辰溪县重二有限公司', uscc, '有限责任公司'],
        ]),
      );
      expect(job.result.errors).toEqual([
        expect.objectContaining({
          row: 3,
          code: 'DUPLICATE_IN_FILE',
          message: '统一社会信用代码与第2行重复',
        }),
      ]);
    });

    it('refuses files that are not plain xlsx with a clear reason', async () => {
      const xlsx = await makeXlsx([HEADER]);
      for (const [name, content, reason] of [
        ['宏.xlsm', xlsx, '含宏'],
        ['旧.xls', xlsx, '.xlsx'],
        ['假.xlsx', Buffer.from('name,uscc\n'), 'xlsx'],
        ['空.xlsx', Buffer.alloc(0), '空'],
        ['图.png', xlsx, '.xlsx'],
      ] as const) {
        const { res } = await runImport(t, staff, content, '', name);
        expect(res.statusCode, name).toBe(400);
        expect(res.json().code).toBe('INVALID_FILE');
        expect(res.json().title, name).toContain(reason);
      }
    });

    it('looks inside the zip: a VBA project under an .xlsx name and a decompression bomb are refused', async () => {
      const withPart = async (name: string, content: Buffer) => {
        const zip = await JSZip.loadAsync(await makeXlsx([HEADER]));
        zip.file(name, content);
        return zip.generateAsync({
          type: 'nodebuffer',
          compression: 'DEFLATE',
          compressionOptions: { level: 9 },
        });
      };
      for (const [file, reason] of [
        [await withPart('xl/vbaProject.bin', Buffer.from('VBA macro')), '宏'],
        // 64 MB of spaces packs into about 64 KB: three orders of magnitude past any real workbook.
        [await withPart('xl/worksheets/sheet2.xml', Buffer.alloc(64 * 1024 * 1024, 0x20)), '压缩炸弹'],
      ] as const) {
        const before = await count();
        const { res } = await runImport(t, staff, file);
        expect(res.statusCode, reason).toBe(400);
        expect(res.json()).toMatchObject({ code: 'INVALID_FILE' });
        expect(res.json().title).toContain(reason);
        expect(await count()).toBe(before);
      }
    });

    it('refuses a file over the upload limit with 413 before reading it', async () => {
      const before = await count();
      const big = Buffer.concat([await makeXlsx([HEADER]), Buffer.alloc(t.config.uploadLimit + 1024)]);
      const { res } = await runImport(t, staff, big);
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
      expect(await count()).toBe(before);
    });

    it('fails a corrupt zip as a job with a reason, not a crash', async () => {
      const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
      const { job } = await runImport(t, staff, corrupt);
      expect(job.status).toBe('succeeded');
      expect(job.result.status).toBe('rejected');
      expect(job.result.errors[0].code).toBe('INVALID_FILE');
    });
  });
}

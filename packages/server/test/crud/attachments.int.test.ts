import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { project } from '@kjj/domain';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { multipart } from '../support/xlsx.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

for (const kind of testDatabases()) {
  describe(`${kind.name}: attachments`, () => {
    let t: TestApp;
    let staff: Client;
    let db: Kysely<any>;
    let projectId: number;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      db = t.db.db as unknown as Kysely<any>;
      staff = await t.as('cx_staff');
      const created = await staff.post('/api/v1/projects', {
        ...project.sample,
        name: `附件测试 ${Math.random()}`,
      });
      projectId = created.json<{ id: number }>().id;
    });
    afterAll(() => t.close());

    const upload = (name: string, bytes: Buffer, client = staff) =>
      client.request({
        method: 'POST',
        url: `/api/v1/projects/${projectId}/attachments`,
        ...multipart(name, bytes, 'application/octet-stream'),
      });

    it('stores a document under a safe name with its checksum, and serves it back byte for byte', async () => {
      const res = await upload('../../任务书（盖章版）.pdf', PDF);
      expect(res.statusCode, res.body).toBe(201);
      const stored = res.json<{ id: number; fileName: string; sha256: string; sizeBytes: number }>();
      expect(stored).toMatchObject({ fileName: '任务书（盖章版）.pdf', sizeBytes: PDF.length });
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
      const list = (await staff.get(`/api/v1/projects/${projectId}/attachments`)).json<{
        items: unknown[];
      }>();
      expect(list.items).toEqual([
        expect.objectContaining({ id: stored.id, fileName: '任务书（盖章版）.pdf' }),
      ]);
      const file = await staff.get(`/api/v1/projects/${projectId}/attachments/${stored.id}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(PDF)).toBe(true);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('任务书（盖章版）.pdf')}`,
      );
      // The same content twice is stored once.
      expect((await upload('副本.pdf', PDF)).statusCode).toBe(201);
      const blobs = await db
        .selectFrom('attachmentBlob')
        .select('sha256')
        .where('sha256', '=', stored.sha256)
        .execute();
      expect(blobs).toHaveLength(1);
    });

    it('refuses what is not a document, by name and by content, with the reason', async () => {
      const exe = await upload('工具.exe', Buffer.from('MZ\x90\x00'));
      expect(exe.statusCode).toBe(400);
      expect(exe.json()).toMatchObject({ code: 'ATTACHMENT_REFUSED' });
      expect(exe.json().title).toContain('不接受 .exe 文件');
      const disguised = await upload('通知.pdf', Buffer.from('MZ\x90\x00'));
      expect(disguised.json().title).toContain('文件内容与 .pdf 格式不符');
      const macro = await upload('预算.xlsm', Buffer.from('PK\x03\x04'));
      expect(macro.statusCode).toBe(400);
    });

    it('never serves a document whose bytes no longer match its checksum', async () => {
      const res = await upload('会被改动.pdf', Buffer.concat([PDF, Buffer.from('% unique 1\n')]));
      const { id, sha256 } = res.json<{ id: number; sha256: string }>();
      await db
        .updateTable('attachmentBlob')
        .set({ bytes: Buffer.from('%PDF-1.7 tampered') })
        .where('sha256', '=', sha256)
        .execute();
      const file = await staff.get(`/api/v1/projects/${projectId}/attachments/${id}`);
      expect(file.statusCode).toBe(500);
      expect(file.json()).toMatchObject({ code: 'ATTACHMENT_CORRUPT' });
      expect(file.body).not.toMatch(/at .*\.(ts|js):\d+/);
    });

    it('removes a document with an audit entry; readers without update rights cannot', async () => {
      const { id } = (await upload('待删除.pdf', Buffer.concat([PDF, Buffer.from('% unique 2\n')]))).json<{
        id: number;
      }>();
      const commissioner = await t.as('cx_commissioner');
      expect((await commissioner.delete(`/api/v1/projects/${projectId}/attachments/${id}`)).statusCode).toBe(
        403,
      );
      expect((await staff.delete(`/api/v1/projects/${projectId}/attachments/${id}`)).statusCode).toBe(204);
      expect((await staff.get(`/api/v1/projects/${projectId}/attachments/${id}`)).statusCode).toBe(404);
      const audit = (await staff.get(`/api/v1/projects/${projectId}/audit`)).json<{
        items: { action: string }[];
      }>();
      expect(audit.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['project.attach', 'project.detach']),
      );
    });
  });
}

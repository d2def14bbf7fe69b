import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ATTACHMENT_MAX_BYTES, checkAttachment, type EntityDef } from '@kjj/domain';
import { sha256 } from '../auth/tokens.js';
import { nowIso } from '../db/dialect.js';
import { scoped } from '../db/entity-repo.js';
import { inTransaction } from '../db/unit-of-work.js';
import { actorOf, contextOf } from '../http/auth-hook.js';
import type { AppDeps } from './context.js';
import { idParams } from './params.js';

const attachmentParams = idParams.extend({ attachmentId: z.coerce.number().int().positive() });

/** `Content-Disposition` for any name: an ASCII fallback plus the exact UTF-8 name (RFC 6266). */
const disposition = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Documents on a record: listed and downloaded by who may read the record, added and removed by
 * who may update it (the record is read through the scoped repository first, so the scope holds).
 * Every file is checked by content, named safely, stored by checksum and verified when read.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AppDeps, def: EntityDef): void {
  const db = deps.db as unknown as Kysely<any>;
  const base = `/api/v1/${def.plural}/:id/attachments`;
  const tags = [def.plural];
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rows = (request: Parameters<typeof actorOf>[0]) =>
    scoped(db, deps.dialect, actorOf(request), def, request.lang);
  const live = (rowId: number) =>
    db
      .selectFrom('attachment')
      .select(['id', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'createdAt', 'createdBy'])
      .where('entity', '=', def.name)
      .where('rowId', '=', rowId)
      .where('deletedAt', 'is', null);
  const asOutput = (a: Record<string, unknown>) => ({
    ...a,
    id: Number(a.id),
    sizeBytes: Number(a.sizeBytes),
    createdBy: a.createdBy === null ? null : Number(a.createdBy),
    createdAt: a.createdAt instanceof Date ? a.createdAt.toISOString() : a.createdAt,
  });

  r.get(
    base,
    {
      schema: { params: idParams, tags, summary: `${def.label.zh}附件` },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request) => {
      await rows(request).getOrThrow(request.params.id);
      return { items: (await live(request.params.id).orderBy('id').execute()).map(asOutput) };
    },
  );

  r.post(
    base,
    {
      schema: {
        params: idParams,
        tags,
        summary: `上传${def.label.zh}附件`,
        consumes: ['multipart/form-data'],
      },
      config: { permission: def.permissions.update, entity: def.name },
    },
    async (request, reply) => {
      const row = await rows(request).find(request.params.id, def.permissions.update);
      if (!row) throw new AppError('NOT_FOUND', { entity: def.label[request.lang] });
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const upload = await request.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } });
      if (!upload)
        throw new AppError('INVALID_FILE', {
          reason: request.lang === 'zh' ? '没有收到文件' : 'no file received',
        });
      const bytes = await upload.toBuffer();
      const checked = checkAttachment(upload.filename, bytes);
      if ('error' in checked)
        throw new AppError('ATTACHMENT_REFUSED', { reason: checked.error[request.lang] });
      const digest = sha256(bytes);
      const created = await inTransaction(deps.db, deps.dialect, contextOf(request), async (work) => {
        const tx = work.tx;
        await tx
          .insertInto('attachmentBlob')
          .values({ sha256: digest, bytes })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        const meta = {
          entity: def.name,
          rowId: row.id,
          orgId: row.orgId,
          fileName: checked.fileName,
          contentType: checked.mime,
          sizeBytes: bytes.length,
          sha256: digest,
          createdBy: actorOf(request).userId,
          createdAt: nowIso(),
        };
        const inserted = await tx
          .insertInto('attachment')
          .values(meta)
          .returning('id')
          .executeTakeFirstOrThrow();
        work.audit({
          action: `${def.name}.attach`,
          entity: def.name,
          entityId: row.id,
          orgId: row.orgId,
          diff: { after: { attachment: checked.fileName, sizeBytes: bytes.length, sha256: digest } },
        });
        return { id: Number(inserted.id), ...meta };
      });
      return reply.code(201).send(asOutput(created));
    },
  );

  r.get(
    `${base}/:attachmentId`,
    {
      schema: { params: attachmentParams, tags, summary: `下载${def.label.zh}附件` },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request, reply) => {
      await rows(request).getOrThrow(request.params.id);
      const meta = await live(request.params.id)
        .where('id', '=', request.params.attachmentId)
        .executeTakeFirst();
      if (!meta) throw new AppError('NOT_FOUND', { entity: request.lang === 'zh' ? '附件' : 'attachment' });
      const blob = await db
        .selectFrom('attachmentBlob')
        .select('bytes')
        .where('sha256', '=', meta.sha256)
        .executeTakeFirst();
      const bytes = blob ? Buffer.from(blob.bytes as Uint8Array) : undefined;
      // Verified on every read: a document altered or truncated in storage is never served as good.
      if (!bytes || sha256(bytes) !== meta.sha256) {
        request.log.error({ attachment: meta.id, sha256: meta.sha256 }, 'attachment checksum mismatch');
        throw new AppError('ATTACHMENT_CORRUPT', { name: meta.fileName });
      }
      return reply
        .header('content-type', meta.contentType)
        .header('content-disposition', disposition(meta.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  r.delete(
    `${base}/:attachmentId`,
    {
      schema: { params: attachmentParams, tags, summary: `删除${def.label.zh}附件` },
      config: { permission: def.permissions.update, entity: def.name },
    },
    async (request, reply) => {
      const row = await rows(request).find(request.params.id, def.permissions.update);
      if (!row) throw new AppError('NOT_FOUND', { entity: def.label[request.lang] });
      const meta = await live(row.id).where('id', '=', request.params.attachmentId).executeTakeFirst();
      if (!meta) throw new AppError('NOT_FOUND', { entity: request.lang === 'zh' ? '附件' : 'attachment' });
      await inTransaction(deps.db, deps.dialect, contextOf(request), async (work) => {
        const actor = actorOf(request);
        await work.tx
          .updateTable('attachment')
          .set({ deletedAt: nowIso(), deletedBy: actor.userId })
          .where('id', '=', Number(meta.id))
          .execute();
        work.audit({
          action: `${def.name}.detach`,
          entity: def.name,
          entityId: row.id,
          orgId: row.orgId,
          diff: { before: { attachment: meta.fileName, sha256: meta.sha256 } },
        });
      });
      return reply.code(204).send();
    },
  );
}

import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, exportQuerySchema, today, type EntityDef, type Lang } from '@kjj/domain';
import { scopeFor } from '../auth/actor.js';
import { buildTemplate } from '../documents/excel-template.js';
import { writeExport } from '../documents/excel-export.js';
import { nowIso } from '../db/dialect.js';
import type { ListParams } from '../db/entity-query.js';
import { streamRows } from '../db/entity-stream.js';
import { auditOnly, inTransaction } from '../db/unit-of-work.js';
import { actorOf, contextOf } from '../http/auth-hook.js';
import type { AppDeps } from './context.js';
import type { ImportParams } from './import-job.js';
import { resolveSubtree } from './org-filter.js';
import { refLookups } from './ref-lookups.query.js';
import { checkUpload } from './upload-check.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const importQuery = z.strictObject({
  mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
  key: z.enum(['create', 'upsert']).default('create'),
});

function attachment(reply: FastifyReply, name: string): FastifyReply {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
}

const fileName = (def: EntityDef, lang: Lang, what: 'export' | 'template') =>
  `${def.label[lang]}${what === 'template' ? (lang === 'zh' ? '导入模板' : '-template') : `-${today()}`}.xlsx`;

/** Export with the list's filters, the import template, and import-as-a-job (DESIGN §4). */
export function registerExcelRoutes(app: FastifyInstance, deps: AppDeps, def: EntityDef): void {
  const { db, dialect } = deps;
  const base = `/api/v1/${def.plural}`;
  const tags = [def.plural];
  const r = app.withTypeProvider<ZodTypeProvider>();
  const divisionOf = async (orgId: number) =>
    (await db.selectFrom('org').select('divisionCode').where('id', '=', orgId).executeTakeFirst())
      ?.divisionCode ?? null;

  r.get(
    `${base}/export.xlsx`,
    {
      schema: { querystring: exportQuerySchema(def), tags, summary: `导出${def.label.zh}` },
      config: { permission: def.permissions.export, entity: def.name },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const params = request.query as ListParams;
      const opts = {
        def,
        actor,
        scope: scopeFor(actor, def.permissions.export),
        dialect,
        params,
        subtreePath: await resolveSubtree(db, params.orgId),
      };
      const refs = await refLookups(db, def, await divisionOf(actor.orgId));
      await auditOnly(db, dialect, contextOf(request), {
        action: `${def.name}.export`,
        entity: def.name,
        entityId: null,
        diff: { after: { filters: params } },
      });
      const out = new PassThrough();
      writeExport(out, def, request.lang, refs, streamRows(db as unknown as Kysely<any>, opts)).catch(
        (error: unknown) => {
          request.log.error({ err: error }, 'export failed mid-stream');
          out.destroy(error as Error);
        },
      );
      return attachment(reply, fileName(def, request.lang, 'export')).send(out);
    },
  );

  r.get(
    `${base}/template.xlsx`,
    {
      schema: { tags, summary: `${def.label.zh}导入模板` },
      config: { permission: def.permissions.import, entity: def.name },
    },
    async (request, reply) => {
      const refs = await refLookups(db, def, await divisionOf(actorOf(request).orgId));
      return attachment(reply, fileName(def, request.lang, 'template')).send(
        await buildTemplate(def, request.lang, refs),
      );
    },
  );

  r.post(
    `${base}/import`,
    {
      schema: {
        querystring: importQuery,
        tags,
        summary: `导入${def.label.zh}（后台作业）`,
        consumes: ['multipart/form-data'],
      },
      config: { permission: def.permissions.import, entity: def.name },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const upload = await request.file({ limits: { fileSize: deps.config.uploadLimit, files: 1 } });
      if (!upload)
        throw new AppError('INVALID_FILE', {
          reason: request.lang === 'zh' ? '没有收到文件' : 'no file received',
        });
      const bytes = await upload.toBuffer();
      checkUpload(upload.filename, bytes, request.lang);
      const params: ImportParams = {
        entity: def.name,
        mode: request.query.mode,
        key: request.query.key,
        fileName: upload.filename.slice(0, 200),
        orgId: actor.orgId,
        sectionId: actor.sectionId,
        lang: request.lang,
      };
      const job = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const row = await tx
          .insertInto('job')
          .values({
            kind: 'import',
            entity: def.name,
            status: 'queued',
            orgId: actor.orgId,
            createdBy: actor.userId ?? 0,
            createdAt: nowIso(),
            processed: 0,
            params: JSON.stringify(params),
            file: bytes,
          })
          .returning(['id', 'status'])
          .executeTakeFirstOrThrow();
        audit({
          action: `${def.name}.import_requested`,
          entity: 'job',
          entityId: row.id,
          diff: {
            after: { fileName: params.fileName, mode: params.mode, key: params.key, bytes: bytes.length },
          },
        });
        return row;
      });
      void deps.jobs.enqueue(Number(job.id));
      return reply.code(202).send({ jobId: Number(job.id), status: job.status });
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createSchema, listQuerySchema, outputSchema, updateSchema, type EntityDef } from '@kjj/domain';
import { scopeFor } from '../auth/actor.js';
import { listPage, type ListParams } from '../db/entity-query.js';
import { scoped } from '../db/entity-repo.js';
import { inTransaction } from '../db/unit-of-work.js';
import { actorOf, contextOf } from '../http/auth-hook.js';
import { auditHistory } from './audit-history.query.js';
import type { AppDeps } from './context.js';
import { registerExcelRoutes } from './excel-routes.js';
import { registerAttachmentRoutes } from './attachment-routes.js';
import { registerWorkflowRoutes } from './workflow-routes.js';
import { resolveSubtree } from './org-filter.js';
import { idParams } from './params.js';

const versionQuery = z.strictObject({
  version: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

/**
 * Every route an entity gets from its definition (DESIGN §2): list, get, create, update, soft
 * delete, restore, its audit history, and the Excel export/template/import routes.
 */
export function registerCrud(app: FastifyInstance, deps: AppDeps, def: EntityDef): void {
  const { db, dialect } = deps;
  const anyDb = db as unknown as Kysely<any>;
  const base = `/api/v1/${def.plural}`;
  const tags = [def.plural];
  const r = app.withTypeProvider<ZodTypeProvider>();
  const output = outputSchema(def);
  const page = z.object({
    items: z.array(output),
    nextCursor: z.string().nullable(),
    total: z.int().optional(),
    totalIsEstimate: z.boolean().optional(),
  });
  // Rows are built from the definition; the output schema documents them in OpenAPI.
  type Output = z.infer<typeof output>;
  const asOutput = (row: unknown) => row as Output;
  const repoFor = (request: Parameters<typeof actorOf>[0]) =>
    scoped(anyDb, dialect, actorOf(request), def, request.lang);

  r.get(
    base,
    {
      schema: {
        querystring: listQuerySchema(def),
        response: { 200: page },
        tags,
        summary: `${def.label.zh}列表`,
      },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request) => {
      const actor = actorOf(request);
      const params = request.query as ListParams;
      const subtreePath = await resolveSubtree(db, params.orgId);
      const result = await listPage(anyDb, {
        def,
        actor,
        scope: scopeFor(actor, def.permissions.read),
        dialect,
        params,
        subtreePath,
      });
      return { ...result, items: result.items.map(asOutput) };
    },
  );

  registerExcelRoutes(app, deps, def);
  if (def.workflow) registerWorkflowRoutes(app, deps, def);
  if (def.attachments) registerAttachmentRoutes(app, deps, def);

  r.get(
    `${base}/:id`,
    {
      schema: { params: idParams, response: { 200: output }, tags, summary: `${def.label.zh}详情` },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request) => asOutput(await repoFor(request).getOrThrow(request.params.id)),
  );

  r.get(
    `${base}/:id/audit`,
    {
      schema: { params: idParams, tags, summary: `${def.label.zh}变更记录` },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request) => {
      // Reading the record first applies the scope: no history for rows one cannot see.
      await repoFor(request).getOrThrow(request.params.id, 'any');
      return { items: await auditHistory(db, def.name, request.params.id) };
    },
  );

  r.post(
    base,
    {
      schema: { body: createSchema(def), response: { 201: output }, tags, summary: `新增${def.label.zh}` },
      config: { permission: def.permissions.create, entity: def.name },
    },
    async (request, reply) => {
      const row = await inTransaction(db, dialect, contextOf(request), (work) =>
        repoFor(request).create(work, request.body as Record<string, unknown>),
      );
      return reply.code(201).send(asOutput(row));
    },
  );

  r.patch(
    `${base}/:id`,
    {
      schema: {
        params: idParams,
        body: updateSchema(def),
        response: { 200: output },
        tags,
        summary: `修改${def.label.zh}`,
      },
      config: { permission: def.permissions.update, entity: def.name },
    },
    async (request) =>
      asOutput(
        await inTransaction(db, dialect, contextOf(request), (work) =>
          repoFor(request).update(
            work,
            request.params.id,
            request.body as Record<string, unknown> & { version: number },
          ),
        ),
      ),
  );

  r.delete(
    `${base}/:id`,
    {
      schema: { params: idParams, querystring: versionQuery, tags, summary: `删除${def.label.zh}（可恢复）` },
      config: { permission: def.permissions.delete, entity: def.name },
    },
    async (request, reply) => {
      await inTransaction(db, dialect, contextOf(request), (work) =>
        repoFor(request).softDelete(work, request.params.id, request.query.version),
      );
      return reply.code(204).send();
    },
  );

  r.post(
    `${base}/:id/restore`,
    {
      schema: { params: idParams, response: { 200: output }, tags, summary: `恢复${def.label.zh}` },
      config: { permission: def.permissions.delete, entity: def.name },
    },
    async (request) =>
      asOutput(
        await inTransaction(db, dialect, contextOf(request), (work) =>
          repoFor(request).restore(work, request.params.id),
        ),
      ),
  );
}

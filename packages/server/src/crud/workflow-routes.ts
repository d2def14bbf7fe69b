import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actionSchema, outputSchema, routeActions, type EntityDef } from '@kjj/domain';
import { scoped } from '../db/entity-repo.js';
import { inTransaction } from '../db/unit-of-work.js';
import { workflowRepo } from '../db/workflow-repo.js';
import { actorOf, contextOf } from '../http/auth-hook.js';
import type { AppDeps } from './context.js';
import { idParams } from './params.js';

/**
 * One route per lifecycle action, each with its own permission and input schema (so OpenAPI
 * documents every form), plus the record's timeline.
 */
export function registerWorkflowRoutes(app: FastifyInstance, deps: AppDeps, def: EntityDef): void {
  const workflow = def.workflow!;
  const { db, dialect } = deps;
  const anyDb = db as unknown as Kysely<any>;
  const base = `/api/v1/${def.plural}/:id`;
  const tags = [def.plural];
  const r = app.withTypeProvider<ZodTypeProvider>();
  const output = outputSchema(def);

  for (const action of routeActions(workflow)) {
    r.post(
      `${base}/actions/${action.name}`,
      {
        schema: {
          params: idParams,
          body: actionSchema(action),
          response: { 200: output },
          tags,
          summary: `${def.label.zh}：${action.label.zh}`,
        },
        config: { permission: workflow.permissions[action.name]!, entity: def.name, action: action.name },
      },
      async (request) => {
        const { version, ...input } = request.body as { version: number } & Record<string, unknown>;
        const repo = workflowRepo(anyDb, dialect, actorOf(request), def, request.lang);
        const row = await inTransaction(db, dialect, contextOf(request), (work) =>
          repo.act(work, request.params.id, action.name, input, version),
        );
        return row as never;
      },
    );
  }

  r.get(
    `${base}/timeline`,
    {
      schema: { params: idParams, tags, summary: `${def.label.zh}办理过程` },
      config: { permission: def.permissions.read, entity: def.name },
    },
    async (request) => {
      const actor = actorOf(request);
      // Reading the record first applies the scope: no timeline for rows one cannot see.
      await scoped(anyDb, dialect, actor, def, request.lang).getOrThrow(request.params.id, 'any');
      return {
        items: await workflowRepo(anyDb, dialect, actor, def, request.lang).timeline(request.params.id),
      };
    },
  );
}

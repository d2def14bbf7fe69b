import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ledgerOf, project } from '@kjj/domain';
import type { AppDeps } from '../../crud/context.js';
import { idParams } from '../../crud/params.js';
import { scoped } from '../../db/entity-repo.js';
import { actorOf } from '../../http/auth-hook.js';

/**
 * 资金台账 of one project: its grant against its tranches. Reading the project first applies the
 * reader's scope; the tranches are the project's own, however they are placed.
 */
export function registerLedgerRoute(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.db as unknown as Kysely<any>;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/projects/:id/ledger',
    {
      schema: { params: idParams, tags: ['projects'], summary: '项目资金台账' },
      config: { permission: project.permissions.read, entity: project.name },
    },
    async (request) => {
      const row = await scoped(db, deps.dialect, actorOf(request), project, request.lang).getOrThrow(
        request.params.id,
      );
      const tranches = await db
        .selectFrom('disbursement')
        .select(['id', 'trancheNo', 'voucherNo', 'amountFen', 'status', 'plannedDate', 'paidAt'])
        .where('projectId', '=', row.id)
        .where('deletedAt', 'is', null)
        .orderBy('trancheNo')
        .orderBy('id')
        .execute();
      const rows = tranches.map((x) => ({ ...x, id: Number(x.id), amountFen: Number(x.amountFen) }));
      return { ...ledgerOf(Number(row.fiscalApprovedFen ?? 0), rows), tranches: rows };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '@kjj/domain';
import { idParams } from '../../crud/params.js';
import type { DB } from '../../db/types.js';
import { actorOf } from '../../http/auth-hook.js';

/** Progress and outcome of one's own background jobs (imports). */
export function registerJobRoutes(app: FastifyInstance, db: DB): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/jobs/:id',
      { schema: { params: idParams, tags: ['jobs'], summary: '后台作业进度' } },
      async (request) => {
        const job = await db
          .selectFrom('job')
          .select([
            'id',
            'kind',
            'entity',
            'status',
            'total',
            'processed',
            'createdAt',
            'startedAt',
            'finishedAt',
            'params',
            'result',
          ])
          .where('id', '=', request.params.id)
          .where('createdBy', '=', actorOf(request).userId ?? 0)
          .executeTakeFirst();
        if (!job) throw new AppError('NOT_FOUND', { entity: request.lang === 'zh' ? '作业' : 'Job' });
        const { params, result, ...rest } = job;
        const { fileName, mode, key } = JSON.parse(params) as Record<string, unknown>;
        return { ...rest, fileName, mode, key, result: result ? (JSON.parse(result) as unknown) : null };
      },
    );
}

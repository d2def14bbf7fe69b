import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@kjj/domain';
import { nowIso } from '../../db/dialect.js';
import { DICTS, dictEntries } from '../../db/dicts.js';
import type { DB, Dialect, Executor } from '../../db/types.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';

const dictParams = z.strictObject({ dict: z.string().regex(/^[a-zA-Z]{2,40}$/) });
const entryParams = dictParams.extend({ id: z.coerce.number().int().positive() });
const labels = {
  labelZh: z.string().trim().min(1).max(30),
  labelEn: z.string().trim().min(1).max(60),
  sort: z.int().min(0).max(10_000),
};
const createEntryInput = z.strictObject({
  ...labels,
  labelEn: labels.labelEn.optional(),
  sort: labels.sort.optional(),
});
const updateEntryInput = z.strictObject({
  version: z.int().min(1),
  labelZh: labels.labelZh.optional(),
  labelEn: labels.labelEn.optional(),
  sort: labels.sort.optional(),
  active: z.boolean().optional(),
});

function knownDict(dict: string) {
  const info = DICTS.find((d) => d.dict === dict);
  if (!info) throw new AppError('NOT_FOUND', { entity: `数据字典 ${dict}` });
  return info;
}

async function assertLabelFree(db: Executor, dict: string, labelZh: string, exceptId?: number) {
  let q = db.selectFrom('dictEntry').select('id').where('dict', '=', dict).where('labelZh', '=', labelZh);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('CONFLICT_DUPLICATE', { field: '名称', value: labelZh });
}

/**
 * Managed lists (项目类别 …): everyone signed in reads them (forms, filters and labels need them);
 * the system administrator adds, renames, reorders and retires entries. Entries are never deleted,
 * so a record keeps the label of the entry it was filed under.
 */
export function registerDictRoutes(app: FastifyInstance, db: DB, dialect: Dialect): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/dicts', { schema: { tags: ['dicts'], summary: '数据字典（全部）' } }, async () => {
    const entries = await dictEntries(db);
    return {
      items: DICTS.map(({ dict, label }) => ({
        dict,
        label,
        entries: entries.filter((e) => e.dict === dict).map(({ dict: _, ...entry }) => entry),
      })),
    };
  });

  r.post(
    '/api/v1/dicts/:dict/entries',
    {
      schema: { params: dictParams, body: createEntryInput, tags: ['dicts'], summary: '新增字典项' },
      config: { permission: 'dict:manage' },
    },
    async (request, reply) => {
      const { dict } = knownDict(request.params.dict);
      const input = request.body;
      const created = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        await assertLabelFree(tx, dict, input.labelZh);
        const last = await tx
          .selectFrom('dictEntry')
          .select((eb) => eb.fn.max('sortOrder').as('max'))
          .where('dict', '=', dict)
          .executeTakeFirst();
        const now = nowIso();
        const values = {
          dict,
          // Added entries get an opaque code: labels may be renamed, codes never change.
          code: `x${randomBytes(5).toString('hex')}`,
          labelZh: input.labelZh,
          labelEn: input.labelEn ?? input.labelZh,
          sortOrder: input.sort ?? Number(last?.max ?? 0) + 10,
          active: 1,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        const row = await tx.insertInto('dictEntry').values(values).returning('id').executeTakeFirstOrThrow();
        audit({
          action: 'dict.create',
          entity: 'dictEntry',
          entityId: Number(row.id),
          orgId: actorOf(request).orgId,
          diff: { after: { dict, code: values.code, labelZh: values.labelZh, labelEn: values.labelEn } },
        });
        return { id: Number(row.id), code: values.code };
      });
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/api/v1/dicts/:dict/entries/:id',
    {
      schema: {
        params: entryParams,
        body: updateEntryInput,
        tags: ['dicts'],
        summary: '修改、停用或启用字典项',
      },
      config: { permission: 'dict:manage' },
    },
    async (request) => {
      const { dict } = knownDict(request.params.dict);
      const { version, active, sort, ...labelChanges } = request.body;
      return inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const before = await tx
          .selectFrom('dictEntry')
          .selectAll()
          .where('dict', '=', dict)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', { entity: '字典项' });
        if (before.version !== version)
          throw new AppError('CONFLICT_STALE_VERSION', {}, [], { currentVersion: before.version });
        if (labelChanges.labelZh) await assertLabelFree(tx, dict, labelChanges.labelZh, before.id);
        const set = {
          ...labelChanges,
          ...(sort === undefined ? {} : { sortOrder: sort }),
          ...(active === undefined ? {} : { active: active ? 1 : 0 }),
        };
        const result = await tx
          .updateTable('dictEntry')
          .set({ ...set, updatedAt: nowIso(), version: version + 1 })
          .where('id', '=', before.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT_STALE_VERSION');
        audit({
          action: 'dict.update',
          entity: 'dictEntry',
          entityId: Number(before.id),
          orgId: actorOf(request).orgId,
          diff: {
            before: Object.fromEntries(
              Object.keys(set).map((k) => [k, (before as Record<string, unknown>)[k]]),
            ),
            after: set,
          },
        });
        return { id: Number(before.id), version: version + 1 };
      });
    },
  );
}

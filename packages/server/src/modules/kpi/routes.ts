import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, fieldSchema, isoDate, target, today } from '@kjj/domain';
import { scoped, type ScopedRepo } from '../../db/entity-repo.js';
import { scopeFor, type Actor } from '../../auth/actor.js';
import { resolveScope, whereScope } from '../../db/scope.js';
import type { DB, Dialect } from '../../db/types.js';
import { inTransaction, type Work } from '../../db/unit-of-work.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';
import { kpiBoard } from '../../kpi/board.js';

const boardQuery = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  /** Defaults to the latest year with targets the reader can see, up to this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** 数据截至: figures up to this day (a report drafted at the end of the third quarter). */
  asOf: isoDate.optional(),
});

const assignBody = z.strictObject({
  assignments: z
    .array(
      z.strictObject({
        orgId: z.int().positive(),
        targetValue: fieldSchema(target.fields.targetValue).nullable(),
      }),
    )
    .min(1)
    .max(200),
});

/** The org of the request (the actor's own by default). */
async function orgOf(db: DB, id: number) {
  const org = await db
    .selectFrom('org')
    .select(['id', 'path', 'kind', 'fullName'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', { entity: '单位' });
  return { ...org, id: Number(org.id) };
}

/**
 * The KPI board (考核指标完成情况) and the city's assignment of a target to its counties
 * (DOMAIN §3.10, R-T3). Targets themselves are the entity framework's `targets` routes.
 */
export function registerKpiRoutes(app: FastifyInstance, db: DB, dialect: Dialect): void {
  const anyDb = db as unknown as Kysely<any>;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/kpi',
    {
      schema: { querystring: boardQuery, tags: ['metrics'], summary: '考核指标完成情况' },
      config: { permission: target.permissions.read },
    },
    async (request) => {
      const actor = actorOf(request);
      const org = await orgOf(db, request.query.orgId ?? actor.orgId);
      const year = request.query.year ?? (await latestTargetYear(anyDb, actor, org.id));
      const yearEnd = `${year}-12-31`;
      const asOf = request.query.asOf ?? (today() < yearEnd ? today() : yearEnd);
      if (asOf.slice(0, 4) !== String(year))
        throw new AppError('VALIDATION_FAILED', {}, [
          { path: 'asOf', code: 'OUT_OF_PERIOD', message: `数据截至日期应在${year}年内` },
        ]);
      return kpiBoard(anyDb, actor, org, year, asOf);
    },
  );

  r.post(
    '/api/v1/targets/:id/assign',
    {
      schema: {
        params: z.strictObject({ id: z.coerce.number().int().positive() }),
        body: assignBody,
        tags: ['targets'],
        summary: '向下级单位下达指标',
      },
      config: { permission: target.permissions.create },
    },
    async (request) => {
      const actor = actorOf(request);
      return inTransaction(db, dialect, contextOf(request), async (work) => {
        const tx = work.tx as unknown as Kysely<any>;
        const repo = scoped(tx, dialect, actor, target);
        const whole = await repo.find(request.params.id, target.permissions.update, tx);
        if (!whole) throw new AppError('NOT_FOUND', { entity: target.label.zh });
        const below = await bureausBelow(tx, whole.orgId);
        const rows = [];
        for (const [i, { orgId, targetValue }] of request.body.assignments.entries()) {
          const county = below.get(orgId);
          if (!county)
            throw new AppError('VALIDATION_FAILED', {}, [
              {
                path: `assignments.${i}.orgId`,
                code: 'NOT_BELOW',
                message: `第${i + 1}项：只能下达给本单位的直属下级科技局`,
              },
            ]);
          rows.push(await assignOne(work, repo, tx, whole, county, targetValue));
        }
        return { items: rows };
      });
    },
  );
}

/** The latest year, up to this one, in which the org has targets the reader may see. */
async function latestTargetYear(db: Kysely<any>, actor: Actor, orgId: number): Promise<number> {
  const scope = await resolveScope(db, actor, scopeFor(actor, target.permissions.read));
  const current = Number(today().slice(0, 4));
  const row = await db
    .selectFrom('target')
    .select((eb) => eb.fn.max('year').as('year'))
    .where(whereScope(scope, 'target'))
    .where('deletedAt', 'is', null)
    .where('orgId', '=', orgId)
    .where('year', '<=', current)
    .executeTakeFirst();
  return row?.year ? Number(row.year) : current;
}

/** The bureaus directly below an org (a city's counties), by id. */
async function bureausBelow(tx: Kysely<any>, orgId: number) {
  const rows = await tx
    .selectFrom('org')
    .select(['id', 'fullName'])
    .where('parentId', '=', orgId)
    .where('kind', '!=', 'section')
    .where('disabledAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), fullName: String(r.fullName) }]));
}

/** Create the county's copy of the target, or change the value of the copy it already has. */
async function assignOne(
  work: Work,
  repo: ScopedRepo,
  tx: Kysely<any>,
  whole: Record<string, unknown> & { id: number },
  county: { id: number; fullName: string },
  targetValue: unknown,
) {
  const existing = await tx
    .selectFrom('target')
    .select(['id', 'version'])
    .where('assignedFromTargetId', '=', whole.id)
    .where('orgId', '=', county.id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (existing)
    return repo.update(work, Number(existing.id), { targetValue, version: Number(existing.version) });
  const issuer = await tx
    .selectFrom('org')
    .select('fullName')
    .where('id', '=', whole.orgId)
    .executeTakeFirstOrThrow();
  return repo.create(work, {
    year: whole.year,
    name: whole.name,
    source: whole.source,
    issuer: issuer.fullName,
    kind: whole.kind,
    direction: whole.direction,
    metricId: whole.metricId,
    targetValue,
    weight: whole.weight,
    dueDate: whole.dueDate,
    assignedFromTargetId: whole.id,
    orgId: county.id,
    // The county's own staff settle the copy; the city sees it roll up.
    sectionId: null,
  });
}

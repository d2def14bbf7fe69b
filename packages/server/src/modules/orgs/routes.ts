import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, checkDivisionCode, hasErrors, ORG_KINDS, type Lang } from '@kjj/domain';
import { scopeFor, type Actor } from '../../auth/actor.js';
import { idParams } from '../../crud/params.js';
import { nowIso } from '../../db/dialect.js';
import { pathUpperBound } from '../../db/scope.js';
import type { DB, Dialect, Executor } from '../../db/types.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';

const orgFields = {
  fullName: z.string().trim().min(2).max(100),
  shortName: z.string().trim().min(1).max(50),
  docPrefix: z.string().trim().max(20).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  sortOrder: z.int().min(0).max(10_000).optional(),
};
const createOrgInput = z.strictObject({
  parentId: z.int().positive(),
  kind: z.enum(ORG_KINDS.codes as [string, ...string[]]),
  divisionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  ...orgFields,
});
const updateOrgInput = z.strictObject({
  version: z.int().min(1),
  ...Object.fromEntries(Object.entries(orgFields).map(([k, v]) => [k, v.optional()])),
  disabled: z.boolean().optional(),
});

/**
 * Which orgs an actor reaches: every org with an `all` scope, else the subtree of their own org
 * (a city bureau reaches its counties; a county bureau its sections). Null means no limit.
 */
export function reachablePath(actor: Actor, permission?: string): string | null {
  const scopes = permission ? [scopeFor(actor, permission)] : actor.roles.map((r) => r.scope);
  return actor.kind === 'system' || scopes.includes('all') ? null : actor.orgPath;
}

async function orgInReach(db: Executor, actor: Actor, id: number, lang: Lang, permission?: string) {
  const path = reachablePath(actor, permission);
  let q = db.selectFrom('org').selectAll().where('id', '=', id);
  if (path !== null) q = q.where('path', '>=', path).where('path', '<', pathUpperBound(path));
  const org = await q.executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', { entity: lang === 'zh' ? '单位' : 'Organisation' });
  return org;
}

const fieldError = (path: string, zh: string, en: string, lang: Lang) =>
  new AppError('VALIDATION_FAILED', {}, [{ path, code: 'INVALID', message: lang === 'zh' ? zh : en }]);

/** The org tree (DESIGN §3): read by everyone within reach, managed with `org:manage`. */
export function registerOrgRoutes(app: FastifyInstance, db: DB, dialect: Dialect): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/orgs', { schema: { tags: ['orgs'], summary: '组织机构（可见范围）' } }, async (request) => {
    const path = reachablePath(actorOf(request));
    let q = db
      .selectFrom('org')
      .select([
        'id',
        'parentId',
        'kind',
        'fullName',
        'shortName',
        'divisionCode',
        'path',
        'depth',
        'docPrefix',
        'address',
        'phone',
        'sortOrder',
        'version',
        'disabledAt',
      ]);
    if (path !== null) q = q.where('path', '>=', path).where('path', '<', pathUpperBound(path));
    return { items: await q.orderBy('depth').orderBy('sortOrder').orderBy('id').execute() };
  });

  r.post(
    '/api/v1/orgs',
    {
      schema: { body: createOrgInput, tags: ['orgs'], summary: '新增单位或股室' },
      config: { permission: 'org:manage' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const lang = request.lang;
      const parent = await orgInReach(db, actor, input.parentId, lang, 'org:manage');
      if (parent.kind === 'section')
        throw fieldError('parentId', '股室下不能再设下级单位', 'Sections have no children', lang);
      if (input.kind === 'section') {
        if (input.divisionCode)
          throw fieldError('divisionCode', '股室没有行政区划代码', 'Sections have no division code', lang);
      } else {
        const code = input.divisionCode ?? '';
        if (!code || hasErrors(checkDivisionCode(code)))
          throw fieldError(
            'divisionCode',
            '请填写有效的行政区划代码（6位）',
            'A valid 6-digit division code is required',
            lang,
          );
      }
      const created = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const now = nowIso();
        // Sections take their id as path segment, so insert under a temporary unique path first.
        const temporary = `${parent.path}~${now}${Math.random()}/`;
        const row = await tx
          .insertInto('org')
          .values({
            parentId: parent.id,
            kind: input.kind,
            fullName: input.fullName,
            shortName: input.shortName,
            divisionCode: input.divisionCode ?? null,
            path: temporary,
            depth: parent.depth + 1,
            docPrefix: input.docPrefix ?? null,
            address: input.address ?? null,
            phone: input.phone ?? null,
            sortOrder: input.sortOrder ?? 0,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const segment = input.kind === 'section' ? `s${row.id}` : (input.divisionCode as string);
        const path = `${parent.path}${segment}/`;
        const clash = await tx.selectFrom('org').select('id').where('path', '=', path).executeTakeFirst();
        if (clash)
          throw new AppError('CONFLICT_DUPLICATE', {
            field: lang === 'zh' ? '行政区划代码' : 'Division code',
            value: input.divisionCode,
          });
        await tx.updateTable('org').set({ path }).where('id', '=', row.id).execute();
        audit({
          action: 'org.create',
          entity: 'org',
          entityId: row.id,
          orgId: row.id,
          diff: { after: { ...input, path } },
        });
        return { id: row.id, path };
      });
      return reply.code(201).send(created);
    },
  );

  r.patch(
    '/api/v1/orgs/:id',
    {
      schema: { params: idParams, body: updateOrgInput, tags: ['orgs'], summary: '修改单位信息' },
      config: { permission: 'org:manage' },
    },
    async (request) => {
      const actor = actorOf(request);
      const { version, disabled, ...changes } = request.body;
      return inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const before = await orgInReach(tx, actor, request.params.id, request.lang, 'org:manage');
        if (before.version !== version) throw new AppError('CONFLICT_STALE_VERSION');
        const set = {
          ...changes,
          ...(disabled === undefined ? {} : { disabledAt: disabled ? nowIso() : null }),
          updatedAt: nowIso(),
          version: version + 1,
        };
        const result = await tx
          .updateTable('org')
          .set(set)
          .where('id', '=', before.id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT_STALE_VERSION');
        const picked = Object.fromEntries(
          Object.keys(set)
            .filter((k) => k !== 'updatedAt' && k !== 'version')
            .map((k) => [k, (before as Record<string, unknown>)[k]]),
        );
        audit({
          action: 'org.update',
          entity: 'org',
          entityId: before.id,
          orgId: before.id,
          diff: { before: picked, after: { ...changes, ...(disabled === undefined ? {} : { disabled }) } },
        });
        return { id: before.id, version: version + 1 };
      });
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, DATA_SCOPES, ENTITIES, permissionRegistry } from '@kjj/domain';
import { can } from '../../auth/actor.js';
import { idParams } from '../../crud/params.js';
import { nowIso } from '../../db/dialect.js';
import type { DB, Dialect } from '../../db/types.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';

const scopes = z.enum(DATA_SCOPES.codes as [string, ...string[]]);
const known = new Set(permissionRegistry(ENTITIES).map((p) => p.key));
const permissions = z
  .array(
    z.string().refine((p) => known.has(p), {
      params: { code: 'UNKNOWN_PERMISSION', zh: '未知的权限', en: 'unknown permission' },
    }),
  )
  .max(500);
const roleInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().trim().min(2).max(30),
  nameEn: z.string().trim().min(2).max(60),
  scope: scopes,
  readScope: scopes.nullable().optional(),
  permissions,
});
const roleUpdate = z.strictObject({
  version: z.int().min(1),
  name: roleInput.shape.name.optional(),
  nameEn: roleInput.shape.nameEn.optional(),
  scope: scopes.optional(),
  readScope: scopes.nullable().optional(),
  permissions: permissions.optional(),
});

const shape = (r: { permissions: string; isSystem: number }) => ({
  ...r,
  permissions: JSON.parse(r.permissions) as string[],
  isSystem: r.isSystem === 1,
});

/** Roles (permissions + data scope) and the permission registry for the role editor. */
export function registerRoleRoutes(app: FastifyInstance, db: DB, dialect: Dialect): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/permissions', { schema: { tags: ['roles'], summary: '权限清单' } }, async () => ({
    items: permissionRegistry(ENTITIES),
  }));

  r.get('/api/v1/roles', { schema: { tags: ['roles'], summary: '角色列表' } }, async (request) => {
    const actor = actorOf(request);
    if (!can(actor, 'role:manage') && !can(actor, 'user:manage')) throw new AppError('FORBIDDEN');
    const rows = await db.selectFrom('role').selectAll().orderBy('id').execute();
    return { items: rows.map(shape) };
  });

  r.post(
    '/api/v1/roles',
    {
      schema: { body: roleInput, tags: ['roles'], summary: '新增角色' },
      config: { permission: 'role:manage' },
    },
    async (request, reply) => {
      const input = request.body;
      const taken = await db
        .selectFrom('role')
        .select('id')
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (taken)
        throw new AppError('CONFLICT_DUPLICATE', {
          field: request.lang === 'zh' ? '角色代码' : 'Role code',
          value: input.code,
        });
      const id = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const now = nowIso();
        const row = await tx
          .insertInto('role')
          .values({
            ...input,
            readScope: input.readScope ?? null,
            permissions: JSON.stringify(input.permissions),
            isSystem: 0,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit({
          action: 'role.create',
          entity: 'role',
          entityId: row.id,
          orgId: null,
          diff: { after: input },
        });
        return row.id;
      });
      return reply
        .code(201)
        .send(shape(await db.selectFrom('role').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    },
  );

  r.patch(
    '/api/v1/roles/:id',
    {
      schema: { params: idParams, body: roleUpdate, tags: ['roles'], summary: '修改角色的权限与数据范围' },
      config: { permission: 'role:manage' },
    },
    async (request) => {
      const { version, permissions: perms, ...changes } = request.body;
      await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const before = await tx
          .selectFrom('role')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!before) throw new AppError('NOT_FOUND', { entity: request.lang === 'zh' ? '角色' : 'Role' });
        if (before.version !== version) throw new AppError('CONFLICT_STALE_VERSION');
        const set = {
          ...changes,
          ...(perms ? { permissions: JSON.stringify(perms) } : {}),
          updatedAt: nowIso(),
          version: version + 1,
        };
        await tx
          .updateTable('role')
          .set(set)
          .where('id', '=', before.id)
          .where('version', '=', version)
          .execute();
        const after = { ...changes, ...(perms ? { permissions: perms } : {}) };
        const was = Object.fromEntries(
          Object.keys(after).map((k) => [
            k,
            k === 'permissions' ? JSON.parse(before.permissions) : (before as Record<string, unknown>)[k],
          ]),
        );
        audit({
          action: 'role.update',
          entity: 'role',
          entityId: before.id,
          orgId: null,
          diff: { before: was, after },
        });
      });
      return shape(
        await db.selectFrom('role').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow(),
      );
    },
  );
}

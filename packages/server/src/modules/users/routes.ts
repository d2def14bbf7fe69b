import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, DATA_SCOPES, POSITIONS, USER_STATUSES, type DataScope, type Lang } from '@kjj/domain';
import { scopeFor, type Actor } from '../../auth/actor.js';
import { hashPassword } from '../../auth/password.js';
import { newSecret } from '../../auth/tokens.js';
import { idParams } from '../../crud/params.js';
import { decodeCursor, encodeCursor } from '../../db/cursor.js';
import { nowIso } from '../../db/dialect.js';
import { startsWith } from '../../db/like.js';
import { resolveScope, scopeWhere, whereScope } from '../../db/scope.js';
import type { DB, Dialect, Executor } from '../../db/types.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { actorOf, contextOf } from '../../http/auth-hook.js';
import { enforcePasswordPolicy } from '../auth/routes.js';

const PERMISSION = 'user:manage';
const positions = z.enum(POSITIONS.codes as [string, ...string[]]);
const userFields = {
  name: z.string().trim().min(2).max(30),
  sectionId: z.int().positive().nullable().optional(),
  position: positions.nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  roleIds: z.array(z.int().positive()).max(10),
};
const createUserInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9_.-]+$/),
  orgId: z.int().positive(),
  password: z.string().min(1).max(256),
  ...userFields,
});
const updateUserInput = z.strictObject({
  version: z.int().min(1),
  name: userFields.name.optional(),
  sectionId: userFields.sectionId,
  position: userFields.position,
  phone: userFields.phone,
  roleIds: userFields.roleIds.optional(),
  status: z.enum(USER_STATUSES.codes as [string, ...string[]]).optional(),
});
const resetInput = z.strictObject({ password: z.string().min(1).max(256).optional() });
const listQuery = z.strictObject({
  q: z.string().trim().min(1).max(50).optional(),
  orgId: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional(),
  status: z.enum(USER_STATUSES.codes as [string, ...string[]]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.int().min(1).max(200))
    .optional(),
});

const userScope = (actor: Actor): DataScope | undefined => {
  const scope = scopeFor(actor, PERMISSION);
  return scope === 'self' ? undefined : scope;
};

const scopeRank = (s: DataScope) => DATA_SCOPES.codes.indexOf(s);

const notFound = (lang: Lang) => new AppError('NOT_FOUND', { entity: lang === 'zh' ? '用户' : 'User' });
const invalid = (path: string, zh: string, en: string, lang: Lang) =>
  new AppError('VALIDATION_FAILED', {}, [{ path, code: 'INVALID', message: lang === 'zh' ? zh : en }]);

/** No one hands out more than they hold: roles must be within the granter's permissions and scope. */
async function assertAssignable(db: Executor, actor: Actor, roleIds: number[], lang: Lang): Promise<void> {
  if (roleIds.length === 0) return;
  const roles = await db
    .selectFrom('role')
    .select(['id', 'scope', 'readScope', 'permissions'])
    .where('id', 'in', roleIds)
    .execute();
  if (roles.length !== new Set(roleIds).size) throw invalid('roleIds', '角色不存在', 'No such role', lang);
  if (actor.kind === 'system') return;
  const held = new Set(actor.roles.flatMap((r) => r.permissions));
  const own = userScope(actor);
  for (const role of roles) {
    const widest = [role.scope, role.readScope ?? role.scope].map((s) => scopeRank(s as DataScope));
    const tooWide = own === undefined || Math.min(...widest) < scopeRank(own);
    const tooMuch = (JSON.parse(role.permissions) as string[]).some((p) => !held.has(p));
    if (tooWide || tooMuch)
      throw invalid(
        'roleIds',
        '不能授予超出自身权限的角色',
        'You cannot grant a role wider than your own',
        lang,
      );
  }
}

async function assertPlacement(
  db: Executor,
  actor: Actor,
  orgId: number,
  sectionId: number | null,
  lang: Lang,
): Promise<void> {
  const org = await db
    .selectFrom('org')
    .select(['id', 'kind'])
    .where('id', '=', orgId)
    .where(await orgsInReach(db, actor))
    .executeTakeFirst();
  if (!org || org.kind === 'section')
    throw invalid('orgId', '所属单位不存在或不在管理范围内', 'Organisation not found or out of reach', lang);
  if (sectionId === null) return;
  const section = await db
    .selectFrom('org')
    .select(['parentId', 'kind'])
    .where('id', '=', sectionId)
    .executeTakeFirst();
  if (!section || section.kind !== 'section' || section.parentId !== orgId) {
    throw invalid('sectionId', '所属股室不属于该单位', 'The section is not part of the organisation', lang);
  }
}

/** Orgs an administrator may place users in: the org table filtered by the same scope, by id. */
async function orgsInReach(db: Executor, actor: Actor) {
  const filter = await resolveScope(db as never, actor, userScope(actor));
  return whereScope(filter.kind === 'section' ? { kind: 'orgs', ids: [filter.orgId] } : filter, 'org', {
    orgColumn: 'id',
  });
}

const userColumns = [
  'userAccount.id',
  'username',
  'userAccount.name',
  'userAccount.orgId',
  'userAccount.sectionId',
  'position',
  'phone',
  'status',
  'mustChangePassword',
  'userAccount.createdAt',
  'userAccount.updatedAt',
  'userAccount.version',
  'lastLoginAt',
] as const;

async function findUser(db: Executor, actor: Actor, id: number, lang: Lang) {
  const user = await db
    .selectFrom('userAccount')
    .select(userColumns)
    .where('userAccount.id', '=', id)
    .where(await scopeWhere(db as never, actor, userScope(actor), 'userAccount'))
    .executeTakeFirst();
  if (!user) throw notFound(lang);
  const roles = await db.selectFrom('userRole').select('roleId').where('userId', '=', id).execute();
  return { ...user, roleIds: roles.map((r) => r.roleId) };
}

async function setRoles(tx: Executor, userId: number, roleIds: number[]): Promise<void> {
  await tx.deleteFrom('userRole').where('userId', '=', userId).execute();
  if (roleIds.length > 0)
    await tx
      .insertInto('userRole')
      .values([...new Set(roleIds)].map((roleId) => ({ userId, roleId })))
      .execute();
}

/** User administration (`user:manage`), limited to the administrator's scope. */
export function registerUserRoutes(app: FastifyInstance, db: DB, dialect: Dialect, demoMode: boolean): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { permission: PERMISSION };

  r.get(
    '/api/v1/users',
    { schema: { querystring: listQuery, tags: ['users'], summary: '用户列表' }, config },
    async (request) => {
      const actor = actorOf(request);
      const { q, orgId, status, cursor, limit = 50 } = request.query;
      let query = db
        .selectFrom('userAccount')
        .select(userColumns)
        .where(await scopeWhere(db as never, actor, userScope(actor), 'userAccount'));
      if (orgId !== undefined)
        query = query.where((eb) =>
          eb.or([eb('userAccount.orgId', '=', orgId), eb('userAccount.sectionId', '=', orgId)]),
        );
      if (status) query = query.where('status', '=', status);
      // Users are few per org; a prefix match on the short username/name columns is enough here.
      if (q)
        query = query.where((eb) =>
          eb.or([startsWith(eb.ref('username'), q), startsWith(eb.ref('userAccount.name'), q)]),
        );
      if (cursor) query = query.where('userAccount.id', '>', Number(decodeCursor(cursor, 'id').value));
      const rows = await query
        .orderBy('userAccount.id')
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit);
      const roles = items.length
        ? await db
            .selectFrom('userRole')
            .select(['userId', 'roleId'])
            .where(
              'userId',
              'in',
              items.map((u) => u.id),
            )
            .execute()
        : [];
      const last = items.at(-1);
      return {
        items: items.map((u) => ({
          ...u,
          roleIds: roles.filter((x) => x.userId === u.id).map((x) => x.roleId),
        })),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ sort: 'id', value: last.id, id: last.id }) : null,
      };
    },
  );

  r.get(
    '/api/v1/users/:id',
    { schema: { params: idParams, tags: ['users'], summary: '用户详情' }, config },
    async (request) => findUser(db, actorOf(request), request.params.id, request.lang),
  );

  r.post(
    '/api/v1/users',
    { schema: { body: createUserInput, tags: ['users'], summary: '新增用户' }, config },
    async (request, reply) => {
      const actor = actorOf(request);
      const input = request.body;
      const lang = request.lang;
      enforcePasswordPolicy(demoMode, input.password, input.username, lang);
      await assertPlacement(db, actor, input.orgId, input.sectionId ?? null, lang);
      await assertAssignable(db, actor, input.roleIds, lang);
      const taken = await db
        .selectFrom('userAccount')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (taken)
        throw new AppError(
          'CONFLICT_DUPLICATE',
          { field: lang === 'zh' ? '用户名' : 'Username', value: input.username },
          [
            {
              path: 'username',
              code: 'DUPLICATE',
              message: lang === 'zh' ? '用户名已被使用' : 'Username taken',
            },
          ],
        );
      const passwordHash = await hashPassword(input.password);
      const id = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const now = nowIso();
        const row = await tx
          .insertInto('userAccount')
          .values({
            username: input.username,
            name: input.name,
            orgId: input.orgId,
            sectionId: input.sectionId ?? null,
            position: input.position ?? null,
            phone: input.phone ?? null,
            passwordHash,
            status: 'active',
            mustChangePassword: demoMode ? 0 : 1,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await setRoles(tx, row.id, input.roleIds);
        const { password: _secret, ...shown } = input;
        audit({
          action: 'user.create',
          entity: 'user',
          entityId: row.id,
          orgId: input.orgId,
          diff: { after: shown },
        });
        return row.id;
      });
      return reply.code(201).send(await findUser(db, actor, id, lang));
    },
  );

  r.patch(
    '/api/v1/users/:id',
    {
      schema: {
        params: idParams,
        body: updateUserInput,
        tags: ['users'],
        summary: '修改用户（含停用、分配角色与股室）',
      },
      config,
    },
    async (request) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const { version, roleIds, ...changes } = request.body;
      await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const before = await findUser(tx, actor, request.params.id, lang);
        if (before.version !== version) throw new AppError('CONFLICT_STALE_VERSION');
        if (before.id === actor.userId && changes.status === 'disabled')
          throw invalid('status', '不能停用自己的账号', 'You cannot disable yourself', lang);
        if (changes.sectionId !== undefined)
          await assertPlacement(tx, actor, before.orgId, changes.sectionId, lang);
        if (roleIds) await assertAssignable(tx, actor, roleIds, lang);
        await tx
          .updateTable('userAccount')
          .set({ ...changes, updatedAt: nowIso(), version: version + 1 })
          .where('id', '=', before.id)
          .where('version', '=', version)
          .execute();
        if (roleIds) await setRoles(tx, before.id, roleIds);
        // A disabled user loses access at once: their sessions end now.
        if (changes.status === 'disabled')
          await tx.deleteFrom('session').where('userId', '=', before.id).execute();
        const after = { ...changes, ...(roleIds ? { roleIds } : {}) };
        const was = Object.fromEntries(
          Object.keys(after).map((k) => [k, (before as Record<string, unknown>)[k]]),
        );
        audit({
          action: changes.status === 'disabled' ? 'user.disable' : 'user.update',
          entity: 'user',
          entityId: before.id,
          orgId: before.orgId,
          diff: { before: was, after },
        });
      });
      return findUser(db, actor, request.params.id, lang);
    },
  );

  r.post(
    '/api/v1/users/:id/reset-password',
    { schema: { params: idParams, body: resetInput, tags: ['users'], summary: '重置密码' }, config },
    async (request) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const user = await findUser(db, actor, request.params.id, lang);
      if (user.id === actor.userId)
        throw invalid(
          'id',
          '请在“个人设置”中修改自己的密码',
          'Change your own password under personal settings',
          lang,
        );
      // A generated password meets the policy by construction and is shown once.
      const password = request.body.password ?? `Kj${newSecret(9)}#1`;
      enforcePasswordPolicy(demoMode, password, user.username, lang);
      const passwordHash = await hashPassword(password);
      await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        await tx
          .updateTable('userAccount')
          .set({ passwordHash, mustChangePassword: 1, updatedAt: nowIso(), version: user.version + 1 })
          .where('id', '=', user.id)
          .execute();
        await tx.deleteFrom('session').where('userId', '=', user.id).execute();
        audit({
          action: 'user.reset_password',
          entity: 'user',
          entityId: user.id,
          orgId: user.orgId,
          diff: {},
        });
      });
      return { password: request.body.password ? null : password };
    },
  );
}

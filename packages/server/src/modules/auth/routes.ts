import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, passwordProblems } from '@kjj/domain';
import { systemActor } from '../../auth/actor.js';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/password.js';
import { createSession, deleteSession, loadActor } from '../../auth/sessions.js';
import { reserveAttempt, resolveAttempt } from '../../auth/throttle.js';
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/tokens.js';
import type { Config } from '../../config.js';
import { nowIso } from '../../db/dialect.js';
import type { DB, Dialect } from '../../db/types.js';
import { auditOnly, inTransaction, type RequestContext } from '../../db/unit-of-work.js';
import { actorOf, contextOf, SESSION_COOKIE } from '../../http/auth-hook.js';
import { profileOf } from './profile.js';

export interface AuthDeps {
  db: DB;
  dialect: Dialect;
  config: Config;
  /** Demo installations keep their simple demo passwords; real ones enforce the policy. */
  demoMode: boolean;
}

const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
const tokenInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  expiresInDays: z.int().min(1).max(3650).optional(),
});
const idParams = z.strictObject({
  id: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
});

export function enforcePasswordPolicy(
  demoMode: boolean,
  password: string,
  username: string,
  lang: 'zh' | 'en',
): void {
  if (demoMode) return;
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    const reason = problems.map((p) => p[lang]).join(lang === 'zh' ? '；' : '; ');
    throw new AppError('PASSWORD_POLICY', { reason }, [
      { path: 'newPassword', code: 'PASSWORD_POLICY', message: reason },
    ]);
  }
}

function anonymousContext(request: FastifyRequest, username: string): RequestContext {
  const actor = { ...systemActor('login'), name: `login:${username}`, username };
  return { actor, requestId: String(request.id), ip: request.ip ?? null };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { db, dialect, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
    });

  r.post(
    '/api/v1/auth/login',
    {
      schema: { body: loginInput, tags: ['auth'], summary: '登录' },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const ip = request.ip ?? 'unknown';
      const anon = anonymousContext(request, username);
      const reservation = await reserveAttempt(db, username, ip);
      if (!reservation.ok) {
        await auditOnly(db, dialect, anon, {
          action: 'auth.login_throttled',
          entity: 'session',
          entityId: null,
          orgId: null,
          diff: { username, ip },
        });
        throw new AppError('RATE_LIMITED', { minutes: Math.ceil(reservation.retryAfterSeconds / 60) }, [], {
          retryAfterSeconds: reservation.retryAfterSeconds,
        });
      }
      const user = await db
        .selectFrom('userAccount')
        .select(['id', 'passwordHash', 'status', 'orgId'])
        .where('username', '=', username)
        .executeTakeFirst();
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
      if (!user || !valid) {
        await resolveAttempt(db, reservation.attemptId, 'failed', username);
        await auditOnly(db, dialect, anon, {
          action: 'auth.login_failed',
          entity: 'session',
          entityId: null,
          orgId: user?.orgId ?? null,
          diff: { username, ip },
        });
        throw new AppError('LOGIN_FAILED');
      }
      await resolveAttempt(db, reservation.attemptId, 'success', username);
      const actor = user.status === 'active' ? await loadActor(db, user.id, 'session') : undefined;
      if (!actor) throw new AppError('ACCOUNT_DISABLED');
      // A session id the client brought along is dropped: every login gets a new one.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(db, sha256(previous));
      const session = await createSession(db, config, user.id, {
        ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      await db.updateTable('userAccount').set({ lastLoginAt: nowIso() }).where('id', '=', user.id).execute();
      const signedIn = { ...actor, sessionId: session.id, csrfToken: session.csrfToken };
      await auditOnly(
        db,
        dialect,
        { actor: signedIn, requestId: String(request.id), ip },
        { action: 'auth.login', entity: 'session', entityId: null, diff: {} },
      );
      setCookie(reply, session.token);
      return profileOf(db, signedIn);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录' } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.sessionId) await deleteSession(db, actor.sessionId);
      await auditOnly(db, dialect, contextOf(request), {
        action: 'auth.logout',
        entity: 'session',
        entityId: null,
        diff: {},
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: '当前用户' } }, async (request) =>
    profileOf(db, actorOf(request)),
  );

  r.post(
    '/api/v1/auth/password',
    { schema: { body: passwordChangeInput, tags: ['auth'], summary: '修改密码' } },
    async (request) => {
      const actor = actorOf(request);
      const user = await db
        .selectFrom('userAccount')
        .select(['passwordHash'])
        .where('id', '=', actor.userId ?? 0)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: 'currentPassword',
            code: 'WRONG_PASSWORD',
            message: request.lang === 'zh' ? '当前密码不正确' : 'The current password is wrong',
          },
        ]);
      }
      enforcePasswordPolicy(deps.demoMode, request.body.newPassword, actor.username, request.lang);
      const passwordHash = await hashPassword(request.body.newPassword);
      await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        await tx
          .updateTable('userAccount')
          .set({ passwordHash, mustChangePassword: 0, updatedAt: nowIso() })
          .where('id', '=', actor.userId ?? 0)
          .execute();
        // Other sessions of this user end; this one stays.
        await tx
          .deleteFrom('session')
          .where('userId', '=', actor.userId ?? 0)
          .where('id', '!=', actor.sessionId ?? '')
          .execute();
        audit({ action: 'user.password_changed', entity: 'user', entityId: actor.userId, diff: {} });
      });
      return { ok: true };
    },
  );

  r.get('/api/v1/auth/tokens', { schema: { tags: ['auth'], summary: '我的API令牌' } }, async (request) => {
    const rows = await db
      .selectFrom('apiToken')
      .select(['id', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'])
      .where('userId', '=', actorOf(request).userId ?? 0)
      .orderBy('id', 'desc')
      .execute();
    return { items: rows };
  });

  r.post(
    '/api/v1/auth/tokens',
    { schema: { body: tokenInput, tags: ['auth'], summary: '创建API令牌' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = `${API_TOKEN_PREFIX}${newSecret()}`;
      const expiresAt = request.body.expiresInDays
        ? new Date(Date.now() + request.body.expiresInDays * 86_400_000).toISOString()
        : null;
      const created = await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const row = await tx
          .insertInto('apiToken')
          .values({
            userId: actor.userId ?? 0,
            name: request.body.name,
            tokenHash: sha256(token),
            prefix: token.slice(0, 10),
            createdAt: nowIso(),
            expiresAt,
          })
          .returning(['id', 'name', 'prefix', 'createdAt', 'expiresAt'])
          .executeTakeFirstOrThrow();
        audit({
          action: 'api_token.create',
          entity: 'api_token',
          entityId: row.id,
          diff: { after: { name: row.name, prefix: row.prefix } },
        });
        return row;
      });
      // The token is shown once; only its hash is kept.
      return reply.code(201).send({ ...created, token });
    },
  );

  r.delete(
    '/api/v1/auth/tokens/:id',
    { schema: { params: idParams, tags: ['auth'], summary: '吊销API令牌' } },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTransaction(db, dialect, contextOf(request), async ({ tx, audit }) => {
        const result = await tx
          .updateTable('apiToken')
          .set({ revokedAt: nowIso() })
          .where('id', '=', request.params.id)
          .where('userId', '=', actor.userId ?? 0)
          .where('revokedAt', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0)
          throw new AppError('NOT_FOUND', { entity: request.lang === 'zh' ? 'API令牌' : 'API token' });
        audit({ action: 'api_token.revoke', entity: 'api_token', entityId: request.params.id, diff: {} });
      });
      return reply.code(204).send();
    },
  );
}

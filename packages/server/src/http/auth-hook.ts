import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type Lang } from '@kjj/domain';
import { can, type Actor } from '../auth/actor.js';
import { resolveApiToken, resolveSession } from '../auth/sessions.js';
import { API_TOKEN_PREFIX, safeEqual } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { RequestContext } from '../db/unit-of-work.js';
import type { DB } from '../db/types.js';

export const SESSION_COOKIE = 'kjj_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const langOf = (request: FastifyRequest): Lang =>
  /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'zh';

async function authenticate(db: DB, config: Config, request: FastifyRequest): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token?.startsWith(API_TOKEN_PREFIX)) return undefined;
    return resolveApiToken(db, token);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(db, config, cookie) : undefined;
}

/**
 * Closed by default: every /api/v1 route needs a signed-in actor unless marked public, then the
 * route's permission, then (for cookie sessions) the CSRF token on every write.
 */
export function installAuthHook(app: FastifyInstance, db: DB, config: Config): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (request) => {
    request.lang = langOf(request);
    const config_ = request.routeOptions.config;
    if (!request.url.startsWith('/api/v1/') || config_.public || request.is404) return;
    const actor = await authenticate(db, config, request);
    if (!actor) throw new AppError('UNAUTHENTICATED');
    request.actor = actor;
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken))
        throw new AppError('CSRF_FAILED');
    }
    if (config_.permission && !can(actor, config_.permission)) throw new AppError('FORBIDDEN');
  });
}

/** The signed-in actor of a route that required one (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export const contextOf = (request: FastifyRequest): RequestContext => ({
  actor: actorOf(request),
  requestId: String(request.id),
  ip: request.ip ?? null,
});

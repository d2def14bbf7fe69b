import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ENTITIES } from '@kjj/domain';
import type { Config } from './config.js';
import type { AppDeps } from './crud/context.js';
import { importJobHandler } from './crud/import-job.js';
import { registerCrud } from './crud/register.js';
import type { Database } from './db/connect.js';
import { installAuthHook } from './http/auth-hook.js';
import { installInputGuard } from './http/input-guard.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { answerClientError, installProblemHandlers } from './http/problem.js';
import { plainSerializerCompiler, zodValidatorCompiler } from './http/validation.js';
import './http/types.js';
import { JobRunner } from './jobs/runner.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { registerAuthRoutes } from './modules/auth/routes.js';
import { registerJobRoutes } from './modules/jobs/routes.js';
import { registerReportRoutes } from './modules/reports/routes.js';
import { registerKpiRoutes } from './modules/kpi/routes.js';
import { registerOverviewRoutes } from './modules/dashboards/overview.js';
import { registerDashboardRoutes } from './modules/dashboards/routes.js';
import { registerLedgerRoute } from './modules/projects/ledger.js';
import { registerMetricRoutes } from './modules/metrics/routes.js';
import { registerDictRoutes } from './modules/dicts/routes.js';
import { registerOrgRoutes } from './modules/orgs/routes.js';
import { registerTownRoutes } from './modules/orgs/towns.js';
import { registerRoleRoutes } from './modules/roles/routes.js';
import { registerUserRoutes } from './modules/users/routes.js';

export interface RouteInfo {
  method: string;
  url: string;
  permission?: string;
  entity?: string;
  public?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  jobs: JobRunner;
  /** Every route with its access config: the scope and bad-input test suites are generated from it. */
  routes: RouteInfo[];
}

/** Fields that must never reach a log line (DESIGN §8). */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return config.logLevel === 'silent'
    ? false
    : { level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } };
}

/** Plugins and routes, nothing else (STYLE §1). The database is opened and migrated by the caller. */
export async function buildApp(
  config: Config,
  database: Database,
  opts: { demoMode: boolean; logger?: FastifyServerOptions['logger'] },
): Promise<BuiltApp> {
  const app = Fastify({
    logger: opts.logger ?? loggerOptions(config),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { strict: true } },
    clientErrorHandler: answerClientError,
  });
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const { permission, entity, public: open } = route.config ?? {};
      routes.push({
        method,
        url: route.url,
        ...(permission ? { permission } : {}),
        ...(entity ? { entity } : {}),
        ...(open ? { public: open } : {}),
      });
    }
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(plainSerializerCompiler);
  installProblemHandlers(app);

  const { db, dialect } = database;
  const jobs = new JobRunner(db, app.log);
  jobs.register('import', importJobHandler({ db, dialect, entities: ENTITIES }));
  const deps: AppDeps = { db, dialect, config, jobs, demoMode: opts.demoMode };

  installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
        // County intranets often serve plain HTTP by address; upgrading would break every asset.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimit, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'kjj API', description: '科技局工作平台接口', version: '1.0.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  app.get('/api/health', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    try {
      await db.selectFrom('appSetting').select('key').limit(1).execute();
      return { status: 'ok', db: dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', db: dialect });
    }
  });

  installAuthHook(app, db, config);
  installInputGuard(app);
  registerAuthRoutes(app, { db, dialect, config, demoMode: opts.demoMode });
  registerOrgRoutes(app, db, dialect);
  registerDictRoutes(app, db, dialect);
  registerTownRoutes(app, db);
  registerUserRoutes(app, db, dialect, opts.demoMode);
  registerRoleRoutes(app, db, dialect);
  registerAuditRoutes(app, db);
  registerJobRoutes(app, db);
  registerMetricRoutes(app, db);
  registerDashboardRoutes(app, db);
  registerOverviewRoutes(app, db);
  registerKpiRoutes(app, db, dialect);
  registerReportRoutes(app, db, dialect);
  for (const def of ENTITIES) registerCrud(app, deps, def);
  registerLedgerRoute(app, deps);

  serveWeb(app, config.webDir);
  return { app, jobs, routes };
}

/**
 * The built staff UI. Hashed files under /assets are immutable and served pre-compressed (the web
 * build writes .br/.gz beside them); a missing asset is a 404, not index.html. Every other path
 * is a client-side route and gets index.html, never cached, so a new build shows at once.
 */
function serveWeb(app: FastifyInstance, webDir: string | undefined): void {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return;
  void app.register(fastifyStatic, {
    root: join(webDir, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = request.url.split('?')[0]?.slice(1) ?? '';
    const isRootFile =
      /^[\w.-]+\.(svg|ico|png|txt|webmanifest)$/.test(file) && existsSync(join(webDir, file));
    return reply.header('cache-control', 'no-cache').sendFile(isRootFile ? file : 'index.html', webDir);
  });
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type RouteInfo } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/connect.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import type { JobRunner } from '../../src/jobs/runner.js';

export interface Client {
  username: string;
  csrfToken: string | null;
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  jobs: JobRunner;
  config: Config;
  routes: RouteInfo[];
  /** A signed-in client for a demo account (cookie session + CSRF token). */
  as: (username: string, password?: string) => Promise<Client>;
  /** A client with no session at all. */
  anonymous: () => Client;
  /** The id of the bureau of a division code (431223 → 辰溪县科技局). */
  orgIdOf: (division: string) => Promise<number>;
  /** The org-tree path of the bureau of a division code: the prefix of its subtree's paths. */
  orgPathOf: (division: string) => Promise<string>;
  close: () => Promise<void>;
}

function clientFor(
  app: FastifyInstance,
  username: string,
  cookie: string | null,
  csrfToken: string | null,
): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken && opts.method && opts.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(opts.headers ?? {}),
      },
    });
  return {
    username,
    csrfToken,
    request,
    get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    post: (url, body, headers) =>
      request({
        method: 'POST',
        url,
        ...(body === undefined ? {} : { payload: body as object }),
        ...(headers ? { headers } : {}),
      }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export async function testApp(
  db: Database,
  overrides: Partial<Config> = {},
  opts: { demoMode?: boolean } = {},
): Promise<TestApp> {
  const config = loadConfig({ KJJ_LOG_LEVEL: 'silent' }, { webDir: undefined, ...overrides });
  const { app, jobs, routes } = await buildApp(config, db, { demoMode: opts.demoMode ?? true });
  await app.ready();
  const sessions = new Map<string, Client>();
  return {
    app,
    db,
    jobs,
    config,
    routes,
    anonymous: () => clientFor(app, 'anonymous', null, null),
    orgIdOf: async (division) =>
      Number(
        (
          await db.db
            .selectFrom('org')
            .select('id')
            .where('divisionCode', '=', division)
            .executeTakeFirstOrThrow()
        ).id,
      ),
    orgPathOf: async (division) =>
      String(
        (
          await db.db
            .selectFrom('org')
            .select('path')
            .where('divisionCode', '=', division)
            .executeTakeFirstOrThrow()
        ).path,
      ),
    as: async (username, password = DEMO_PASSWORD) => {
      const key = `${username}:${password}`;
      const known = sessions.get(key);
      if (known) return known;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'kjj_session');
      const client = clientFor(
        app,
        username,
        `kjj_session=${cookie?.value}`,
        res.json<{ csrfToken: string }>().csrfToken,
      );
      sessions.set(key, client);
      return client;
    },
    close: async () => {
      await jobs.idle();
      await app.close();
      await db.close();
    },
  };
}

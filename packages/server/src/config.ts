import { z } from 'zod';

/** Everything the server reads from the environment (DESIGN §8), parsed once at start. */
const envSchema = z.object({
  KJJ_DATABASE_URL: z.string().default('sqlite:./data/kjj.db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  KJJ_DEMO: z.enum(['0', '1', 'auto']).default('auto'),
  KJJ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Send cookies with `Secure`; on by default outside demo mode (production runs behind HTTPS). */
  KJJ_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  KJJ_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Serve the built web app from this folder; empty disables it (API only). */
  KJJ_WEB_DIR: z.string().optional(),
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (comma-separated); none by default. */
  KJJ_TRUST_PROXY: z.string().optional(),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  /** 'auto': load demo data when the database is empty (what `npm start` does). */
  demo: 'on' | 'off' | 'auto';
  logLevel: string;
  secureCookies: boolean;
  pgPoolSize: number;
  webDir: string | undefined;
  /** Proxies trusted for the client address: login throttling per address depends on it. */
  trustProxy: string[];
  /** Session lifetimes (DESIGN §4): idle and absolute. */
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Request bodies above this are refused with 413; uploads have their own limit. */
  bodyLimit: number;
  uploadLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = envSchema.parse(env);
  const demo = e.KJJ_DEMO === '1' ? 'on' : e.KJJ_DEMO === '0' ? 'off' : 'auto';
  return {
    databaseUrl: e.KJJ_DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    demo,
    logLevel: e.KJJ_LOG_LEVEL,
    secureCookies: e.KJJ_SECURE_COOKIES ? e.KJJ_SECURE_COOKIES === '1' : false,
    pgPoolSize: e.KJJ_PG_POOL_SIZE,
    webDir: e.KJJ_WEB_DIR,
    trustProxy: (e.KJJ_TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    bodyLimit: 1_048_576,
    uploadLimit: 20 * 1_048_576,
    ...overrides,
  };
}

import { DEMO_PASSWORD } from '@kjj/server';
import { describe, expect, it } from 'vitest';
import { startServer } from '../e2e/support/server-process.js';
import { emptySqlite } from './support/databases.js';
import { recordFigures } from './support/record.js';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy'];

/** A session's worth of requests that carry secrets, against a server logging at debug level. */
describe('secrets never reach the log; every answer carries the security headers', () => {
  it('logs a full sign-in, token and password session without one secret in it', async () => {
    const database = emptySqlite();
    const server = await startServer({
      databaseUrl: database.url,
      web: true,
      logLevel: 'debug',
      echoErrors: false,
      outputLimit: 50_000_000,
    });
    const secrets: string[] = [DEMO_PASSWORD, 'Wrong@Pass2026', 'Neu@Pass2026x'];
    const headersSeen: Record<string, string | null>[] = [];
    try {
      const url = (path: string) => `${server.baseUrl}${path}`;
      const json = { 'content-type': 'application/json' };
      await fetch(url('/api/v1/auth/login'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'cx_staff', password: 'Wrong@Pass2026' }),
      });
      const login = await fetch(url('/api/v1/auth/login'), {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: 'cx_staff', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const session = /kjj_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      secrets.push(session, csrfToken);
      const withSession = { ...json, cookie: `kjj_session=${session}`, 'x-csrf-token': csrfToken };
      const token = await fetch(url('/api/v1/auth/tokens'), {
        method: 'POST',
        headers: withSession,
        body: JSON.stringify({ name: '日志检查' }),
      });
      const apiToken = ((await token.json()) as { token: string }).token;
      secrets.push(apiToken);
      for (const path of ['/', '/api/v1/enterprises?limit=5', '/api/v1/auth/me', '/api/v1/nowhere']) {
        const res = await fetch(url(path), { headers: { authorization: `Bearer ${apiToken}` } });
        await res.arrayBuffer();
        headersSeen.push({
          path,
          ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers.get(h)])),
        });
      }
      await fetch(url('/api/v1/auth/password'), {
        method: 'POST',
        headers: withSession,
        body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: 'Neu@Pass2026x' }),
      });
      await fetch(url('/api/v1/auth/logout'), { method: 'POST', headers: withSession });
    } finally {
      await server.stop();
      await database.drop();
    }
    const log = server.output();
    const lines = log.split('\n').filter(Boolean);
    const leaks = secrets.filter((s) => log.includes(s));
    await recordFigures('hygiene', 'Secrets in the log and security headers', 'sqlite', [
      ['Log lines written at debug level by one session', lines.length],
      ['Secrets looked for (passwords, session id, CSRF token, API token)', secrets.length],
      ['Secrets found in the log', leaks.length],
      ['Answers checked for CSP, frame-ancestors, nosniff, referrer policy', headersSeen.length],
    ]);
    expect(lines.filter((l) => l.includes('"reqId"')).length, 'the requests were logged').toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    for (const seen of headersSeen) {
      expect(seen['content-security-policy'], seen.path!).toContain("frame-ancestors 'none'");
      expect(seen['x-content-type-options'], seen.path!).toBe('nosniff');
      expect(seen['referrer-policy'], seen.path!).toBe('no-referrer');
    }
  });
});

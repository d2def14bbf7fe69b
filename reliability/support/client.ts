import { DEMO_PASSWORD } from '@kjj/server';

export interface Reply<T = any> {
  status: number;
  body: T;
  contentType: string;
}

/** A caller of the HTTP API with a personal API token (no cookie, so no CSRF token needed). */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async send<T = any>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(30_000),
    };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { ...init.headers, 'content-type': 'application/json' };
    }
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: contentType.includes('json') && text ? JSON.parse(text) : text,
      contentType,
    };
  }

  get = <T = any>(path: string) => this.send<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.send<T>('POST', path, body);
  patch = <T = any>(path: string, body?: unknown) => this.send<T>('PATCH', path, body);
}

/**
 * Signs a demo account in with its password (cookie and CSRF token) and creates a personal API token
 * for it; the token outlives server restarts, so a harness keeps using it after every kill.
 */
export async function apiTokenFor(baseUrl: string, username: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const created = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'reliability' }),
  });
  if (created.status !== 201)
    throw new Error(`token for ${username}: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { token: string }).token;
}

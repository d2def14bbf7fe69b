import { ApiError, problemFromResponse } from './problem';
import { session } from './session';

export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  /** A 401 here means "not signed in" rather than "session expired" (login, /me). */
  quietUnauthenticated?: boolean;
  signal?: AbortSignal;
}

/** `?a=1&b=x`, skipping empty values so an unset filter never reaches the server. */
export function queryString(query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const apiUrl = (path: string, query?: QueryParams): string =>
  `${API_BASE}${path}${queryString(query)}`;

function headersFor(method: string, body: unknown): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': session.acceptLanguage() });
  if (body !== undefined && !(body instanceof FormData)) headers.set('Content-Type', 'application/json');
  const csrf = session.csrfToken();
  if (method !== 'GET' && csrf) headers.set('x-csrf-token', csrf);
  return headers;
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204) return undefined;
  if (type.includes('json')) return response.json();
  return response.text();
}

/** Raw fetch with the session headers; throws ApiError on any non-2xx answer. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const body =
    options.body instanceof FormData
      ? options.body
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, options.body),
      body,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(problemFromResponse(0, undefined, networkTitle()));
  }
  if (response.ok) return response;
  const problem = problemFromResponse(
    response.status,
    await readBody(response).catch(() => undefined),
    networkTitle(response.status),
  );
  if (response.status === 401 && !options.quietUnauthenticated) session.signalUnauthenticated();
  throw new ApiError(problem);
}

function networkTitle(status?: number): string {
  const zh = session.acceptLanguage().startsWith('zh');
  if (status === undefined) return zh ? '无法连接服务器，请检查网络' : 'Cannot reach the server';
  return zh ? `服务器返回错误（${status}）` : `Server error (${status})`;
}

/** JSON call: the parsed body typed as T (the server's OpenAPI document is the contract). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  return (await readBody(response)) as T;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startServer } from '../e2e/support/server-process.js';
import { apiTokenFor } from './support/client.js';
import { harnessDatabases } from './support/databases.js';
import { HOSTILE_STRINGS, RAW_BODIES, valueFor, type Schema } from './support/openapi-arbitraries.js';
import { recordFigures } from './support/record.js';

/** Requests per database; `KJJ_FUZZ_REQUESTS=100000 npm run test:reliability` for a longer run. */
const REQUESTS = Number(process.env.KJJ_FUZZ_REQUESTS ?? 10_000);
const PARALLEL = 8;
/** Accounts the fuzzer acts as, in turn: a request may disable or strip the one in use. */
const ACCOUNTS = ['admin', 'hh_admin', 'cx_director', 'cx_staff', 'my_director', 'cx_rural', 'hh_staff'];
/** The server's body limit (1 MB); see Config.bodyLimit. */
const BODY_LIMIT = 1_048_576;
const bodySize = (body: FuzzRequest['body']) =>
  typeof body === 'string' ? Buffer.byteLength(body) : body instanceof Uint8Array ? body.length : 0;
const STACK_TRACE = /\n\s+at [\w.<]+ \(|node_modules|\.ts:\d+|\.js:\d+:\d+/;

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; schema: Schema; required?: boolean }[];
  body?: Schema;
  multipart: boolean;
}

interface FuzzRequest {
  method: string;
  url: string;
  body?: string | Uint8Array<ArrayBuffer> | FormData;
  contentType?: string;
  label: string;
}

function operationsOf(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      // Revoking the fuzzer's own token or signing it out only ends the run early.
      if (path === '/api/v1/auth/logout' || (path.startsWith('/api/v1/auth/tokens/') && method === 'delete'))
        continue;
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart:
          Boolean(content['multipart/form-data']) || (op.consumes ?? []).includes('multipart/form-data'),
      });
    }
  return ops;
}

/** A lone surrogate cannot be put in a URL at all (the client, not the server, refuses it). */
const encodable = (s: string) => {
  try {
    return encodeURIComponent(s) !== undefined;
  } catch {
    return false;
  }
};

const pathValue = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 400 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1.5', '99999999999999999999', 'abc') },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 200 && encodable(s))) },
);

const asQueryValue = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(...pathParams.map(() => pathValue))
    .map((values) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, encodeURIComponent(values[i]!)), op.path),
    );
  const query = fc
    .tuple(...queryParams.map((p) => fc.option(valueFor(p.schema), { nil: undefined, freq: 2 })))
    .map((values) => {
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => values[i] !== undefined && search.set(p.name, asQueryValue(values[i])));
      return search.size ? `?${search}` : '';
    });
  const file = fc.record({
    name: fc.constantFrom(
      '企业.xlsx',
      '../../../etc/passwd',
      'a\u0000.xlsx',
      '<script>.xlsx',
      'x'.repeat(300),
      '宏.xlsm',
    ),
    bytes: fc.uint8Array({ maxLength: 2000 }),
  });
  const body: fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType'> & { kind: string }> = op.multipart
    ? file.map(({ name, bytes }) => {
        const form = new FormData();
        form.append('file', new Blob([bytes]), name);
        return { body: form, kind: 'multipart' };
      })
    : op.body
      ? fc.oneof(
          {
            weight: 9,
            arbitrary: valueFor(op.body).map((v) => ({
              body: JSON.stringify(v) ?? 'null',
              contentType: 'application/json',
              kind: 'schema',
            })),
          },
          { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((b) => ({ ...b, kind: 'raw' })) },
        )
      : fc.constant({ kind: 'none' });
  return fc.tuple(path, query, body).map(([p, q, b]) => ({
    method: op.method,
    url: `${p}${q}`,
    ...(b.body !== undefined ? { body: b.body } : {}),
    ...(b.contentType ? { contentType: b.contentType } : {}),
    label: `${op.method} ${op.path} (${b.kind})`,
  }));
}

for (const kind of await harnessDatabases('fuzz')) {
  const name = kind.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  describe(`${kind.dialect}: requests generated from the OpenAPI document`, () => {
    it(`answers ${REQUESTS.toLocaleString('en')} generated and hostile requests without a 5xx or a stack trace`, async () => {
      const database = await kind.create();
      const server = await startServer({ databaseUrl: database.url, web: false, echoErrors: false });
      try {
        const doc = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
        const operations = operationsOf(doc);
        const requests = fc.sample(fc.oneof(...operations.map(requestFor)), {
          numRuns: REQUESTS,
          seed: 20261206,
        });
        let account = 0;
        let token = await apiTokenFor(server.baseUrl, ACCOUNTS[account]!);
        const statuses = new Map<number, number>();
        const failures: string[] = [];
        const covered = new Set<string>();
        let sent = 0;
        let refusedMidBody = 0;
        const send = async (r: FuzzRequest) => {
          const headers: Record<string, string> = { authorization: `Bearer ${token}` };
          if (r.contentType) headers['content-type'] = r.contentType;
          let res: Response;
          try {
            res = await fetch(`${server.baseUrl}${r.url}`, {
              method: r.method,
              headers,
              ...(r.body !== undefined && r.method !== 'GET' ? { body: r.body } : {}),
              signal: AbortSignal.timeout(60_000),
            });
          } catch (error) {
            // The server answers an oversized body with 413 and hangs up while the client is still
            // sending it; the client then sees a broken pipe instead of the answer. Anything else is
            // a failure (a crashed server refuses every later request too).
            sent += 1;
            if (bodySize(r.body) > BODY_LIMIT) refusedMidBody += 1;
            else if (failures.length < 50)
              failures.push(`${r.label} ${r.url.slice(0, 120)}: ${String(error)}`);
            return;
          }
          const type = res.headers.get('content-type') ?? '';
          const body =
            type.includes('json') || type.startsWith('text/')
              ? await res.text()
              : (await res.arrayBuffer(), '');
          sent += 1;
          covered.add(r.label.replace(/ \(.*$/, ''));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const problem =
            res.status >= 500
              ? `status ${res.status}`
              : STACK_TRACE.test(body)
                ? 'stack trace in the body'
                : res.status >= 400 && !type.includes('application/problem+json')
                  ? `error as ${type || 'no content type'}`
                  : undefined;
          if (problem && failures.length < 50)
            failures.push(`${r.label} ${r.url.slice(0, 120)}: ${problem}: ${body.slice(0, 200)}`);
        };
        for (let i = 0; i < requests.length; i += PARALLEL) {
          await Promise.all(requests.slice(i, i + PARALLEL).map(send));
          if (
            i % 400 === 0 &&
            (
              await fetch(`${server.baseUrl}/api/v1/auth/me`, {
                headers: { authorization: `Bearer ${token}` },
              })
            ).status !== 200
          ) {
            account = (account + 1) % ACCOUNTS.length;
            token = await apiTokenFor(server.baseUrl, ACCOUNTS[account]!);
          }
        }
        const fives = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
        await recordFigures('fuzz', `Fuzzing from the OpenAPI document — ${name}`, kind.dialect, [
          ['Requests sent', sent],
          ['Operations in the OpenAPI document', operations.length],
          ['Operations exercised', covered.size],
          [
            'Answers by status',
            [...statuses]
              .sort(([a], [b]) => a - b)
              .map(([s, c]) => `${s}: ${c}`)
              .join(', '),
          ],
          ['5xx answers', fives],
          ['Oversized bodies cut off by the server before they were sent in full', refusedMidBody],
          [
            'Answers with a stack trace or an error that is not problem+json',
            failures.length - failures.filter((f) => f.includes(': status 5')).length,
          ],
        ]);
        const health = await fetch(`${server.baseUrl}/api/health`);
        expect(health.status, 'the server is still up').toBe(200);
        expect(sent).toBe(REQUESTS);
        expect(failures).toEqual([]);
      } finally {
        await server.stop();
        await database.drop();
      }
    });
  });
}

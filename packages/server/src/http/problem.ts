import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AppError,
  describeIssues,
  actionOf,
  entityByName,
  errorCatalog,
  errorTitle,
  type ErrorCode,
  type FieldError,
  type Lang,
} from '@kjj/domain';
import { RequestValidationError } from './validation.js';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemOf(
  code: ErrorCode,
  lang: Lang,
  requestId: string,
  opts: { params?: Record<string, unknown>; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
): Problem {
  const title = errorTitle(code, lang, { requestId, ...opts.params });
  const errors = opts.errors ?? [];
  const detail = errors.length > 0 ? errors.map((e) => e.message).join(lang === 'zh' ? '；' : '; ') : title;
  return {
    type: `urn:kjj:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: errorCatalog[code].status,
    code,
    detail,
    requestId,
    ...(errors.length > 0 ? { errors } : {}),
    ...opts.extra,
  };
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply.code(problem.status).headers(headers).type(PROBLEM_TYPE).send(problem);
}

/** Fastify's own errors for malformed requests, by their code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_ASYNC_CONSTRAINT: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_TYPE: 'BAD_REQUEST',
  FST_PROTO_VIOLATION: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

const BAD_REQUEST_REASON: Record<Lang, string> = {
  zh: '请求体不是有效的JSON或格式不符',
  en: 'the body is not valid JSON or is malformed',
};

const CLIENT_ERRORS: Record<string, ErrorCode> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
};

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (an address or headers over the
 * size limit, a broken request line): answered in problem+json like every other error, in zh-CN
 * since no Accept-Language header was read.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = CLIENT_ERRORS[error.code ?? ''] ?? 'BAD_REQUEST';
  const problem = problemOf(code, 'zh', 'none', { params: { reason: BAD_REQUEST_REASON.zh } });
  const body = Buffer.from(JSON.stringify(problem));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${problem.status} ${code.replace(/_/g, ' ')}\r\nContent-Length: ${body.length}\r\nContent-Type: ${PROBLEM_TYPE}\r\nConnection: close\r\n\r\n${body.toString()}`,
    );
  socket.destroy();
}

/** The only place that writes problem+json (STYLE §5). Nothing else reaches the client. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.lang ?? 'zh';
    const id = String(request.id);
    if (error instanceof AppError) {
      const headers: Record<string, string> = {};
      if (error.code === 'RATE_LIMITED' && typeof error.extra.retryAfterSeconds === 'number') {
        headers['retry-after'] = String(error.extra.retryAfterSeconds);
      }
      return sendProblem(
        reply,
        problemOf(error.code, lang, id, {
          params: error.params,
          errors: error.fieldErrors,
          extra: error.extra,
        }),
        headers,
      );
    }
    if (error instanceof RequestValidationError) {
      const { entity, action } = request.routeOptions.config;
      const def = entityByName(entity ?? '');
      const form = action && def?.workflow ? actionOf(def.workflow, action) : undefined;
      const errors = describeIssues(
        error.zodError,
        lang,
        form ? { ...def!, fields: form.input } : def,
        error.input,
      );
      return sendProblem(
        reply,
        problemOf('VALIDATION_FAILED', lang, id, { errors, extra: { part: error.part } }),
      );
    }
    const fastifyCode = 'code' in error ? FASTIFY_CODES[String(error.code)] : undefined;
    if (fastifyCode) {
      return sendProblem(
        reply,
        problemOf(fastifyCode, lang, id, { params: { reason: BAD_REQUEST_REASON[lang] } }),
      );
    }
    const status = 'statusCode' in error ? Number(error.statusCode) : 500;
    if (status === 429)
      return sendProblem(reply, problemOf('RATE_LIMITED', lang, id, { params: { minutes: 1 } }), {
        'retry-after': '60',
      });
    if (status >= 400 && status < 500) {
      return sendProblem(
        reply,
        problemOf('BAD_REQUEST', lang, id, { params: { reason: BAD_REQUEST_REASON[lang] } }),
      );
    }
    if (isUniqueViolation(error)) {
      // Logged: a write path that skips its uniqueness check would show up here too.
      request.log.warn({ err: error }, 'unique index refused a concurrent write');
      return sendProblem(reply, problemOf('CONFLICT_SAVED_MEANWHILE', lang, id));
    }
    if (isRetryable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return sendProblem(reply, problemOf('SERVICE_UNAVAILABLE', lang, id), { 'retry-after': '5' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, problemOf('INTERNAL', lang, id, { params: { requestId: id } }));
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problemOf('ROUTE_NOT_FOUND', request.lang ?? 'zh', String(request.id))),
  );
}

/**
 * Every write checks uniqueness before it inserts, so a unique index refuses a row only when two
 * writers passed that check at once (PostgreSQL, read committed): the loser gets a 409, not a 500.
 */
function isUniqueViolation(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Errors a retry later can fix: the database is not answering, or it chose this transaction as
 * the victim of a deadlock or a serialization conflict.
 */
function isRetryable(error: Error): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P03',
      '40P01',
      '40001',
      '08006',
      '08001',
      '08003',
      'SQLITE_BUSY',
      'SQLITE_LOCKED',
    ].includes(code) || /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)
  );
}

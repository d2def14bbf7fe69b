import type { FastifyInstance } from 'fastify';
import { AppError, type Lang } from '@kjj/domain';

/** NUL (PostgreSQL text cannot hold it) and unpaired surrogates (not valid Unicode text). */
const BAD_CHARS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findBadString(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return BAD_CHARS.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, v] of Object.entries(value)) {
    const found = BAD_CHARS.test(key)
      ? `${path}${key}`
      : findBadString(v, path ? `${path}.${key}` : key, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

const message = (lang: Lang) =>
  lang === 'zh' ? '含有不可见的非法字符（如NUL），请删除后重试' : 'contains invalid characters (such as NUL)';

/**
 * Text that no column should store is refused once, for every route, before validation: a
 * database error deep inside a handler would otherwise surface as a 500.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const path = findBadString(value, '');
      if (path !== undefined) {
        throw new AppError('VALIDATION_FAILED', {}, [
          {
            path: path || part,
            code: 'INVALID_CHARACTERS',
            message: `${path || part}：${message(request.lang)}`,
          },
        ]);
      }
    }
  });
}

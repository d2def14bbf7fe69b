import { fill, type Lang } from './i18n.js';

/**
 * The error catalogue (DESIGN §4): a stable code, its HTTP status and its title in both languages.
 * `http/problem.ts` on the server and the web's error display both read it.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误', en: 'The submitted data is invalid' },
  VALIDATION_WARNING: {
    status: 422,
    zh: '数据存在需要确认的问题，请核对或填写确认理由',
    en: 'Some values need confirmation: check them or give a reason to override',
  },
  INVALID_CURSOR: { status: 400, zh: '分页游标无效，请从第一页重新加载', en: 'Invalid page cursor' },
  INVALID_SORT: { status: 400, zh: '不支持按“{field}”排序', en: 'Cannot sort by "{field}"' },
  INVALID_FILE: { status: 400, zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  ATTACHMENT_REFUSED: {
    status: 400,
    zh: '附件不能上传：{reason}',
    en: 'The attachment is refused: {reason}',
  },
  ATTACHMENT_CORRUPT: {
    status: 500,
    zh: '附件“{name}”校验失败，内容可能已损坏，请联系管理员',
    en: 'The attachment "{name}" fails its checksum; ask the administrator',
  },
  BAD_REQUEST: { status: 400, zh: '请求格式有误：{reason}', en: 'Malformed request: {reason}' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求超时，请重试', en: 'The request took too long to arrive' },
  HEADERS_TOO_LARGE: {
    status: 431,
    zh: '请求地址或请求头过长，请减少筛选条件',
    en: 'The address or headers of the request are too long',
  },
  PASSWORD_POLICY: { status: 400, zh: '密码不符合要求：{reason}', en: 'Password rejected: {reason}' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_FAILED: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security token missing or wrong; reload the page',
  },
  NOT_FOUND: { status: 404, zh: '{entity}不存在或无权查看', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持此请求方法', en: 'Method not allowed' },
  NOT_ACCEPTABLE: { status: 406, zh: '不支持请求的格式', en: 'Not acceptable' },
  CONFLICT_STALE_VERSION: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'Changed by someone else; reload and try again',
  },
  CONFLICT_DUPLICATE: { status: 409, zh: '{field}“{value}”已存在', en: '{field} "{value}" already exists' },
  /** A unique index refused a row the check before it let through: a writer racing with this one won. */
  CONFLICT_SAVED_MEANWHILE: {
    status: 409,
    zh: '相同的记录刚刚已由他人保存，请刷新后查看',
    en: 'The same record was just saved by someone else; reload to see it',
  },
  INVALID_TRANSITION: {
    status: 409,
    zh: '当前状态“{state}”不能执行“{action}”',
    en: 'Cannot {action} in state "{state}"',
  },
  RECORD_LOCKED: {
    status: 409,
    zh: '{entity}处于“{state}”状态，不能再修改或删除',
    en: 'The {entity} is {state} and can no longer be changed or deleted',
  },
  ACTION_NOT_APPLICABLE: {
    status: 409,
    zh: '不能执行“{action}”：{reason}',
    en: 'Cannot {action}: {reason}',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  RATE_LIMITED: {
    status: 429,
    zh: '尝试次数过多，请在{minutes}分钟后重试',
    en: 'Too many attempts; try again in {minutes} minutes',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误（请求编号 {requestId}）',
    en: 'Internal error (request {requestId})',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    zh: '服务暂不可用，请稍后重试',
    en: 'Service unavailable; try again later',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** One problem with one input value; `row` is the Excel row for imports. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
  severity?: 'error' | 'warning';
  row?: number;
  column?: string;
}

/** The only error class the application throws on purpose; anything else is a 500. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export const errorTitle = (code: ErrorCode, lang: Lang, params: Record<string, unknown> = {}): string =>
  fill(errorCatalog[code][lang], params);

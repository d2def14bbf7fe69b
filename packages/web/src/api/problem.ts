import type { FieldError } from '@kjj/domain';
import type { Problem } from './types';

/** A failed API call, carrying the server's problem+json so screens can react to its code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail ?? problem.title;
    this.fieldErrors = problem.errors ?? [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** A problem for failures that never reached the server's error handler (network, proxies). */
export function problemFromResponse(status: number, body: unknown, fallbackTitle: string): Problem {
  if (body && typeof body === 'object' && 'code' in body && 'title' in body)
    return { ...(body as Problem), status };
  return { status, code: status === 0 ? 'NETWORK' : `HTTP_${status}`, title: fallbackTitle };
}

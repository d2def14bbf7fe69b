import { isApiError } from '../../api/problem';

/**
 * The server words login refusals itself (wrong password, locked for N minutes, disabled account)
 * in the request's language, so its title is shown as is.
 */
export function loginErrorText(error: Error): string {
  return isApiError(error) ? error.title : error.message;
}

import type { FormInstance } from 'antd';
import { isApiError } from '../api/problem';

/**
 * Puts a problem's field errors on the matching form fields (by `path`) and returns the message
 * for whatever did not match a field, or null when every error found its field.
 */
export function applyProblem(form: FormInstance, error: Error, fieldNames: readonly string[]): string | null {
  if (!isApiError(error)) return error.message;
  const matched = error.fieldErrors.filter((e) => fieldNames.includes(e.path.split('.')[0] ?? ''));
  form.setFields(matched.map((e) => ({ name: e.path.split('.'), errors: [e.message] })));
  const unmatched = error.fieldErrors.filter((e) => !matched.includes(e));
  if (matched.length > 0 && unmatched.length === 0) return null;
  return unmatched.length > 0 ? unmatched.map((e) => e.message).join('；') : error.detail;
}

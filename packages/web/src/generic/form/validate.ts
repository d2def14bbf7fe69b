import {
  createSchema,
  describeIssues,
  updateSchema,
  type EntityDef,
  type FieldError,
  type Lang,
} from '@kjj/domain';
import { formPath, type FormFieldError } from './form-values';

export interface Validation {
  fieldErrors: FormFieldError[];
  /** Problems that belong to no visible field (unknown keys, org placement). */
  general: string[];
}

/**
 * Checks the request body with the very schema the server uses, worded by the domain's
 * describeIssues, so a refusal reads the same before and after the round trip.
 */
export function validatePayload(
  def: EntityDef,
  payload: Record<string, unknown>,
  mode: 'create' | 'update',
  lang: Lang,
): Validation {
  const schema = mode === 'create' ? createSchema(def) : updateSchema(def);
  const result = schema.safeParse(payload);
  if (result.success) return { fieldErrors: [], general: [] };
  return splitErrors(
    def,
    describeIssues(result.error, lang, def, payload).map((e) => requiredEnum(def, e, payload, lang)),
  );
}

/**
 * TODO(#3): remove once the domain's describeIssue reports a missing enum as REQUIRED; today zod 4
 * gives `invalid_value` for an absent enum and the message lists raw codes (llc、joint_stock…).
 */
function requiredEnum(
  def: EntityDef,
  error: FieldError,
  payload: Record<string, unknown>,
  lang: Lang,
): FieldError {
  const field = def.fields[error.path];
  if (error.code !== 'INVALID_VALUE' || field?.kind !== 'enum' || (payload[error.path] ?? null) !== null)
    return error;
  const label = field.label[lang];
  return { ...error, code: 'REQUIRED', message: lang === 'zh' ? `请选择${label}` : `${label} is required` };
}

export function splitErrors(def: EntityDef, errors: { path: string; message: string }[]): Validation {
  const fieldErrors: FormFieldError[] = [];
  const general: string[] = [];
  for (const error of errors) {
    const name = formPath(def, error.path);
    if (name) fieldErrors.push({ name, message: error.message });
    else general.push(error.message);
  }
  return { fieldErrors, general };
}

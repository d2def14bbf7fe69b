/**
 * What every identifier validator returns. Hard errors block a save; warnings may be overridden by
 * the user with a reason (DOMAIN.md §7), which is recorded on the row.
 */
export type Severity = 'error' | 'warning';

export interface ValidationIssue {
  /** Stable code, e.g. `USCC_CHECK_DIGIT`; tests, overrides and the UI key on it. */
  code: string;
  severity: Severity;
  zh: string;
  en: string;
  /** A corrected form the UI may offer (e.g. a normalised 文号). */
  suggestion?: string;
}

export interface ValidatorResult {
  /** The canonical form to store (trimmed, upper-cased, normalised); absent when unparseable. */
  canonical?: string;
  issues: ValidationIssue[];
}

export const hasErrors = (r: ValidatorResult): boolean => r.issues.some((i) => i.severity === 'error');
export const isClean = (r: ValidatorResult): boolean => r.issues.length === 0;

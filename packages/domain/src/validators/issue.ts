import type { Severity, ValidationIssue } from './types.js';

export const issue = (
  code: string,
  severity: Severity,
  zh: string,
  en: string,
  suggestion?: string,
): ValidationIssue =>
  suggestion === undefined ? { code, severity, zh, en } : { code, severity, zh, en, suggestion };

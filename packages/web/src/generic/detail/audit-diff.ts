import type { AuditDiff } from '../../api/types';

/** Columns that change on every write or only carry bookkeeping; an audit diff does not show them. */
const NOISE = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'version',
  'deletedBy',
  'searchText',
]);

export interface DiffLine {
  key: string;
  before: unknown;
  after: unknown;
}

/** The changed keys of an entry, in the definition's field order first, then the rest. */
export function diffLines(diff: AuditDiff, order: string[]): DiffLine[] {
  const before = diff.before ?? {};
  const after = diff.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

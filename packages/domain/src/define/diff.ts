/** Columns that change on every write and would only add noise to an audit diff. */
const NOISE = new Set(['updatedAt', 'updatedBy', 'version']);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface Diff {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The changed fields only, with their old and new values: what the audit trail shows. */
export function diffOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Diff {
  const diff: Diff = { before: {}, after: {} };
  if (!before || !after) {
    const [side, row] = before ? (['before', before] as const) : (['after', after ?? {}] as const);
    // A plain loop: an import diffs every row it creates.
    for (const key in row) {
      const value = row[key];
      if (!NOISE.has(key) && value !== undefined && value !== null) diff[side][key] = value;
    }
    return diff;
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (NOISE.has(key) || same(before[key], after[key])) continue;
    diff.before[key] = before[key] ?? null;
    diff.after[key] = after[key] ?? null;
  }
  return diff;
}

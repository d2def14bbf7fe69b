/** `[2,3,4,7,9,10]` → `2–4, 7, 9–10`: thousands of applied rows stay readable. */
export function rowRanges(rows: readonly number[], separator = ', '): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const row of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || previous === undefined) break;
    if (row === previous + 1) {
      previous = row;
      continue;
    }
    ranges.push(start === previous ? String(start) : `${start}–${previous}`);
    start = row;
    previous = row;
  }
  return ranges.join(separator);
}

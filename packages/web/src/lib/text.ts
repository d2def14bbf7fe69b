/**
 * A value of a field typed `unknown` (rows are built from definitions at run time) as text:
 * scalars as themselves, structures as JSON, nothing as ''.
 */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

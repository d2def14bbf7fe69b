import { AppError } from '@kjj/domain';

/** Keyset position: the sort key's value and the id of the last row of a page. */
export interface CursorPosition {
  sort: string;
  value: string | number;
  id: number;
}

export const encodeCursor = (p: CursorPosition): string =>
  Buffer.from(JSON.stringify([p.sort, p.value, p.id])).toString('base64url');

/** Anything but a cursor we issued for this very sort is a 400, never a 500. */
export function decodeCursor(cursor: string, sort: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('INVALID_CURSOR');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new AppError('INVALID_CURSOR');
  const [s, value, id] = parsed as unknown[];
  const valueOk =
    (typeof value === 'string' && value.length <= 1000) ||
    (typeof value === 'number' && Number.isFinite(value));
  if (s !== sort || !valueOk || !Number.isSafeInteger(id) || (id as number) < 0)
    throw new AppError('INVALID_CURSOR');
  return { sort, value: value as string | number, id: id as number };
}

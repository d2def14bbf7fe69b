import { sql } from 'kysely';
import { nowIso } from '../db/dialect.js';
import type { DB } from '../db/types.js';

/** After this many failures for one account or one address within the window, refuse (issue #3). */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;

export type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfterSeconds: number };

/**
 * Reserve an attempt before checking the password. The reservation row counts like a failure
 * until it resolves, so parallel guesses cannot all slip past the limit while argon2 is busy.
 */
export async function reserveAttempt(db: DB, username: string, ip: string): Promise<Reservation> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const inserted = await db
    .insertInto('loginAttempt')
    .values({ username, ip, at: nowIso(), outcome: 'pending' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const attemptId = Number(inserted.id);
  const earlier = (column: 'username' | 'ip', value: string) =>
    db
      .selectFrom('loginAttempt')
      .select([sql<number>`count(*)`.as('n'), sql<string>`min(at)`.as('oldest')])
      .where(column, '=', value)
      .where('at', '>=', since)
      .where('id', '<', attemptId)
      .where('outcome', 'in', ['failed', 'pending'])
      .executeTakeFirstOrThrow();
  for (const counted of [await earlier('username', username), await earlier('ip', ip)]) {
    if (Number(counted.n) >= MAX_FAILURES) {
      await db
        .updateTable('loginAttempt')
        .set({ outcome: 'throttled' })
        .where('id', '=', attemptId)
        .execute();
      const retryAt = Date.parse(counted.oldest) + WINDOW_MS;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)) };
    }
  }
  return { ok: true, attemptId };
}

export async function resolveAttempt(
  db: DB,
  attemptId: number,
  outcome: 'failed' | 'success',
  username: string,
): Promise<void> {
  await db.updateTable('loginAttempt').set({ outcome }).where('id', '=', attemptId).execute();
  if (outcome === 'success') {
    // A correct password clears the account's earlier failures (not the address's).
    await db
      .updateTable('loginAttempt')
      .set({ outcome: 'cleared' })
      .where('username', '=', username)
      .where('outcome', '=', 'failed')
      .execute();
  }
}

/**
 * What a session cookie or an API token resolved to, kept for a few seconds. Every API request
 * authenticates, and the lookup (a join over the user, the org, the roles and the credential, plus
 * parsing each role's permission list) cost as much as the page it guarded (issue #3 benchmarks).
 *
 * Freshness: a committed change to users, roles, sessions or tokens made through this process
 * empties the cache at once (`noteCommitted`, called by the unit of work), so disabling a user or
 * revoking a token takes effect on the next request. A change made outside this process (the CLI,
 * plain SQL) shows within `CACHE_MS`.
 */
const CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** Audit entities whose writes can change who a credential belongs to or what it may do. */
const CREDENTIAL_ENTITIES = new Set(['user', 'role', 'session', 'api_token']);

interface Entry {
  value: unknown;
  at: number;
}

const entries = new Map<string, Entry>();
/** Bumped by every invalidation: a lookup that raced with one is not stored. */
let generation = 0;

/**
 * The value cached under `key`, or what `load` returns (stored when it found something). `key`
 * is a hash of the credential, never the secret itself.
 */
export async function cachedCredential<T>(
  key: string,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value as T;
  const startedAt = generation;
  const value = await load();
  if (value === undefined) entries.delete(key);
  else if (generation === startedAt) {
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { value, at: now });
  }
  return value;
}

/** Forgets one credential (its stored row changed, or it ended). */
export function forgetCredential(key: string): void {
  generation++;
  entries.delete(key);
}

/** Forgets every credential. */
export function forgetCredentials(): void {
  generation++;
  entries.clear();
}

/** Called after a transaction commits, with the entities its audit entries name. */
export function noteCommitted(entities: Iterable<string>): void {
  for (const entity of entities) {
    if (CREDENTIAL_ENTITIES.has(entity)) return forgetCredentials();
  }
}

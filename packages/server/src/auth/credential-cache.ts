import { FreshCache } from '../db/fresh-cache.js';

/**
 * What a session cookie or an API token resolved to, kept for a few seconds (see FreshCache).
 * Every API request authenticates, and the lookup (a join over the user, the org, the roles and
 * the credential, plus parsing each role's permission list) cost as much as the page it guarded.
 * Keys are hashes of credentials, never the secrets themselves.
 */
const credentials = new FreshCache(
  // Writes that can change who a credential belongs to or what it may do; the actor also
  // carries its org's path.
  new Set(['user', 'role', 'session', 'api_token', 'org']),
);

export const cachedCredential = <T>(key: string, load: () => Promise<T | undefined>) =>
  credentials.get(key, load);

/** Forgets one credential (its stored row changed, or it ended). */
export const forgetCredential = (key: string) => credentials.forget(key);

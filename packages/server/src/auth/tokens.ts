import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Random, URL-safe secrets for session cookies, CSRF tokens and API tokens. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * SHA-256 in hex: the stored form of a high-entropy secret (a plain hash is enough for 256-bit
 * random values), and the checksum of an attachment's bytes.
 */
export const sha256 = (value: string | Uint8Array): string =>
  createHash('sha256').update(value).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'kjj_';

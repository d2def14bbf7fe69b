import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline). The parameters
 * live in each hash string, so raising them later still verifies old hashes.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps the timing of "no such user" equal to "wrong password". */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hash('kjj-decoy-password'));

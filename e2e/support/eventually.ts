import { expect } from 'vitest';

// vitest polls for 1 s by default; a page on a busy 2-core machine may take longer to settle.
const POLL = { timeout: 20_000, interval: 100 };

/** `expect.poll` with a timeout fit for a browser: retries `read` until the matcher passes. */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, POLL);

import { describe, expect, it } from 'vitest';
import { noteCommitted } from '../db/fresh-cache.js';
import { cachedCredential, forgetCredential } from './credential-cache.js';

let counter = 0;
/** A fresh key per test: the cache is shared by the whole process. */
const freshKey = () => `test:${process.pid}:${++counter}`;

describe('credential cache', () => {
  it('serves a found credential from memory and looks up an unknown one every time', async () => {
    const key = freshKey();
    let loads = 0;
    const load = async () => (++loads, { user: 'cx_staff' });
    expect(await cachedCredential(key, load)).toEqual({ user: 'cx_staff' });
    expect(await cachedCredential(key, load)).toEqual({ user: 'cx_staff' });
    expect(loads).toBe(1);

    const unknown = freshKey();
    let misses = 0;
    const nothing = async () => void misses++;
    await cachedCredential(unknown, nothing);
    await cachedCredential(unknown, nothing);
    expect(misses).toBe(2);
  });

  it('forgets on a committed change to users, roles, sessions, tokens or orgs, and not on business writes', async () => {
    for (const [entity, forgets] of [
      ['enterprise', false],
      ['project', false],
      ['user', true],
      ['role', true],
      ['session', true],
      ['api_token', true],
      ['org', true],
    ] as const) {
      const key = freshKey();
      let loads = 0;
      const load = async () => ++loads;
      await cachedCredential(key, load);
      noteCommitted([entity]);
      await cachedCredential(key, load);
      expect(loads, entity).toBe(forgets ? 2 : 1);
    }
  });

  it('does not keep what a lookup read before a change that committed while it ran', async () => {
    const key = freshKey();
    let release: (v: string) => void = () => {};
    const stale = cachedCredential(key, () => new Promise<string>((resolve) => (release = resolve)));
    // The user is disabled while the lookup is in flight; the lookup then returns the old row.
    noteCommitted(['user']);
    release('active');
    expect(await stale).toBe('active');
    expect(await cachedCredential(key, async () => undefined)).toBeUndefined();
  });

  it('forgets one credential on its own', async () => {
    const key = freshKey();
    let loads = 0;
    await cachedCredential(key, async () => ++loads);
    forgetCredential(key);
    await cachedCredential(key, async () => ++loads);
    expect(loads).toBe(2);
  });
});

import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FreshCache, noteCommitted } from './fresh-cache.js';
import { fromOrgTree } from './scope.js';

const handle = (isTransaction = false) => ({ isTransaction }) as unknown as Kysely<any>;

describe('fresh cache', () => {
  it('keeps the answers of two databases in one process apart, and never serves a transaction', async () => {
    const [one, two, tx] = [handle(), handle(), handle(true)];
    const key = `below:/test/${process.pid}/`;
    expect(await fromOrgTree(one, key, async () => [1])).toEqual([1]);
    expect(await fromOrgTree(two, key, async () => [2])).toEqual([2]);
    expect(await fromOrgTree(one, key, async () => [3])).toEqual([1]);
    // A transaction may have written the org tree itself: it reads it every time.
    expect(await fromOrgTree(tx, key, async () => [4])).toEqual([4]);
    expect(await fromOrgTree(tx, key, async () => [5])).toEqual([5]);
  });

  it('forgets only in the caches whose entities a commit wrote', async () => {
    const orgs = new FreshCache(new Set(['org']));
    const users = new FreshCache(new Set(['user']));
    let loads = 0;
    const load = async () => ++loads;
    await orgs.get('k', load);
    await users.get('k', load);
    noteCommitted(['user', 'enterprise']);
    expect(await orgs.get('k', load)).toBe(1);
    expect(await users.get('k', load)).toBe(3);
  });
});

/**
 * Values read from the database on every request (who a credential belongs to, which orgs a
 * subtree holds) kept in memory for a few seconds: each such lookup is a round trip that cost
 * about as much as the page it served (issue #3 benchmarks).
 *
 * Freshness: a committed change to one of a cache's entities made through this process empties
 * that cache at once (`noteCommitted`, called by the unit of work), so disabling a user or adding
 * an org takes effect on the next request. A change made outside this process (another server,
 * the CLI, plain SQL) shows within the cache's lifetime.
 */
export class FreshCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  /** Bumped by every invalidation: a lookup that raced with one is not stored. */
  private generation = 0;

  constructor(
    /** Audit entities whose committed writes can change what this cache holds. */
    readonly entities: ReadonlySet<string>,
    private readonly lifetimeMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {
    caches.add(this);
  }

  /** The value cached under `key`, or what `load` returns (stored unless it is undefined). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.lifetimeMs) return hit.value as T;
    const startedAt = this.generation;
    const value = await load();
    if (value === undefined) this.entries.delete(key);
    else if (this.generation === startedAt) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, at: now });
    }
    return value;
  }

  /** Forgets one value (its stored row changed, or it ended). */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new Set<FreshCache>();

/** Called after a transaction commits, with the entities its audit entries name. */
export function noteCommitted(entities: Iterable<string>): void {
  const written = new Set(entities);
  for (const cache of caches) {
    if ([...cache.entities].some((entity) => written.has(entity))) cache.forgetAll();
  }
}

/**
 * A number per database handle, to keep apart the caches of several databases in one process
 * (tests, the bench). A transaction has none: it may see its own uncommitted writes.
 */
const handles = new WeakMap<object, number>();
let handleCount = 0;

export function handleKey(db: { isTransaction: boolean }): number | undefined {
  if (db.isTransaction) return undefined;
  let key = handles.get(db);
  if (key === undefined) handles.set(db, (key = ++handleCount));
  return key;
}

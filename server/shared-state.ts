import { Redis } from 'ioredis';

/**
 * The little state that connect sessions need across server processes: which session obtained which RequestId, and
 * counters for limits. In one process by default; in Redis (`REDIS_URL`) when a deployment runs several.
 * Every method rejects when the state cannot be reached, and the server then refuses the call (fails closed).
 */
export interface SharedState {
  /** Adds one to `key`'s counter, which lasts `windowMs` from its first hit; resolves with the new count. */
  count(key: string, windowMs: number): Promise<number>;
  /** The counter's value now, without adding to it (0 when it has none). */
  peek(key: string): Promise<number>;
  /** Records `owner` for `key` unless another owner is recorded; resolves with the owner now recorded. */
  claim(key: string, owner: string, ttlMs: number): Promise<string>;
  /** The owner recorded for `key`, or null. */
  ownerOf(key: string): Promise<string | null>;
  close(): Promise<void>;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/**
 * At most this many keys of one kind in one process (the kind is what a key starts with: `address:`, `oauth:`,
 * `request:`...). Each kind is bounded on its own, so flooding one (OAuth states, say) only ever pushes out that kind's
 * oldest keys, never another kind's: a per-address counter or a session's sign-ins cannot be reset by a flood of
 * something else.
 */
const MEMORY_MAX_KEYS_PER_KIND = 200_000;

export class MemoryState implements SharedState {
  /** One map per kind; each map keeps insertion order, so its first key is its oldest. */
  private readonly kinds = new Map<string, Map<string, Entry>>();
  private lastSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeysPerKind = MEMORY_MAX_KEYS_PER_KIND,
  ) {}

  private kindOf(key: string): Map<string, Entry> {
    const kind = key.slice(0, Math.max(0, key.indexOf(':')));
    let entries = this.kinds.get(kind);
    if (!entries) {
      entries = new Map();
      this.kinds.set(kind, entries);
    }
    return entries;
  }

  private live(key: string): Entry | null {
    const entries = this.kindOf(key);
    const entry = entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt > this.now()) return entry;
    entries.delete(key);
    return null;
  }

  private put(key: string, entry: Entry): void {
    const entries = this.kindOf(key);
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size <= this.maxKeysPerKind) return;
    const now = this.now();
    // Sweep the expired ones at most once a second: a flood at the cap costs one eviction per key, not a scan.
    if (now - this.lastSweep >= 1000) {
      this.lastSweep = now;
      for (const [name, old] of entries) if (old.expiresAt <= now) entries.delete(name);
    }
    // Still full: this kind's oldest keys go, and only this kind's.
    for (const name of entries.keys()) {
      if (entries.size <= this.maxKeysPerKind) break;
      entries.delete(name);
    }
  }

  count(key: string, windowMs: number): Promise<number> {
    const entry = this.live(key);
    const count = entry ? Number(entry.value) + 1 : 1;
    const expiresAt = entry ? entry.expiresAt : this.now() + windowMs;
    if (entry) entry.value = String(count);
    else this.put(key, { value: String(count), expiresAt });
    return Promise.resolve(count);
  }

  peek(key: string): Promise<number> {
    return Promise.resolve(Number(this.live(key)?.value ?? 0));
  }

  claim(key: string, owner: string, ttlMs: number): Promise<string> {
    const entry = this.live(key);
    if (entry) return Promise.resolve(entry.value);
    this.put(key, { value: owner, expiresAt: this.now() + ttlMs });
    return Promise.resolve(owner);
  }

  ownerOf(key: string): Promise<string | null> {
    return Promise.resolve(this.live(key)?.value ?? null);
  }

  close(): Promise<void> {
    this.kinds.clear();
    return Promise.resolve();
  }
}

const PREFIX = 'connect:';

export class RedisState implements SharedState {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      // A call waits for Redis at most this long, then the server refuses it rather than hanging.
      commandTimeout: 2000,
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
    });
    // Connection trouble is reported once per call through the rejected command; keep the process alive.
    this.redis.on('error', () => undefined);
  }

  async count(key: string, windowMs: number): Promise<number> {
    const name = PREFIX + key;
    const results = await this.redis.multi().incr(name).pexpire(name, windowMs, 'NX').exec();
    const [error, value] = results?.[0] ?? [new Error('Redis answered nothing'), null];
    if (error) throw error;
    return Number(value);
  }

  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(PREFIX + key)) ?? 0);
  }

  async claim(key: string, owner: string, ttlMs: number): Promise<string> {
    // SET NX GET (Redis 7): the previous owner, or null when this call recorded `owner`.
    const previous = (await this.redis.call('SET', PREFIX + key, owner, 'PX', ttlMs, 'NX', 'GET')) as
      string | null;
    return previous ?? owner;
  }

  ownerOf(key: string): Promise<string | null> {
    return this.redis.get(PREFIX + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Redis when `redisUrl` is set, else this process's memory. */
export function createSharedState(redisUrl: string | null): SharedState {
  return redisUrl ? new RedisState(redisUrl) : new MemoryState();
}

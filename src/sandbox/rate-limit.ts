export interface RateLimit {
  /** Requests allowed per client in one window. */
  max: number;
  windowMs: number;
}

const MAX_CLIENTS = 10_000;

/** A fixed-window counter per client key. */
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly limit: RateLimit) {}

  /** Counts one request; returns the milliseconds to wait when the client is over its limit, else null. */
  hit(client: string, now: number): number | null {
    this.dropEnded(now);
    const window = this.windows.get(client) ?? { startedAt: now, count: 0 };
    window.count += 1;
    if (!this.windows.has(client)) {
      this.windows.set(client, window);
      // Clients are kept in arrival order: over the cap, forget the oldest window first.
      for (const key of this.windows.keys()) {
        if (this.windows.size <= MAX_CLIENTS) break;
        this.windows.delete(key);
      }
    }
    return window.count > this.limit.max ? window.startedAt + this.limit.windowMs - now : null;
  }

  private dropEnded(now: number): void {
    for (const [client, window] of this.windows) {
      if (now - window.startedAt >= this.limit.windowMs) this.windows.delete(client);
    }
  }

  clear(): void {
    this.windows.clear();
  }
}

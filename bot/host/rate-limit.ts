// Per-key limits kept in memory: a token bucket for request rates and a back-off for failed
// logins. Both forget idle keys and hold at most `maxKeys`, so a caller inventing keys (or
// addresses) cannot grow them without bound.

export interface RateCheck {
  ok: boolean;
  /** When refused: how long until one more would be allowed. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** `burst` requests at once, then `perSecond` on average. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: { burst: number; perSecond: number; maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateCheck {
    const now = this.now();
    const { burst, perSecond } = this.limits;
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(burst, previous.tokens + ((now - previous.at) / 1000) * perSecond) : burst;
    // Re-inserted so the map's order is least recently used first.
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / perSecond) * 1000) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    this.trim();
    return { ok: true, retryAfterMs: 0 };
  }

  private trim(): void {
    const max = this.limits.maxKeys ?? 10_000;
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= max) break;
      this.buckets.delete(key);
    }
  }
}

interface Failures {
  count: number;
  blockedUntil: number;
  at: number;
}

/**
 * After `free` failures in a row a key waits `baseMs`, doubling with every further failure up
 * to `maxMs`; a success clears it. A failure is forgotten after `forgetMs` without another.
 */
export class Backoff {
  private readonly keys = new Map<string, Failures>();

  constructor(
    private readonly limits: { free: number; baseMs: number; maxMs: number; forgetMs: number; maxKeys?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the key may try now, else the milliseconds it must still wait. */
  waitMs(key: string): number {
    const entry = this.current(key);
    return entry ? Math.max(0, entry.blockedUntil - this.now()) : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const entry = this.current(key) ?? { count: 0, blockedUntil: 0, at: now };
    entry.count += 1;
    entry.at = now;
    const over = entry.count - this.limits.free;
    if (over > 0) entry.blockedUntil = now + Math.min(this.limits.maxMs, this.limits.baseMs * 2 ** (over - 1));
    this.keys.delete(key);
    this.keys.set(key, entry);
    const max = this.limits.maxKeys ?? 10_000;
    for (const k of this.keys.keys()) {
      if (this.keys.size <= max) break;
      this.keys.delete(k);
    }
  }

  succeed(key: string): void {
    this.keys.delete(key);
  }

  private current(key: string): Failures | undefined {
    const entry = this.keys.get(key);
    if (entry && this.now() - entry.at > this.limits.forgetMs && this.now() >= entry.blockedUntil) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** The caller's address, the key of per-client limits. */
export function clientKey(req: { socket?: { remoteAddress?: string } }): string {
  return req.socket?.remoteAddress ?? 'unknown';
}

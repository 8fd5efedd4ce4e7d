import type { Redis } from "ioredis";

// Fixed-window rate limits: at most `limit` hits per key per window. Windows are
// aligned to the epoch (window = floor(now / windowMs)), so every instance that
// shares Redis agrees on them. In-process counters serve a single instance.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends. */
  resetAt: Date;
  /** Seconds to wait before trying again (0 when allowed). */
  retryAfterS: number;
}

export interface RateLimiter {
  hit(key: string, rule: RateLimitRule, now: Date): Promise<RateLimitResult>;
}

/** The decision for the n-th hit in a window. Pure. */
export function decide(count: number, rule: RateLimitRule, now: Date): RateLimitResult {
  const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  const resetAt = new Date(windowStart + rule.windowMs);
  const allowed = count <= rule.limit;
  return {
    allowed,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt,
    retryAfterS: allowed ? 0 : Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
  };
}

export function memoryLimiter(): RateLimiter {
  const windows = new Map<string, { windowStart: number; count: number }>();
  let lastSweep = 0;
  return {
    async hit(key, rule, now) {
      const t = now.getTime();
      const windowStart = Math.floor(t / rule.windowMs) * rule.windowMs;
      // Drop finished windows now and then so the map does not grow without bound.
      if (t - lastSweep > 60_000) {
        for (const [k, w] of windows) if (w.windowStart + rule.windowMs <= t) windows.delete(k);
        lastSweep = t;
      }
      const current = windows.get(key);
      const entry = current && current.windowStart === windowStart ? current : { windowStart, count: 0 };
      entry.count += 1;
      windows.set(key, entry);
      return decide(entry.count, rule, now);
    },
  };
}

export function redisLimiter(redis: Redis, prefix = "rl"): RateLimiter {
  return {
    async hit(key, rule, now) {
      const windowStart = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
      const redisKey = `${prefix}:${key}:${windowStart}`;
      const result = await redis.multi().incr(redisKey).pexpire(redisKey, rule.windowMs * 2).exec();
      const count = Number(result?.[0]?.[1] ?? 1);
      return decide(count, rule, now);
    },
  };
}

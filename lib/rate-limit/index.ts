import "server-only";
import { getRedis } from "@/lib/integrations/redis";
import { memoryLimiter, redisLimiter, type RateLimiter } from "./limiter";

export type { RateLimitResult, RateLimitRule } from "./limiter";

const g = globalThis as typeof globalThis & { __ppLimiter?: RateLimiter };

/** Redis-backed when REDIS_URL is set (shared by all instances), in-process otherwise. */
export function getRateLimiter(): RateLimiter {
  if (g.__ppLimiter) return g.__ppLimiter;
  const redis = getRedis();
  return (g.__ppLimiter = redis ? redisLimiter(redis) : memoryLimiter());
}

/** Limits used across the app, in one place. */
export const RATE_LIMITS = {
  /** Requests per API key. */
  apiKey: { limit: 600, windowMs: 60_000 },
  /** Anonymous API requests per client IP. */
  publicApi: { limit: 300, windowMs: 60_000 },
  /** Sign-in emails per address, and per client IP. */
  signInPerEmail: { limit: 5, windowMs: 15 * 60_000 },
  signInPerIp: { limit: 20, windowMs: 15 * 60_000 },
  /** Contact forms and survey answers per client IP. */
  formPerIp: { limit: 10, windowMs: 10 * 60_000 },
} as const;

/** Counts a hit on every key; the first one over its limit decides. */
export async function checkRateLimits(hits: { key: string; rule: { limit: number; windowMs: number } }[], now: Date) {
  let worst: Awaited<ReturnType<RateLimiter["hit"]>> | null = null;
  for (const h of hits) {
    const r = await getRateLimiter().hit(h.key, h.rule, now);
    if (!r.allowed && (!worst || r.retryAfterS > worst.retryAfterS)) worst = r;
  }
  return worst ? { allowed: false as const, retryAfterS: worst.retryAfterS } : { allowed: true as const, retryAfterS: 0 };
}

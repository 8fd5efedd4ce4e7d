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
} as const;

import "server-only";
import { getRedis } from "@/lib/integrations/redis";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics/registry";

// Directory pages and profiles are read far more often than they change, so
// they are cached for a short time. Keys carry a generation number; bumping
// it (on a listing edit, a ranking run, a badge or proof-link decision) makes
// every older entry unreachable at once. With REDIS_URL the generation and the
// entries live in Redis, so every instance sees an invalidation; without it
// they live in this process. Hits and misses: pp_cache_requests_total{cache="directory"}.

export const DIRECTORY_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;
const GENERATION_KEY = "pp:directory:generation";

interface Entry {
  value: unknown;
  expiresAt: number;
}

const g = globalThis as typeof globalThis & { __ppDirectoryCache?: { generation: number; entries: Map<string, Entry> } };

function local() {
  return (g.__ppDirectoryCache ??= { generation: 1, entries: new Map() });
}

async function generation(): Promise<number> {
  const redis = getRedis();
  if (!redis) return local().generation;
  try {
    return Number((await redis.get(GENERATION_KEY)) ?? "1");
  } catch {
    return local().generation;
  }
}

/** The current generation: part of ETags, so a client's copy is stale once anything changes. */
export async function directoryGeneration(): Promise<number> {
  return generation();
}

/** Returns the cached value for `key`, or computes, stores and returns it. */
export async function cachedDirectory<T>(key: string, compute: () => Promise<T>, nowMs = Date.now()): Promise<T> {
  const gen = await generation();
  const fullKey = `pp:directory:${gen}:${key}`;
  const redis = getRedis();
  const m = metrics().cache;
  if (redis) {
    try {
      const hit = await redis.get(fullKey);
      if (hit !== null) {
        m.inc({ cache: "directory", result: "hit" });
        return JSON.parse(hit) as T;
      }
    } catch (error) {
      log.warn("directory cache read failed", { error: error instanceof Error ? error.message : String(error) });
    }
    m.inc({ cache: "directory", result: "miss" });
    const value = await compute();
    redis.set(fullKey, JSON.stringify(value), "PX", DIRECTORY_CACHE_TTL_MS).catch(() => undefined);
    return value;
  }
  const store = local();
  const entry = store.entries.get(fullKey);
  if (entry && entry.expiresAt > nowMs) {
    m.inc({ cache: "directory", result: "hit" });
    return entry.value as T;
  }
  m.inc({ cache: "directory", result: "miss" });
  const value = await compute();
  if (store.entries.size >= MAX_ENTRIES) {
    for (const [k, e] of store.entries) if (e.expiresAt <= nowMs || k.startsWith(`pp:directory:${gen - 1}:`)) store.entries.delete(k);
    if (store.entries.size >= MAX_ENTRIES) store.entries.clear();
  }
  store.entries.set(fullKey, { value, expiresAt: nowMs + DIRECTORY_CACHE_TTL_MS });
  return value;
}

/** Makes every cached directory page and profile stale (on this instance, and on all of them with Redis). */
export async function invalidateDirectoryCache(reason: string): Promise<void> {
  const store = local();
  store.generation += 1;
  store.entries.clear();
  const redis = getRedis();
  if (redis) {
    try {
      await redis.incr(GENERATION_KEY);
    } catch (error) {
      log.warn("directory cache invalidation failed", { reason, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

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
//
// Under load two more rules keep a popular page from stampeding the database:
// - one computation per key at a time in a process: requests that miss while it runs
//   wait for it instead of starting their own;
// - stale while revalidate: for DIRECTORY_CACHE_STALE_MS after an entry of the current
//   generation expires, it is still served (counted as result="stale") while one
//   refresh runs in the background. An invalidation is never served stale: it changes
//   the generation, and entries of another generation are unreachable.

export const DIRECTORY_CACHE_TTL_MS = 30_000;
export const DIRECTORY_CACHE_STALE_MS = 5 * 60_000;
const MAX_ENTRIES = 2_000;
const GENERATION_KEY = "pp:directory:generation";

interface Entry {
  value: unknown;
  /** Fresh until then; served stale (and refreshed) until staleUntil. */
  freshUntil: number;
  staleUntil: number;
}

const g = globalThis as typeof globalThis & {
  __ppDirectoryCache?: { generation: number; entries: Map<string, Entry>; inflight: Map<string, Promise<unknown>> };
};

function local() {
  return (g.__ppDirectoryCache ??= { generation: 1, entries: new Map(), inflight: new Map() });
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

async function readEntry(fullKey: string): Promise<Entry | undefined> {
  const redis = getRedis();
  if (!redis) return local().entries.get(fullKey);
  try {
    const hit = await redis.get(fullKey);
    return hit === null ? undefined : (JSON.parse(hit) as Entry);
  } catch (error) {
    log.warn("directory cache read failed", { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

function writeEntry(fullKey: string, gen: number, value: unknown, nowMs: number): void {
  const entry: Entry = { value, freshUntil: nowMs + DIRECTORY_CACHE_TTL_MS, staleUntil: nowMs + DIRECTORY_CACHE_TTL_MS + DIRECTORY_CACHE_STALE_MS };
  const redis = getRedis();
  if (redis) {
    redis.set(fullKey, JSON.stringify(entry), "PX", DIRECTORY_CACHE_TTL_MS + DIRECTORY_CACHE_STALE_MS).catch(() => undefined);
    return;
  }
  const store = local();
  if (store.generation !== gen) return; // invalidated while computing: keep nothing older
  if (store.entries.size >= MAX_ENTRIES) {
    for (const [k, e] of store.entries) if (e.staleUntil <= nowMs) store.entries.delete(k);
    if (store.entries.size >= MAX_ENTRIES) store.entries.clear();
  }
  store.entries.set(fullKey, entry);
}

/** Runs compute once per key at a time in this process, and stores what it gives. */
function computeOnce<T>(fullKey: string, gen: number, compute: () => Promise<T>, nowMs: number): Promise<T> {
  const { inflight } = local();
  const running = inflight.get(fullKey);
  if (running) return running as Promise<T>;
  const p = compute()
    .then((value) => {
      writeEntry(fullKey, gen, value, nowMs);
      return value;
    })
    .finally(() => inflight.delete(fullKey));
  inflight.set(fullKey, p);
  return p;
}

/**
 * Returns the cached value for `key`, or computes, stores and returns it. A value past its
 * TTL but within the stale window is returned at once while it is refreshed behind.
 */
export async function cachedDirectory<T>(key: string, compute: () => Promise<T>, nowMs = Date.now()): Promise<T> {
  const gen = await generation();
  const fullKey = `pp:directory:${gen}:${key}`;
  const m = metrics().cache;
  const entry = await readEntry(fullKey);
  if (entry && entry.freshUntil > nowMs) {
    m.inc({ cache: "directory", result: "hit" });
    return entry.value as T;
  }
  if (entry && entry.staleUntil > nowMs) {
    m.inc({ cache: "directory", result: "stale" });
    computeOnce(fullKey, gen, compute, nowMs).catch((error) =>
      log.warn("directory cache refresh failed", { key, error: error instanceof Error ? error.message : String(error) }),
    );
    return entry.value as T;
  }
  m.inc({ cache: "directory", result: "miss" });
  return computeOnce(fullKey, gen, compute, nowMs);
}

/** Makes every cached directory page and profile stale (on this instance, and on all of them with Redis). */
export async function invalidateDirectoryCache(reason: string): Promise<void> {
  const store = local();
  store.generation += 1;
  store.entries.clear();
  store.inflight.clear();
  const redis = getRedis();
  if (redis) {
    try {
      await redis.incr(GENERATION_KEY);
    } catch (error) {
      log.warn("directory cache invalidation failed", { reason, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

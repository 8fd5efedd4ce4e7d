import { countCacheLookup } from "@/lib/metrics/registry";

// A small in-process cache for hot public reads (directory pages, profiles):
// entries live `ttlMs`, concurrent misses for one key share a single load, and
// the oldest entries go first when full. Each instance keeps its own copy, so a
// change shows everywhere within the TTL; code that changes the data calls
// clear() for an immediate refresh on this instance. Lookups are counted in
// pp_cache_requests_total{cache,result}.

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
}

/** `ttlMs` may be a function, read at each store (0 = do not keep). */
export function ttlCache<V>(name: string, options: { ttlMs: number | (() => number); maxEntries?: number }): TtlCache<V> {
  const g = globalThis as typeof globalThis & { __ppTtlCaches?: Map<string, TtlCache<unknown>> };
  const existing = g.__ppTtlCaches?.get(name);
  if (existing) return existing as TtlCache<V>;

  const max = options.maxEntries ?? 5_000;
  const entries = new Map<string, { value: V; expiresAt: number }>();
  const loading = new Map<string, Promise<V>>();
  const cache: TtlCache<V> = {
    async get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now) {
        countCacheLookup(name, true);
        return hit.value;
      }
      countCacheLookup(name, false);
      let pending = loading.get(key);
      if (!pending) {
        pending = load()
          .then((value) => {
            const ttl = typeof options.ttlMs === "function" ? options.ttlMs() : options.ttlMs;
            if (ttl <= 0) return value;
            if (entries.size >= max) entries.delete(entries.keys().next().value!);
            entries.set(key, { value, expiresAt: Date.now() + ttl });
            return value;
          })
          .finally(() => loading.delete(key));
        loading.set(key, pending);
      }
      return pending;
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
  (g.__ppTtlCaches ??= new Map()).set(name, cache as TtlCache<unknown>);
  return cache;
}

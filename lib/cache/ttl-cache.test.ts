import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/metrics/registry";
import { ttlCache } from "./ttl-cache";

async function lookups(cache: string, result: "hit" | "miss"): Promise<number> {
  const m = (await metrics().cache.get()).values.find((v) => v.labels.cache === cache && v.labels.result === result);
  return m?.value ?? 0;
}

describe("ttlCache", () => {
  it("keeps a value for its TTL, shares one load between concurrent misses, and counts hits and misses", async () => {
    const cache = ttlCache<number>("test-cache", { ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return 42;
    };
    expect(await Promise.all([cache.get("k", load), cache.get("k", load), cache.get("k", load)])).toEqual([42, 42, 42]);
    expect(loads).toBe(1);
    expect(await cache.get("k", load)).toBe(42);
    expect(loads).toBe(1);
    expect(await lookups("test-cache", "miss")).toBe(3);
    expect(await lookups("test-cache", "hit")).toBe(1);
    cache.clear();
    await cache.get("k", load);
    expect(loads).toBe(2);
  });

  it("with a TTL of 0 reads through every time, and a failed load is not kept", async () => {
    const through = ttlCache<number>("test-through", { ttlMs: () => 0 });
    let n = 0;
    await through.get("k", async () => ++n);
    await through.get("k", async () => ++n);
    expect(n).toBe(2);
    const failing = ttlCache<number>("test-failing", { ttlMs: 60_000 });
    await expect(failing.get("k", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await failing.get("k", async () => 7)).toBe(7);
  });
});

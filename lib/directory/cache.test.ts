import { beforeEach, describe, expect, it } from "vitest";
import { metrics } from "@/lib/metrics/registry";
import { cachedDirectory, DIRECTORY_CACHE_STALE_MS, DIRECTORY_CACHE_TTL_MS, invalidateDirectoryCache } from "./cache";

// The directory cache in this process (no REDIS_URL): one computation per key at a time,
// stale while revalidate within the stale window, and invalidation never served stale.

const T = 1_800_000_000_000;
const tick = () => new Promise((r) => setTimeout(r, 0));
/** Waits (in event-loop turns, with Redis in network round trips) until `ready` holds. */
async function until(ready: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 5_000 && !(await ready()); i++) await tick();
  expect(await ready()).toBe(true);
}

/** A computation that waits until released, counting its calls. */
function gate<T>(values: T[]) {
  let calls = 0;
  const releases: (() => void)[] = [];
  const compute = () => {
    const value = values[Math.min(calls, values.length - 1)]!;
    calls += 1;
    return new Promise<T>((resolve) => releases.push(() => resolve(value)));
  };
  return {
    compute,
    get calls() {
      return calls;
    },
    release: () => releases.splice(0).forEach((r) => r()),
  };
}

async function lookups(result: "hit" | "stale" | "miss"): Promise<number> {
  const m = await metrics().cache.get();
  return m.values.find((v) => v.labels.cache === "directory" && v.labels.result === result)?.value ?? 0;
}

beforeEach(() => invalidateDirectoryCache("test"));

describe("cachedDirectory", () => {
  it("computes a page once however many visitors miss it at the same time", async () => {
    const page = gate(["page 1"]);
    const missesBefore = await lookups("miss");
    const visitors = Array.from({ length: 50 }, () => cachedDirectory("search:stampede", page.compute, T));
    await until(async () => (await lookups("miss")) - missesBefore === 50);
    page.release();
    expect(await Promise.all(visitors)).toEqual(Array(50).fill("page 1"));
    expect(page.calls).toBe(1);
  });

  it("serves a fresh entry until its TTL, then the stale one while one refresh runs behind", async () => {
    const page = gate(["old", "new"]);
    const first = cachedDirectory("search:swr", page.compute, T);
    await until(() => page.calls === 1);
    page.release();
    expect(await first).toBe("old");

    expect(await cachedDirectory("search:swr", page.compute, T + DIRECTORY_CACHE_TTL_MS - 1)).toBe("old");
    expect(page.calls).toBe(1);

    const staleBefore = await lookups("stale");
    const later = T + DIRECTORY_CACHE_TTL_MS + 1;
    expect(await cachedDirectory("search:swr", page.compute, later)).toBe("old");
    expect(await cachedDirectory("search:swr", page.compute, later)).toBe("old");
    expect(page.calls).toBe(2); // one refresh for both stale reads
    expect((await lookups("stale")) - staleBefore).toBe(2);

    page.release();
    await until(async () => (await cachedDirectory("search:swr", page.compute, later + 1)) === "new");
    expect(page.calls).toBe(2);
  });

  it("past the stale window the visitor waits for a fresh page", async () => {
    const page = gate(["old", "new"]);
    const first = cachedDirectory("search:expired", page.compute, T);
    await until(() => page.calls === 1);
    page.release();
    await first;
    const next = cachedDirectory("search:expired", page.compute, T + DIRECTORY_CACHE_TTL_MS + DIRECTORY_CACHE_STALE_MS + 1);
    await until(() => page.calls === 2);
    page.release();
    expect(await next).toBe("new");
  });

  it("never serves a page from before an invalidation, even within the stale window", async () => {
    const page = gate(["before the edit", "after the edit"]);
    const first = cachedDirectory("search:edit", page.compute, T);
    await until(() => page.calls === 1);
    page.release();
    await first;
    await invalidateDirectoryCache("listing edited");
    const next = cachedDirectory("search:edit", page.compute, T + 1);
    await until(() => page.calls === 2);
    page.release();
    expect(await next).toBe("after the edit");
  });

  it("a computation that started before an invalidation is not kept", async () => {
    const page = gate(["computed before the edit", "computed after"]);
    const running = cachedDirectory("search:race", page.compute, T);
    await until(() => page.calls === 1);
    await invalidateDirectoryCache("listing edited");
    page.release();
    expect(await running).toBe("computed before the edit");
    const next = cachedDirectory("search:race", page.compute, T + 1);
    await until(() => page.calls === 2);
    page.release();
    expect(await next).toBe("computed after");
  });

  it("a failed computation is not cached and the next visitor tries again", async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      if (calls === 1) throw new Error("database went away");
      return "recovered";
    };
    await expect(cachedDirectory("search:fail", failing, T)).rejects.toThrow("database went away");
    expect(await cachedDirectory("search:fail", failing, T)).toBe("recovered");
  });
});

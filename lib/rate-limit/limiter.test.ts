import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { decide, memoryLimiter, redisLimiter, type RateLimiter } from "./limiter";

const rule = { limit: 3, windowMs: 60_000 };
const at = (iso: string) => new Date(iso);

describe("decide", () => {
  it("allows up to the limit, then asks to retry when the window ends", () => {
    expect(decide(3, rule, at("2026-03-02T10:00:15Z"))).toMatchObject({ allowed: true, remaining: 0, retryAfterS: 0 });
    const over = decide(4, rule, at("2026-03-02T10:00:15Z"));
    expect(over).toMatchObject({ allowed: false, remaining: 0, retryAfterS: 45 });
    expect(over.resetAt.toISOString()).toBe("2026-03-02T10:01:00.000Z");
  });

  it("never asks to wait less than a second", () => {
    expect(decide(4, rule, at("2026-03-02T10:00:59.900Z")).retryAfterS).toBe(1);
  });
});

function behaves(name: string, make: () => RateLimiter) {
  describe(name, () => {
    it("counts per key and per window", async () => {
      const limiter = make();
      const key = `k-${Math.random()}`;
      const t = at("2026-03-02T10:00:10Z");
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await limiter.hit(key, rule, t));
      expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
      expect((await limiter.hit(`${key}-other`, rule, t)).allowed).toBe(true);
      // The next window starts fresh.
      expect((await limiter.hit(key, rule, at("2026-03-02T10:01:00Z"))).allowed).toBe(true);
    });
  });
}

behaves("memory limiter", memoryLimiter);

// Against a real Redis when REDIS_URL is set (CI starts one for the PostgreSQL pass).
const url = process.env.REDIS_URL;
if (url) {
  const redis = new Redis(url);
  afterAll(async () => {
    await redis.quit();
  });
  behaves("redis limiter", () => redisLimiter(redis, `test-${Date.now()}`));
}

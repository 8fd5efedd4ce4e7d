import { describe, expect, it } from "vitest";
import { looksLikeId, newId } from "@/lib/ids";
import { idSource, newIds } from "@/lib/ids";

describe("batched ids", () => {
  it("are newId's ids: the kind's prefix and 20 base-36 characters, all distinct", () => {
    const ids = newIds("ledgerEntry", 5_000);
    const shape = (id: string) => id.replace(/[0-9a-z]/g, "x").replace(/^x+_/, "p_");
    expect(new Set(ids.map(shape))).toEqual(new Set([shape(newId("ledgerEntry"))]));
    for (const id of ids) {
      expect(id).toMatch(/^led_[0-9a-z]{20}$/);
      expect(looksLikeId("ledgerEntry", id)).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(newIds("payoutLine", 0)).toEqual([]);
  });

  it("use every character about equally often", () => {
    const counts = new Map<string, number>();
    for (const id of newIds("payoutLine", 20_000)) for (const c of id.slice(4)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(36);
    const expected = (20_000 * 20) / 36;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });

  it("a source hands out distinct ids across its batches", () => {
    const next = idSource("ledgerEntry");
    const ids = Array.from({ length: 20_000 }, next);
    expect(new Set(ids).size).toBe(20_000);
    expect(ids.every((id) => /^led_[0-9a-z]{20}$/.test(id))).toBe(true);
  });
});

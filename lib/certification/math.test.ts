import { describe, expect, it } from "vitest";
import { npsScore, percentile, quarterOf, survivalPct } from "./math";

describe("percentile (the program's method, 0-100)", () => {
  it("matches the worked example of lib/quality/percentile.ts", () => {
    const tti = [4, 7, 9, 12, 15, 22, 40, 95, 180, 600];
    expect(percentile(tti, 50)).toBeCloseTo(18.5, 10);
    expect(percentile(tti, 95)).toBeCloseTo(411, 10);
  });
  it("is null without values", () => expect(percentile([], 50)).toBeNull());
});

describe("npsScore", () => {
  it.each([
    [{ promoters: 6, passives: 2, detractors: 2 }, 40],
    [{ promoters: 0, passives: 5, detractors: 5 }, -50],
    [{ promoters: 10, passives: 0, detractors: 0 }, 100],
  ])("%j -> %i", (c, expected) => expect(npsScore(c)).toBeCloseTo(expected, 10));
  it("is null without responses", () => expect(npsScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull());
});

describe("survivalPct and quarterOf", () => {
  it("sums assets across checks", () => {
    expect(survivalPct([{ checked: 600, survived: 600 }, { checked: 400, survived: 399 }])).toBeCloseTo(99.9, 10);
    expect(survivalPct([])).toBeNull();
  });
  it.each([
    ["2026-01-01T00:00:00Z", "2026-Q1"],
    ["2026-03-31T23:59:59Z", "2026-Q1"],
    ["2026-04-01T00:00:00Z", "2026-Q2"],
    ["2026-12-31T23:59:59Z", "2026-Q4"],
  ])("%s is in %s", (iso, q) => expect(quarterOf(new Date(iso))).toBe(q));
});

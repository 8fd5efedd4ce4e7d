import { describe, expect, it } from "vitest";
import { npsScore, percentile, quarterOf, survivalPct } from "./math";

describe("percentile (nearest rank)", () => {
  it.each([
    [[4, 1, 9, 7], 50, 4],
    [[4, 1, 9, 7], 95, 9],
    [[4, 1, 9, 7], 25, 1],
    [[10], 50, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
  ])("%j p%i = %i", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
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

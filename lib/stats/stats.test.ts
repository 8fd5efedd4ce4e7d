import { describe, expect, it } from "vitest";
import { bootstrapMedianDiffCi } from "./bootstrap";
import { median, percentile, summarize } from "./descriptive";
import { mannWhitneyU, rankWithTies } from "./mann-whitney";
import { normalCdf, twoSidedP } from "./normal";
import { computeNps, summarizeCounts } from "./nps";
import { seededRng } from "./rng";

// Expected numbers are worked by hand (shown next to each case) and agree with
// statistical tables: they are not produced by the code under test.

describe("percentiles (linear interpolation)", () => {
  it.each([
    // [1, 2, 3, 4]: p50 h = 1.5 -> 2 + 0.5 = 2.5; p95 h = 2.85 -> 3 + 0.85 = 3.85
    [[4, 1, 3, 2], 0.5, 2.5],
    [[4, 1, 3, 2], 0.95, 3.85],
    // The TTI example of lib/quality/percentile.ts
    [[4, 7, 9, 12, 15, 22, 40, 95, 180, 600], 0.5, 18.5],
    [[4, 7, 9, 12, 15, 22, 40, 95, 180, 600], 0.95, 411],
    [[7], 0.95, 7],
  ])("%j at %s -> %s", (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it("has no percentile of nothing", () => {
    expect(median([])).toBeNull();
    expect(summarize([])).toEqual({ n: 0, p50: null, p95: null });
  });
});

describe("standard normal", () => {
  it("matches the table: Phi(1.96) = 0.97500, Phi(0) = 0.5, Phi(-1) = 0.15866", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 5);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
    expect(twoSidedP(1.96)).toBeCloseTo(0.05, 4);
    expect(twoSidedP(-2.5758)).toBeCloseTo(0.01, 4);
  });
});

describe("Mann-Whitney U", () => {
  it("ranks ties by their average rank", () => {
    // 3 -> 1; the three 5s take ranks 2, 3, 4 -> 3; 8 -> 5. Tie term 3^3 - 3 = 24.
    expect(rankWithTies([3, 5, 5, 8, 5])).toEqual({ ranks: [1, 3, 3, 5, 3], tieTerm: 24 });
  });

  it("with a tie: U = 2, z = 1.8685, p = 0.0617 (normal approximation, continuity and tie corrected)", () => {
    // R_A = 1 + 3 + 3 + 5 = 12, U_A = 12 - 4*5/2 = 2, mu = 10,
    // sigma^2 = 20/12 * (10 - 24/72) = 16.1111, z = 7.5 / 4.01386 = 1.86852,
    // p = 2 * (1 - Phi(1.86852)) = 2 * 0.030845 = 0.06169
    const r = mannWhitneyU([3, 5, 5, 8], [5, 9, 10, 12, 15]);
    expect(r.method).toBe("normal");
    expect(r.uA).toBe(2);
    expect(r.uB).toBe(18);
    expect(r.u).toBe(2);
    expect(r.z!).toBeCloseTo(1.86852, 4);
    expect(r.p).toBeCloseTo(0.06169, 4);
  });

  it("small samples without ties get the exact p: A = [1, 2, 4], B = [3, 5, 6, 7] -> U = 1, p = 4/35", () => {
    // C(7, 3) = 35 equally likely rank sets for A; U = 0 ({1,2,3}) and U = 1 ({1,2,4})
    // -> P(U <= 1) = 2/35, two-sided 4/35 = 0.114286
    const r = mannWhitneyU([1, 2, 4], [3, 5, 6, 7]);
    expect(r.method).toBe("exact");
    expect(r.u).toBe(1);
    expect(r.p).toBeCloseTo(4 / 35, 10);
  });

  it("complete separation of 5 and 5 values: p = 2/252 exactly", () => {
    // Only 1 of C(10, 5) = 252 arrangements puts all of A below B.
    const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.u).toBe(0);
    expect(r.p).toBeCloseTo(2 / 252, 12);
  });

  it("identical samples are not different: p = 1", () => {
    expect(mannWhitneyU([1, 1, 1], [1, 1, 1]).p).toBe(1);
    expect(mannWhitneyU([1, 2, 3], [1, 2, 3]).p).toBe(1);
  });

  it("large samples use the normal approximation", () => {
    const a = Array.from({ length: 30 }, (_, i) => i);
    const b = Array.from({ length: 30 }, (_, i) => i + 100);
    const r = mannWhitneyU(a, b);
    expect(r.method).toBe("normal");
    // U = 0, mu = 450, sigma^2 = 900/12 * 61 = 4575, z = 449.5 / 67.639 = 6.6456
    expect(r.z!).toBeCloseTo(6.6456, 3);
    expect(r.p).toBeLessThan(1e-9);
  });

  it("refuses an empty sample", () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
  });
});

describe("bootstrap CI of the median difference", () => {
  it("constant groups give a degenerate interval at the difference", () => {
    const r = bootstrapMedianDiffCi([5, 5, 5], [2, 2, 2], { resamples: 200 });
    expect(r).toMatchObject({ estimate: 3, lower: 3, upper: 3, excludesZero: true });
  });

  it("is reproducible with a seed and changes with another seed", () => {
    const a = [9, 11, 7, 15, 8, 10, 12, 6, 30, 9];
    const b = [50, 70, 44, 90, 61, 38, 120, 55, 47, 66];
    const one = bootstrapMedianDiffCi(a, b, { seed: 7 });
    expect(bootstrapMedianDiffCi(a, b, { seed: 7 })).toEqual(one);
    expect(one.estimate).toBe(9.5 - 58);
    expect(one.lower).toBeLessThanOrEqual(one.estimate);
    expect(one.upper).toBeGreaterThanOrEqual(one.estimate);
    expect(one.upper).toBeLessThan(0);
    expect(one.excludesZero).toBe(true);
  });

  it("overlapping groups give an interval that contains 0", () => {
    const r = bootstrapMedianDiffCi([1, 5, 9, 3, 7], [2, 6, 8, 4, 5], { seed: 1 });
    expect(r.lower).toBeLessThanOrEqual(0);
    expect(r.upper).toBeGreaterThanOrEqual(0);
    expect(r.excludesZero).toBe(false);
  });

  it("the generator is uniform enough and deterministic", () => {
    const rng = seededRng(42);
    const xs = Array.from({ length: 10_000 }, () => rng());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(seededRng(42)()).toBe(xs[0]);
  });
});

describe("NPS with margin of error", () => {
  it("20 responses, 10/6/4 -> NPS 30 ± 34.23", () => {
    // pP = 0.5, pD = 0.2, var = 0.7 - 0.09 = 0.61, MoE = 196 * sqrt(0.0305) = 34.230
    const s = summarizeCounts(10, 6, 4);
    expect(s.nps).toBeCloseTo(30, 10);
    expect(s.marginOfError!).toBeCloseTo(34.23, 2);
  });

  it("ten scores: 5 promoters, 2 passives, 3 detractors -> NPS 20 ± 54.03", () => {
    // var = 0.5 + 0.3 - 0.2^2 = 0.76, MoE = 196 * sqrt(0.076) = 196 * 0.275681 = 54.034
    const s = computeNps([10, 9, 9, 8, 7, 6, 3, 0, 10, 10]);
    expect(s).toMatchObject({ n: 10, promoters: 5, passives: 2, detractors: 3 });
    expect(s.nps).toBeCloseTo(20, 10);
    expect(s.marginOfError!).toBeCloseTo(54.034, 2);
  });

  it("all promoters: NPS 100 with no spread; one response has no margin", () => {
    expect(summarizeCounts(8, 0, 0)).toMatchObject({ nps: 100, marginOfError: 0 });
    expect(summarizeCounts(1, 0, 0).marginOfError).toBeNull();
  });
});

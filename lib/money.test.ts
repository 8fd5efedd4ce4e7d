import { describe, expect, it } from "vitest";
import { applyBps, divRoundHalfEven, formatMoney, prorationFor, shareOf } from "./money";

describe("applyBps: round half to even", () => {
  it.each([
    [10_000, 2500, 2500],
    [10_002, 2500, 2500], // 2500.5 -> even 2500
    [10_006, 2500, 2502], // 2501.5 -> even 2502
    [10_003, 2500, 2501], // 2500.75
    [10_001, 2500, 2500], // 2500.25
    [1, 5000, 0], // 0.5 -> 0
    [3, 5000, 2], // 1.5 -> 2
    [-10_002, 2500, -2500], // symmetric for clawbacks
    [-10_006, 2500, -2502],
    [0, 3000, 0],
    [99_999, 3000, 30_000], // 29999.7
    [12_345, 0, 0],
    [12_345, 10_000, 12_345],
  ])("%i cents at %i bp = %i", (cents, bps, expected) => {
    expect(applyBps(cents, bps)).toBe(expected);
  });

  it("keeps precision far beyond 2^53 / 10_000", () => {
    expect(applyBps(9_007_199_254_740_991, 1)).toBe(900_719_925_474);
  });

  it("refuses fractions of a cent and rates out of range", () => {
    expect(() => applyBps(10.5, 2000)).toThrow(RangeError);
    expect(() => applyBps(100, 10_001)).toThrow(RangeError);
    expect(() => applyBps(100, -1)).toThrow(RangeError);
    expect(() => applyBps(100, 2.5)).toThrow(RangeError);
  });

  it("divides with the same rule", () => {
    expect(divRoundHalfEven(5n, 2n)).toBe(2n);
    expect(divRoundHalfEven(7n, 2n)).toBe(4n);
    expect(divRoundHalfEven(-7n, 2n)).toBe(-4n);
  });
});

describe("shareOf: proportional parts (partial refunds)", () => {
  it.each([
    [3000, 5000, 10_000, 1500],
    [3000, 3333, 10_000, 1000], // 999.9
    [2500, 1, 2, 1250],
    [1, 1, 2, 0], // 0.5 -> 0
    [3, 1, 2, 2], // 1.5 -> 2
    [3000, 10_000, 10_000, 3000],
  ])("%i x %i / %i = %i", (cents, part, whole, expected) => {
    expect(shareOf(cents, part, whole)).toBe(expected);
  });
});

describe("prorationFor: Stripe-style, by the second", () => {
  const start = new Date("2026-03-01T00:00:00Z");
  const end = new Date("2026-03-31T00:00:00Z"); // 30 days
  const at = (days: number) => new Date(start.getTime() + days * 86_400_000);

  it("upgrade after 10 of 30 days: credit 2/3 of the old price, charge 2/3 of the new", () => {
    expect(prorationFor({ oldAmount: 3000, newAmount: 6000, periodStart: start, periodEnd: end, changeAt: at(10) })).toEqual({
      credit: -2000,
      charge: 4000,
      net: 2000,
      remainingSeconds: 20 * 86_400,
      periodSeconds: 30 * 86_400,
    });
  });

  it("downgrade is negative", () => {
    const p = prorationFor({ oldAmount: 9900, newAmount: 2900, periodStart: start, periodEnd: end, changeAt: at(15) });
    expect(p).toMatchObject({ credit: -4950, charge: 1450, net: -3500 });
  });

  it("counts seconds, not days: one second before the end leaves one second", () => {
    const p = prorationFor({ oldAmount: 2_592_000, newAmount: 5_184_000, periodStart: start, periodEnd: end, changeAt: new Date(end.getTime() - 1000) });
    expect(p).toMatchObject({ credit: -1, charge: 2, net: 1, remainingSeconds: 1 });
  });

  it("a change at the period start swaps whole prices; at the end, nothing", () => {
    expect(prorationFor({ oldAmount: 3000, newAmount: 6000, periodStart: start, periodEnd: end, changeAt: start })).toMatchObject({ credit: -3000, charge: 6000, net: 3000 });
    expect(prorationFor({ oldAmount: 3000, newAmount: 6000, periodStart: start, periodEnd: end, changeAt: end })).toMatchObject({ credit: 0, charge: 0, net: 0 });
  });

  it("rounds each side half to even", () => {
    // 1/3 of the period remains: 1000 / 3 = 333.33 -> 333; 2000 / 3 = 666.67 -> 667.
    const p = prorationFor({ oldAmount: 1000, newAmount: 2000, periodStart: start, periodEnd: end, changeAt: at(20) });
    expect(p).toMatchObject({ credit: -333, charge: 667, net: 334 });
  });
});

describe("formatMoney", () => {
  it("formats minor units in the currency's digits", () => {
    expect(formatMoney(123_456, "USD")).toBe("$1,234.56");
    expect(formatMoney(-2500, "EUR")).toBe("-€25.00");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });
});

import { describe, expect, it } from "vitest";
import { percentile } from "./percentile";
import {
  evaluateAlerts,
  formatRate,
  isVerifyingCheck,
  meetsSurvivalBar,
  meetsTtiBar,
  nextVerifiedAt,
  summarizeTti,
  totalsBetween,
  ttiSeconds,
  weekStartOf,
} from "./rules";

const at = (iso: string) => new Date(iso);

describe("percentile (linear interpolation, as percentile_cont)", () => {
  const worked = [600, 4, 95, 7, 180, 9, 40, 12, 22, 15]; // unsorted on purpose
  it("matches the worked example in the header", () => {
    expect(percentile(worked, 0.5)).toBe(18.5);
    expect(percentile(worked, 0.95)).toBeCloseTo(411, 10);
  });
  it.each([
    [[], 0.5, null],
    [[42], 0.5, 42],
    [[42], 0.95, 42],
    [[1, 2], 0.5, 1.5],
    [[1, 2, 3, 4], 0, 1],
    [[1, 2, 3, 4], 1, 4],
    [[10, 20, 30], 0.25, 15],
  ] as const)("percentile(%j, %d) = %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
  it("refuses fractions outside [0, 1]", () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], -0.1)).toThrow(RangeError);
  });
});

describe("survival bar (99.9%)", () => {
  it.each([
    [1000, 999, true], // exactly 99.9%
    [1000, 998, false],
    [10000, 9989, false], // 99.89%
    [10000, 9990, true],
    [1, 1, true],
    [1, 0, false],
    [0, 0, false], // nothing checked proves nothing
  ])("%i checked, %i survived -> %s", (checked, survived, ok) => {
    expect(meetsSurvivalBar(checked, survived)).toBe(ok);
    expect(isVerifyingCheck({ assetsChecked: checked, assetsSurvived: survived })).toBe(ok);
  });
  it("formats rates without rounding up past the bar", () => {
    expect(formatRate(0.99899)).toBe("99.89%");
    expect(formatRate(0.999)).toBe("99.90%");
    expect(formatRate(null)).toBe("—");
  });
});

describe("verification and TTI", () => {
  const install = { startedAt: at("2026-03-02T10:00:00Z"), verifiedAt: null as Date | null };
  const good = { checkedAt: at("2026-03-02T10:12:00Z"), assetsChecked: 10, assetsSurvived: 10 };
  it("the first verifying check verifies the install", () => {
    expect(nextVerifiedAt(install, good)).toEqual(good.checkedAt);
  });
  it("a failing check does not verify", () => {
    expect(nextVerifiedAt(install, { ...good, assetsSurvived: 9 })).toBeNull();
  });
  it("a later check keeps the earlier verification; an earlier one moves it back", () => {
    const verified = { ...install, verifiedAt: good.checkedAt };
    expect(nextVerifiedAt(verified, { ...good, checkedAt: at("2026-03-05T00:00:00Z") })).toEqual(good.checkedAt);
    expect(nextVerifiedAt(verified, { ...good, checkedAt: at("2026-03-02T10:05:00Z") })).toEqual(at("2026-03-02T10:05:00Z"));
  });
  it("a check from before the install started does not count", () => {
    expect(nextVerifiedAt(install, { ...good, checkedAt: at("2026-03-01T00:00:00Z") })).toBeNull();
  });
  it("TTI is verified - started, in seconds", () => {
    expect(ttiSeconds({ ...install, verifiedAt: good.checkedAt })).toBe(720);
    expect(ttiSeconds(install)).toBeNull();
  });
  it("bars: 15 minutes for WordPress and Shopify, a day for custom and Workers", () => {
    expect(meetsTtiBar("wordpress", 900)).toBe(true);
    expect(meetsTtiBar("wordpress", 901)).toBe(false);
    expect(meetsTtiBar("shopify", 901)).toBe(false);
    expect(meetsTtiBar("custom", 86400)).toBe(true);
    expect(meetsTtiBar("custom", 86401)).toBe(false);
    expect(meetsTtiBar("workers", 3600)).toBe(true);
  });
  it("summarizes a partner's installs with the documented percentile", () => {
    const start = at("2026-03-02T00:00:00Z").getTime();
    const minutes = [4, 7, 9, 12, 15, 22, 40, 95, 180, 600];
    const list = [
      ...minutes.map((m) => ({ startedAt: new Date(start), verifiedAt: new Date(start + m * 60_000) })),
      { startedAt: new Date(start), verifiedAt: null },
    ];
    expect(summarizeTti(list)).toEqual({ started: 11, verified: 10, p50Seconds: 18.5 * 60, p95Seconds: expect.closeTo(411 * 60, 6) });
  });
});

describe("weeks and windows", () => {
  it.each([
    ["2026-03-02T10:00:00Z", "2026-03-02"], // a Monday
    ["2026-03-08T23:59:59Z", "2026-03-02"], // Sunday night
    ["2026-03-09T00:00:00Z", "2026-03-09"],
    ["2024-02-29T12:00:00Z", "2024-02-26"], // leap day
    ["2027-01-01T00:00:00Z", "2026-12-28"], // across a year end
  ])("week of %s starts %s", (d, monday) => {
    expect(weekStartOf(at(d))).toBe(monday);
  });
  it("adds up checks in [from, to)", () => {
    const c = (iso: string, checked: number, survived: number) => ({ checkedAt: at(iso), assetsChecked: checked, assetsSurvived: survived, survivedEmbedded: 0, survivedRemote: survived });
    const t = totalsBetween([c("2026-03-01T00:00:00Z", 10, 10), c("2026-03-05T00:00:00Z", 10, 9), c("2026-03-08T00:00:00Z", 10, 10)], at("2026-03-01T00:00:00Z"), at("2026-03-08T00:00:00Z"));
    expect(t).toEqual({ checks: 2, checked: 20, survived: 19, embedded: 0, remote: 19 });
  });
});

describe("alerts", () => {
  it("flags partners below 99.9% survival and over their stack's TTI bar, with enough evidence", () => {
    const alerts = evaluateAlerts({
      survival: [
        { partnerId: "ok", assetsChecked: 1000, assetsSurvived: 999 },
        { partnerId: "low", assetsChecked: 1000, assetsSurvived: 990 },
        { partnerId: "lower", assetsChecked: 1000, assetsSurvived: 900 },
        { partnerId: "thin", assetsChecked: 5, assetsSurvived: 0 },
      ],
      tti: [
        { partnerId: "fast", stack: "wordpress", installsVerified: 10, p50Seconds: 600 },
        { partnerId: "slow", stack: "wordpress", installsVerified: 10, p50Seconds: 1800 },
        { partnerId: "slow-custom", stack: "custom", installsVerified: 10, p50Seconds: 3 * 86400 },
        { partnerId: "few", stack: "shopify", installsVerified: 2, p50Seconds: 9999 },
      ],
    });
    expect(alerts.map((a) => [a.kind, a.partnerId])).toEqual([
      ["survival", "lower"],
      ["survival", "low"],
      ["tti", "slow-custom"],
      ["tti", "slow"],
    ]);
  });
});

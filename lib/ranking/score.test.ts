import { describe, expect, it } from "vitest";
import {
  activityMass,
  certificationPart,
  comparePlacement,
  evidencePart,
  programNpsMean,
  rankPartners,
  recencyPart,
  scorePartner,
  shrunkNps,
  slaPart,
  survivalPart,
  ttiPart,
  type RankingInput,
} from "./score";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);
const hoursAfter = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

function input(over: Partial<RankingInput> = {}): RankingInput {
  return {
    id: "ptr_a",
    name: "Alpha",
    track: "installer",
    tier: "verified",
    onProbation: false,
    survival30: { checked: 0, survived: 0 },
    trackBadge: null,
    evidence: [],
    tti: [],
    slaResponseHours: null,
    leads: [],
    nps: { promoters: 0, passives: 0, detractors: 0 },
    activity: [],
    ...over,
  };
}

describe("survival (30 days)", () => {
  it.each([
    [0, 0, 0],
    [10_000, 9_990, 1], // exactly 99.9%
    [10_000, 10_000, 1],
    [10_000, 9_900, 0], // exactly 99%
    [10_000, 9_000, 0],
    [10_000, 9_945, 0.5], // halfway between 99% and 99.9%
  ])("%i checked, %i survived -> %d", (checked, survived, expected) => {
    expect(survivalPart(checked, survived)).toBeCloseTo(expected, 9);
  });
});

describe("certification from the track badge", () => {
  it.each([
    ["active", 1],
    ["probation", 0.5],
    ["expired", 0],
    ["revoked", 0],
    [null, 0],
  ] as const)("%s -> %d", (state, expected) => expect(certificationPart(state)).toBe(expected));
});

describe("evidence in the last 90 days", () => {
  it("counts reports and exports inside [now - 90 d, now], three or more is full", () => {
    expect(evidencePart([], NOW)).toBe(0);
    expect(evidencePart([daysAgo(1)], NOW)).toBeCloseTo(1 / 3, 12);
    expect(evidencePart([daysAgo(90), daysAgo(0)], NOW)).toBeCloseTo(2 / 3, 12); // exactly 90 days counts
    expect(evidencePart([new Date(daysAgo(90).getTime() - 1)], NOW)).toBe(0);
    expect(evidencePart([new Date(NOW.getTime() + 1000)], NOW)).toBe(0); // the future does not count
    expect(evidencePart([daysAgo(1), daysAgo(2), daysAgo(3), daysAgo(4)], NOW)).toBe(1);
  });
});

describe("TTI against the stack bar", () => {
  it.each([
    [[{ stack: "wordpress", verified: 5, p50Seconds: 900 }], 1], // exactly at the 15 min bar
    [[{ stack: "wordpress", verified: 5, p50Seconds: 60 }], 1],
    [[{ stack: "wordpress", verified: 5, p50Seconds: 1350 }], 0.5], // 1.5x the bar
    [[{ stack: "wordpress", verified: 5, p50Seconds: 1800 }], 0], // twice the bar
    [[{ stack: "custom", verified: 2, p50Seconds: 86_400 * 3 }], 0],
    [[{ stack: "shopify", verified: 0, p50Seconds: 100 }], 0], // nothing verified: no credit
    [[{ stack: "workers", verified: 3, p50Seconds: null }], 0],
    [
      [
        { stack: "wordpress", verified: 8, p50Seconds: 600 },
        { stack: "custom", verified: 2, p50Seconds: 129_600 },
      ],
      0.9, // weighted by verified installs
    ],
  ] as const)("%j -> %d", (rows, expected) => expect(ttiPart(rows as unknown as RankingInput["tti"])).toBeCloseTo(expected, 12));
});

describe("SLA met", () => {
  const created = daysAgo(10);
  it("is 0 without a published SLA and 0.5 when nothing is due yet", () => {
    expect(slaPart(null, [{ createdAt: created, answeredAt: hoursAfter(created, 1) }], NOW)).toBe(0);
    expect(slaPart(24, [], NOW)).toBe(0.5);
    // Created an hour ago with a 24 h SLA and not answered: not due yet.
    expect(slaPart(24, [{ createdAt: new Date(NOW.getTime() - 3_600_000), answeredAt: null }], NOW)).toBe(0.5);
  });
  it("answered exactly at the deadline is met; a minute late or never is missed", () => {
    expect(slaPart(24, [{ createdAt: created, answeredAt: hoursAfter(created, 24) }], NOW)).toBe(1);
    expect(slaPart(24, [{ createdAt: created, answeredAt: new Date(hoursAfter(created, 24).getTime() + 60_000) }], NOW)).toBe(0);
    expect(slaPart(24, [{ createdAt: created, answeredAt: null }], NOW)).toBe(0);
  });
  it("counts only leads of the last 90 days", () => {
    const old = daysAgo(91);
    expect(slaPart(24, [{ createdAt: old, answeredAt: null }, { createdAt: created, answeredAt: hoursAfter(created, 2) }], NOW)).toBe(1);
  });
  it("3 of 4 within the SLA -> 0.75", () => {
    const leads = [1, 2, 3].map(() => ({ createdAt: created, answeredAt: hoursAfter(created, 5) }));
    expect(slaPart(8, [...leads, { createdAt: created, answeredAt: hoursAfter(created, 9) }], NOW)).toBe(0.75);
  });
});

describe("satisfaction: NPS shrunk toward the program mean", () => {
  it("NPS = %promoters - %detractors, and with no responses the partner sits at the mean", () => {
    expect(shrunkNps({ promoters: 0, passives: 0, detractors: 0 }, 0.3)).toBeCloseTo(0.3, 12);
    // 1 promoter alone does not make a perfect score: (1 + 10 * 0) / 11
    expect(shrunkNps({ promoters: 1, passives: 0, detractors: 0 }, 0)).toBeCloseTo(1 / 11, 12);
    // Many responses: close to the raw NPS (1000 promoters -> 1000 / 1010)
    expect(shrunkNps({ promoters: 1000, passives: 0, detractors: 0 }, 0)).toBeCloseTo(1000 / 1010, 12);
    expect(shrunkNps({ promoters: 6, passives: 3, detractors: 1 }, 0.2)).toBeCloseTo(0.35, 12);
  });
  it("the program mean weighs every response equally", () => {
    expect(programNpsMean([])).toBe(0);
    expect(
      programNpsMean([
        { promoters: 3, passives: 0, detractors: 1 },
        { promoters: 0, passives: 6, detractors: 0 },
      ]),
    ).toBeCloseTo(0.2, 12);
  });
});

describe("recency: activity halves every 30 days", () => {
  it("weighs each activity 2^(-age/30) within a year", () => {
    expect(activityMass([NOW], NOW)).toBe(1);
    expect(activityMass([daysAgo(30)], NOW)).toBeCloseTo(0.5, 12);
    expect(activityMass([daysAgo(60)], NOW)).toBeCloseTo(0.25, 12);
    expect(activityMass([daysAgo(365)], NOW)).toBeCloseTo(Math.pow(2, -365 / 30), 15);
    expect(activityMass([daysAgo(366), new Date(NOW.getTime() + DAY)], NOW)).toBe(0);
  });
  it("three fresh activities give 0.5, nothing gives 0", () => {
    expect(recencyPart(0)).toBe(0);
    expect(recencyPart(3)).toBe(0.5);
    expect(recencyPart(9)).toBe(0.75);
  });
});

describe("the whole score", () => {
  it("matches the worked example in the module header", () => {
    const created = daysAgo(20);
    const b = scorePartner(
      input({
        tier: "advanced",
        survival30: { checked: 10_000, survived: 9_990 },
        trackBadge: "active",
        evidence: [daysAgo(5), daysAgo(40)],
        tti: [
          { stack: "wordpress", verified: 8, p50Seconds: 600 },
          { stack: "custom", verified: 2, p50Seconds: 129_600 },
        ],
        slaResponseHours: 8,
        leads: [
          { createdAt: created, answeredAt: hoursAfter(created, 1) },
          { createdAt: created, answeredAt: hoursAfter(created, 2) },
          { createdAt: created, answeredAt: hoursAfter(created, 8) },
          { createdAt: created, answeredAt: null },
        ],
        nps: { promoters: 6, passives: 3, detractors: 1 },
        activity: [NOW, daysAgo(30)],
      }),
      0.2,
      NOW,
    );
    expect(b.compliance).toBeCloseTo(0.5 + 0.3 + 0.2 * (2 / 3), 12);
    expect(b.performance).toBeCloseTo(0.855, 12);
    expect(b.satisfaction).toBeCloseTo(0.675, 12);
    expect(b.recency).toBeCloseTo(1 / 3, 12);
    expect(b.score).toBe(0.798167);
  });

  it("auditors are judged on certification, evidence and SLA only", () => {
    const b = scorePartner(
      input({ track: "auditor", trackBadge: "probation", evidence: [daysAgo(1), daysAgo(2), daysAgo(3)], survival30: { checked: 100, survived: 0 } }),
      0,
      NOW,
    );
    expect(b.parts.survival).toBeNull();
    expect(b.parts.tti).toBeNull();
    expect(b.compliance).toBeCloseTo(0.6 * 0.5 + 0.4 * 1, 12);
    expect(b.performance).toBe(0); // no SLA published
    expect(b.satisfaction).toBe(0.5); // no responses, program mean 0
  });

  it("a partner with nothing scores only the neutral satisfaction", () => {
    const b = scorePartner(input(), 0, NOW);
    expect([b.compliance, b.performance, b.recency]).toEqual([0, 0, 0]);
    expect(b.score).toBe(0.1);
  });

  it("every component stays within 0..1 at the extremes", () => {
    const best = scorePartner(
      input({
        survival30: { checked: 1, survived: 1 },
        trackBadge: "active",
        evidence: Array(10).fill(NOW),
        tti: [{ stack: "wordpress", verified: 100, p50Seconds: 1 }],
        slaResponseHours: 1,
        nps: { promoters: 1e6, passives: 0, detractors: 0 },
        activity: Array(1e4).fill(NOW),
      }),
      1,
      NOW,
    );
    for (const v of [best.compliance, best.performance, best.satisfaction, best.recency, best.score]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    const worst = scorePartner(input({ nps: { promoters: 0, passives: 0, detractors: 1e6 } }), -1, NOW);
    expect(worst.satisfaction).toBeCloseTo(0, 5);
  });
});

describe("placement and ranks", () => {
  // Computed by hand: scores are what each partner's inputs give (see the expectations).
  const strong = {
    survival30: { checked: 1000, survived: 1000 },
    trackBadge: "active" as const,
    evidence: [daysAgo(1), daysAgo(2), daysAgo(3)],
    tti: [{ stack: "wordpress" as const, verified: 4, p50Seconds: 300 }],
    slaResponseHours: 24,
    activity: [NOW, NOW, NOW],
  };
  const fixture: RankingInput[] = [
    input({ id: "ptr_v_strong", name: "Verified Strong", tier: "verified", ...strong }), // 0.4 + 0.3*0.85 + 0.1 + 0.05 = 0.805
    input({ id: "ptr_p_weak", name: "Premier Weak", tier: "premier" }), // 0.1
    input({ id: "ptr_a_mid", name: "Advanced Mid", tier: "advanced", trackBadge: "active" }), // 0.4*0.3 + 0.1 = 0.22
    input({ id: "ptr_a_prob", name: "Advanced Probation", tier: "advanced", onProbation: true, ...strong }), // 0.805
    input({ id: "ptr_a_zeta", name: "Zeta", tier: "advanced", trackBadge: "active" }), // 0.22, ties with Advanced Mid
    input({ id: "ptr_a_mid2", name: "Advanced Mid", tier: "advanced", trackBadge: "active" }), // same name: id decides
  ];
  const ranked = rankPartners(fixture, NOW);

  it("scores the fixture as computed by hand", () => {
    const score = Object.fromEntries(ranked.map((r) => [r.id, r.score]));
    expect(score).toEqual({
      ptr_v_strong: 0.805,
      ptr_p_weak: 0.1,
      ptr_a_mid: 0.22,
      ptr_a_prob: 0.805,
      ptr_a_zeta: 0.22,
      ptr_a_mid2: 0.22,
    });
  });

  it("orders Premier, then Advanced (probation last within it), then Verified; ties by name, then id", () => {
    expect(ranked.map((r) => [r.rank, r.id])).toEqual([
      [1, "ptr_p_weak"],
      [2, "ptr_a_mid"],
      [3, "ptr_a_mid2"],
      [4, "ptr_a_zeta"],
      [5, "ptr_a_prob"],
      [6, "ptr_v_strong"],
    ]);
  });

  it("is a total order: the input order does not matter", () => {
    const reversed = rankPartners([...fixture].reverse(), NOW);
    expect(reversed.map((r) => r.id)).toEqual(ranked.map((r) => r.id));
  });

  it("a higher score wins within the same band", () => {
    const a = { id: "a", name: "A", tier: "verified" as const, onProbation: false, score: 0.5 };
    expect(comparePlacement(a, { ...a, id: "b", name: "B", score: 0.6 })).toBeGreaterThan(0);
    expect(comparePlacement(a, { ...a, id: "b", name: "B", score: 0.4 })).toBeLessThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { qualifyingTier, computeTierMetrics, type TierMetrics } from "@/lib/tiers/rules";
import { certificationStatus, evaluatePartner, performanceBadges, ttiMissesInWindow } from "./evaluate";
import type { PartnerEvidence } from "./evidence";
import { daysAgo, evidence, minutesAfter, NOW } from "./fixtures";

const DAY = 86_400_000;

/** An installer that meets every track requirement. */
function qualified(over: Partial<PartnerEvidence> = {}): PartnerEvidence {
  const installs = (["wordpress", "shopify", "workers"] as const).map((stack) => ({
    stack,
    startedAt: daysAgo(40),
    verifiedAt: minutesAfter(daysAgo(40), 10),
  }));
  return evidence({
    installs,
    survival: [{ at: daysAgo(2), method: "remote", checked: 2000, survived: 2000 }],
    quizzes: [{ assessment: "installer_playbook", bestScorePct: 90 }],
    ...over,
  });
}

describe("certificationStatus", () => {
  const certifiedAt = new Date("2026-01-01T00:00:00Z");
  const expiresAt = new Date(certifiedAt.getTime() + 365 * DAY);
  it.each([
    [59 * DAY + DAY - 1, "probation"], // the last millisecond of day 60
    [60 * DAY, "certified"], // day 61 starts
    [335 * DAY - 1, "certified"],
    [335 * DAY, "recertifying"], // 30 days before expiry
    [365 * DAY - 1, "recertifying"],
    [365 * DAY, "expired"],
  ])("%i ms after certification: %s", (offset, status) => {
    expect(certificationStatus(certifiedAt, expiresAt, new Date(certifiedAt.getTime() + offset))).toBe(status);
  });
  it("is uncertified without dates", () => expect(certificationStatus(null, null, NOW)).toBe("uncertified"));
});

describe("evaluatePartner: certification", () => {
  it("certifies when every requirement is met, starting probation at Verified", () => {
    const d = evaluatePartner(qualified(), NOW);
    expect(d.certification).toMatchObject({ before: "uncertified", after: "probation", action: "certify", changed: true });
    expect(d.certification.certifiedAt).toEqual(NOW);
    expect(d.certification.expiresAt).toEqual(new Date(NOW.getTime() + 365 * DAY));
    expect(d.tier.to).toBe("verified");
  });

  it("does nothing for a partner missing a requirement", () => {
    const d = evaluatePartner(qualified({ quizzes: [{ assessment: "installer_playbook", bestScorePct: 84 }] }), NOW);
    expect(d.certification).toMatchObject({ action: "none", after: "uncertified", changed: false });
  });

  it("renews in the re-certification window, from the old expiry", () => {
    const expiresAt = new Date(NOW.getTime() + 10 * DAY);
    const d = evaluatePartner(qualified({ certifiedAt: daysAgo(355), expiresAt, recordedStatus: "recertifying" }), NOW);
    expect(d.certification.action).toBe("renew");
    expect(d.certification.expiresAt).toEqual(new Date(expiresAt.getTime() + 365 * DAY));
    expect(d.certification.reminderDue).toBe(false);
  });

  it("sends reminders in the window while the requirements are not met", () => {
    const d = evaluatePartner(
      evidence({ certifiedAt: daysAgo(355), expiresAt: new Date(NOW.getTime() + 10 * DAY), recordedStatus: "certified" }),
      NOW,
    );
    expect(d.certification).toMatchObject({ after: "recertifying", action: "none", reminderDue: true, changed: true });
  });

  it("records an expiry once", () => {
    const base = { certifiedAt: daysAgo(400), expiresAt: daysAgo(35) };
    expect(evaluatePartner(evidence({ ...base, recordedStatus: "recertifying" }), NOW).certification.action).toBe("expire");
    const again = evaluatePartner(evidence({ ...base, recordedStatus: "expired" }), NOW).certification;
    expect(again).toMatchObject({ action: "none", changed: false });
  });

  it("re-certifies an expired partner that qualifies again", () => {
    const d = evaluatePartner(qualified({ certifiedAt: daysAgo(400), expiresAt: daysAgo(35), recordedStatus: "expired" }), NOW);
    expect(d.certification).toMatchObject({ action: "recertify", after: "probation" });
  });
});

describe("evaluatePartner: tiers", () => {
  const certified = { certifiedAt: daysAgo(200), expiresAt: daysAgo(-165), recordedStatus: "certified" as const };

  it("holds a partner at Verified during probation", () => {
    const d = evaluatePartner(qualified({ tier: "advanced", certifiedAt: daysAgo(10), expiresAt: daysAgo(-355), recordedStatus: "probation" }), NOW);
    expect(d.tier).toEqual({ from: "advanced", to: "verified", reason: "probation" });
  });

  it("moves down when thresholds stop holding", () => {
    const d = evaluatePartner(qualified({ ...certified, tier: "premier" }), NOW);
    expect(d.tier).toEqual({ from: "premier", to: "verified", reason: "thresholds" });
  });

  it("miss-twice: the second install over its bar in 30 days moves the partner down one tier", () => {
    const slow = (days: number) => ({ stack: "wordpress" as const, startedAt: daysAgo(days), verifiedAt: minutesAfter(daysAgo(days), 16) });
    const one = qualified({ ...certified, tier: "advanced" });
    one.installs.push(slow(5));
    // Keep thresholds out of the picture: the partner qualifies for premier on paper.
    const onPaper = (e: PartnerEvidence) => ({ ...e, tier: "premier" as const });
    expect(ttiMissesInWindow(one, NOW)).toHaveLength(1);
    const second = { ...one, installs: [...one.installs, slow(3)] };
    expect(ttiMissesInWindow(second, NOW)).toHaveLength(2);
    const d = evaluatePartner(onPaper(second), NOW);
    expect(d.tier).toEqual({ from: "premier", to: "advanced", reason: "miss_twice" });
    expect(d.alerts.join(" ")).toContain("TTI bar");
  });

  it("misses older than 30 days, or before the last downgrade, do not count", () => {
    const slow = (days: number) => ({ stack: "shopify" as const, startedAt: daysAgo(days), verifiedAt: minutesAfter(daysAgo(days), 30) });
    expect(ttiMissesInWindow(evidence({ installs: [slow(31), slow(2)] }), NOW)).toHaveLength(1);
    expect(ttiMissesInWindow(evidence({ installs: [slow(10), slow(2)], lastDowngradeAt: daysAgo(5) }), NOW)).toHaveLength(1);
  });

  it("exactly at the bar is not a miss", () => {
    const at = { stack: "wordpress" as const, startedAt: daysAgo(2), verifiedAt: minutesAfter(daysAgo(2), 15) };
    expect(ttiMissesInWindow(evidence({ installs: [at, at] }), NOW)).toHaveLength(0);
  });
});

describe("qualifyingTier (worked example from lib/tiers/rules.ts)", () => {
  const m: TierMetrics = {
    verifiedInstalls: 12,
    publishedReports: 0,
    survivalPct: 99.93,
    ttiP50Ratio: 0.6,
    nps: 41,
    npsResponses: 8,
    slaMetPct: 100,
  };
  it("is Advanced", () => expect(qualifyingTier("installer", m)).toBe("advanced"));
  it("is Premier once every premier threshold holds", () =>
    expect(qualifyingTier("installer", { ...m, verifiedInstalls: 25, survivalPct: 99.95, ttiP50Ratio: 0.5, nps: 50, npsResponses: 10 })).toBe("premier"));
  it("stays Verified when a metric has no data", () => expect(qualifyingTier("installer", { ...m, nps: null })).toBe("verified"));
  it("ignores thresholds that do not apply to the track", () =>
    expect(qualifyingTier("auditor", { ...m, verifiedInstalls: 0, survivalPct: null, ttiP50Ratio: null, publishedReports: 4 })).toBe("advanced"));

  it("computes the metrics from evidence", () => {
    const e = qualified({ nps: { promoters: 6, passives: 2, detractors: 2 }, incidents: [{ openedAt: daysAgo(5), firstResponseAt: daysAgo(4) }] });
    const metrics = computeTierMetrics(e, NOW);
    expect(metrics).toMatchObject({ verifiedInstalls: 3, survivalPct: 100, nps: 40, npsResponses: 10, slaMetPct: 100 });
    expect(metrics.ttiP50Ratio).toBeCloseTo(10 / 15, 5);
  });
});

describe("performance badges", () => {
  const installsWithTti = (minutes: number[]) =>
    minutes.map((m, i) => ({ stack: "wordpress" as const, startedAt: daysAgo(10 + i), verifiedAt: minutesAfter(daysAgo(10 + i), m) }));

  it.each([
    [[10, 20, 30], true], // p50 exactly 20 minutes
    [[10, 21, 30], false],
    [[5, 5], false], // too few installs
  ])("Fast Installer with TTIs %j -> %s", (tti, expected) => {
    expect(performanceBadges(evidence({ installs: installsWithTti(tti) }), NOW).fast_installer).toBe(expected);
  });

  it.each([
    [2, false],
    [3, true],
  ])("Compliance Pro with %i exports -> %s", (n, expected) => {
    expect(performanceBadges(evidence({ exportsCount: n }), NOW).compliance_pro).toBe(expected);
  });

  it.each([
    [{ promoters: 7, passives: 2, detractors: 1 }, true], // NPS 60, 10 responses
    [{ promoters: 6, passives: 3, detractors: 0 }, false], // NPS 67 but 9 responses
    [{ promoters: 14, passives: 4, detractors: 2 }, true], // exactly 60 from 20
    [{ promoters: 12, passives: 5, detractors: 3 }, false], // 45
  ])("Five-Star NPS with %j -> %s", (nps, expected) => {
    expect(performanceBadges(evidence({ nps }), NOW).five_star_nps).toBe(expected);
  });

  it("are not awarded to uncertified or expired partners", () => {
    const d = evaluatePartner(evidence({ exportsCount: 5, certifiedAt: daysAgo(400), expiresAt: daysAgo(35), recordedStatus: "expired" }), NOW);
    expect(d.badges.compliance_pro).toBe(false);
  });
});

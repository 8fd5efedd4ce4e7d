import { TIERS, type Tier, type Track } from "@/lib/partners/constants";
import { TTI_BAR_MS } from "@/lib/quality/bars";
import type { PartnerEvidence } from "@/lib/certification/evidence";
import { DAY_MS, HOUR_MS, npsScore, percentile, survivalPct } from "@/lib/certification/math";

// Tier thresholds as data, and the metrics they are compared with.
//
// A certified partner holds the highest tier whose every threshold holds
// (Verified is the floor). A metric without data fails its threshold; a
// threshold of null does not apply to the track.
//
// Worked example (installer): 12 verified installs, 99.93% remote survival over
// 30 days, TTI p50 at 0.6x the stack bar, NPS 41 from 8 responses, 100% of
// incidents answered in time -> Advanced holds (10, 99.9, 1.0, 30/5, 95);
// Premier fails on installs (25), survival (99.95) and TTI (0.5) -> Advanced.

export interface TierMetrics {
  verifiedInstalls: number;
  publishedReports: number;
  /** Remote-manifest survival over 30 days, %. */
  survivalPct: number | null;
  /** Median over the last 90 days of (TTI / the stack's bar); 1.0 is exactly at the bar. */
  ttiP50Ratio: number | null;
  nps: number | null;
  npsResponses: number;
  /** Share of incidents in the last 90 days answered within the track's SLA, %. */
  slaMetPct: number | null;
}

export interface TierThreshold {
  minVerifiedInstalls: number | null;
  minPublishedReports: number | null;
  minSurvivalPct: number | null;
  maxTtiP50Ratio: number | null;
  minNps: number | null;
  minNpsResponses: number;
  minSlaMetPct: number | null;
}

type Upper = Exclude<Tier, "verified">;

export const TIER_THRESHOLDS: Record<Track, Record<Upper, TierThreshold>> = {
  installer: {
    advanced: { minVerifiedInstalls: 10, minPublishedReports: null, minSurvivalPct: 99.9, maxTtiP50Ratio: 1, minNps: 30, minNpsResponses: 5, minSlaMetPct: 95 },
    premier: { minVerifiedInstalls: 25, minPublishedReports: null, minSurvivalPct: 99.95, maxTtiP50Ratio: 0.5, minNps: 50, minNpsResponses: 10, minSlaMetPct: 100 },
  },
  auditor: {
    advanced: { minVerifiedInstalls: null, minPublishedReports: 4, minSurvivalPct: null, maxTtiP50Ratio: null, minNps: 30, minNpsResponses: 5, minSlaMetPct: 95 },
    premier: { minVerifiedInstalls: null, minPublishedReports: 10, minSurvivalPct: null, maxTtiP50Ratio: null, minNps: 50, minNpsResponses: 10, minSlaMetPct: 100 },
  },
  enterprise_integrator: {
    advanced: { minVerifiedInstalls: 5, minPublishedReports: null, minSurvivalPct: 99.9, maxTtiP50Ratio: 1, minNps: 30, minNpsResponses: 5, minSlaMetPct: 95 },
    premier: { minVerifiedInstalls: 12, minPublishedReports: null, minSurvivalPct: 99.95, maxTtiP50Ratio: 0.75, minNps: 50, minNpsResponses: 10, minSlaMetPct: 100 },
  },
};

export const TRACK_SLA_HOURS: Record<Track, number> = { installer: 48, auditor: 48, enterprise_integrator: 4 };

export function computeTierMetrics(e: PartnerEvidence, now: Date): TierMetrics {
  const t = now.getTime();
  const verified = e.installs.filter((i) => i.verifiedAt && i.verifiedAt.getTime() <= t);
  const recentVerified = verified.filter((i) => t - i.verifiedAt!.getTime() <= 90 * DAY_MS);
  const remote30 = e.survival.filter((c) => c.method === "remote" && c.at.getTime() <= t && t - c.at.getTime() <= 30 * DAY_MS);
  const incidents = e.incidents.filter((i) => i.openedAt.getTime() <= t && t - i.openedAt.getTime() <= 90 * DAY_MS);
  const slaMs = TRACK_SLA_HOURS[e.track] * HOUR_MS;
  const inTime = incidents.filter((i) =>
    i.firstResponseAt ? i.firstResponseAt.getTime() - i.openedAt.getTime() <= slaMs : t - i.openedAt.getTime() <= slaMs,
  ).length;
  const responses = e.nps.promoters + e.nps.passives + e.nps.detractors;
  return {
    verifiedInstalls: verified.length,
    publishedReports: e.reports.filter((r) => r.published).length,
    survivalPct: survivalPct(remote30),
    ttiP50Ratio: percentile(
      recentVerified.map((i) => (i.verifiedAt!.getTime() - i.startedAt.getTime()) / TTI_BAR_MS[i.stack]),
      50,
    ),
    nps: npsScore(e.nps),
    npsResponses: responses,
    slaMetPct: incidents.length === 0 ? 100 : (inTime / incidents.length) * 100,
  };
}

export interface ThresholdCheck {
  metric: keyof TierThreshold;
  ok: boolean;
}

export function checkThreshold(m: TierMetrics, th: TierThreshold): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  const min = (metric: keyof TierThreshold, value: number | null, bar: number | null) => {
    if (bar !== null) checks.push({ metric, ok: value !== null && value >= bar });
  };
  min("minVerifiedInstalls", m.verifiedInstalls, th.minVerifiedInstalls);
  min("minPublishedReports", m.publishedReports, th.minPublishedReports);
  min("minSurvivalPct", m.survivalPct, th.minSurvivalPct);
  if (th.maxTtiP50Ratio !== null) checks.push({ metric: "maxTtiP50Ratio", ok: m.ttiP50Ratio !== null && m.ttiP50Ratio <= th.maxTtiP50Ratio });
  if (th.minNps !== null) {
    checks.push({ metric: "minNps", ok: m.nps !== null && m.nps >= th.minNps });
    checks.push({ metric: "minNpsResponses", ok: m.npsResponses >= th.minNpsResponses });
  }
  min("minSlaMetPct", m.slaMetPct, th.minSlaMetPct);
  return checks;
}

/** The highest tier whose thresholds all hold for this track (Verified is the floor). */
export function qualifyingTier(track: Track, m: TierMetrics): Tier {
  let best: Tier = "verified";
  for (const tier of ["advanced", "premier"] as const) {
    if (checkThreshold(m, TIER_THRESHOLDS[track][tier]).every((c) => c.ok)) best = tier;
    else break;
  }
  return best;
}

export const tierIndex = (tier: Tier) => TIERS.indexOf(tier);
export const tierBelow = (tier: Tier): Tier => TIERS[Math.max(0, tierIndex(tier) - 1)]!;

import type { Tier } from "@/lib/partners/constants";
import { TTI_BAR_MS } from "@/lib/quality/bars";
import { computeTierMetrics, qualifyingTier, tierBelow, tierIndex, type TierMetrics } from "@/lib/tiers/rules";
import type { PartnerEvidence } from "./evidence";
import { DAY_MS, npsScore, percentile } from "./math";
import { evaluateTrack, type TrackEvaluation } from "./requirements";

// The whole decision for one partner at `now`: certification status, tier,
// performance badges. Pure; the nightly job runs it for every partner and
// writes only what changed.
//
// Certification: requirements all met -> certified for a year. The first 60
// days are probation (tier held at Verified, badges gray). The last 30 days
// before expiry are the re-certification window (reminders go out); meeting
// the requirements then renews for a year from the old expiry. Past expiry
// without renewal the certification is expired until the requirements are met
// again (a new certification, with a new probation).
//
// Tier: the highest tier whose thresholds hold (lib/tiers/rules.ts), moving up
// or down as they start or stop holding. Miss-twice: two installs verified over
// their stack's TTI bar within a rolling 30 days (counting only misses since the
// last downgrade) move the partner down one tier; at Verified there is nothing
// below, so it stays and an alert is raised.

export const PROBATION_DAYS = 60;
export const CERTIFICATION_DAYS = 365;
export const RECERTIFICATION_WINDOW_DAYS = 30;
export const MISS_WINDOW_DAYS = 30;
export const MISSES_TO_DOWNGRADE = 2;

export const BADGE_RULES = {
  fast_installer: { maxP50Minutes: 20, minInstalls: 3, windowDays: 90 },
  compliance_pro: { minExports: 3 },
  five_star_nps: { minNps: 60, minResponses: 10 },
} as const;
export type PerformanceBadge = keyof typeof BADGE_RULES;

export type CertificationStatus = "uncertified" | "probation" | "certified" | "recertifying" | "expired";

export function certificationStatus(certifiedAt: Date | null, expiresAt: Date | null, now: Date): CertificationStatus {
  if (!certifiedAt || !expiresAt) return "uncertified";
  const t = now.getTime();
  if (t >= expiresAt.getTime()) return "expired";
  if (t < certifiedAt.getTime() + PROBATION_DAYS * DAY_MS) return "probation";
  if (expiresAt.getTime() - t <= RECERTIFICATION_WINDOW_DAYS * DAY_MS) return "recertifying";
  return "certified";
}

export interface TtiMiss {
  verifiedAt: Date;
  stack: string;
  ttiMs: number;
}

export function ttiMissesInWindow(e: PartnerEvidence, now: Date): TtiMiss[] {
  const t = now.getTime();
  const from = Math.max(t - MISS_WINDOW_DAYS * DAY_MS, e.lastDowngradeAt ? e.lastDowngradeAt.getTime() : -Infinity);
  return e.installs
    .filter((i) => i.verifiedAt && i.verifiedAt.getTime() > from && i.verifiedAt.getTime() <= t)
    .map((i) => ({ verifiedAt: i.verifiedAt!, stack: i.stack, ttiMs: i.verifiedAt!.getTime() - i.startedAt.getTime() }))
    .filter((m) => m.ttiMs > TTI_BAR_MS[m.stack as keyof typeof TTI_BAR_MS]);
}

export function performanceBadges(e: PartnerEvidence, now: Date): Record<PerformanceBadge, boolean> {
  const t = now.getTime();
  const fast = BADGE_RULES.fast_installer;
  const recent = e.installs.filter((i) => i.verifiedAt && i.verifiedAt.getTime() <= t && t - i.verifiedAt.getTime() <= fast.windowDays * DAY_MS);
  const p50 = percentile(recent.map((i) => i.verifiedAt!.getTime() - i.startedAt.getTime()), 50);
  const nps = npsScore(e.nps);
  const responses = e.nps.promoters + e.nps.passives + e.nps.detractors;
  return {
    fast_installer: recent.length >= fast.minInstalls && p50 !== null && p50 <= fast.maxP50Minutes * 60_000,
    compliance_pro: e.exportsCount >= BADGE_RULES.compliance_pro.minExports,
    five_star_nps: nps !== null && nps >= BADGE_RULES.five_star_nps.minNps && responses >= BADGE_RULES.five_star_nps.minResponses,
  };
}

export type CertificationAction = "none" | "certify" | "renew" | "expire" | "recertify";

export interface PartnerDecision {
  partnerId: string;
  track: TrackEvaluation;
  metrics: TierMetrics;
  certification: {
    before: CertificationStatus;
    after: CertificationStatus;
    action: CertificationAction;
    certifiedAt: Date | null;
    expiresAt: Date | null;
    /** In the re-certification window and not yet renewed: send a reminder. */
    reminderDue: boolean;
    /** The status differs from the recorded one: write it (and its audit event). */
    changed: boolean;
  };
  tier: { from: Tier; to: Tier; reason: "none" | "thresholds" | "miss_twice" | "probation" };
  misses: TtiMiss[];
  badges: Record<PerformanceBadge, boolean>;
  alerts: string[];
}

export function evaluatePartner(e: PartnerEvidence, now: Date): PartnerDecision {
  const track = evaluateTrack(e, now);
  const metrics = computeTierMetrics(e, now);
  const before = certificationStatus(e.certifiedAt, e.expiresAt, now);
  let certifiedAt = e.certifiedAt;
  let expiresAt = e.expiresAt;
  let action: CertificationAction = "none";
  const t = now.getTime();

  if ((before === "uncertified" || before === "expired") && track.allMet) {
    action = before === "expired" ? "recertify" : "certify";
    certifiedAt = now;
    expiresAt = new Date(t + CERTIFICATION_DAYS * DAY_MS);
  } else if (before === "recertifying" && track.allMet) {
    action = "renew";
    expiresAt = new Date(expiresAt!.getTime() + CERTIFICATION_DAYS * DAY_MS);
  } else if (before === "expired" && e.recordedStatus !== "expired") {
    // Expired and not re-qualified: recorded once.
    action = "expire";
  }
  const after = action === "renew" ? certificationStatus(certifiedAt, expiresAt, now) : action === "none" || action === "expire" ? before : "probation";

  const misses = ttiMissesInWindow(e, now);
  const alerts: string[] = [];
  let to: Tier = e.tier;
  let reason: PartnerDecision["tier"]["reason"] = "none";
  if (after === "probation") {
    // Provisional: Verified until probation ends.
    if (e.tier !== "verified") {
      to = "verified";
      reason = "probation";
    }
  } else if (after === "certified" || after === "recertifying") {
    const qualified = qualifyingTier(e.track, metrics);
    if (misses.length >= MISSES_TO_DOWNGRADE && tierIndex(e.tier) > 0) {
      to = tierBelow(e.tier);
      reason = "miss_twice";
    } else if (qualified !== e.tier) {
      to = qualified;
      reason = "thresholds";
    }
  }
  if (misses.length >= MISSES_TO_DOWNGRADE) alerts.push(`${misses.length} installs over their TTI bar in ${MISS_WINDOW_DAYS} days`);
  if (metrics.survivalPct !== null && metrics.survivalPct < 99.9) alerts.push(`Remote-manifest survival ${metrics.survivalPct.toFixed(2)}% is under 99.9%`);
  const active = after === "probation" || after === "certified" || after === "recertifying";
  const earned = performanceBadges(e, now);
  return {
    partnerId: e.partnerId,
    track,
    metrics,
    certification: {
      before,
      after,
      action,
      certifiedAt,
      expiresAt,
      reminderDue: after === "recertifying" && action !== "renew",
      changed: after !== e.recordedStatus || action === "renew",
    },
    tier: { from: e.tier, to, reason },
    misses,
    badges: {
      fast_installer: active && earned.fast_installer,
      compliance_pro: active && earned.compliance_pro,
      five_star_nps: active && earned.five_star_nps,
    },
    alerts,
  };
}

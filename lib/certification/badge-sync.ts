import type { Tier, Track } from "@/lib/partners/constants";
import type { CertificationStatus, PerformanceBadge } from "./evaluate";

// Which badge rows a partner should hold after an evaluation, and what changed.
// Pure: the runner upserts the planned rows (one per partner and badge, kept
// for life) and emits an event per change. A revoked badge is an admin's
// decision and is never touched here.

export type BadgeKey = "certified_installer" | "certified_auditor" | "enterprise_certified" | PerformanceBadge;
export type BadgeState = "active" | "probation" | "expired" | "revoked";

export const TRACK_BADGE: Record<Track, BadgeKey> = {
  installer: "certified_installer",
  auditor: "certified_auditor",
  enterprise_integrator: "enterprise_certified",
};

export const BADGE_LABELS: Record<BadgeKey, string> = {
  certified_installer: "Certified Installer",
  certified_auditor: "Certified Auditor",
  enterprise_certified: "Enterprise Certified",
  fast_installer: "Fast Installer",
  compliance_pro: "Compliance Pro",
  five_star_nps: "Five-Star NPS",
};

export interface ExistingBadge {
  id: string;
  badge: BadgeKey;
  tier: Tier | null;
  state: BadgeState;
  issuedAt: Date;
  expiresAt: Date | null;
}

export interface PlannedBadge {
  badge: BadgeKey;
  kind: "track" | "performance";
  tier: Tier | null;
  state: Exclude<BadgeState, "revoked">;
  issuedAt: Date;
  expiresAt: Date | null;
  /** The state differs from the stored one (stateChangedAt moves). */
  stateChanged: boolean;
  /** What the partner notices: a new or re-earned badge, a lapsed one, or a change of state or tier. */
  change: "awarded" | "revoked" | "changed";
  before: { state: BadgeState; tier: Tier | null; expiresAt: Date | null } | null;
}

const held = (s: BadgeState | undefined) => s === "active" || s === "probation";

export function trackBadgeState(status: CertificationStatus): Exclude<BadgeState, "revoked"> | null {
  if (status === "probation") return "probation";
  if (status === "certified" || status === "recertifying") return "active";
  if (status === "expired") return "expired";
  return null;
}

export function planBadges(args: {
  track: Track;
  tier: Tier;
  status: CertificationStatus;
  expiresAt: Date | null;
  earned: Record<PerformanceBadge, boolean>;
  existing: readonly ExistingBadge[];
  now: Date;
}): PlannedBadge[] {
  const byKey = new Map(args.existing.map((b) => [b.badge, b]));
  const out: PlannedBadge[] = [];
  const want = (badge: BadgeKey, kind: "track" | "performance", state: Exclude<BadgeState, "revoked"> | null, tier: Tier | null, expiresAt: Date | null) => {
    const cur = byKey.get(badge);
    if (cur?.state === "revoked") return;
    if (!state) return;
    if (!cur && state === "expired") return; // never held: nothing to expire
    const sameExpiry = (cur?.expiresAt?.getTime() ?? null) === (expiresAt?.getTime() ?? null);
    if (cur && cur.state === state && cur.tier === tier && sameExpiry) return;
    const change: PlannedBadge["change"] = held(state) && !held(cur?.state) ? "awarded" : !held(state) && held(cur?.state) ? "revoked" : "changed";
    out.push({
      badge,
      kind,
      tier,
      state,
      issuedAt: change === "awarded" || !cur ? args.now : cur.issuedAt,
      expiresAt,
      stateChanged: cur?.state !== state,
      change,
      before: cur ? { state: cur.state, tier: cur.tier, expiresAt: cur.expiresAt } : null,
    });
  };
  want(TRACK_BADGE[args.track], "track", trackBadgeState(args.status), args.tier, args.expiresAt);
  for (const badge of Object.keys(args.earned) as PerformanceBadge[]) {
    const cur = byKey.get(badge);
    want(badge, "performance", args.earned[badge] ? "active" : cur ? "expired" : null, null, null);
  }
  return out;
}

import type { BadgeState } from "@/db/schema/badges";
import type { ViolationKind } from "@/db/schema/badge-monitoring";
import type { PartnerStatus, Tier } from "@/lib/partners/constants";
import { benefitsOf } from "@/lib/tiers/benefits";

// The badge program's rules as pure functions: remediation deadlines, which
// hosts count as declared, and who may use the brand kit.

/** Days a partner has to fix a violation before an admin may escalate it. */
export const VIOLATION_DEADLINE_DAYS = 14;
/** How often a declared page is scanned when nothing asks for a rescan. */
export const RESCAN_AFTER_DAYS = 7;

export const deadlineFor = (openedAt: Date) => new Date(openedAt.getTime() + VIOLATION_DEADLINE_DAYS * 86_400_000);

export const isOverdue = (v: { status: string; deadlineAt: Date }, now: Date) =>
  (v.status === "open" || v.status === "fix_claimed") && v.deadlineAt.getTime() <= now.getTime();

export const VIOLATION_LABELS: Record<ViolationKind, string> = {
  foreign_image: "Badge image not served by us",
  tier_overclaim: "Claims a higher tier than held",
  inactive_badge: "Expired or revoked badge still shown",
  missing_verify_link: "Badge not linked to its verification page",
  undeclared_domain: "Badge shown on an undeclared domain",
};

export const VIOLATION_REMEDIES: Record<ViolationKind, string> = {
  foreign_image: "Replace the copied image with the embed snippet from your console: the image must load from our badge URL so it always shows the current state.",
  tier_overclaim: "Remove the tier you do not hold from the page; show the badge from your console instead, which always shows your current tier.",
  inactive_badge: "Remove the badge from the page until it is active again.",
  missing_verify_link: "Wrap the badge in a link to its verification page (the console's snippet does this).",
  undeclared_domain: "Declare the domain in your console's badge settings, or remove the badge from that site.",
};

/** A stable key for "the same finding": the kind, where it was seen and which badge. */
export function violationFingerprint(f: { partnerId: string; kind: ViolationKind; badgeId: string | null; place: string }): string {
  return [f.partnerId, f.kind, f.badgeId ?? "-", f.place.toLowerCase()].join("|");
}

/** The host of a Referer header, lower-case, without "www."; null when absent or not http(s). */
export function refererHost(referer: string | null | undefined): string | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return normalizeHost(u.hostname);
  } catch {
    return null;
  }
}

export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
}

/** A host is declared when it is a declared host or one of its subdomains ("blog.example.com" under "example.com"). */
export function isDeclaredHost(host: string, declared: Iterable<string>): boolean {
  const h = normalizeHost(host);
  for (const d of declared) {
    const n = normalizeHost(d);
    if (h === n || h.endsWith(`.${n}`)) return true;
  }
  return false;
}

/** Hosts that show badges without being the partner's site: our own app and local development. */
export function isNeutralHost(host: string, appHost: string): boolean {
  const h = normalizeHost(host);
  return h === normalizeHost(appHost) || h === "localhost" || h === "127.0.0.1" || h === "[::1]";
}

export interface BrandStanding {
  status: PartnerStatus;
  tier: Tier;
  /** States of the partner's track badges. */
  trackBadgeStates: readonly BadgeState[];
}

/**
 * Brand assets are for certified partners in good standing: a track badge that
 * is active or on probation (Verified or above), a tier whose benefits include
 * co-marketing, and a partner that is not suspended.
 */
export function brandKitEligible(s: BrandStanding): boolean {
  return s.status !== "suspended" && benefitsOf(s.tier).coMarketing && s.trackBadgeStates.some((st) => st === "active" || st === "probation");
}

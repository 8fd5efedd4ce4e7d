import { and, eq, inArray } from "drizzle-orm";
import type { Tier, Track } from "@/lib/partners/constants";
import { systemActor } from "@/lib/audit/actor";
import { audit } from "@/lib/audit/audit";
import { violationFingerprint } from "@/lib/badges/rules";
import { badgeEmbeds, badgePages, badgeViolations, partnerBadges, type ViolationKind, type ViolationStatus } from "../schema";
import type { BadgeKey, BadgeState } from "../schema/badges";
import { seedId, type AreaSeeder } from "./context";

// The badge demo: badges in every state (the certification area seeds badge
// rows too; these are inserted only where that left a gap, then read back),
// declared pages, embed counts from partner sites (one undeclared), and
// violations in every state of the remediation workflow, one of them overdue.

const DAY = 86_400_000;

interface BadgePlan {
  badge: BadgeKey;
  tier: Tier | null;
  state: BadgeState;
  issuedDaysAgo: number;
  expiresInDays: number | null;
  revokedReason?: string;
}

const TRACK_BADGE: Record<Track, BadgeKey> = { installer: "certified_installer", auditor: "certified_auditor", enterprise_integrator: "enterprise_certified" };
const track = (badge: BadgeKey) => (badge === "certified_installer" || badge === "certified_auditor" || badge === "enterprise_certified");

export const seedBadges: AreaSeeder = async ({ tx, now, core, faker }) => {
  const bySlug = new Map(core.partners.map((p) => [p.slug, p]));
  const bright = bySlug.get("brightpixel-studio")!;
  const ledger = bySlug.get("ledgerline-assurance")!;
  const northwind = bySlug.get("northwind-integrations")!;
  const others = core.partners.filter((p) => ![bright.slug, ledger.slug, northwind.slug].includes(p.slug));
  const lapsed = others.find((p) => p.status === "active" && p.track === "installer")!;
  const revokedPartner = others.find((p) => p.status === "active" && p.id !== lapsed.id)!;
  const newcomer = others.find((p) => p.status === "probation")!;

  const plans: [typeof bright, BadgePlan][] = [
    [bright, { badge: "certified_installer", tier: "advanced", state: "active", issuedDaysAgo: 300, expiresInDays: 65 }],
    [bright, { badge: "fast_installer", tier: null, state: "active", issuedDaysAgo: 120, expiresInDays: 245 }],
    [ledger, { badge: "certified_auditor", tier: "advanced", state: "active", issuedDaysAgo: 410, expiresInDays: 320 }],
    [ledger, { badge: "compliance_pro", tier: null, state: "active", issuedDaysAgo: 90, expiresInDays: 275 }],
    [northwind, { badge: "enterprise_certified", tier: "premier", state: "active", issuedDaysAgo: 200, expiresInDays: 165 }],
    [newcomer, { badge: TRACK_BADGE[newcomer.track], tier: "verified", state: "probation", issuedDaysAgo: 20, expiresInDays: 345 }],
    [lapsed, { badge: "certified_installer", tier: "verified", state: "expired", issuedDaysAgo: 400, expiresInDays: -35 }],
    [revokedPartner, { badge: TRACK_BADGE[revokedPartner.track], tier: "advanced", state: "revoked", issuedDaysAgo: 250, expiresInDays: 115, revokedReason: "Displayed a Premier badge it does not hold after the remediation deadline" }],
  ];
  await tx
    .insert(partnerBadges)
    .values(
      plans.map(([p, b]) => {
        const issuedAt = new Date(now.getTime() - b.issuedDaysAgo * DAY);
        return {
          id: seedId(faker, "bdg"),
          partnerId: p.id!,
          kind: track(b.badge) ? ("track" as const) : ("performance" as const),
          badge: b.badge,
          tier: track(b.badge) ? b.tier : null,
          state: b.state,
          issuedAt,
          expiresAt: b.expiresInDays === null ? null : new Date(now.getTime() + b.expiresInDays * DAY),
          stateChangedAt: b.state === "active" || b.state === "probation" ? issuedAt : new Date(now.getTime() - 30 * DAY),
          revokedReason: b.revokedReason ?? null,
          createdAt: issuedAt,
          updatedAt: issuedAt,
        };
      }),
    )
    .onConflictDoNothing({ target: [partnerBadges.partnerId, partnerBadges.badge] });
  // The certification engine seeded the badges it awards; a revocation is an
  // admin's decision the engine never makes, so it is applied here.
  const revokePlan = plans.find(([, b]) => b.state === "revoked")!;
  await tx
    .update(partnerBadges)
    .set({ state: "revoked", revokedReason: revokePlan[1].revokedReason!, stateChangedAt: new Date(now.getTime() - 30 * DAY), updatedAt: new Date(now.getTime() - 30 * DAY) })
    .where(and(eq(partnerBadges.partnerId, revokePlan[0].id!), eq(partnerBadges.badge, revokePlan[1].badge)));
  const rows = await tx
    .select()
    .from(partnerBadges)
    .where(inArray(partnerBadges.partnerId, [bright.id!, ledger.id!, northwind.id!, lapsed.id!, revokedPartner.id!, newcomer.id!]));
  const badgeOf = (partnerId: string, badge: BadgeKey) => rows.find((r) => r.partnerId === partnerId && r.badge === badge) ?? null;
  const brightInstaller = badgeOf(bright.id!, "certified_installer")!;
  const brightFast = badgeOf(bright.id!, "fast_installer");
  const ledgerAuditor = badgeOf(ledger.id!, "certified_auditor")!;
  const revoked = rows.find((r) => r.partnerId === revokedPartner.id && r.state === "revoked") ?? null;
  const expired = rows.find((r) => r.partnerId === lapsed.id && r.state === "expired") ?? null;

  const actor = systemActor("seed", "Demo seed");
  if (revoked) {
    await audit(tx, { actor, action: "badge.revoked", object: { type: "badge", id: revoked.id }, partnerId: revoked.partnerId, before: { state: "active" }, after: { state: "revoked", revokedReason: revoked.revokedReason }, at: revoked.stateChangedAt });
  }

  // Declared pages (the listing's website is declared implicitly).
  const site = (p: typeof bright) => new URL(p.website ?? `https://${p.slug}.example.com`);
  const page = (p: typeof bright, path: string, scannedDaysAgo: number | null, status: "ok" | "error" | "blocked_by_robots" | null, error: string | null = null) => ({
    id: seedId(faker, "bpg"),
    partnerId: p.id!,
    url: new URL(path, site(p)).toString(),
    host: site(p).hostname.replace(/^www\./, ""),
    createdAt: new Date(now.getTime() - 60 * DAY),
    lastScannedAt: scannedDaysAgo === null ? null : new Date(now.getTime() - scannedDaysAgo * DAY),
    lastScanStatus: status,
    lastScanError: error,
  });
  const pages = [
    page(bright, "/about", 2, "ok"),
    page(bright, "/partners", 2, "ok"),
    page(bright, "/services/content-credentials", 2, "error", "timeout: No complete answer within 8000 ms"),
    page(ledger, "/", 3, "ok"),
    page(ledger, "/internal/certifications", 3, "blocked_by_robots", "robots.txt disallows our scanner on this page"),
    page(revokedPartner, "/", 1, "ok"),
    ...(expired ? [page(lapsed, "/about-us", 4, "ok")] : []),
  ];
  await tx.insert(badgePages).values(pages).onConflictDoNothing();

  // Where the badges are shown (embed log).
  const seen = (badgeId: string, host: string, requests: number, firstDaysAgo: number, lastHoursAgo: number) => ({
    badgeId,
    host,
    requests,
    firstSeenAt: new Date(now.getTime() - firstDaysAgo * DAY),
    lastSeenAt: new Date(now.getTime() - lastHoursAgo * 3_600_000),
  });
  const brightHost = site(bright).hostname.replace(/^www\./, "");
  const embeds = [
    seen(brightInstaller.id, brightHost, 12_480 + faker.number.int({ min: 0, max: 400 }), 280, 1),
    seen(brightInstaller.id, `blog.${brightHost}`, 2_310, 150, 5),
    seen(brightInstaller.id, "agency-directory.example.org", 431, 40, 20),
    ...(brightFast ? [seen(brightFast.id, brightHost, 3_902, 110, 2)] : []),
    seen(ledgerAuditor.id, site(ledger).hostname.replace(/^www\./, ""), 5_120, 380, 3),
    ...(revoked ? [seen(revoked.id, site(revokedPartner).hostname.replace(/^www\./, ""), 1_877, 230, 6)] : []),
    ...(expired ? [seen(expired.id, site(lapsed).hostname.replace(/^www\./, ""), 644, 380, 30)] : []),
  ];
  await tx.insert(badgeEmbeds).values(embeds).onConflictDoNothing();

  // Violations in every state.
  type V = { partner: typeof bright; badgeId: string | null; kind: ViolationKind; pagePath: string | null; host?: string; detail: string; status: ViolationStatus; openedDaysAgo: number; closedDaysAgo?: number; resolution?: string; seen: number };
  const list: V[] = [
    { partner: bright, badgeId: brightInstaller.id, kind: "missing_verify_link", pagePath: "/partners", detail: `Badge ${brightInstaller.id} is not linked to its verification page.`, status: "open", openedDaysAgo: 5, seen: 2 },
    { partner: bright, badgeId: brightInstaller.id, kind: "undeclared_domain", pagePath: null, host: "agency-directory.example.org", detail: `Badge ${brightInstaller.id} is shown on agency-directory.example.org, which is not one of your declared domains.`, status: "open", openedDaysAgo: 16, seen: 1 },
    { partner: bright, badgeId: null, kind: "tier_overclaim", pagePath: "/about", detail: "The page claims Provenant Premier; the partner holds Advanced.", status: "fix_claimed", openedDaysAgo: 8, seen: 3 },
    { partner: bright, badgeId: null, kind: "foreign_image", pagePath: "/about", detail: "An image presented as a Provenant badge loads from /img/provenant-badge.png, not from our badge URL.", status: "resolved", openedDaysAgo: 40, closedDaysAgo: 33, resolution: "Fixed: a scan of the page no longer finds it", seen: 2 },
    { partner: ledger, badgeId: null, kind: "foreign_image", pagePath: "/", detail: "An image presented as a Provenant badge loads from a press kit copy.", status: "resolved", openedDaysAgo: 70, closedDaysAgo: 62, resolution: "Press page archived; confirmed by phone", seen: 1 },
    ...(revoked
      ? [{ partner: revokedPartner, badgeId: revoked.id, kind: "tier_overclaim" as const, pagePath: "/", detail: "The page claims Provenant Premier; the partner holds Advanced.", status: "escalated" as const, openedDaysAgo: 48, closedDaysAgo: 30, resolution: `Escalated: badge revoked (${revoked.revokedReason})`, seen: 4 }]
      : []),
    ...(expired
      ? [{ partner: lapsed, badgeId: expired.id, kind: "inactive_badge" as const, pagePath: "/about-us", detail: `Shows badge ${expired.id}, which is expired.`, status: "open" as const, openedDaysAgo: 20, seen: 3 }]
      : []),
  ];
  const violationRows = list.map((v) => {
    const pageUrl = v.pagePath ? new URL(v.pagePath, site(v.partner)).toString() : null;
    const host = v.host ?? site(v.partner).hostname.replace(/^www\./, "");
    const openedAt = new Date(now.getTime() - v.openedDaysAgo * DAY);
    const place = v.kind === "undeclared_domain" ? `host:${host}` : v.badgeId ? `badge:${v.badgeId}` : v.kind === "tier_overclaim" ? "tier:premier" : `img:seed-${v.openedDaysAgo}`;
    return {
      id: seedId(faker, "bvi"),
      partnerId: v.partner.id!,
      badgeId: v.badgeId,
      kind: v.kind,
      pageUrl,
      host,
      detail: v.detail,
      fingerprint: violationFingerprint({ partnerId: v.partner.id!, kind: v.kind, badgeId: v.badgeId, place: `${pageUrl ?? host}#${place}` }) + (v.status === "resolved" || v.status === "escalated" ? `#closed-${v.openedDaysAgo}` : ""),
      status: v.status,
      openedAt,
      deadlineAt: new Date(openedAt.getTime() + 14 * DAY),
      lastSeenAt: new Date(now.getTime() - Math.min(v.openedDaysAgo, 2) * DAY),
      fixClaimedAt: v.status === "fix_claimed" ? new Date(now.getTime() - DAY) : null,
      closedAt: v.closedDaysAgo === undefined ? null : new Date(now.getTime() - v.closedDaysAgo * DAY),
      resolution: v.resolution ?? null,
      notifiedAt: openedAt,
      scanCount: v.seen,
    };
  });
  await tx.insert(badgeViolations).values(violationRows).onConflictDoNothing();
  for (const v of violationRows) {
    await audit(tx, { actor, action: "badge_violation.opened", object: { type: "badge_violation", id: v.id }, partnerId: v.partnerId, after: { kind: v.kind, pageUrl: v.pageUrl, host: v.host }, at: v.openedAt });
  }
  // Keep the seeded page rows consistent with what a rescan would ask for.
  await tx
    .update(badgePages)
    .set({ rescanRequestedAt: new Date(now.getTime() - DAY) })
    .where(and(eq(badgePages.partnerId, bright.id!), eq(badgePages.url, new URL("/about", site(bright)).toString())));
};

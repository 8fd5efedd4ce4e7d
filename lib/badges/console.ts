import "server-only";
import { getDb } from "@/db/client";
import { canPartner, decideBrandKit, decidePrincipalForPartner, type Principal, type Viewer } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { effectiveState, type BadgeView } from "./model";
import { brandKitEligible, isDeclaredHost, isOverdue } from "./rules";
import { declaredHosts, listBadgeViews, listEmbeds, listPages, listViolations, partnerStanding } from "./store";

// What the console's badge pages show, for one partner.

export async function getBadgesConsoleView(principal: Principal | null, partnerId: string, now: Date, q: { page: number; pageSize: number }) {
  if (!decidePrincipalForPartner(principal, "badges:read", partnerId).allowed) throw forbidden();
  const viewer = principal?.kind === "user" ? principal.viewer : null;
  const db = await getDb();
  const [badges, pages, embeds, violations, declared] = await Promise.all([
    listBadgeViews(db, partnerId),
    listPages(db, partnerId),
    listEmbeds(db, partnerId),
    listViolations(db, { partnerId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    declaredHosts(db, [partnerId]),
  ]);
  const hosts = declared.get(partnerId) ?? new Set<string>();
  return {
    badges: badges.map((b) => ({ ...b, state: effectiveState(b, now) })),
    pages,
    embeds: embeds.map((e) => ({ ...e, declared: isDeclaredHost(e.host, hosts) })),
    violations: violations.rows.map((v) => ({ ...v, overdue: isOverdue(v, now) })),
    violationsTotal: violations.total,
    declaredHosts: [...hosts].sort(),
    canManage: canPartner(viewer, "badges:manage", partnerId),
  };
}

export async function brandKitAccess(viewer: Viewer | null, partnerId: string, now: Date): Promise<{ allowed: boolean; eligible: boolean; badges: BadgeView[] }> {
  const db = await getDb();
  const [standing, badges] = await Promise.all([partnerStanding(db, partnerId), listBadgeViews(db, partnerId)]);
  const eligible = standing
    ? brandKitEligible({ status: standing.status, tier: standing.tier, trackBadgeStates: badges.filter((b) => b.kind === "track").map((b) => effectiveState(b, now)) })
    : false;
  return { allowed: decideBrandKit(viewer, partnerId, eligible).allowed, eligible, badges };
}

import { AppError, forbidden, unauthorized } from "@/lib/errors";
import type { MemberRole, PartnerStatus, Tier } from "@/lib/partners/constants";
import { benefitsOf } from "@/lib/tiers/benefits";

// Who may do what to which object — as data, decided by pure functions.
// Pages, server actions and route handlers all ask these through lib/auth/guards.ts
// (sessions) or lib/api/handler.ts (API keys); nothing else decides access.
//
// A partner action is always asked about one partner. Members of that partner
// get what their role lists; admins get the read-only partner actions on every
// partner (support) plus the admin actions; nobody else gets anything.

export const PARTNER_ACTIONS = {
  "partner:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "listing:write": { roles: ["owner", "member"], admin: false, apiScope: true },
  "members:read": { roles: ["owner", "member"], admin: true, apiScope: false },
  "members:manage": { roles: ["owner"], admin: false, apiScope: false },
  "api_keys:manage": { roles: ["owner"], admin: false, apiScope: false },
  "activity:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "links:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "links:write": { roles: ["owner", "member"], admin: false, apiScope: true },
  "deals:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "deals:write": { roles: ["owner", "member"], admin: false, apiScope: true },
  "commissions:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "webhooks:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "webhooks:manage": { roles: ["owner"], admin: false, apiScope: true },
  "installs:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "installs:write": { roles: ["owner", "member"], admin: false, apiScope: false },
  "checks:run": { roles: ["owner", "member"], admin: false, apiScope: false },
  "reports:publish": { roles: ["owner"], admin: false, apiScope: false },
  "evidence:export": { roles: ["owner", "member"], admin: false, apiScope: false },
  "nps:read": { roles: ["owner", "member"], admin: true, apiScope: false },
  "payouts:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "payouts:manage": { roles: ["owner"], admin: false, apiScope: false },
  "marketing:read": { roles: ["owner", "member"], admin: true, apiScope: false },
  "marketing:write": { roles: ["owner", "member"], admin: false, apiScope: false },
  "mdf:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "mdf:write": { roles: ["owner", "member"], admin: false, apiScope: true },
  "agreements:read": { roles: ["owner", "member"], admin: true, apiScope: false },
  "agreements:sign": { roles: ["owner"], admin: false, apiScope: false },
  "onboarding:dismiss": { roles: ["owner", "member"], admin: false, apiScope: false },
  "certification:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "certification:write": { roles: ["owner", "member"], admin: false, apiScope: false },
  "badges:read": { roles: ["owner", "member"], admin: true, apiScope: true },
  "badges:manage": { roles: ["owner", "member"], admin: false, apiScope: false },
  "brand:download": { roles: ["owner", "member"], admin: true, apiScope: false },
  "leads:read": { roles: ["owner", "member"], admin: true, apiScope: false },
  "leads:write": { roles: ["owner", "member"], admin: false, apiScope: false },
  "ranking:read": { roles: ["owner", "member"], admin: true, apiScope: false },
} as const satisfies Record<string, { roles: readonly MemberRole[]; admin: boolean; apiScope: boolean }>;

export type PartnerAction = keyof typeof PARTNER_ACTIONS;

export const ADMIN_ACTIONS = [
  "admin:access",
  "partners:manage",
  "users:read",
  "audit:read",
  "outbox:read",
  "outbox:retry",
  "deals:resolve",
  "deals:manage",
  "fraud:review",
  "commissions:manage",
  "quality:read",
  "quality:probe",
  "nps:read",
  "nps:send",
  "payouts:run",
  "payouts:manage",
  "nps:publish",
  "analytics:read",
  "exit_tests:run",
  "exit_tests:sign",
  "marketing:review",
  "mdf:review",
  "legal:read",
  "legal:publish",
  "certification:review",
  "certification:manage",
  "badges:review",
  "badges:revoke",
  "listings:review",
  "staff:manage",
  "staff:exec",
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * Admin actions only executives (admins with users.is_exec) may take: signing
 * the exit tests' evidence, and granting or revoking the exec role itself.
 */
export const EXEC_ACTIONS: readonly AdminAction[] = ["exit_tests:sign", "staff:exec"];
/**
 * Program features that depend on the partner's standing, not on who asks:
 * co-marketing (kits, webinars, brand use, co-branded assets) and MDF. Both
 * need a certified partner out of probation and not suspended ("Verified and
 * up"), and the tier's benefit (lib/tiers/benefits.ts); MDF also needs a
 * yearly budget above zero.
 */
export type ProgramFeature = "co_marketing" | "mdf";

export type FeatureDecision = { allowed: true } | { allowed: false; reason: string };

export function decideProgramFeature(partner: { tier: Tier; status: PartnerStatus }, feature: ProgramFeature): FeatureDecision {
  if (partner.status === "suspended") return { allowed: false, reason: "Suspended partners cannot use co-marketing or MDF" };
  if (partner.status === "probation") {
    return { allowed: false, reason: "Co-marketing and MDF open when your probation ends and you are a Verified partner" };
  }
  const b = benefitsOf(partner.tier);
  if (feature === "co_marketing") return b.coMarketing ? { allowed: true } : { allowed: false, reason: "Your tier does not include co-marketing" };
  return b.mdfEligible && b.mdfYearlyBudgetCents > 0
    ? { allowed: true }
    : { allowed: false, reason: "MDF is available from the Advanced tier" };
}

/** Throws a 403 AppError when the partner's standing does not open the feature. */
export function assertProgramFeature(partner: { tier: Tier; status: PartnerStatus }, feature: ProgramFeature): void {
  const d = decideProgramFeature(partner, feature);
  if (!d.allowed) throw new AppError({ code: "forbidden", message: d.reason });
}


/** Scopes a partner API key may carry: the partner actions marked apiScope. */
export const PARTNER_API_SCOPES = (Object.keys(PARTNER_ACTIONS) as PartnerAction[]).filter(
  (a) => PARTNER_ACTIONS[a].apiScope,
);

/** Scopes a platform key (the provenance platform's own servers) may carry. */
export const PLATFORM_API_SCOPES = ["platform:read", "platform:write"] as const;
export type PlatformScope = (typeof PLATFORM_API_SCOPES)[number];

export interface Viewer {
  userId: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  /** An admin with the exec role (signs the exit tests' evidence). */
  isExec?: boolean;
  memberships: readonly { partnerId: string; role: MemberRole }[];
}

export type Decision = { allowed: true } | { allowed: false; reason: "unauthenticated" | "forbidden" };

const ALLOW: Decision = { allowed: true };

export function roleIn(viewer: Viewer, partnerId: string): MemberRole | null {
  return viewer.memberships.find((m) => m.partnerId === partnerId)?.role ?? null;
}

export function decidePartner(viewer: Viewer | null, action: PartnerAction, partnerId: string): Decision {
  if (!viewer) return { allowed: false, reason: "unauthenticated" };
  const rule = PARTNER_ACTIONS[action];
  const role = roleIn(viewer, partnerId);
  if (role && (rule.roles as readonly MemberRole[]).includes(role)) return ALLOW;
  if (viewer.isAdmin && rule.admin) return ALLOW;
  return { allowed: false, reason: "forbidden" };
}

export function decideAdmin(viewer: Viewer | null, action: AdminAction): Decision {
  if (!viewer) return { allowed: false, reason: "unauthenticated" };
  if (!viewer.isAdmin) return { allowed: false, reason: "forbidden" };
  if (EXEC_ACTIONS.includes(action) && !viewer.isExec) return { allowed: false, reason: "forbidden" };
  return ALLOW;
}

/**
 * Brand assets (badge icons, logo kit, guidelines): a partner action like any
 * other, and only for partners in good standing (certified Verified or above,
 * not suspended: see brandKitEligible in lib/badges/rules.ts). Admins may look.
 */
export function decideBrandKit(viewer: Viewer | null, partnerId: string, partnerEligible: boolean): Decision {
  const decision = decidePartner(viewer, "brand:download", partnerId);
  if (!decision.allowed) return decision;
  if (viewer?.isAdmin && !roleIn(viewer, partnerId)) return ALLOW;
  return partnerEligible ? ALLOW : { allowed: false, reason: "forbidden" };
}

export const canPartner = (viewer: Viewer | null, action: PartnerAction, partnerId: string) =>
  decidePartner(viewer, action, partnerId).allowed;

export const canAdmin = (viewer: Viewer | null, action: AdminAction) => decideAdmin(viewer, action).allowed;

/** The partner actions this viewer may take on a partner, for showing or hiding controls. */
export function partnerActionsFor(viewer: Viewer | null, partnerId: string): PartnerAction[] {
  return (Object.keys(PARTNER_ACTIONS) as PartnerAction[]).filter((a) => canPartner(viewer, a, partnerId));
}

export interface KeyPrincipal {
  keyId: string;
  kind: "partner" | "platform";
  partnerId: string | null;
  scopes: readonly string[];
}

/** A partner key acts only on its own partner and only within its scopes. */
export function decideKeyForPartner(key: KeyPrincipal | null, action: PartnerAction, partnerId: string): Decision {
  if (!key) return { allowed: false, reason: "unauthenticated" };
  if (key.kind !== "partner" || key.partnerId !== partnerId) return { allowed: false, reason: "forbidden" };
  if (!PARTNER_ACTIONS[action].apiScope || !key.scopes.includes(action)) return { allowed: false, reason: "forbidden" };
  return ALLOW;
}

export function decideKeyForPlatform(key: KeyPrincipal | null, scope: PlatformScope): Decision {
  if (!key) return { allowed: false, reason: "unauthenticated" };
  if (key.kind !== "platform" || !key.scopes.includes(scope)) return { allowed: false, reason: "forbidden" };
  return ALLOW;
}

// ---------------------------------------------------------------------------
// Principals: whoever is calling — a signed-in user or an API key. Operations in
// lib/<area> take a principal and assert before they touch anything.
// ---------------------------------------------------------------------------

export type Principal = { kind: "user"; viewer: Viewer } | { kind: "key"; key: KeyPrincipal & { name: string } };

function deny(reason: "unauthenticated" | "forbidden"): AppError {
  return reason === "unauthenticated" ? unauthorized() : forbidden();
}

export function decidePrincipalForPartner(principal: Principal | null, action: PartnerAction, partnerId: string): Decision {
  if (!principal) return { allowed: false, reason: "unauthenticated" };
  return principal.kind === "user"
    ? decidePartner(principal.viewer, action, partnerId)
    : decideKeyForPartner(principal.key, action, partnerId);
}

/** Throws a 401/403 AppError unless the principal may take the action on the partner. */
export function assertPartner(principal: Principal | null, action: PartnerAction, partnerId: string): void {
  const decision = decidePrincipalForPartner(principal, action, partnerId);
  if (!decision.allowed) throw deny(decision.reason);
}

export function assertAdmin(principal: Principal | null, action: AdminAction): Viewer {
  if (!principal) throw deny("unauthenticated");
  if (principal.kind !== "user") throw deny("forbidden");
  const decision = decideAdmin(principal.viewer, action);
  if (!decision.allowed) throw deny(decision.reason);
  return principal.viewer;
}

/**
 * Which partner the console shows. An explicit request must be one of the
 * viewer's partners (admins included: they use the admin area for others);
 * otherwise the remembered choice, otherwise the first membership.
 */
export function resolveConsolePartner(
  viewer: Viewer,
  requested: string | null | undefined,
  remembered: string | null | undefined,
): { partnerId: string | null; denied: boolean } {
  const mine = new Set(viewer.memberships.map((m) => m.partnerId));
  if (requested) return mine.has(requested) ? { partnerId: requested, denied: false } : { partnerId: null, denied: true };
  if (remembered && mine.has(remembered)) return { partnerId: remembered, denied: false };
  return { partnerId: viewer.memberships[0]?.partnerId ?? null, denied: false };
}

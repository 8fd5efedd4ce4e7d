import "server-only";
import { getDb, type Queryable } from "@/db/client";
import type { BadgeState } from "@/db/schema/badges";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/audit/actor";
import { partnerRecipients } from "@/lib/deals/store";
import { sendEmail } from "@/lib/email/send-email";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import { badgeRevokedEmail } from "./emails";
import { badgesChanged } from "./invalidate";
import { BADGE_LABELS } from "./model";
import { normalizeHost } from "./rules";
import { MAX_PAGES_PER_PARTNER, declarePageSchema, resolveViolationSchema, revokeBadgeSchema } from "./schemas";
import { countPages, deletePage, insertPage, lockBadge, lockViolation, primaryTrackBadgeId, requestRescan, setBadgeState, updateViolation, type BadgeRow } from "./store";
import { consoleBadgesUrl } from "./violations";

// What partners and admins do to badges, pages and violations. Each operation
// authorizes, changes rows in one transaction with its audit event (and webhook
// event), then invalidates the badge images and sends email after the commit.

// ---------------------------------------------------------------------------
// Partner: declared pages, marking a violation fixed
// ---------------------------------------------------------------------------

export async function declarePage(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }) {
  assertPartner(args.principal, "badges:manage", args.partnerId);
  const { url } = parseOrThrow(declarePageSchema, args.input);
  const parsed = new URL(url);
  parsed.hash = "";
  const db = await getDb();
  return db.transaction(async (tx) => {
    if ((await countPages(tx, args.partnerId)) >= MAX_PAGES_PER_PARTNER) {
      throw new AppError({ code: "validation_failed", message: `At most ${MAX_PAGES_PER_PARTNER} pages`, fields: { url: [`You can declare at most ${MAX_PAGES_PER_PARTNER} pages; remove one first`] } });
    }
    const row = await insertPage(tx, { partnerId: args.partnerId, url: parsed.toString(), host: normalizeHost(parsed.hostname), createdAt: args.now });
    if (!row) throw new AppError({ code: "validation_failed", message: "Already declared", fields: { url: ["This page is already declared"] } });
    await audit(tx, { actor: actorOf(args.principal!), action: "badge_page.declared", object: { type: "badge_page", id: row.id }, partnerId: args.partnerId, after: { url: row.url }, at: args.now });
    return row;
  });
}

export async function removePage(args: { principal: Principal | null; partnerId: string; pageId: string; now: Date }) {
  assertPartner(args.principal, "badges:manage", args.partnerId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await deletePage(tx, args.partnerId, args.pageId);
    if (!row) throw notFound("Page");
    await audit(tx, { actor: actorOf(args.principal!), action: "badge_page.removed", object: { type: "badge_page", id: row.id }, partnerId: args.partnerId, before: { url: row.url }, at: args.now });
  });
}

/** The partner says a violation is fixed: it waits for the next scan of its page, which closes or reopens it. */
export async function markViolationFixed(args: { principal: Principal | null; partnerId: string; violationId: string; now: Date }) {
  assertPartner(args.principal, "badges:manage", args.partnerId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const v = await lockViolation(tx, args.violationId);
    if (!v || v.partnerId !== args.partnerId) throw notFound("Violation");
    if (v.status !== "open") throw new AppError({ code: "conflict", message: v.status === "fix_claimed" ? "Already marked fixed: waiting for the rescan" : "This violation is closed" });
    const row = await updateViolation(tx, v.id, { status: "fix_claimed", fixClaimedAt: args.now });
    if (v.pageUrl) await requestRescan(tx, v.partnerId, v.pageUrl, args.now);
    await audit(tx, { actor: actorOf(args.principal!), action: "badge_violation.fix_claimed", object: { type: "badge_violation", id: v.id }, partnerId: v.partnerId, before: { status: v.status }, after: { status: row.status }, at: args.now });
    return row;
  });
}

// ---------------------------------------------------------------------------
// Admin: resolve or escalate a violation, revoke or restore a badge
// ---------------------------------------------------------------------------

export async function resolveViolation(args: { principal: Principal | null; violationId: string; input: unknown; now: Date }) {
  const viewer = assertAdmin(args.principal, "badges:review");
  const { note } = parseOrThrow(resolveViolationSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const v = await lockViolation(tx, args.violationId);
    if (!v) throw notFound("Violation");
    if (v.status === "resolved" || v.status === "escalated") throw new AppError({ code: "conflict", message: "This violation is already closed" });
    const row = await updateViolation(tx, v.id, { status: "resolved", closedAt: args.now, closedByUserId: viewer.userId, resolution: note });
    await audit(tx, { actor: actorOf(args.principal!), action: "badge_violation.resolved", object: { type: "badge_violation", id: v.id }, partnerId: v.partnerId, before: { status: v.status }, after: { status: row.status, resolution: note }, at: args.now });
    await emit(tx, { type: "partner.badge_violation_closed", partnerId: v.partnerId, data: { violationId: v.id, kind: v.kind, outcome: "resolved", note, closedAt: args.now.toISOString() }, now: args.now });
    return row;
  });
}

async function revokeInTx(tx: Queryable, actor: Actor, badge: BadgeRow, reason: string, now: Date, violationId: string | null): Promise<BadgeRow> {
  const row = await setBadgeState(tx, badge.id, { state: "revoked", revokedReason: reason, stateChangedAt: now });
  await audit(tx, {
    actor,
    action: "badge.revoked",
    object: { type: "badge", id: badge.id },
    partnerId: badge.partnerId,
    before: { state: badge.state },
    after: { state: "revoked", revokedReason: reason },
    meta: violationId ? { violationId } : undefined,
    at: now,
  });
  await emit(tx, { type: "partner.badge.revoked", partnerId: badge.partnerId, data: { badgeId: badge.id, kind: badge.badge, revokedAt: now.toISOString(), reason }, now });
  return row;
}

async function tellRevoked(badge: BadgeRow, reason: string, now: Date): Promise<void> {
  try {
    const db = await getDb();
    const { name, emails } = await partnerRecipients(db, badge.partnerId);
    const email = badgeRevokedEmail({ partnerName: name, badgeLabel: BADGE_LABELS[badge.badge], reason, consoleUrl: consoleBadgesUrl() });
    for (const to of emails) await sendEmail({ kind: "badge_revoked", to, email, partnerId: badge.partnerId, now });
  } catch (error) {
    log.warn("badge revocation email failed", { badgeId: badge.id, error: error instanceof Error ? error.message : String(error) });
  }
}

/** Escalation: the violation closes as escalated and its badge (or the one the admin names, else the partner's track badge) is revoked with the reason. */
export async function escalateViolation(args: { principal: Principal | null; violationId: string; badgeId?: string | null; input: unknown; now: Date }) {
  assertAdmin(args.principal, "badges:revoke");
  const { reason } = parseOrThrow(revokeBadgeSchema, args.input);
  const db = await getDb();
  const actor = actorOf(args.principal!);
  const out = await db.transaction(async (tx) => {
    const v = await lockViolation(tx, args.violationId);
    if (!v) throw notFound("Violation");
    if (v.status === "resolved" || v.status === "escalated") throw new AppError({ code: "conflict", message: "This violation is already closed" });
    const badgeId = args.badgeId || v.badgeId || (await primaryTrackBadgeId(tx, v.partnerId));
    if (!badgeId) throw new AppError({ code: "validation_failed", message: "Choose the badge to revoke", fields: { badgeId: ["Choose the badge to revoke"] } });
    const badge = await lockBadge(tx, badgeId);
    if (!badge || badge.partnerId !== v.partnerId) throw notFound("Badge");
    const revoked = badge.state === "revoked" ? badge : await revokeInTx(tx, actor, badge, reason, args.now, v.id);
    const row = await updateViolation(tx, v.id, { status: "escalated", closedAt: args.now, closedByUserId: actor.id, resolution: `Escalated: badge revoked (${reason})` });
    await audit(tx, { actor, action: "badge_violation.escalated", object: { type: "badge_violation", id: v.id }, partnerId: v.partnerId, before: { status: v.status }, after: { status: row.status, badgeId }, at: args.now });
    await emit(tx, { type: "partner.badge_violation_closed", partnerId: v.partnerId, data: { violationId: v.id, kind: v.kind, outcome: "escalated", note: reason, closedAt: args.now.toISOString() }, now: args.now });
    return { violation: row, badge: revoked, changed: badge.state !== "revoked" };
  });
  badgesChanged([out.badge.id]);
  if (out.changed) await tellRevoked(out.badge, reason, args.now);
  return out;
}

export async function revokeBadge(args: { principal: Principal | null; badgeId: string; input: unknown; now: Date }) {
  assertAdmin(args.principal, "badges:revoke");
  const { reason } = parseOrThrow(revokeBadgeSchema, args.input);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const badge = await lockBadge(tx, args.badgeId);
    if (!badge) throw notFound("Badge");
    if (badge.state === "revoked") throw new AppError({ code: "conflict", message: "This badge is already revoked" });
    return revokeInTx(tx, actorOf(args.principal!), badge, reason, args.now, null);
  });
  badgesChanged([row.id]);
  await tellRevoked(row, reason, args.now);
  return row;
}

/** Undoes a revocation: the badge is active again, or expired if its expiry has passed meanwhile. */
export async function restoreBadge(args: { principal: Principal | null; badgeId: string; now: Date }) {
  assertAdmin(args.principal, "badges:revoke");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const badge = await lockBadge(tx, args.badgeId);
    if (!badge) throw notFound("Badge");
    if (badge.state !== "revoked") throw new AppError({ code: "conflict", message: "Only a revoked badge can be restored" });
    const state: BadgeState = badge.expiresAt && badge.expiresAt.getTime() <= args.now.getTime() ? "expired" : "active";
    const restored = await setBadgeState(tx, badge.id, { state, revokedReason: null, stateChangedAt: args.now });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "badge.restored",
      object: { type: "badge", id: badge.id },
      partnerId: badge.partnerId,
      before: { state: badge.state, revokedReason: badge.revokedReason },
      after: { state },
      at: args.now,
    });
    if (state === "active") {
      await emit(tx, { type: "partner.badge.restored", partnerId: badge.partnerId, data: { badgeId: badge.id, kind: badge.badge, restoredAt: args.now.toISOString(), state }, now: args.now });
    }
    return restored;
  });
  badgesChanged([row.id]);
  return row;
}

import "server-only";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  badgeEmbeds,
  badgePages,
  badgeViolations,
  installs,
  npsResponses,
  partnerBadges,
  partners,
  survivalChecks,
  survivalReports,
  evidenceExports,
  type BadgePageScanStatus,
  type ViolationKind,
  type ViolationStatus,
} from "@/db/schema";
import type { BadgeState } from "@/db/schema/badges";
import type { BadgeView } from "./model";

// The badge area's reads and writes. Every other file in lib/badges asks here.

export type BadgeRow = typeof partnerBadges.$inferSelect;
export type BadgePageRow = typeof badgePages.$inferSelect;
export type ViolationRow = typeof badgeViolations.$inferSelect;

const viewColumns = {
  id: partnerBadges.id,
  partnerId: partnerBadges.partnerId,
  partnerName: partners.name,
  partnerSlug: partners.slug,
  kind: partnerBadges.kind,
  badge: partnerBadges.badge,
  tier: partnerBadges.tier,
  state: partnerBadges.state,
  issuedAt: partnerBadges.issuedAt,
  expiresAt: partnerBadges.expiresAt,
  stateChangedAt: partnerBadges.stateChangedAt,
  revokedReason: partnerBadges.revokedReason,
};

const counters = (globalThis as typeof globalThis & { __ppBadgeReads?: { n: number } }).__ppBadgeReads ??= { n: 0 };

/**
 * Database reads made for badge images and verification data since the process
 * started. The image cache promises none per warm request; tests and the
 * benchmark read this to check it.
 */
export function badgeImageReads(): number {
  return counters.n;
}

/** One badge with its holder, for images and the verification page. */
export async function loadBadgeView(db: Queryable, id: string): Promise<BadgeView | null> {
  counters.n++;
  const [row] = await db.select(viewColumns).from(partnerBadges).innerJoin(partners, eq(partners.id, partnerBadges.partnerId)).where(eq(partnerBadges.id, id));
  return row ?? null;
}

export async function listBadgeViews(db: Queryable, partnerId: string): Promise<BadgeView[]> {
  return db
    .select(viewColumns)
    .from(partnerBadges)
    .innerJoin(partners, eq(partners.id, partnerBadges.partnerId))
    .where(eq(partnerBadges.partnerId, partnerId))
    .orderBy(asc(partnerBadges.kind), asc(partnerBadges.badge));
}

export async function lockBadge(tx: Queryable, id: string): Promise<BadgeRow | null> {
  const [row] = await tx.select().from(partnerBadges).where(eq(partnerBadges.id, id)).for("update");
  return row ?? null;
}

/** The partner's track badge an escalation revokes when the violation names none (the most recently issued). */
export async function primaryTrackBadgeId(tx: Queryable, partnerId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: partnerBadges.id })
    .from(partnerBadges)
    .where(and(eq(partnerBadges.partnerId, partnerId), eq(partnerBadges.kind, "track")))
    .orderBy(sql`case when ${partnerBadges.state} in ('active', 'probation') then 0 else 1 end`, desc(partnerBadges.issuedAt))
    .limit(1);
  return row?.id ?? null;
}

export async function setBadgeState(
  tx: Queryable,
  id: string,
  patch: { state: BadgeState; revokedReason: string | null; stateChangedAt: Date },
): Promise<BadgeRow> {
  const [row] = await tx
    .update(partnerBadges)
    .set({ ...patch, updatedAt: patch.stateChangedAt })
    .where(eq(partnerBadges.id, id))
    .returning();
  return row!;
}

/** Admin lookup: by badge id, or partner name/slug. */
/**
 * The admin badge lookup: by badge id, partner name or slug, and optionally by
 * the state a viewer sees at `now` (an active badge past its expiry is expired).
 */
export async function searchBadges(db: Queryable, q: string, opts: { state?: BadgeState; now: Date; limit?: number }): Promise<BadgeView[]> {
  const term = q.trim();
  const byTerm = term
    ? or(eq(partnerBadges.id, term), ilike(partners.name, `%${term.replace(/[%_\\]/g, "\\$&")}%`), eq(partners.slug, term.toLowerCase()))
    : undefined;
  const lapsed = and(isNotNull(partnerBadges.expiresAt), lte(partnerBadges.expiresAt, opts.now));
  const byState =
    opts.state === "expired"
      ? or(eq(partnerBadges.state, "expired"), and(inArray(partnerBadges.state, ["active", "probation"]), lapsed))
      : opts.state === "active" || opts.state === "probation"
        ? and(eq(partnerBadges.state, opts.state), or(isNull(partnerBadges.expiresAt), gt(partnerBadges.expiresAt, opts.now)))
        : opts.state === "revoked"
          ? eq(partnerBadges.state, "revoked")
          : undefined;
  return db
    .select(viewColumns)
    .from(partnerBadges)
    .innerJoin(partners, eq(partners.id, partnerBadges.partnerId))
    .where(and(byTerm, byState))
    .orderBy(desc(partnerBadges.stateChangedAt), asc(partnerBadges.id))
    .limit(opts.limit ?? 25);
}

export async function badgeStateCounts(db: Queryable): Promise<Record<BadgeState, number>> {
  const rows = await db.select({ state: partnerBadges.state, n: count() }).from(partnerBadges).groupBy(partnerBadges.state);
  const out: Record<BadgeState, number> = { active: 0, probation: 0, expired: 0, revoked: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

// ---------------------------------------------------------------------------
// Evidence summary for the verification page
// ---------------------------------------------------------------------------

export interface EvidenceSummary {
  verifiedInstalls: number;
  publishedReports: number;
  /** Remote + embedded survival over the last 30 days, % (null: no checks). */
  survival30dPct: number | null;
  checks30d: number;
  evidencePacks: number;
  npsResponses: number;
}

export async function evidenceSummary(db: Queryable, partnerId: string, now: Date): Promise<EvidenceSummary> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [[inst], [rep], [chk], [packs], [nps]] = await Promise.all([
    db.select({ n: count() }).from(installs).where(and(eq(installs.partnerId, partnerId), isNotNull(installs.verifiedAt), lte(installs.verifiedAt, now))),
    db.select({ n: count() }).from(survivalReports).where(and(eq(survivalReports.partnerId, partnerId), isNotNull(survivalReports.publishedAt))),
    db
      .select({ n: count(), checked: sql<string>`coalesce(sum(${survivalChecks.assetsChecked}), 0)`, survived: sql<string>`coalesce(sum(${survivalChecks.assetsSurvived}), 0)` })
      .from(survivalChecks)
      .where(and(eq(survivalChecks.partnerId, partnerId), gt(survivalChecks.checkedAt, since), lte(survivalChecks.checkedAt, now))),
    db.select({ n: count() }).from(evidenceExports).where(eq(evidenceExports.partnerId, partnerId)),
    db.select({ n: count() }).from(npsResponses).where(eq(npsResponses.partnerId, partnerId)),
  ]);
  const checked = Number(chk?.checked ?? 0);
  return {
    verifiedInstalls: Number(inst?.n ?? 0),
    publishedReports: Number(rep?.n ?? 0),
    survival30dPct: checked > 0 ? Math.round((Number(chk!.survived) / checked) * 10_000) / 100 : null,
    checks30d: Number(chk?.n ?? 0),
    evidencePacks: Number(packs?.n ?? 0),
    npsResponses: Number(nps?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------
// Declared pages and domains
// ---------------------------------------------------------------------------

export async function listPages(db: Queryable, partnerId: string): Promise<BadgePageRow[]> {
  return db.select().from(badgePages).where(eq(badgePages.partnerId, partnerId)).orderBy(asc(badgePages.host), asc(badgePages.url));
}

export async function countPages(db: Queryable, partnerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(badgePages).where(eq(badgePages.partnerId, partnerId));
  return Number(row?.n ?? 0);
}

/** Inserts a page; null when the partner already declared it. */
export async function insertPage(tx: Queryable, values: { partnerId: string; url: string; host: string; createdAt: Date }): Promise<BadgePageRow | null> {
  const [row] = await tx.insert(badgePages).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deletePage(tx: Queryable, partnerId: string, pageId: string): Promise<BadgePageRow | null> {
  const [row] = await tx.delete(badgePages).where(and(eq(badgePages.id, pageId), eq(badgePages.partnerId, partnerId))).returning();
  return row ?? null;
}

/** Declared hosts per partner (pages' hosts plus the listing's website host). */
export async function declaredHosts(db: Queryable, partnerIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (partnerIds.length === 0) return out;
  const ids = [...partnerIds];
  const [pages, sites] = await Promise.all([
    db.select({ partnerId: badgePages.partnerId, host: badgePages.host }).from(badgePages).where(inArray(badgePages.partnerId, ids)),
    db.select({ partnerId: partners.id, website: partners.website }).from(partners).where(inArray(partners.id, ids)),
  ]);
  const add = (p: string, h: string) => {
    let set = out.get(p);
    if (!set) out.set(p, (set = new Set()));
    set.add(h);
  };
  for (const p of pages) add(p.partnerId, p.host);
  for (const s of sites) {
    if (!s.website) continue;
    try {
      add(s.partnerId, new URL(s.website).hostname.toLowerCase());
    } catch {
      // A malformed website on the listing declares nothing.
    }
  }
  return out;
}

/** Pages the scanner should look at: rescans asked for first, then the least recently scanned. */
export async function pagesDueForScan(db: Queryable, now: Date, olderThan: Date, limit: number): Promise<BadgePageRow[]> {
  return db
    .select()
    .from(badgePages)
    .where(or(isNotNull(badgePages.rescanRequestedAt), isNull(badgePages.lastScannedAt), lte(badgePages.lastScannedAt, olderThan)))
    .orderBy(sql`${badgePages.rescanRequestedAt} asc nulls last`, sql`${badgePages.lastScannedAt} asc nulls first`, asc(badgePages.id))
    .limit(limit);
}

export async function markPageScanned(db: Queryable, id: string, at: Date, status: BadgePageScanStatus, error: string | null): Promise<void> {
  await db.update(badgePages).set({ lastScannedAt: at, lastScanStatus: status, lastScanError: error, rescanRequestedAt: null }).where(eq(badgePages.id, id));
}

export async function requestRescan(tx: Queryable, partnerId: string, url: string | null, at: Date): Promise<void> {
  await tx
    .update(badgePages)
    .set({ rescanRequestedAt: at })
    .where(and(eq(badgePages.partnerId, partnerId), url ? eq(badgePages.url, url) : sql`true`));
}

// ---------------------------------------------------------------------------
// Embed log
// ---------------------------------------------------------------------------

export interface EmbedCount {
  badgeId: string;
  host: string;
  requests: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** Adds counts in one statement; counts for badges that no longer exist are dropped. */
export async function addEmbedCounts(db: Queryable, rows: readonly EmbedCount[]): Promise<number> {
  if (rows.length === 0) return 0;
  const known = new Set(
    (await db.select({ id: partnerBadges.id }).from(partnerBadges).where(inArray(partnerBadges.id, [...new Set(rows.map((r) => r.badgeId))]))).map((r) => r.id),
  );
  const valid = rows.filter((r) => known.has(r.badgeId));
  if (valid.length === 0) return 0;
  await db
    .insert(badgeEmbeds)
    .values(valid.map((r) => ({ ...r })))
    .onConflictDoUpdate({
      target: [badgeEmbeds.badgeId, badgeEmbeds.host],
      set: {
        requests: sql`${badgeEmbeds.requests} + excluded.requests`,
        firstSeenAt: sql`least(${badgeEmbeds.firstSeenAt}, excluded.first_seen_at)`,
        lastSeenAt: sql`greatest(${badgeEmbeds.lastSeenAt}, excluded.last_seen_at)`,
      },
    });
  return valid.length;
}

export async function badgeOwners(db: Queryable, badgeIds: readonly string[]): Promise<Map<string, string>> {
  if (badgeIds.length === 0) return new Map();
  const rows = await db.select({ id: partnerBadges.id, partnerId: partnerBadges.partnerId }).from(partnerBadges).where(inArray(partnerBadges.id, [...badgeIds]));
  return new Map(rows.map((r) => [r.id, r.partnerId]));
}

export async function listEmbeds(db: Queryable, partnerId: string): Promise<(EmbedCount & { badge: string })[]> {
  return db
    .select({
      badgeId: badgeEmbeds.badgeId,
      badge: partnerBadges.badge,
      host: badgeEmbeds.host,
      requests: badgeEmbeds.requests,
      firstSeenAt: badgeEmbeds.firstSeenAt,
      lastSeenAt: badgeEmbeds.lastSeenAt,
    })
    .from(badgeEmbeds)
    .innerJoin(partnerBadges, eq(partnerBadges.id, badgeEmbeds.badgeId))
    .where(eq(partnerBadges.partnerId, partnerId))
    .orderBy(desc(badgeEmbeds.requests), asc(badgeEmbeds.host))
    .limit(200);
}

// ---------------------------------------------------------------------------
// Violations
// ---------------------------------------------------------------------------

export interface NewViolation {
  partnerId: string;
  badgeId: string | null;
  kind: ViolationKind;
  pageUrl: string | null;
  host: string;
  detail: string;
  fingerprint: string;
}

/**
 * Records a finding: a new open violation, or the live one with the same
 * fingerprint seen again (a fix the partner claimed but the scan still finds
 * goes back to open, keeping its deadline).
 */
export async function upsertViolation(tx: Queryable, v: NewViolation, now: Date, deadlineAt: Date): Promise<{ row: ViolationRow; created: boolean; reopened: boolean }> {
  const [live] = await tx
    .select()
    .from(badgeViolations)
    .where(and(eq(badgeViolations.fingerprint, v.fingerprint), inArray(badgeViolations.status, ["open", "fix_claimed"])))
    .for("update");
  if (live) {
    const reopened = live.status === "fix_claimed";
    const [row] = await tx
      .update(badgeViolations)
      .set({ lastSeenAt: now, scanCount: sql`${badgeViolations.scanCount} + 1`, detail: v.detail, status: "open", fixClaimedAt: reopened ? null : live.fixClaimedAt })
      .where(eq(badgeViolations.id, live.id))
      .returning();
    return { row: row!, created: false, reopened };
  }
  const [row] = await tx
    .insert(badgeViolations)
    .values({ ...v, status: "open", openedAt: now, deadlineAt, lastSeenAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    // A concurrent run opened it a moment ago.
    const [again] = await tx.select().from(badgeViolations).where(and(eq(badgeViolations.fingerprint, v.fingerprint), inArray(badgeViolations.status, ["open", "fix_claimed"])));
    return { row: again!, created: false, reopened: false };
  }
  return { row, created: true, reopened: false };
}

/** Live violations found on a page (for closing the ones a rescan no longer sees). */
export async function liveViolationsOnPage(tx: Queryable, partnerId: string, pageUrl: string): Promise<ViolationRow[]> {
  return tx
    .select()
    .from(badgeViolations)
    .where(and(eq(badgeViolations.partnerId, partnerId), eq(badgeViolations.pageUrl, pageUrl), inArray(badgeViolations.status, ["open", "fix_claimed"])));
}

export async function liveViolationFingerprints(db: Queryable, fingerprints: readonly string[]): Promise<Set<string>> {
  if (fingerprints.length === 0) return new Set();
  const rows = await db
    .select({ f: badgeViolations.fingerprint })
    .from(badgeViolations)
    .where(and(inArray(badgeViolations.fingerprint, [...fingerprints]), inArray(badgeViolations.status, ["open", "fix_claimed"])));
  return new Set(rows.map((r) => r.f));
}

export async function lockViolation(tx: Queryable, id: string): Promise<ViolationRow | null> {
  const [row] = await tx.select().from(badgeViolations).where(eq(badgeViolations.id, id)).for("update");
  return row ?? null;
}

export async function updateViolation(tx: Queryable, id: string, patch: Partial<typeof badgeViolations.$inferInsert>): Promise<ViolationRow> {
  const [row] = await tx.update(badgeViolations).set(patch).where(eq(badgeViolations.id, id)).returning();
  return row!;
}

export async function markViolationsNotified(db: Queryable, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await db.update(badgeViolations).set({ notifiedAt: at }).where(inArray(badgeViolations.id, [...ids]));
}

export type ViolationListRow = ViolationRow & { partnerName: string; badge: string | null };

const violationColumns = { v: badgeViolations, partnerName: partners.name, badge: partnerBadges.badge };

export async function listViolations(
  db: Queryable,
  q: { partnerId?: string; statuses?: readonly ViolationStatus[]; limit: number; offset: number },
): Promise<{ rows: ViolationListRow[]; total: number }> {
  const where = and(
    q.partnerId ? eq(badgeViolations.partnerId, q.partnerId) : undefined,
    q.statuses?.length ? inArray(badgeViolations.status, [...q.statuses]) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(violationColumns)
      .from(badgeViolations)
      .innerJoin(partners, eq(partners.id, badgeViolations.partnerId))
      .leftJoin(partnerBadges, eq(partnerBadges.id, badgeViolations.badgeId))
      .where(where)
      .orderBy(sql`case when ${badgeViolations.status} in ('open', 'fix_claimed') then 0 else 1 end`, asc(badgeViolations.deadlineAt), asc(badgeViolations.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(badgeViolations).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.v, partnerName: r.partnerName, badge: r.badge })), total: Number(total?.n ?? 0) };
}

export async function violationCounts(db: Queryable): Promise<Record<ViolationStatus, number>> {
  const rows = await db.select({ s: badgeViolations.status, n: count() }).from(badgeViolations).groupBy(badgeViolations.status);
  const out: Record<ViolationStatus, number> = { open: 0, fix_claimed: 0, resolved: 0, escalated: 0 };
  for (const r of rows) out[r.s] = Number(r.n);
  return out;
}

export async function partnerStanding(db: Queryable, partnerId: string) {
  const [p] = await db.select({ id: partners.id, name: partners.name, status: partners.status, tier: partners.tier, website: partners.website }).from(partners).where(eq(partners.id, partnerId));
  return p ?? null;
}

import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import {
  evidenceExports,
  installs,
  partners,
  survivalCheckAssets,
  survivalChecks,
  survivalDaily,
  survivalReports,
  survivalWindows,
  ttiRollups,
  ttiWeekly,
} from "@/db/schema";
import type { Stack } from "@/lib/partners/constants";

export type InstallRow = typeof installs.$inferSelect;
export type CheckRow = typeof survivalChecks.$inferSelect;
export type CheckAssetRow = typeof survivalCheckAssets.$inferSelect;
export type ReportRow = typeof survivalReports.$inferSelect;
export type ExportRow = typeof evidenceExports.$inferSelect;

function like(text: string): string {
  return `%${text.replace(/[%_\\]/g, "\\$&")}%`;
}

// --- installs ---------------------------------------------------------------

export async function insertInstall(tx: Queryable, values: typeof installs.$inferInsert): Promise<InstallRow> {
  const [row] = await tx.insert(installs).values(values).returning();
  return row!;
}

export async function findInstall(db: Queryable, id: string): Promise<InstallRow | null> {
  const [row] = await db.select().from(installs).where(eq(installs.id, id));
  return row ?? null;
}

export async function findInstallByExternalRef(db: Queryable, ref: string): Promise<InstallRow | null> {
  const [row] = await db.select().from(installs).where(eq(installs.externalRef, ref));
  return row ?? null;
}

export async function lockInstall(tx: Queryable, id: string): Promise<InstallRow | null> {
  const [row] = await tx.select().from(installs).where(eq(installs.id, id)).for("update");
  return row ?? null;
}

export async function setVerifiedAt(tx: Queryable, id: string, verifiedAt: Date | null): Promise<void> {
  await tx.update(installs).set({ verifiedAt }).where(eq(installs.id, id));
}

export async function setSampleUrls(tx: Queryable, id: string, sampleUrls: string[]): Promise<void> {
  await tx.update(installs).set({ sampleUrls }).where(eq(installs.id, id));
}

export interface InstallListQuery {
  /** A partner id, or null for the self-serve installs. */
  partnerId: string | null;
  stack?: Stack;
  status?: "verified" | "pending";
  q?: string;
  page: number;
  pageSize: number;
}

export interface InstallListItem extends InstallRow {
  lastCheckedAt: Date | null;
  lastChecked: number | null;
  lastSurvived: number | null;
  checked30: number;
  survived30: number;
}

export async function listInstalls(q: InstallListQuery, now: Date): Promise<{ rows: InstallListItem[]; total: number }> {
  const db = await getDb();
  const where: SQL[] = [q.partnerId ? eq(installs.partnerId, q.partnerId) : isNull(installs.partnerId)];
  if (q.stack) where.push(eq(installs.stack, q.stack));
  if (q.status === "verified") where.push(isNotNull(installs.verifiedAt));
  if (q.status === "pending") where.push(isNull(installs.verifiedAt));
  if (q.q) where.push(or(ilike(installs.customerName, like(q.q)), ilike(installs.siteUrl, like(q.q)), eq(installs.id, q.q))!);
  const filter = and(...where);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const last = sql`(select ${survivalChecks.checkedAt} from ${survivalChecks} where ${survivalChecks.installId} = ${installs.id} order by ${survivalChecks.checkedAt} desc limit 1)`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        install: installs,
        lastCheckedAt: sql<Date | null>`${last}`.mapWith(installs.startedAt),
        lastChecked: sql<number | null>`(select ${survivalChecks.assetsChecked} from ${survivalChecks} where ${survivalChecks.installId} = ${installs.id} order by ${survivalChecks.checkedAt} desc limit 1)`,
        lastSurvived: sql<number | null>`(select ${survivalChecks.assetsSurvived} from ${survivalChecks} where ${survivalChecks.installId} = ${installs.id} order by ${survivalChecks.checkedAt} desc limit 1)`,
        checked30: sql<number>`(select coalesce(sum(${survivalChecks.assetsChecked}), 0)::int from ${survivalChecks} where ${survivalChecks.installId} = ${installs.id} and ${survivalChecks.checkedAt} >= ${since.toISOString()}::timestamptz)`,
        survived30: sql<number>`(select coalesce(sum(${survivalChecks.assetsSurvived}), 0)::int from ${survivalChecks} where ${survivalChecks.installId} = ${installs.id} and ${survivalChecks.checkedAt} >= ${since.toISOString()}::timestamptz)`,
      })
      .from(installs)
      .where(filter)
      .orderBy(desc(installs.startedAt), desc(installs.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(installs).where(filter),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r.install,
      lastCheckedAt: r.lastCheckedAt,
      lastChecked: r.lastChecked === null ? null : Number(r.lastChecked),
      lastSurvived: r.lastSurvived === null ? null : Number(r.lastSurvived),
      checked30: Number(r.checked30),
      survived30: Number(r.survived30),
    })),
    total: total?.n ?? 0,
  };
}

/** Keyset page of installs for the API, newest first: (created_at, id) after the cursor. */
export async function pageInstalls(args: { partnerId?: string | null; after?: { at: string; id: string } | null; limit: number }): Promise<InstallRow[]> {
  const db = await getDb();
  const where: SQL[] = [];
  if (args.partnerId !== undefined) where.push(args.partnerId === null ? isNull(installs.partnerId) : eq(installs.partnerId, args.partnerId));
  if (args.after) where.push(sql`(${installs.createdAt}, ${installs.id}) < (${args.after.at}::timestamptz, ${args.after.id})`);
  return db
    .select()
    .from(installs)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(installs.createdAt), desc(installs.id))
    .limit(args.limit);
}

/** Keyset page of an install's checks, newest first. */
export async function pageChecks(installId: string, after: { at: string; id: string } | null, limit: number): Promise<CheckRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(survivalChecks)
    .where(and(eq(survivalChecks.installId, installId), after ? sql`(${survivalChecks.checkedAt}, ${survivalChecks.id}) < (${after.at}::timestamptz, ${after.id})` : undefined))
    .orderBy(desc(survivalChecks.checkedAt), desc(survivalChecks.id))
    .limit(limit);
}

/**
 * Claims installs due for a scheduled probe: rows with sample URLs whose
 * next_probe_at has passed, locked with SKIP LOCKED so several instances
 * share the work, and pushed a day ahead in the same statement.
 */
export async function claimDueInstalls(tx: Queryable, now: Date, limit: number, nextAt: Date): Promise<InstallRow[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update installs set next_probe_at = ${nextAt.toISOString()}::timestamptz
        where id in (
          select id from installs
          where cardinality(sample_urls) > 0 and next_probe_at <= ${now.toISOString()}::timestamptz
          order by next_probe_at, id
          limit ${limit}
          for update skip locked
        )
        returning id`,
  );
  if (!rows.length) return [];
  return tx.select().from(installs).where(inArray(installs.id, rows.map((r) => r.id))).orderBy(asc(installs.id));
}

export async function releaseInstalls(tx: Queryable, ids: string[], at: Date): Promise<void> {
  if (ids.length) await tx.update(installs).set({ nextProbeAt: at }).where(inArray(installs.id, ids));
}

// --- checks -------------------------------------------------------------------

export async function insertCheck(
  tx: Queryable,
  values: typeof survivalChecks.$inferInsert,
  assets: Omit<typeof survivalCheckAssets.$inferInsert, "checkId" | "position">[] = [],
): Promise<CheckRow> {
  const [row] = await tx.insert(survivalChecks).values(values).returning();
  if (assets.length) {
    await tx.insert(survivalCheckAssets).values(assets.map((a, i) => ({ ...a, checkId: row!.id, position: i })));
  }
  return row!;
}

export async function listChecks(installId: string, page: number, pageSize: number): Promise<{ rows: CheckRow[]; total: number }> {
  const db = await getDb();
  const where = eq(survivalChecks.installId, installId);
  const [rows, [total]] = await Promise.all([
    db.select().from(survivalChecks).where(where).orderBy(desc(survivalChecks.checkedAt), desc(survivalChecks.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(survivalChecks).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Checks of some installs in [from, to), oldest first. */
export async function checksBetween(db: Queryable, installIds: string[], from: Date, to: Date): Promise<CheckRow[]> {
  if (!installIds.length) return [];
  return db
    .select()
    .from(survivalChecks)
    .where(and(inArray(survivalChecks.installId, installIds), gte(survivalChecks.checkedAt, from), lt(survivalChecks.checkedAt, to)))
    .orderBy(asc(survivalChecks.checkedAt), asc(survivalChecks.id));
}

export async function assetsOfChecks(db: Queryable, checkIds: string[]): Promise<CheckAssetRow[]> {
  if (!checkIds.length) return [];
  const out: CheckAssetRow[] = [];
  for (let i = 0; i < checkIds.length; i += 500) {
    out.push(
      ...(await db
        .select()
        .from(survivalCheckAssets)
        .where(inArray(survivalCheckAssets.checkId, checkIds.slice(i, i + 500)))
        .orderBy(asc(survivalCheckAssets.checkId), asc(survivalCheckAssets.position))),
    );
  }
  return out;
}

/** Per-day survival of one install since `from` (for its trend). */
export async function installDaily(installId: string, from: Date): Promise<{ day: string; checked: number; survived: number }[]> {
  const db = await getDb();
  const rows = await queryRows<{ day: string; checked: string; survived: string }>(
    db,
    sql`select to_char((checked_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, sum(assets_checked) as checked, sum(assets_survived) as survived
        from survival_checks where install_id = ${installId} and checked_at >= ${from.toISOString()}::timestamptz
        group by 1 order by 1`,
  );
  return rows.map((r) => ({ day: r.day, checked: Number(r.checked), survived: Number(r.survived) }));
}

/** An install's survival over 7/30/90 days, straight from its checks. */
export async function installWindows(installId: string, now: Date): Promise<Record<7 | 30 | 90, { checks: number; checked: number; survived: number; embedded: number; remote: number }>> {
  const db = await getDb();
  const rows = await queryRows<{ days: number; checks: string; checked: string; survived: string; embedded: string; remote: string }>(
    db,
    sql`select w.days, count(c.id) as checks, coalesce(sum(c.assets_checked), 0) as checked, coalesce(sum(c.assets_survived), 0) as survived,
               coalesce(sum(c.survived_embedded), 0) as embedded, coalesce(sum(c.survived_remote), 0) as remote
        from (values (7), (30), (90)) as w(days)
        left join survival_checks c on c.install_id = ${installId}
          and c.checked_at >= ${now.toISOString()}::timestamptz - make_interval(days => w.days) and c.checked_at < ${now.toISOString()}::timestamptz
        group by w.days`,
  );
  const out = {} as Record<7 | 30 | 90, { checks: number; checked: number; survived: number; embedded: number; remote: number }>;
  for (const r of rows) {
    out[Number(r.days) as 7 | 30 | 90] = { checks: Number(r.checks), checked: Number(r.checked), survived: Number(r.survived), embedded: Number(r.embedded), remote: Number(r.remote) };
  }
  return out;
}

// --- rollup reads -------------------------------------------------------------

export type TtiRollupRow = typeof ttiRollups.$inferSelect;
export type TtiWeeklyRow = typeof ttiWeekly.$inferSelect;
export type SurvivalWindowRow = typeof survivalWindows.$inferSelect;
export type SurvivalDailyRow = typeof survivalDaily.$inferSelect;

export async function ttiRollupsFor(owners: string[]): Promise<TtiRollupRow[]> {
  const db = await getDb();
  return db.select().from(ttiRollups).where(inArray(ttiRollups.owner, owners)).orderBy(asc(ttiRollups.owner), asc(ttiRollups.stack));
}

export async function ttiWeeklyFor(owner: string, stack: string, fromWeek: string): Promise<TtiWeeklyRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(ttiWeekly)
    .where(and(eq(ttiWeekly.owner, owner), eq(ttiWeekly.stack, stack), gte(ttiWeekly.weekStart, fromWeek)))
    .orderBy(asc(ttiWeekly.weekStart));
}

export async function survivalWindowsFor(owners: string[]): Promise<SurvivalWindowRow[]> {
  const db = await getDb();
  return db.select().from(survivalWindows).where(inArray(survivalWindows.owner, owners));
}

export async function survivalDailyFor(owners: string[], stacks: string[], fromDay: string): Promise<SurvivalDailyRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(survivalDaily)
    .where(and(inArray(survivalDaily.owner, owners), inArray(survivalDaily.stack, stacks), gte(survivalDaily.day, fromDay)))
    .orderBy(asc(survivalDaily.day));
}

/** Every partner's rollups, for alerts: 30-day survival (all stacks) and TTI per stack. */
export async function partnerRollupsForAlerts(): Promise<{
  survival: { partnerId: string; assetsChecked: number; assetsSurvived: number }[];
  tti: { partnerId: string; stack: Stack; installsVerified: number; p50Seconds: number | null }[];
}> {
  const db = await getDb();
  const notPartner = sql`('program', 'self_serve')`;
  const [survival, tti] = await Promise.all([
    db
      .select({ partnerId: survivalWindows.owner, assetsChecked: survivalWindows.assetsChecked, assetsSurvived: survivalWindows.assetsSurvived })
      .from(survivalWindows)
      .where(and(eq(survivalWindows.windowDays, 30), eq(survivalWindows.stack, "all"), sql`${survivalWindows.owner} not in ${notPartner}`)),
    db
      .select({ partnerId: ttiRollups.owner, stack: ttiRollups.stack, installsVerified: ttiRollups.installsVerified, p50Seconds: ttiRollups.p50Seconds })
      .from(ttiRollups)
      .where(and(sql`${ttiRollups.stack} <> 'all'`, sql`${ttiRollups.owner} not in ${notPartner}`)),
  ]);
  return {
    survival: survival.map((s) => ({ ...s, assetsChecked: Number(s.assetsChecked), assetsSurvived: Number(s.assetsSurvived) })),
    tti: tti.map((t) => ({ ...t, stack: t.stack as Stack })),
  };
}

export async function lastRollupAt(): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db.select({ at: sql<Date | null>`max(${ttiRollups.computedAt})`.mapWith(ttiRollups.computedAt) }).from(ttiRollups);
  return row?.at ?? null;
}

export async function partnerNames(ids: string[]): Promise<Map<string, { name: string; slug: string }>> {
  if (!ids.length) return new Map();
  const db = await getDb();
  const rows = await db.select({ id: partners.id, name: partners.name, slug: partners.slug }).from(partners).where(inArray(partners.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, slug: r.slug }]));
}

/** Installs and checks, partner-led and self-serve, for the admin overview. */
export async function programTotals(): Promise<{ installs: number; selfServe: number; verified: number; checks: number }> {
  const db = await getDb();
  const [[i], [c]] = await Promise.all([
    queryRows<{ installs: number; self_serve: number; verified: number }>(
      db,
      sql`select count(*)::int as installs, count(*) filter (where partner_id is null)::int as self_serve, count(verified_at)::int as verified from installs`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from survival_checks`),
  ]);
  return { installs: Number(i?.installs ?? 0), selfServe: Number(i?.self_serve ?? 0), verified: Number(i?.verified ?? 0), checks: Number(c?.n ?? 0) };
}

// --- reports ------------------------------------------------------------------

export async function insertReport(tx: Queryable, values: typeof survivalReports.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(survivalReports).values(values).returning();
  return row!;
}

export async function findReport(db: Queryable, id: string): Promise<ReportRow | null> {
  const [row] = await db.select().from(survivalReports).where(eq(survivalReports.id, id));
  return row ?? null;
}

export async function lockReport(tx: Queryable, id: string): Promise<ReportRow | null> {
  const [row] = await tx.select().from(survivalReports).where(eq(survivalReports.id, id)).for("update");
  return row ?? null;
}

export async function setReportPublished(
  tx: Queryable,
  id: string,
  publishedAt: Date | null,
  stated?: { statedChecks: number; statedAssetsChecked: number; statedAssetsSurvived: number },
): Promise<void> {
  await tx.update(survivalReports).set({ publishedAt, ...stated }).where(eq(survivalReports.id, id));
}

/** Totals of an install's checks in [from, to), as a report states them. */
export async function checkTotals(db: Queryable, installId: string, from: Date, to: Date) {
  const [row] = await db
    .select({
      checks: count(),
      checked: sql<number>`coalesce(sum(${survivalChecks.assetsChecked}), 0)`.mapWith(Number),
      survived: sql<number>`coalesce(sum(${survivalChecks.assetsSurvived}), 0)`.mapWith(Number),
    })
    .from(survivalChecks)
    .where(and(eq(survivalChecks.installId, installId), gte(survivalChecks.checkedAt, from), lt(survivalChecks.checkedAt, to)));
  return { statedChecks: row?.checks ?? 0, statedAssetsChecked: row?.checked ?? 0, statedAssetsSurvived: row?.survived ?? 0 };
}

export async function listReports(args: { partnerId: string; installId?: string; page: number; pageSize: number }) {
  const db = await getDb();
  const where = and(eq(survivalReports.partnerId, args.partnerId), args.installId ? eq(survivalReports.installId, args.installId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ report: survivalReports, customerName: installs.customerName, siteUrl: installs.siteUrl, stack: installs.stack })
      .from(survivalReports)
      .innerJoin(installs, eq(installs.id, survivalReports.installId))
      .where(where)
      .orderBy(desc(survivalReports.createdAt), desc(survivalReports.id))
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db.select({ n: count() }).from(survivalReports).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.report, customerName: r.customerName, siteUrl: r.siteUrl, stack: r.stack })), total: total?.n ?? 0 };
}

// --- evidence exports ---------------------------------------------------------------

export async function insertExport(tx: Queryable, values: typeof evidenceExports.$inferInsert): Promise<ExportRow> {
  const [row] = await tx.insert(evidenceExports).values(values).returning();
  return row!;
}

export async function listExports(partnerId: string, page: number, pageSize: number) {
  const db = await getDb();
  const where = eq(evidenceExports.partnerId, partnerId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ export: evidenceExports, customerName: installs.customerName })
      .from(evidenceExports)
      .leftJoin(installs, eq(installs.id, evidenceExports.installId))
      .where(where)
      .orderBy(desc(evidenceExports.createdAt), desc(evidenceExports.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(evidenceExports).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.export, customerName: r.customerName })), total: total?.n ?? 0 };
}

/** How many Evidence Packs a partner exported (read by the Auditor track and the Compliance Pro badge). */
export async function countExports(partnerId: string, since?: Date): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(evidenceExports)
    .where(and(eq(evidenceExports.partnerId, partnerId), since ? gte(evidenceExports.createdAt, since) : undefined));
  return row?.n ?? 0;
}

export async function installsOfPartner(db: Queryable, partnerId: string, startedBefore: Date): Promise<InstallRow[]> {
  return db.select().from(installs).where(and(eq(installs.partnerId, partnerId), lte(installs.startedAt, startedBefore))).orderBy(asc(installs.startedAt));
}

/** The newest installs across the program (admin), with their partner's name. */
export async function recentInstalls(args: { selfServe?: boolean; page: number; pageSize: number }) {
  const db = await getDb();
  const where = args.selfServe === undefined ? undefined : args.selfServe ? isNull(installs.partnerId) : isNotNull(installs.partnerId);
  const [rows, [total]] = await Promise.all([
    db
      .select({ install: installs, partnerName: partners.name })
      .from(installs)
      .leftJoin(partners, eq(partners.id, installs.partnerId))
      .where(where)
      .orderBy(desc(installs.startedAt), desc(installs.id))
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db.select({ n: count() }).from(installs).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.install, partnerName: r.partnerName })), total: total?.n ?? 0 };
}

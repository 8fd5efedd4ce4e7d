import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Queryable } from "@/db/client";
import { dealConflicts, deals, memberships, partners, users } from "@/db/schema";
import type { DealStage } from "./rules";

export type DealRow = typeof deals.$inferSelect;
export type DealConflictRow = typeof dealConflicts.$inferSelect;

export async function dealsForDomain(tx: Queryable, domain: string, lock = false): Promise<DealRow[]> {
  const q = tx.select().from(deals).where(eq(deals.domain, domain)).orderBy(asc(deals.registeredAt));
  return lock ? q.for("update") : q;
}

export async function insertDeal(tx: Queryable, values: typeof deals.$inferInsert): Promise<DealRow> {
  const [row] = await tx.insert(deals).values(values).returning();
  return row!;
}

export async function updateDeal(tx: Queryable, id: string, patch: Partial<typeof deals.$inferInsert>): Promise<DealRow> {
  const [row] = await tx.update(deals).set(patch).where(eq(deals.id, id)).returning();
  return row!;
}

export async function lockDeal(tx: Queryable, id: string): Promise<DealRow | null> {
  const [row] = await tx.select().from(deals).where(eq(deals.id, id)).for("update");
  return row ?? null;
}

export async function findDeal(db: Queryable, id: string): Promise<DealRow | null> {
  const [row] = await db.select().from(deals).where(eq(deals.id, id));
  return row ?? null;
}

export async function insertConflict(tx: Queryable, values: typeof dealConflicts.$inferInsert): Promise<DealConflictRow> {
  const [row] = await tx.insert(dealConflicts).values(values).returning();
  return row!;
}

export async function lockConflict(tx: Queryable, id: string): Promise<DealConflictRow | null> {
  const [row] = await tx.select().from(dealConflicts).where(eq(dealConflicts.id, id)).for("update");
  return row ?? null;
}

export async function updateConflict(tx: Queryable, id: string, patch: Partial<typeof dealConflicts.$inferInsert>): Promise<DealConflictRow> {
  const [row] = await tx.update(dealConflicts).set(patch).where(eq(dealConflicts.id, id)).returning();
  return row!;
}

export async function conflictsOfDeal(db: Queryable, dealId: string): Promise<DealConflictRow[]> {
  return db
    .select()
    .from(dealConflicts)
    .where(sql`${dealConflicts.firstDealId} = ${dealId} or ${dealConflicts.secondDealId} = ${dealId}`)
    .orderBy(desc(dealConflicts.createdAt));
}

/** Open deals of a partner that are still in an open conflict (other than `exceptConflictId`). */
export async function openConflictCount(tx: Queryable, dealId: string, exceptConflictId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(dealConflicts)
    .where(and(eq(dealConflicts.status, "open"), sql`${dealConflicts.id} <> ${exceptConflictId}`, sql`(${dealConflicts.firstDealId} = ${dealId} or ${dealConflicts.secondDealId} = ${dealId})`));
  return row?.n ?? 0;
}

export interface DealListQuery {
  partnerId?: string;
  stage?: DealStage;
  inConflict?: boolean;
  q?: string;
  limit: number;
  offset?: number;
  cursor?: { at: string; id: string } | null;
}

export async function listDeals(q: DealListQuery): Promise<(DealRow & { partnerName: string })[]> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(deals.partnerId, q.partnerId));
  if (q.stage) where.push(eq(deals.stage, q.stage));
  if (q.inConflict) where.push(eq(deals.inConflict, "open"));
  if (q.q) where.push(sql`(${deals.company} ilike ${"%" + q.q.replace(/[%_\\]/g, "\\$&") + "%"} or ${deals.domain} ilike ${"%" + q.q.replace(/[%_\\]/g, "\\$&") + "%"})`);
  if (q.cursor) where.push(sql`(${deals.registeredAt}, ${deals.id}) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  const rows = await db
    .select({ d: deals, partnerName: partners.name })
    .from(deals)
    .innerJoin(partners, eq(partners.id, deals.partnerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(deals.registeredAt), desc(deals.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({ ...r.d, partnerName: r.partnerName }));
}

export async function countDeals(q: Omit<DealListQuery, "limit" | "offset" | "cursor">): Promise<number> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(deals.partnerId, q.partnerId));
  if (q.stage) where.push(eq(deals.stage, q.stage));
  if (q.inConflict) where.push(eq(deals.inConflict, "open"));
  if (q.q) where.push(sql`(${deals.company} ilike ${"%" + q.q.replace(/[%_\\]/g, "\\$&") + "%"} or ${deals.domain} ilike ${"%" + q.q.replace(/[%_\\]/g, "\\$&") + "%"})`);
  const [row] = await db.select({ n: count() }).from(deals).where(where.length ? and(...where) : undefined);
  return row?.n ?? 0;
}

export async function stageCounts(partnerId?: string): Promise<Record<DealStage, number>> {
  const db = await getDb();
  const rows = await db
    .select({ stage: deals.stage, n: count() })
    .from(deals)
    .where(partnerId ? eq(deals.partnerId, partnerId) : undefined)
    .groupBy(deals.stage);
  const out: Record<DealStage, number> = { registered: 0, accepted: 0, won: 0, lost: 0, expired: 0 };
  for (const r of rows) out[r.stage] = r.n;
  return out;
}

const first = alias(deals, "first_deal");
const second = alias(deals, "second_deal");
const firstPartner = alias(partners, "first_partner");
const secondPartner = alias(partners, "second_partner");

export interface ConflictView {
  conflict: DealConflictRow;
  first: DealRow & { partnerName: string };
  second: DealRow & { partnerName: string };
}

export async function listConflicts(opts: { status: "open" | "resolved"; limit: number; offset?: number; ids?: string[] }): Promise<ConflictView[]> {
  const db = await getDb();
  const where: SQL[] = [eq(dealConflicts.status, opts.status)];
  if (opts.ids) where.push(inArray(dealConflicts.id, opts.ids));
  const rows = await db
    .select({ conflict: dealConflicts, first, second, firstName: firstPartner.name, secondName: secondPartner.name })
    .from(dealConflicts)
    .innerJoin(first, eq(first.id, dealConflicts.firstDealId))
    .innerJoin(second, eq(second.id, dealConflicts.secondDealId))
    .innerJoin(firstPartner, eq(firstPartner.id, first.partnerId))
    .innerJoin(secondPartner, eq(secondPartner.id, second.partnerId))
    .where(and(...where))
    .orderBy(opts.status === "open" ? asc(dealConflicts.createdAt) : desc(dealConflicts.resolvedAt))
    .limit(opts.limit)
    .offset(opts.offset ?? 0);
  return rows.map((r) => ({ conflict: r.conflict, first: { ...r.first, partnerName: r.firstName }, second: { ...r.second, partnerName: r.secondName } }));
}

export async function countOpenConflicts(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(dealConflicts).where(eq(dealConflicts.status, "open"));
  return row?.n ?? 0;
}

/** Open deals whose protection ended, or that are due a reminder: locked for the job. */
export async function claimDueDeals(tx: Queryable, now: Date, reminderHorizon: Date, limit: number): Promise<DealRow[]> {
  return tx
    .select()
    .from(deals)
    .where(
      and(
        inArray(deals.stage, ["registered", "accepted"]),
        or(lte(deals.protectedUntil, now), and(lte(deals.protectedUntil, reminderHorizon), isNull(deals.reminderSentAt))),
      ),
    )
    .orderBy(asc(deals.protectedUntil))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Where to tell a partner about its deals: its contact email and its owners. */
export async function partnerRecipients(db: Queryable, partnerId: string): Promise<{ name: string; emails: string[] }> {
  const [p] = await db.select({ name: partners.name, contactEmail: partners.contactEmail }).from(partners).where(eq(partners.id, partnerId));
  const owners = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.partnerId, partnerId), eq(memberships.role, "owner")));
  const emails = [...new Set([...(p?.contactEmail ? [p.contactEmail] : []), ...owners.map((o) => o.email)].map((e) => e.toLowerCase()))];
  return { name: p?.name ?? partnerId, emails };
}

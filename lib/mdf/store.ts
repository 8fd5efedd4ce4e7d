import "server-only";
import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { mdfBudgets, mdfRequests, partners, uploads } from "@/db/schema";
import type { MdfStatus } from "./rules";

export type MdfRequestRow = typeof mdfRequests.$inferSelect;

export async function findPartnerStanding(db: Queryable, partnerId: string) {
  const [row] = await db
    .select({ id: partners.id, name: partners.name, tier: partners.tier, status: partners.status })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row ?? null;
}

/**
 * Locks the partner's budget row for the year (creating it first), so every
 * transaction that commits funds of that budget runs one after the other.
 */
export async function lockBudget(tx: Queryable, partnerId: string, year: number, now: Date): Promise<void> {
  await tx.insert(mdfBudgets).values({ partnerId, year, createdAt: now }).onConflictDoNothing();
  await tx.select().from(mdfBudgets).where(and(eq(mdfBudgets.partnerId, partnerId), eq(mdfBudgets.year, year))).for("update");
}

export async function requestsOfYear(db: Queryable, partnerId: string, year: number): Promise<MdfRequestRow[]> {
  return db.select().from(mdfRequests).where(and(eq(mdfRequests.partnerId, partnerId), eq(mdfRequests.budgetYear, year)));
}

export async function insertRequest(tx: Queryable, values: typeof mdfRequests.$inferInsert): Promise<MdfRequestRow> {
  const [row] = await tx.insert(mdfRequests).values(values).returning();
  return row!;
}

export async function updateRequest(tx: Queryable, id: string, patch: Partial<typeof mdfRequests.$inferInsert>): Promise<MdfRequestRow> {
  const [row] = await tx.update(mdfRequests).set(patch).where(eq(mdfRequests.id, id)).returning();
  return row!;
}

export async function findRequest(db: Queryable, id: string): Promise<MdfRequestRow | null> {
  const [row] = await db.select().from(mdfRequests).where(eq(mdfRequests.id, id));
  return row ?? null;
}

export async function lockRequest(tx: Queryable, id: string): Promise<MdfRequestRow | null> {
  const [row] = await tx.select().from(mdfRequests).where(eq(mdfRequests.id, id)).for("update");
  return row ?? null;
}

export interface MdfListQuery {
  partnerId?: string;
  statuses?: readonly MdfStatus[];
  limit: number;
  offset?: number;
  cursor?: { at: string; id: string } | null;
}

function whereOf(q: Omit<MdfListQuery, "limit" | "offset">): SQL | undefined {
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(mdfRequests.partnerId, q.partnerId));
  if (q.statuses?.length) where.push(inArray(mdfRequests.status, [...q.statuses]));
  if (q.cursor) where.push(sql`(${mdfRequests.createdAt}, ${mdfRequests.id}) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return where.length ? and(...where) : undefined;
}

export async function listRequests(q: MdfListQuery): Promise<(MdfRequestRow & { partnerName: string })[]> {
  const db = await getDb();
  const rows = await db
    .select({ r: mdfRequests, partnerName: partners.name })
    .from(mdfRequests)
    .innerJoin(partners, eq(partners.id, mdfRequests.partnerId))
    .where(whereOf(q))
    .orderBy(desc(mdfRequests.createdAt), desc(mdfRequests.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({ ...r.r, partnerName: r.partnerName }));
}

export async function countRequests(q: Omit<MdfListQuery, "limit" | "offset" | "cursor">): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(mdfRequests).where(whereOf(q));
  return row?.n ?? 0;
}

export async function uploadsByIds(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: uploads.id, filename: uploads.filename, sizeBytes: uploads.sizeBytes, contentType: uploads.contentType })
    .from(uploads)
    .where(inArray(uploads.id, [...ids]));
}

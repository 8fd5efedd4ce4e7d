import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { listingReviews, partners, users } from "@/db/schema";

export type ListingReviewRow = typeof listingReviews.$inferSelect;

export async function insertReview(tx: Queryable, values: typeof listingReviews.$inferInsert): Promise<ListingReviewRow> {
  const [row] = await tx.insert(listingReviews).values(values).returning();
  return row!;
}

/** Earlier pending proposals of this partner give way to the newest one. */
export async function supersedePending(tx: Queryable, partnerId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(listingReviews)
    .set({ state: "superseded", decidedAt: now })
    .where(and(eq(listingReviews.partnerId, partnerId), eq(listingReviews.state, "pending")))
    .returning({ id: listingReviews.id });
  return rows.length;
}

export async function findPending(tx: Queryable, partnerId: string): Promise<ListingReviewRow | null> {
  const [row] = await tx
    .select()
    .from(listingReviews)
    .where(and(eq(listingReviews.partnerId, partnerId), eq(listingReviews.state, "pending")))
    .orderBy(desc(listingReviews.submittedAt))
    .limit(1);
  return row ?? null;
}

export async function lockReview(tx: Queryable, id: string): Promise<ListingReviewRow | null> {
  const [row] = await tx.select().from(listingReviews).where(eq(listingReviews.id, id)).for("update");
  return row ?? null;
}

export async function decideReviewRow(
  tx: Queryable,
  id: string,
  values: { state: "approved" | "rejected"; decidedByUserId: string; decidedAt: Date; reason: string | null },
): Promise<void> {
  await tx.update(listingReviews).set(values).where(eq(listingReviews.id, id));
}

export async function pendingReviewOf(partnerId: string): Promise<ListingReviewRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(listingReviews)
    .where(and(eq(listingReviews.partnerId, partnerId), eq(listingReviews.state, "pending")))
    .orderBy(desc(listingReviews.submittedAt))
    .limit(1);
  return row ?? null;
}

export async function latestDecidedReviewOf(partnerId: string): Promise<ListingReviewRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(listingReviews)
    .where(and(eq(listingReviews.partnerId, partnerId), sql`${listingReviews.state} in ('approved', 'rejected')`))
    .orderBy(desc(listingReviews.decidedAt))
    .limit(1);
  return row ?? null;
}

export interface ReviewListItem extends ListingReviewRow {
  partnerName: string;
  partnerSlug: string;
  decidedByEmail: string | null;
}

export async function listReviews(state: ListingReviewRow["state"], page: number, pageSize: number): Promise<{ rows: ReviewListItem[]; total: number }> {
  const db = await getDb();
  const where = eq(listingReviews.state, state);
  const [rows, [total]] = await Promise.all([
    db
      .select({ review: listingReviews, partnerName: partners.name, partnerSlug: partners.slug, decidedByEmail: users.email })
      .from(listingReviews)
      .innerJoin(partners, eq(partners.id, listingReviews.partnerId))
      .leftJoin(users, eq(users.id, listingReviews.decidedByUserId))
      .where(where)
      .orderBy(state === "pending" ? listingReviews.submittedAt : desc(listingReviews.decidedAt), listingReviews.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(listingReviews).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.review, partnerName: r.partnerName, partnerSlug: r.partnerSlug, decidedByEmail: r.decidedByEmail })), total: total?.n ?? 0 };
}

export async function countPendingReviews(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(listingReviews).where(eq(listingReviews.state, "pending"));
  return row?.n ?? 0;
}

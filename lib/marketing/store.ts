import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import {
  marketingComments,
  marketingReferenceCounters,
  marketingSubmissions,
  onePagers,
  partnerBadges,
  partnerProofs,
  partners,
  uploads,
  webinarRegistrations,
  webinars,
  type MarketingStatus,
} from "@/db/schema";

export type OnePagerRow = typeof onePagers.$inferSelect;
export type WebinarRow = typeof webinars.$inferSelect;
export type RegistrationRow = typeof webinarRegistrations.$inferSelect;
export type SubmissionRow = typeof marketingSubmissions.$inferSelect;
export type CommentRow = typeof marketingComments.$inferSelect;
export type ProofRow = typeof partnerProofs.$inferSelect;

export async function findPartnerForMarketing(db: Queryable, partnerId: string) {
  const [row] = await db.select().from(partners).where(eq(partners.id, partnerId));
  return row ?? null;
}

export async function badgesOfPartner(db: Queryable, partnerId: string) {
  return db.select().from(partnerBadges).where(eq(partnerBadges.partnerId, partnerId)).orderBy(asc(partnerBadges.issuedAt));
}

export async function findUploadRow(db: Queryable, id: string) {
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  return row ?? null;
}

// One-pagers ------------------------------------------------------------------

export async function insertOnePager(tx: Queryable, values: typeof onePagers.$inferInsert): Promise<OnePagerRow> {
  const [row] = await tx.insert(onePagers).values(values).returning();
  return row!;
}

export async function findOnePager(db: Queryable, id: string): Promise<OnePagerRow | null> {
  const [row] = await db.select().from(onePagers).where(eq(onePagers.id, id));
  return row ?? null;
}

export async function listOnePagers(partnerId: string, limit: number, offset: number) {
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db.select().from(onePagers).where(eq(onePagers.partnerId, partnerId)).orderBy(desc(onePagers.createdAt), desc(onePagers.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(onePagers).where(eq(onePagers.partnerId, partnerId)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// Webinars --------------------------------------------------------------------

export async function insertWebinar(tx: Queryable, values: typeof webinars.$inferInsert): Promise<WebinarRow> {
  const [row] = await tx.insert(webinars).values(values).returning();
  return row!;
}

export async function slugTaken(db: Queryable, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: webinars.id }).from(webinars).where(eq(webinars.slug, slug));
  return Boolean(row);
}

export async function findWebinarBySlug(db: Queryable, slug: string) {
  const [row] = await db
    .select({ w: webinars, partnerName: partners.name, partnerSlug: partners.slug, partnerStatus: partners.status, partnerTier: partners.tier })
    .from(webinars)
    .innerJoin(partners, eq(partners.id, webinars.partnerId))
    .where(eq(webinars.slug, slug));
  return row ? { ...row.w, partnerName: row.partnerName, partnerSlug: row.partnerSlug, partnerStatus: row.partnerStatus, partnerTier: row.partnerTier } : null;
}

export async function listWebinarsWithCounts(partnerId: string, limit: number, offset: number) {
  const db = await getDb();
  const rows = await db
    .select({
      w: webinars,
      // Table-qualified on purpose: a bare column reference would bind to the subquery's own table.
      registrations: sql<number>`(select count(*)::int from webinar_registrations r where r.webinar_id = "webinars"."id")`,
      qualified: sql<number>`(select count(*)::int from webinar_registrations r where r.webinar_id = "webinars"."id" and r.qualified)`,
    })
    .from(webinars)
    .where(eq(webinars.partnerId, partnerId))
    .orderBy(desc(webinars.startsAt), desc(webinars.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(webinars).where(eq(webinars.partnerId, partnerId));
  return { rows: rows.map((r) => ({ ...r.w, registrations: Number(r.registrations), qualified: Number(r.qualified) })), total: total?.n ?? 0 };
}

export async function insertRegistration(tx: Queryable, values: typeof webinarRegistrations.$inferInsert): Promise<RegistrationRow | null> {
  const [row] = await tx.insert(webinarRegistrations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setRegistrationConversion(tx: Queryable, id: string, conversionId: string) {
  await tx.update(webinarRegistrations).set({ conversionId }).where(eq(webinarRegistrations.id, id));
}

export async function recentRegistrations(partnerId: string, limit: number) {
  const db = await getDb();
  return db
    .select({ r: webinarRegistrations, webinarTitle: webinars.title })
    .from(webinarRegistrations)
    .innerJoin(webinars, eq(webinars.id, webinarRegistrations.webinarId))
    .where(eq(webinarRegistrations.partnerId, partnerId))
    .orderBy(desc(webinarRegistrations.createdAt))
    .limit(limit);
}

/** Qualified registrations per partner with created_at in [since, until). */
export async function qualifiedCounts(db: Queryable, since: Date, until: Date) {
  return db
    .select({ partnerId: webinarRegistrations.partnerId, qualified: count() })
    .from(webinarRegistrations)
    .where(and(eq(webinarRegistrations.qualified, true), gte(webinarRegistrations.createdAt, since), lt(webinarRegistrations.createdAt, until)))
    .groupBy(webinarRegistrations.partnerId);
}

// Brand-use submissions -------------------------------------------------------

export async function insertSubmission(tx: Queryable, values: typeof marketingSubmissions.$inferInsert): Promise<SubmissionRow> {
  const [row] = await tx.insert(marketingSubmissions).values(values).returning();
  return row!;
}

export async function updateSubmission(tx: Queryable, id: string, patch: Partial<typeof marketingSubmissions.$inferInsert>): Promise<SubmissionRow> {
  const [row] = await tx.update(marketingSubmissions).set(patch).where(eq(marketingSubmissions.id, id)).returning();
  return row!;
}

export async function lockSubmission(tx: Queryable, id: string): Promise<SubmissionRow | null> {
  const [row] = await tx.select().from(marketingSubmissions).where(eq(marketingSubmissions.id, id)).for("update");
  return row ?? null;
}

export async function findSubmission(db: Queryable, id: string) {
  const [row] = await db
    .select({ s: marketingSubmissions, partnerName: partners.name, filename: uploads.filename, contentType: uploads.contentType })
    .from(marketingSubmissions)
    .innerJoin(partners, eq(partners.id, marketingSubmissions.partnerId))
    .leftJoin(uploads, eq(uploads.id, marketingSubmissions.uploadId))
    .where(eq(marketingSubmissions.id, id));
  return row ? { ...row.s, partnerName: row.partnerName, filename: row.filename, contentType: row.contentType } : null;
}

export async function insertComment(tx: Queryable, values: typeof marketingComments.$inferInsert): Promise<CommentRow> {
  const [row] = await tx.insert(marketingComments).values(values).returning();
  return row!;
}

export async function commentsOf(db: Queryable, submissionId: string): Promise<CommentRow[]> {
  return db.select().from(marketingComments).where(eq(marketingComments.submissionId, submissionId)).orderBy(asc(marketingComments.createdAt), asc(marketingComments.id));
}

/** The next reference number of the year, taken under the counter row's lock. */
export async function nextReferenceNumber(tx: Queryable, year: number): Promise<number> {
  const [row] = await tx
    .insert(marketingReferenceCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: marketingReferenceCounters.year, set: { last: sql`${marketingReferenceCounters.last} + 1` } })
    .returning({ last: marketingReferenceCounters.last });
  return row!.last;
}

export interface SubmissionQuery {
  partnerId?: string;
  statuses?: readonly MarketingStatus[];
  limit: number;
  offset: number;
}

export async function listSubmissions(q: SubmissionQuery) {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(marketingSubmissions.partnerId, q.partnerId));
  if (q.statuses?.length) where.push(inArray(marketingSubmissions.status, [...q.statuses]));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        s: marketingSubmissions,
        partnerName: partners.name,
        comments: sql<number>`(select count(*)::int from marketing_comments c where c.submission_id = "marketing_submissions"."id")`,
      })
      .from(marketingSubmissions)
      .innerJoin(partners, eq(partners.id, marketingSubmissions.partnerId))
      .where(cond)
      .orderBy(desc(marketingSubmissions.updatedAt), desc(marketingSubmissions.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(marketingSubmissions).where(cond),
  ]);
  return { rows: rows.map((r) => ({ ...r.s, partnerName: r.partnerName, comments: Number(r.comments) })), total: total?.n ?? 0 };
}

export async function submissionCounts(partnerId?: string): Promise<Record<MarketingStatus, number>> {
  const db = await getDb();
  const rows = await db
    .select({ status: marketingSubmissions.status, n: count() })
    .from(marketingSubmissions)
    .where(partnerId ? eq(marketingSubmissions.partnerId, partnerId) : undefined)
    .groupBy(marketingSubmissions.status);
  const out: Record<MarketingStatus, number> = { pending: 0, changes_requested: 0, approved: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

// Proofs ----------------------------------------------------------------------

export async function insertProof(tx: Queryable, values: typeof partnerProofs.$inferInsert): Promise<ProofRow> {
  const [row] = await tx.insert(partnerProofs).values(values).returning();
  return row!;
}

export async function findProof(db: Queryable, id: string): Promise<ProofRow | null> {
  const [row] = await db.select().from(partnerProofs).where(eq(partnerProofs.id, id));
  return row ?? null;
}

export async function deleteProof(tx: Queryable, id: string) {
  await tx.delete(partnerProofs).where(eq(partnerProofs.id, id));
}

export async function listProofs(partnerId: string, limit: number, offset: number) {
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({ p: partnerProofs, filename: uploads.filename, sizeBytes: uploads.sizeBytes })
      .from(partnerProofs)
      .leftJoin(uploads, eq(uploads.id, partnerProofs.uploadId))
      .where(eq(partnerProofs.partnerId, partnerId))
      .orderBy(desc(partnerProofs.createdAt), desc(partnerProofs.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(partnerProofs).where(eq(partnerProofs.partnerId, partnerId)),
  ]);
  return { rows: rows.map((r) => ({ ...r.p, filename: r.filename, sizeBytes: r.sizeBytes })), total: total?.n ?? 0 };
}

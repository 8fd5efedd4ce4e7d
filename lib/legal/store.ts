import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { textArray, type Queryable } from "@/db/client";
import { legalPublications, legalSignatures, memberships, partners, users } from "@/db/schema";
import { likePattern } from "@/lib/partners/store";
import type { LegalDocument } from "./constants";

// The legal area's reads and writes. Both tables are append-only: there is
// no update or delete here, and the database would refuse one.

export type PublicationRow = typeof legalPublications.$inferSelect;
export type SignatureRow = typeof legalSignatures.$inferSelect;

export async function listPublications(db: Queryable, document?: LegalDocument): Promise<PublicationRow[]> {
  return db
    .select()
    .from(legalPublications)
    .where(document ? eq(legalPublications.document, document) : undefined)
    .orderBy(legalPublications.document, desc(legalPublications.publishedAt), desc(legalPublications.version));
}

export async function findPublication(db: Queryable, document: LegalDocument, version: string): Promise<PublicationRow | null> {
  const [row] = await db
    .select()
    .from(legalPublications)
    .where(and(eq(legalPublications.document, document), eq(legalPublications.version, version)));
  return row ?? null;
}

/** The version in force at `now` for each document: the latest published at or before it. */
export async function currentPublications(db: Queryable, now: Date, documents?: readonly LegalDocument[]): Promise<Map<LegalDocument, PublicationRow>> {
  const rows = await db
    .selectDistinctOn([legalPublications.document])
    .from(legalPublications)
    .where(and(lte(legalPublications.publishedAt, now), documents ? inArray(legalPublications.document, [...documents]) : undefined))
    .orderBy(legalPublications.document, desc(legalPublications.publishedAt), desc(legalPublications.id));
  return new Map(rows.map((r) => [r.document, r]));
}

export async function insertPublication(db: Queryable, row: typeof legalPublications.$inferInsert): Promise<PublicationRow> {
  const [inserted] = await db.insert(legalPublications).values(row).returning();
  return inserted!;
}

export async function insertSignatures(db: Queryable, rows: (typeof legalSignatures.$inferInsert)[]): Promise<SignatureRow[]> {
  return rows.length ? db.insert(legalSignatures).values(rows).returning() : [];
}

/** The (document, version) pairs a partner has signed. */
export async function signedVersions(db: Queryable, partnerId: string): Promise<{ document: LegalDocument; version: string }[]> {
  return db
    .selectDistinct({ document: legalSignatures.document, version: legalSignatures.version })
    .from(legalSignatures)
    .where(eq(legalSignatures.partnerId, partnerId));
}

/** The (document, version) pairs each of these partners has signed (one query). */
export async function signedVersionsOf(db: Queryable, partnerIds: readonly string[]): Promise<Map<string, { document: LegalDocument; version: string }[]>> {
  const byPartner = new Map<string, { document: LegalDocument; version: string }[]>();
  if (!partnerIds.length) return byPartner;
  const rows = await db
    .selectDistinct({ partnerId: legalSignatures.partnerId, document: legalSignatures.document, version: legalSignatures.version })
    .from(legalSignatures)
    .where(sql`${legalSignatures.partnerId} = any(${textArray(partnerIds)})`);
  for (const { partnerId, ...ref } of rows) {
    const refs = byPartner.get(partnerId);
    if (refs) refs.push(ref);
    else byPartner.set(partnerId, [ref]);
  }
  return byPartner;
}

export async function partnerSignatures(db: Queryable, partnerId: string): Promise<SignatureRow[]> {
  return db.select().from(legalSignatures).where(eq(legalSignatures.partnerId, partnerId)).orderBy(desc(legalSignatures.signedAt), legalSignatures.document);
}

export async function receiptSignatures(db: Queryable, receiptId: string): Promise<SignatureRow[]> {
  return db.select().from(legalSignatures).where(eq(legalSignatures.receiptId, receiptId)).orderBy(legalSignatures.document);
}

/** Owners of partners that are not suspended, for notices about new versions. */
export async function ownerContacts(db: Queryable): Promise<{ partnerId: string; partnerName: string; email: string }[]> {
  return db
    .select({ partnerId: memberships.partnerId, partnerName: partners.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(partners, eq(partners.id, memberships.partnerId))
    .where(and(eq(memberships.role, "owner"), sql`${partners.status} <> 'suspended'`))
    .orderBy(partners.name, users.email);
}

export interface SignatureListQuery {
  document?: LegalDocument;
  version?: string;
  q?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export interface SignatureListRow extends SignatureRow {
  partnerName: string;
  partnerSlug: string;
}

export async function listSignatures(db: Queryable, q: SignatureListQuery): Promise<{ rows: SignatureListRow[]; total: number }> {
  const where: SQL[] = [];
  if (q.document) where.push(eq(legalSignatures.document, q.document));
  if (q.version) where.push(eq(legalSignatures.version, q.version));
  if (q.from) where.push(gte(legalSignatures.signedAt, q.from));
  if (q.to) where.push(lte(legalSignatures.signedAt, q.to));
  if (q.q) {
    const like = likePattern(q.q);
    where.push(or(ilike(partners.name, like), ilike(legalSignatures.signerEmail, like), ilike(legalSignatures.signerName, like))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ s: legalSignatures, partnerName: partners.name, partnerSlug: partners.slug })
      .from(legalSignatures)
      .innerJoin(partners, eq(partners.id, legalSignatures.partnerId))
      .where(cond)
      .orderBy(desc(legalSignatures.signedAt), legalSignatures.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(legalSignatures).innerJoin(partners, eq(partners.id, legalSignatures.partnerId)).where(cond),
  ]);
  return { rows: rows.map((r) => ({ ...r.s, partnerName: r.partnerName, partnerSlug: r.partnerSlug })), total: total?.n ?? 0 };
}

/** For each document version: how many partners signed it. */
export async function signatureCounts(db: Queryable): Promise<Map<string, number>> {
  const rows = await db
    .select({ document: legalSignatures.document, version: legalSignatures.version, n: sql<number>`count(distinct ${legalSignatures.partnerId})::int` })
    .from(legalSignatures)
    .groupBy(legalSignatures.document, legalSignatures.version);
  return new Map(rows.map((r) => [`${r.document}@${r.version}`, Number(r.n)]));
}

/** Partners (not suspended) that have not signed the given versions. */
export async function partnersMissing(db: Queryable, required: { document: LegalDocument; version: string }[]): Promise<{ id: string; name: string; slug: string; missing: LegalDocument[] }[]> {
  if (required.length === 0) return [];
  const all = await db.select({ id: partners.id, name: partners.name, slug: partners.slug }).from(partners).where(sql`${partners.status} <> 'suspended'`).orderBy(partners.name);
  const signed = await db
    .selectDistinct({ partnerId: legalSignatures.partnerId, document: legalSignatures.document, version: legalSignatures.version })
    .from(legalSignatures)
    .where(or(...required.map((r) => and(eq(legalSignatures.document, r.document), eq(legalSignatures.version, r.version))))!);
  const have = new Set(signed.map((s) => `${s.partnerId}|${s.document}@${s.version}`));
  return all
    .map((p) => ({ ...p, missing: required.filter((r) => !have.has(`${p.id}|${r.document}@${r.version}`)).map((r) => r.document) }))
    .filter((p) => p.missing.length > 0);
}

import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { memberships, partners, users } from "@/db/schema";
import type { MemberRole, PartnerStatus, Tier, Track } from "./constants";
import type { ListingInput } from "./schemas";

export type PartnerRow = typeof partners.$inferSelect;

export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, "\\$&")}%`;
}

export async function findPartner(db: Queryable, id: string): Promise<PartnerRow | null> {
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  return row ?? null;
}

export async function getPartner(id: string): Promise<PartnerRow | null> {
  return findPartner(await getDb(), id);
}

export async function getPartnerBySlug(slug: string): Promise<PartnerRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(partners).where(eq(partners.slug, slug));
  return row ?? null;
}

export async function getPartnersByIds(ids: string[]): Promise<PartnerRow[]> {
  if (!ids.length) return [];
  const db = await getDb();
  return db.select().from(partners).where(inArray(partners.id, ids)).orderBy(asc(partners.name));
}

/** Locks the row for the rest of the transaction (concurrent edits queue up). */
export async function lockPartner(tx: Queryable, id: string): Promise<PartnerRow | null> {
  const [row] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
  return row ?? null;
}

export async function writeListing(
  tx: Queryable,
  id: string,
  patch: Partial<ListingInput> & { logoUrl?: string | null },
  now: Date,
): Promise<PartnerRow> {
  const [row] = await tx
    .update(partners)
    .set({ ...patch, updatedAt: now })
    .where(eq(partners.id, id))
    .returning();
  return row!;
}

export interface AdminPartnerQuery {
  q?: string;
  track?: Track;
  tier?: Tier;
  status?: PartnerStatus;
  page: number;
  pageSize: number;
}

export async function listPartnersForAdmin(
  q: AdminPartnerQuery,
): Promise<{ rows: (PartnerRow & { memberCount: number })[]; total: number }> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.track) where.push(eq(partners.track, q.track));
  if (q.tier) where.push(eq(partners.tier, q.tier));
  if (q.status) where.push(eq(partners.status, q.status));
  if (q.q) where.push(or(ilike(partners.name, likePattern(q.q)), ilike(partners.slug, likePattern(q.q)), eq(partners.id, q.q))!);
  const filter = where.length ? and(...where) : undefined;
  const memberCount = db
    .select({ partnerId: memberships.partnerId, n: count().as("n") })
    .from(memberships)
    .groupBy(memberships.partnerId)
    .as("mc");
  const [rows, [total]] = await Promise.all([
    db
      .select({ partner: partners, memberCount: sql<number>`coalesce(${memberCount.n}, 0)::int` })
      .from(partners)
      .leftJoin(memberCount, eq(memberCount.partnerId, partners.id))
      .where(filter)
      .orderBy(desc(partners.joinedAt), asc(partners.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(partners).where(filter),
  ]);
  return { rows: rows.map((r) => ({ ...r.partner, memberCount: r.memberCount })), total: total?.n ?? 0 };
}

export interface ProgramCounts {
  partners: number;
  mix: { track: Track; tier: Tier; n: number }[];
  byTrack: Record<string, number>;
  byTier: Record<string, number>;
  byStatus: Record<string, number>;
  users: number;
}

export async function programCounts(): Promise<ProgramCounts> {
  const db = await getDb();
  const [rows, [userCount]] = await Promise.all([
    db
      .select({ track: partners.track, tier: partners.tier, status: partners.status, n: count() })
      .from(partners)
      .groupBy(partners.track, partners.tier, partners.status),
    db.select({ n: count() }).from(users),
  ]);
  const out: ProgramCounts = { partners: 0, mix: [], byTrack: {}, byTier: {}, byStatus: {}, users: userCount?.n ?? 0 };
  for (const r of rows) {
    const same = out.mix.find((m) => m.track === r.track && m.tier === r.tier);
    if (same) same.n += r.n;
    else out.mix.push({ track: r.track, tier: r.tier, n: r.n });
    out.partners += r.n;
    out.byTrack[r.track] = (out.byTrack[r.track] ?? 0) + r.n;
    out.byTier[r.tier] = (out.byTier[r.tier] ?? 0) + r.n;
    out.byStatus[r.status] = (out.byStatus[r.status] ?? 0) + r.n;
  }
  return out;
}

export interface MemberRow {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: MemberRole;
  joinedAt: Date;
  lastSignInAt: Date | null;
}

export async function listMembers(db: Queryable, partnerId: string): Promise<MemberRow[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.partnerId, partnerId))
    .orderBy(sql`case ${memberships.role} when 'owner' then 0 else 1 end`, asc(users.email));
}

// --- team -------------------------------------------------------------------

export type MembershipRow = typeof memberships.$inferSelect;

export async function countOwners(tx: Queryable, partnerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.partnerId, partnerId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

export async function findOrCreateUser(
  tx: Queryable,
  email: string,
  name: string | null,
  now: Date,
): Promise<typeof users.$inferSelect> {
  const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (existing) return existing;
  const [created] = await tx.insert(users).values({ email: email.toLowerCase(), name, createdAt: now }).returning();
  return created!;
}

export async function findMembershipOfUser(tx: Queryable, partnerId: string, userId: string): Promise<MembershipRow | null> {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.partnerId, partnerId), eq(memberships.userId, userId)));
  return m ?? null;
}

/** Locks the membership row; null when it is not a membership of this partner. */
export async function lockMembership(tx: Queryable, partnerId: string, membershipId: string): Promise<MembershipRow | null> {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.partnerId, partnerId)))
    .for("update");
  return m ?? null;
}

export async function insertMembership(tx: Queryable, values: typeof memberships.$inferInsert): Promise<MembershipRow> {
  const [m] = await tx.insert(memberships).values(values).returning();
  return m!;
}

export async function setMembershipRole(tx: Queryable, membershipId: string, role: MemberRole): Promise<void> {
  await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
}

export async function deleteMembership(tx: Queryable, membershipId: string): Promise<void> {
  await tx.delete(memberships).where(eq(memberships.id, membershipId));
}

import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { leads, memberships, users } from "@/db/schema";

export type LeadRow = typeof leads.$inferSelect;

export async function insertLead(tx: Queryable, values: typeof leads.$inferInsert): Promise<LeadRow> {
  const [row] = await tx.insert(leads).values(values).returning();
  return row!;
}

export async function listLeads(partnerId: string, status: LeadRow["status"] | undefined, page: number, pageSize: number) {
  const db = await getDb();
  const where = status ? and(eq(leads.partnerId, partnerId), eq(leads.status, status)) : eq(leads.partnerId, partnerId);
  const [rows, [total]] = await Promise.all([
    db.select().from(leads).where(where).orderBy(desc(leads.createdAt), desc(leads.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(leads).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function lockLead(tx: Queryable, partnerId: string, leadId: string): Promise<LeadRow | null> {
  const [row] = await tx.select().from(leads).where(and(eq(leads.id, leadId), eq(leads.partnerId, partnerId))).for("update");
  return row ?? null;
}

export async function setLeadStatus(tx: Queryable, leadId: string, status: LeadRow["status"], answeredAt: Date | null): Promise<void> {
  await tx.update(leads).set({ status, answeredAt }).where(eq(leads.id, leadId));
}

export async function countNewLeads(partnerId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(leads).where(and(eq(leads.partnerId, partnerId), eq(leads.status, "new")));
  return row?.n ?? 0;
}

/** Where lead notifications go: the listing's contact address, else the owners. */
export async function ownerEmails(partnerId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.partnerId, partnerId), eq(memberships.role, "owner")))
    .orderBy(sql`lower(${users.email})`);
  return rows.map((r) => r.email);
}

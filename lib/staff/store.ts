import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, memberships, partners, users } from "@/db/schema";
import { STAFF_AUDIT_ACTION, type StaffCounts, type StaffRole } from "@/lib/auth/staff-rules";

export type UserRow = typeof users.$inferSelect;

export interface StaffMember {
  userId: string;
  email: string;
  name: string | null;
  isExec: boolean;
  /** When the admin role was last granted (the audit log), or the account's creation for admins from the seed. */
  adminSince: Date;
  lastSignInAt: Date | null;
}

const staffColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  isExec: users.isExec,
  // Spelled out: inside the subquery an unqualified "id" would be the audit event's.
  adminSince: sql<Date>`coalesce((select max(a.at) from ${auditEvents} a where a.object_type = 'user' and a.object_id = "users"."id" and a.action = ${STAFF_AUDIT_ACTION.add_admin}), "users"."created_at")`.mapWith(
    (v: Date | string) => (v instanceof Date ? v : new Date(v)),
  ),
  lastSignInAt: users.lastSignInAt,
};

/** One page of the admins, execs first, then by name (or email when there is none). */
export async function listAdmins(db: Queryable, q: { page: number; pageSize: number }): Promise<{ rows: StaffMember[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db
      .select(staffColumns)
      .from(users)
      .where(eq(users.role, "admin"))
      .orderBy(sql`${users.isExec} desc`, sql`lower(coalesce(${users.name}, ${users.email}))`, asc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).where(eq(users.role, "admin")),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function countStaff(db: Queryable): Promise<StaffCounts> {
  const [row] = await db
    .select({ admins: count(), execs: sql<number>`count(*) filter (where ${users.isExec})`.mapWith(Number) })
    .from(users)
    .where(eq(users.role, "admin"));
  return { admins: row?.admins ?? 0, execs: row?.execs ?? 0 };
}

/**
 * Locks every admin row and counts them: two changes to the staff wait for each
 * other, so two admins removing each other cannot leave the program without one.
 * Also returns the admins' ids and exec flags as they are now.
 */
export async function lockStaff(tx: Queryable): Promise<{ counts: StaffCounts; roles: Map<string, { isExec: boolean }> }> {
  const rows = await tx.select({ id: users.id, isExec: users.isExec }).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)).for("update");
  return {
    counts: { admins: rows.length, execs: rows.filter((r) => r.isExec).length },
    roles: new Map(rows.map((r) => [r.id, { isExec: r.isExec }])),
  };
}

export async function lockUser(tx: Queryable, userId: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  return row ?? null;
}

export async function lockUserByEmail(tx: Queryable, email: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).for("update");
  return row ?? null;
}

export async function insertUser(tx: Queryable, values: { email: string; name: string | null; createdAt: Date }): Promise<UserRow> {
  const [row] = await tx.insert(users).values({ email: values.email.toLowerCase(), name: values.name, createdAt: values.createdAt }).returning();
  return row!;
}

/** Names of the partners whose team the user is on. */
export async function partnerTeamsOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ name: partners.name })
    .from(memberships)
    .innerJoin(partners, eq(partners.id, memberships.partnerId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(partners.name));
  return rows.map((r) => r.name);
}

export async function setStaffRole(tx: Queryable, userId: string, role: StaffRole): Promise<void> {
  await tx
    .update(users)
    .set({ role: role.isAdmin ? "admin" : "user", isExec: role.isAdmin && role.isExec })
    .where(eq(users.id, userId));
}

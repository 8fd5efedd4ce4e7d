import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Viewer } from "./permissions";

export type UserRow = typeof users.$inferSelect;

export async function loadViewer(userId: string): Promise<Viewer | null> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({ partnerId: memberships.partnerId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(memberships.createdAt);
  return { userId: user.id, email: user.email, name: user.name, isAdmin: user.role === "admin", isExec: user.role === "admin" && user.isExec, memberships: rows };
}

export async function findUserByEmail(email: string): Promise<UserRow | null> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user ?? null;
}

export async function recordSignIn(userId: string, now: Date): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
}

import "server-only";
import { and, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { emailOutbox } from "@/db/schema";

export type EmailRow = typeof emailOutbox.$inferSelect;
export type EmailStatus = EmailRow["status"];

export async function insertEmail(
  db: Queryable,
  values: Omit<typeof emailOutbox.$inferInsert, "id" | "status" | "attempts">,
): Promise<EmailRow> {
  const [row] = await db.insert(emailOutbox).values({ ...values, status: "pending" }).returning();
  return row!;
}

export async function markEmail(
  id: string,
  patch: Partial<Pick<EmailRow, "status" | "providerMessageId" | "error" | "sentAt" | "html" | "text" | "provider">> & {
    attempted?: boolean;
  },
): Promise<void> {
  const db = await getDb();
  const { attempted, ...rest } = patch;
  await db
    .update(emailOutbox)
    .set({ ...rest, ...(attempted ? { attempts: sql`${emailOutbox.attempts} + 1` } : {}) })
    .where(eq(emailOutbox.id, id));
}

export async function findEmail(id: string): Promise<EmailRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row ?? null;
}

export interface EmailListQuery {
  status?: EmailStatus;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listEmails(q: EmailListQuery): Promise<{ rows: EmailRow[]; total: number }> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.status) where.push(eq(emailOutbox.status, q.status));
  if (q.to) where.push(ilike(emailOutbox.toAddress, `%${q.to.replace(/[%_\\]/g, "\\$&")}%`));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .where(filter)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(emailOutbox).where(filter),
  ]);
  return { rows, total: total?.n ?? 0 };
}

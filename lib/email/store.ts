import "server-only";
import { and, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, slices, type Queryable } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { newIds } from "@/lib/ids";

export type EmailRow = typeof emailOutbox.$inferSelect;
export type EmailStatus = EmailRow["status"];

export async function insertEmail(
  db: Queryable,
  values: Omit<typeof emailOutbox.$inferInsert, "id" | "status" | "attempts">,
): Promise<EmailRow> {
  const [row] = await db.insert(emailOutbox).values({ ...values, status: "pending" }).returning();
  return row!;
}

/** Many outbox rows in one statement per thousand; their ids, in the order given. */
export async function insertEmails(db: Queryable, values: Omit<typeof emailOutbox.$inferInsert, "id" | "attempts">[]): Promise<string[]> {
  const ids = newIds("email", values.length);
  for (const slice of slices(values.map((v, k) => ({ ...v, id: ids[k]! })), 1000)) await db.insert(emailOutbox).values(slice);
  return ids;
}

/** Marks a batch sent, each row with its provider message id, in one statement. */
export async function markEmailsSent(db: Queryable, sent: { id: string; providerMessageId: string }[], now: Date): Promise<void> {
  if (!sent.length) return;
  const rows = sql.join(sent.map((s) => sql`(${s.id}, ${s.providerMessageId})`), sql`, `);
  await db.execute(sql`update ${emailOutbox} set status = 'sent', provider_message_id = v.message_id, sent_at = ${now.toISOString()}::timestamptz,
    error = null, attempts = ${emailOutbox.attempts} + 1
    from (values ${rows}) as v(id, message_id) where ${emailOutbox.id} = v.id`);
}

/** Marks a batch failed with the provider's answer, in one statement. */
export async function markEmailsFailed(db: Queryable, ids: string[], error: string): Promise<void> {
  if (!ids.length) return;
  await db
    .update(emailOutbox)
    .set({ status: "failed", error: error.slice(0, 500), attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, ids));
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

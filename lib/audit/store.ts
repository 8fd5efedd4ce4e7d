import "server-only";
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;

export interface AuditQuery {
  partnerId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function listAuditEvents(q: AuditQuery): Promise<{ rows: AuditEventRow[]; total: number }> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(auditEvents.partnerId, q.partnerId));
  if (q.action) where.push(ilike(auditEvents.action, `${q.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (q.objectType) where.push(eq(auditEvents.objectType, q.objectType));
  if (q.objectId) where.push(eq(auditEvents.objectId, q.objectId));
  if (q.actor) {
    const p = `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(auditEvents.actorLabel, p), eq(auditEvents.actorId, q.actor))!);
  }
  if (q.from) where.push(gte(auditEvents.at, q.from));
  if (q.to) where.push(lt(auditEvents.at, q.to));
  const filter = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(filter)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditEvents).where(filter),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listAuditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  return rows.map((r) => r.action);
}

/** A partner's events after a (at, id) position, newest first; limit+1 rows so callers know if more follow. */
export async function listAuditAfter(q: { partnerId: string; cursor: { at: string; id: string } | null; limit: number }) {
  const db = await getDb();
  const where: SQL[] = [eq(auditEvents.partnerId, q.partnerId)];
  if (q.cursor) {
    const at = new Date(q.cursor.at);
    where.push(or(lt(auditEvents.at, at), and(eq(auditEvents.at, at), lt(auditEvents.id, q.cursor.id)))!);
  }
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(q.limit + 1);
}

/** Every event matching the filters, newest first, read in batches (for exports). */
export async function* iterateAuditEvents(q: Omit<AuditQuery, "page" | "pageSize">, batch = 500): AsyncGenerator<AuditEventRow> {
  let page = 1;
  for (;;) {
    const { rows } = await listAuditEvents({ ...q, page, pageSize: batch });
    yield* rows;
    if (rows.length < batch) return;
    page += 1;
  }
}

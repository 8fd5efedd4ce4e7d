import "server-only";
import { and, asc, count, desc, eq, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, slices, type Queryable } from "@/db/client";
import { billingInvoices, billingPlanChanges, billingRefunds, commissions, partners } from "@/db/schema";
import type { InvoiceFact, PlanChangeFact, RefundFact } from "./rules";

export type CommissionRow = typeof commissions.$inferSelect;

export async function lockCustomerCommissions(tx: Queryable, customerId: string): Promise<CommissionRow[]> {
  return tx.select().from(commissions).where(eq(commissions.customerId, customerId)).orderBy(asc(commissions.createdAt)).for("update");
}

/** A customer's billing facts, in the shapes the rules take. */
export async function billingFactsFor(tx: Queryable, customerId: string) {
  const invoices = await tx.select().from(billingInvoices).where(eq(billingInvoices.customerId, customerId)).orderBy(asc(billingInvoices.paidAt));
  const chargeIds = invoices.map((i) => i.chargeId).filter((v): v is string => Boolean(v));
  const piIds = invoices.map((i) => i.paymentIntentId).filter((v): v is string => Boolean(v));
  const invoiceIds = invoices.map((i) => i.id);
  const conds: SQL[] = [];
  if (invoiceIds.length) conds.push(inArray(billingRefunds.invoiceId, invoiceIds));
  if (chargeIds.length) conds.push(inArray(billingRefunds.chargeId, chargeIds));
  if (piIds.length) conds.push(inArray(billingRefunds.paymentIntentId, piIds));
  const refundRows = conds.length ? await tx.select().from(billingRefunds).where(or(...conds)) : [];
  const refunds: RefundFact[] = [];
  for (const r of refundRows) {
    const inv = invoices.find((i) => i.id === r.invoiceId || (r.chargeId && i.chargeId === r.chargeId) || (r.paymentIntentId && i.paymentIntentId === r.paymentIntentId));
    if (inv) refunds.push({ invoiceId: inv.id, takenBackCents: r.refundedCents + r.disputedCents });
  }
  const changes = await tx.select().from(billingPlanChanges).where(eq(billingPlanChanges.customerId, customerId));
  const invoiceFacts: InvoiceFact[] = invoices.map((i) => ({
    id: i.id,
    currency: i.currency,
    amountPaid: i.amountPaid,
    paidAt: i.paidAt,
    lines: i.lines.map((l) => ({ id: l.id, sku: l.sku, amount: l.amount, proration: l.proration })),
  }));
  const planChanges: PlanChangeFact[] = changes.map((c) => ({ ...c }));
  return { invoices: invoiceFacts, refunds, planChanges };
}

export async function insertCommission(tx: Queryable, values: typeof commissions.$inferInsert): Promise<CommissionRow | null> {
  const [row] = await tx.insert(commissions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateCommission(tx: Queryable, id: string, patch: Partial<typeof commissions.$inferInsert>): Promise<CommissionRow> {
  const [row] = await tx.update(commissions).set(patch).where(eq(commissions.id, id)).returning();
  return row!;
}

export async function lockCommission(tx: Queryable, id: string): Promise<CommissionRow | null> {
  const [row] = await tx.select().from(commissions).where(eq(commissions.id, id)).for("update");
  return row ?? null;
}

/** Pending commissions whose hold period is over, locked (other instances skip them). */
export async function claimReleasable(tx: Queryable, now: Date, limit: number): Promise<CommissionRow[]> {
  return tx
    .select()
    .from(commissions)
    .where(and(eq(commissions.status, "pending"), lte(commissions.holdUntil, now)))
    .orderBy(asc(commissions.holdUntil))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function findCommission(id: string): Promise<CommissionRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(commissions).where(eq(commissions.id, id));
  return row ?? null;
}

export interface CommissionListQuery {
  partnerId?: string;
  status?: CommissionRow["status"];
  limit: number;
  offset?: number;
  cursor?: { at: string; id: string } | null;
}

export async function listCommissions(q: CommissionListQuery): Promise<(CommissionRow & { partnerName: string })[]> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(commissions.partnerId, q.partnerId));
  if (q.status) where.push(eq(commissions.status, q.status));
  if (q.cursor) {
    where.push(sql`(${commissions.earnedAt}, ${commissions.id}) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  }
  const rows = await db
    .select({ c: commissions, partnerName: partners.name })
    .from(commissions)
    .innerJoin(partners, eq(partners.id, commissions.partnerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(commissions.earnedAt), desc(commissions.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({ ...r.c, partnerName: r.partnerName }));
}

export async function countCommissions(q: { partnerId?: string; status?: CommissionRow["status"] }): Promise<number> {
  const db = await getDb();
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(commissions.partnerId, q.partnerId));
  if (q.status) where.push(eq(commissions.status, q.status));
  const [row] = await db.select({ n: count() }).from(commissions).where(where.length ? and(...where) : undefined);
  return row?.n ?? 0;
}

export interface StatusTotal {
  status: CommissionRow["status"];
  currency: string;
  count: number;
  amountCents: number;
}

/** Count and sum per status and currency (one partner, or the whole program); reversed ones count what was reversed. */
export async function totalsByStatus(partnerId?: string): Promise<StatusTotal[]> {
  const db = await getDb();
  const rows = await queryRows<{ status: CommissionRow["status"]; currency: string; n: number; amount: number }>(
    db,
    sql`select status, currency, count(*)::int as n,
               coalesce(sum(case when status = 'reversed' then gross_cents else amount_cents end), 0)::bigint as amount
          from commissions ${partnerId ? sql`where partner_id = ${partnerId}` : sql``}
         group by status, currency order by status, currency`,
  );
  return rows.map((r) => ({ status: r.status, currency: r.currency, count: Number(r.n), amountCents: Number(r.amount) }));
}

/** Marks payable commissions paid (the payout run). Held or pending ones are never touched. */
export async function markPaid(tx: Queryable, ids: readonly string[], payoutId: string, now: Date): Promise<CommissionRow[]> {
  if (!ids.length) return [];
  return tx
    .update(commissions)
    .set({ status: "paid", paidAt: now, payoutId, updatedAt: now })
    .where(and(inArray(commissions.id, [...ids]), eq(commissions.status, "payable")))
    .returning();
}

/**
 * markPaid for many payouts at once: each commission gets its payout, in one
 * UPDATE per slice. Returns the ids marked; a commission no longer payable is
 * left alone (and missing from the answer).
 */
export async function markPaidMany(tx: Queryable, pairs: readonly { commissionId: string; payoutId: string }[], now: Date): Promise<string[]> {
  const marked: string[] = [];
  for (const slice of slices(pairs, 20_000)) {
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`update commissions c set status = 'paid', paid_at = ${now.toISOString()}::timestamptz, payout_id = v.payout_id, updated_at = ${now.toISOString()}::timestamptz
            from jsonb_to_recordset(${JSON.stringify(slice.map((p) => ({ id: p.commissionId, payout_id: p.payoutId })))}::jsonb) as v(id text, payout_id text)
           where c.id = v.id and c.status = 'payable'
          returning c.id`,
    );
    for (const r of rows) marked.push(r.id);
  }
  return marked;
}

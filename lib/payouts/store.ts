import "server-only";
import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import { commissions, ledgerEntries, partnerPayoutSettings, partners, payoutLines, payoutRuns, payouts } from "@/db/schema";
import { hasSignedCurrentAgreements } from "@/lib/legal/signatures";
import type { PayoutSettingsFacts, PayoutStatus } from "./rules";

export type PayoutRow = typeof payouts.$inferSelect;
export type PayoutSettingsRow = typeof partnerPayoutSettings.$inferSelect;

export function settingsFacts(s: PayoutSettingsRow | null | undefined): PayoutSettingsFacts | null {
  return s ? { termsAcceptedAt: s.termsAcceptedAt, taxFormStatus: s.taxFormStatus, stripeAccountId: s.stripeAccountId, payoutsEnabled: s.payoutsEnabled } : null;
}

/** The prerequisite facts, with whether the partner has signed the current program documents. */
export async function prerequisiteFacts(tx: Queryable, partnerId: string, now: Date): Promise<PayoutSettingsFacts | null> {
  const facts = settingsFacts(await findSettings(tx, partnerId));
  if (!facts) return null;
  const signed = await hasSignedCurrentAgreements(tx, partnerId, now);
  return { ...facts, agreementsSigned: signed.ok };
}

export async function findSettings(tx: Queryable, partnerId: string): Promise<PayoutSettingsRow | null> {
  const [row] = await tx.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, partnerId));
  return row ?? null;
}

/** The partner's settings row, created empty on first use, locked. */
export async function lockSettings(tx: Queryable, partnerId: string, now: Date): Promise<PayoutSettingsRow> {
  await tx.insert(partnerPayoutSettings).values({ partnerId, updatedAt: now }).onConflictDoNothing();
  const [row] = await tx.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, partnerId)).for("update");
  return row!;
}

export async function updateSettings(tx: Queryable, partnerId: string, patch: Partial<typeof partnerPayoutSettings.$inferInsert>): Promise<PayoutSettingsRow> {
  const [row] = await tx.update(partnerPayoutSettings).set(patch).where(eq(partnerPayoutSettings.partnerId, partnerId)).returning();
  return row!;
}

export async function settingsByStripeAccount(tx: Queryable, account: string): Promise<PayoutSettingsRow | null> {
  const [row] = await tx.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.stripeAccountId, account)).for("update");
  return row ?? null;
}

/** Partners with something a run for `periodEnd` could pay (set-based, one query). */
export async function payoutCandidates(tx: Queryable, periodEnd: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct partner_id as id from commissions where status = 'payable' and earned_at < ${periodEnd.toISOString()}::timestamptz
        union
        select distinct e.partner_id from ledger_entries e
         where e.kind <> 'payout' and e.reverses_entry_id is null and e.effective_at < ${periodEnd.toISOString()}::timestamptz
           and not exists (select 1 from payout_lines l where l.ledger_entry_id = e.id)
           and not exists (select 1 from ledger_entries r where r.reverses_entry_id = e.id)
        order by 1`,
  );
  return rows.map((r) => r.id);
}

/**
 * Locks the partner row (null when another run holds it: SKIP LOCKED) and reads,
 * in the same round trip, its payout settings and the currencies already paid
 * for the period.
 */
export async function lockPartnerForRun(tx: Queryable, partnerId: string, period: string) {
  const [row] = await queryRows<{
    id: string;
    currency: string;
    terms_accepted_at: Date | string | null;
    tax_form_status: "missing" | "submitted" | "verified" | null;
    stripe_account_id: string | null;
    payouts_enabled: boolean | null;
    paid: string[] | string | null;
  }>(
    tx,
    sql`select p.id, p.currency, s.terms_accepted_at, s.tax_form_status, s.stripe_account_id, s.payouts_enabled,
               coalesce((select array_agg(po.currency) from payouts po where po.partner_id = p.id and po.period = ${period}), '{}') as paid
          from partners p left join partner_payout_settings s on s.partner_id = p.id
         where p.id = ${partnerId}
           for update of p skip locked`,
  );
  if (!row) return null;
  const paid = Array.isArray(row.paid) ? row.paid : String(row.paid ?? "{}").replace(/^\{|\}$/g, "").split(",").filter(Boolean);
  const settings: PayoutSettingsFacts | null = row.tax_form_status
    ? { termsAcceptedAt: row.terms_accepted_at ? new Date(row.terms_accepted_at) : null, taxFormStatus: row.tax_form_status, stripeAccountId: row.stripe_account_id, payoutsEnabled: Boolean(row.payouts_enabled) }
    : null;
  return { id: row.id, currency: row.currency, settings, paidCurrencies: new Set(paid) };
}

export async function payoutsForPeriod(tx: Queryable, partnerId: string, period: string): Promise<PayoutRow[]> {
  return tx.select().from(payouts).where(and(eq(payouts.partnerId, partnerId), eq(payouts.period, period)));
}

/** The partner's payable commissions earned before `periodEnd`, locked. */
export async function lockEligibleCommissions(tx: Queryable, partnerId: string, periodEnd: Date) {
  return tx
    .select({ id: commissions.id, kind: commissions.kind, amountCents: commissions.amountCents, currency: commissions.currency, earnedAt: commissions.earnedAt, sku: commissions.sku })
    .from(commissions)
    .where(and(eq(commissions.partnerId, partnerId), eq(commissions.status, "payable"), lt(commissions.earnedAt, periodEnd)))
    .orderBy(asc(commissions.earnedAt), asc(commissions.id))
    .for("update");
}

export async function insertLedgerRows(tx: Queryable, rows: (typeof ledgerEntries.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(ledgerEntries).values(rows).returning();
}

export async function insertPayout(tx: Queryable, values: typeof payouts.$inferInsert): Promise<PayoutRow> {
  const [row] = await tx.insert(payouts).values(values).returning();
  return row!;
}

export async function insertPayoutLines(tx: Queryable, rows: (typeof payoutLines.$inferInsert)[]) {
  if (rows.length) await tx.insert(payoutLines).values(rows);
}

export async function updatePayout(tx: Queryable, id: string, patch: Partial<typeof payouts.$inferInsert>, onlyFrom?: readonly PayoutStatus[]): Promise<PayoutRow | null> {
  const where = onlyFrom ? and(eq(payouts.id, id), inArray(payouts.status, [...onlyFrom])) : eq(payouts.id, id);
  const [row] = await tx.update(payouts).set(patch).where(where).returning();
  return row ?? null;
}

export async function lockPayout(tx: Queryable, id: string): Promise<PayoutRow | null> {
  const [row] = await tx.select().from(payouts).where(eq(payouts.id, id)).for("update");
  return row ?? null;
}

/**
 * Stripe payouts to send: pending ones, and in-flight ones whose attempt was
 * interrupted (no news for `staleMs`), locked so other instances skip them.
 */
export async function claimTransferable(tx: Queryable, now: Date, limit: number, staleMs: number, ids?: readonly string[]): Promise<PayoutRow[]> {
  const stale = new Date(now.getTime() - staleMs);
  const due = or(eq(payouts.status, "pending"), and(eq(payouts.status, "processing"), lt(payouts.updatedAt, stale)));
  return tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.method, "stripe"), due, ids ? inArray(payouts.id, [...ids]) : undefined))
    .orderBy(asc(payouts.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function heldPayouts(tx: Queryable): Promise<PayoutRow[]> {
  return tx.select().from(payouts).where(eq(payouts.status, "held")).orderBy(asc(payouts.createdAt)).for("update", { skipLocked: true });
}

export async function insertRun(values: typeof payoutRuns.$inferInsert) {
  const db = await getDb();
  const [row] = await db.insert(payoutRuns).values(values).returning();
  return row!;
}

export async function finishRun(id: string, patch: Partial<typeof payoutRuns.$inferInsert>) {
  const db = await getDb();
  await db.update(payoutRuns).set(patch).where(eq(payoutRuns.id, id));
}

// ---------------------------------------------------------------------------
// Reads for screens, the API and CSV.
// ---------------------------------------------------------------------------

export interface PayoutListQuery {
  partnerId?: string;
  status?: PayoutStatus;
  period?: string;
  limit: number;
  offset?: number;
  cursor?: { at: string; id: string } | null;
}

function listWhere(q: Omit<PayoutListQuery, "limit" | "offset">): SQL | undefined {
  const where: SQL[] = [];
  if (q.partnerId) where.push(eq(payouts.partnerId, q.partnerId));
  if (q.status) where.push(eq(payouts.status, q.status));
  if (q.period) where.push(eq(payouts.period, q.period));
  if (q.cursor) where.push(sql`(${payouts.createdAt}, ${payouts.id}) < (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return where.length ? and(...where) : undefined;
}

export async function listPayouts(q: PayoutListQuery): Promise<(PayoutRow & { partnerName: string })[]> {
  const db = await getDb();
  const rows = await db
    .select({ p: payouts, partnerName: partners.name })
    .from(payouts)
    .innerJoin(partners, eq(partners.id, payouts.partnerId))
    .where(listWhere(q))
    .orderBy(desc(payouts.createdAt), desc(payouts.id))
    .limit(q.limit)
    .offset(q.offset ?? 0);
  return rows.map((r) => ({ ...r.p, partnerName: r.partnerName }));
}

export async function countPayouts(q: Omit<PayoutListQuery, "limit" | "offset" | "cursor">): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(payouts).where(listWhere(q));
  return row?.n ?? 0;
}

export async function findPayout(id: string): Promise<(PayoutRow & { partnerName: string }) | null> {
  const db = await getDb();
  const [row] = await db.select({ p: payouts, partnerName: partners.name }).from(payouts).innerJoin(partners, eq(partners.id, payouts.partnerId)).where(eq(payouts.id, id));
  return row ? { ...row.p, partnerName: row.partnerName } : null;
}

export interface PayoutLineView {
  payoutId: string;
  lineId: string;
  entryId: string;
  kind: string;
  amountCents: number;
  currency: string;
  memo: string;
  effectiveAt: Date;
  commissionId: string | null;
  commissionKind: string | null;
  sku: string | null;
  customerId: string | null;
}

export async function linesOf(payoutIds: readonly string[]): Promise<PayoutLineView[]> {
  if (!payoutIds.length) return [];
  const db = await getDb();
  const rows = await db
    .select({
      payoutId: payoutLines.payoutId,
      lineId: payoutLines.id,
      entryId: ledgerEntries.id,
      kind: ledgerEntries.kind,
      amountCents: payoutLines.amountCents,
      currency: ledgerEntries.currency,
      memo: ledgerEntries.memo,
      effectiveAt: ledgerEntries.effectiveAt,
      commissionId: ledgerEntries.commissionId,
      commissionKind: commissions.kind,
      sku: commissions.sku,
      customerId: commissions.customerId,
    })
    .from(payoutLines)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, payoutLines.ledgerEntryId))
    .leftJoin(commissions, eq(commissions.id, ledgerEntries.commissionId))
    .where(inArray(payoutLines.payoutId, [...payoutIds]))
    .orderBy(asc(payoutLines.payoutId), asc(ledgerEntries.effectiveAt), asc(ledgerEntries.id));
  return rows;
}

/** Payouts with their lines, in pages, for a streamed CSV. */
export async function* payoutLinesForExport(q: { partnerId?: string; status?: PayoutStatus; period?: string }, pageSize = 200) {
  let offset = 0;
  for (;;) {
    const page = await listPayouts({ ...q, limit: pageSize, offset });
    if (!page.length) return;
    const lines = await linesOf(page.map((p) => p.id));
    for (const p of page) yield { payout: p, lines: lines.filter((l) => l.payoutId === p.id) };
    if (page.length < pageSize) return;
    offset += pageSize;
  }
}

export async function listRuns(limit: number) {
  const db = await getDb();
  return db.select().from(payoutRuns).orderBy(desc(payoutRuns.startedAt)).limit(limit);
}

export async function listTaxFormsToVerify(limit: number) {
  const db = await getDb();
  return db
    .select({ partnerId: partnerPayoutSettings.partnerId, partnerName: partners.name, formType: partnerPayoutSettings.taxFormType, legalName: partnerPayoutSettings.taxLegalName, submittedAt: partnerPayoutSettings.taxSubmittedAt })
    .from(partnerPayoutSettings)
    .innerJoin(partners, eq(partners.id, partnerPayoutSettings.partnerId))
    .where(eq(partnerPayoutSettings.taxFormStatus, "submitted"))
    .orderBy(asc(partnerPayoutSettings.taxSubmittedAt))
    .limit(limit);
}

/** Totals per status and currency (one partner, or everyone). */
export async function payoutTotals(partnerId?: string) {
  const db = await getDb();
  const rows = await queryRows<{ status: PayoutStatus; currency: string; n: number; total: string | number }>(
    db,
    sql`select status, currency, count(*)::int as n, coalesce(sum(total_cents), 0)::bigint as total from payouts
        ${partnerId ? sql`where partner_id = ${partnerId}` : sql``} group by status, currency order by status, currency`,
  );
  return rows.map((r) => ({ status: r.status, currency: r.currency, count: Number(r.n), totalCents: Number(r.total) }));
}

import "server-only";
import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, slices, textArray, type Queryable } from "@/db/client";
import { newId } from "@/lib/ids";
import { commissions, ledgerEntries, partnerPayoutSettings, partners, payoutLines, payoutRuns, payouts } from "@/db/schema";
import { hasSignedCurrentAgreements, haveSignedCurrentAgreements } from "@/lib/legal/signatures";
import { newIds } from "@/lib/ids";
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

/** prerequisiteFacts for many partners (three queries): partner id -> facts, absent without settings. */
export async function prerequisiteFactsOf(tx: Queryable, partnerIds: readonly string[], now: Date): Promise<Map<string, PayoutSettingsFacts>> {
  const facts = new Map<string, PayoutSettingsFacts>();
  if (!partnerIds.length) return facts;
  const rows = await tx.select().from(partnerPayoutSettings).where(sql`${partnerPayoutSettings.partnerId} = any(${textArray(partnerIds)})`);
  const signed = await haveSignedCurrentAgreements(
    tx,
    rows.map((r) => r.partnerId),
    now,
  );
  for (const r of rows) facts.set(r.partnerId, { ...settingsFacts(r)!, agreementsSigned: signed.get(r.partnerId) ?? false });
  return facts;
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

export interface LockedPartner {
  id: string;
  currency: string;
  settings: PayoutSettingsFacts | null;
  paidCurrencies: Set<string>;
}

/**
 * Locks the partners' rows, skipping those another run holds (SKIP LOCKED),
 * with their payout settings; then, with the locks held, reads the currencies
 * already paid for the period. The second read is its own statement so that it
 * sees every run that committed before the locks were taken.
 */
export async function lockPartnersForRun(tx: Queryable, partnerIds: readonly string[], period: string): Promise<LockedPartner[]> {
  if (!partnerIds.length) return [];
  const rows = await queryRows<{
    id: string;
    currency: string;
    terms_accepted_at: Date | string | null;
    tax_form_status: "missing" | "submitted" | "verified" | null;
    stripe_account_id: string | null;
    payouts_enabled: boolean | null;
  }>(
    tx,
    sql`select p.id, p.currency, s.terms_accepted_at, s.tax_form_status, s.stripe_account_id, s.payouts_enabled
          from partners p left join partner_payout_settings s on s.partner_id = p.id
         where p.id = any(${textArray(partnerIds)})
         order by p.id
           for update of p skip locked`,
  );
  if (!rows.length) return [];
  const paid = await queryRows<{ partner_id: string; currency: string }>(
    tx,
    sql`select partner_id, currency from payouts where period = ${period} and partner_id = any(${textArray(rows.map((r) => r.id))})`,
  );
  return rows.map((row) => ({
    id: row.id,
    currency: row.currency,
    settings: row.tax_form_status
      ? { termsAcceptedAt: row.terms_accepted_at ? new Date(row.terms_accepted_at) : null, taxFormStatus: row.tax_form_status, stripeAccountId: row.stripe_account_id, payoutsEnabled: Boolean(row.payouts_enabled) }
      : null,
    paidCurrencies: new Set(paid.filter((p) => p.partner_id === row.id).map((p) => p.currency)),
  }));
}

export async function payoutsForPeriod(tx: Queryable, partnerId: string, period: string): Promise<PayoutRow[]> {
  return tx.select().from(payouts).where(and(eq(payouts.partnerId, partnerId), eq(payouts.period, period)));
}

export type EligibleCommission = Pick<typeof commissions.$inferSelect, "id" | "partnerId" | "kind" | "amountCents" | "currency" | "earnedAt" | "sku">;

/** The partners' payable commissions earned before `periodEnd`, locked, by partner (in earning order). */
export async function lockEligibleCommissionsOf(tx: Queryable, partnerIds: readonly string[], periodEnd: Date): Promise<Map<string, EligibleCommission[]>> {
  const byPartner = new Map<string, EligibleCommission[]>();
  if (!partnerIds.length) return byPartner;
  const rows = await tx
    .select({ id: commissions.id, partnerId: commissions.partnerId, kind: commissions.kind, amountCents: commissions.amountCents, currency: commissions.currency, earnedAt: commissions.earnedAt, sku: commissions.sku })
    .from(commissions)
    .where(and(sql`${commissions.partnerId} = any(${textArray(partnerIds)})`, eq(commissions.status, "payable"), lt(commissions.earnedAt, periodEnd)))
    .orderBy(asc(commissions.partnerId), asc(commissions.earnedAt), asc(commissions.id))
    .for("update");
  for (const r of rows) {
    const list = byPartner.get(r.partnerId);
    if (list) list.push(r);
    else byPartner.set(r.partnerId, [r]);
  }
  return byPartner;
}

/** Payouts in multi-row inserts (ids set by the caller). */
export async function insertPayouts(tx: Queryable, rows: readonly (typeof payouts.$inferInsert)[]): Promise<void> {
  for (const slice of slices(rows, 2_000)) await tx.insert(payouts).values(slice);
}

/** Payout lines in multi-row inserts: before the payouts' ledger entries, which close them. */
export async function insertPayoutLines(tx: Queryable, rows: readonly { payoutId: string; ledgerEntryId: string; amountCents: number }[]): Promise<void> {
  for (const slice of slices(rows, 20_000)) {
    const ids = newIds("payoutLine", slice.length);
    const json = JSON.stringify(slice.map((l, i) => ({ id: ids[i], payout_id: l.payoutId, ledger_entry_id: l.ledgerEntryId, amount_cents: l.amountCents })));
    await tx.execute(
      sql`insert into payout_lines (id, payout_id, ledger_entry_id, amount_cents)
          select id, payout_id, ledger_entry_id, amount_cents from jsonb_to_recordset(${json}::jsonb) as r(id text, payout_id text, ledger_entry_id text, amount_cents integer)`,
    );
  }
}

export async function updatePayout(tx: Queryable, id: string, patch: Partial<typeof payouts.$inferInsert>, onlyFrom?: readonly PayoutStatus[]): Promise<PayoutRow | null> {
  const where = onlyFrom ? and(eq(payouts.id, id), inArray(payouts.status, [...onlyFrom])) : eq(payouts.id, id);
  const [row] = await tx.update(payouts).set(patch).where(where).returning();
  return row ?? null;
}

/** Held payouts go out (one UPDATE); returns the ids that were still held. */
export async function releasePayouts(tx: Queryable, ids: readonly string[], patch: Partial<typeof payouts.$inferInsert>): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .update(payouts)
    .set(patch)
    .where(and(sql`${payouts.id} = any(${textArray(ids)})`, eq(payouts.status, "held")))
    .returning({ id: payouts.id });
  const released = new Set(rows.map((r) => r.id));
  return ids.filter((id) => released.has(id));
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

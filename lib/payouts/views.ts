import "server-only";
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { lastMonths, monthlyReport, type CommissionAggregate } from "./explain";
import { dueAt, minimumFor, missingPrerequisites, nextPeriod, payoutPeriodFor, type PayoutStatus } from "./rules";
import { hasSignedCurrentAgreements } from "@/lib/legal/signatures";
import { countPayouts, findSettings, listPayouts, listRuns, listTaxFormsToVerify, payoutsForPeriod, payoutTotals, settingsFacts } from "./store";

// What the console and admin screens show, read in a few set-based queries.

export function payoutMode(): "stripe" | "manual" {
  return getEnv().STRIPE_SECRET_KEY ? "stripe" : "manual";
}

async function aggregates(partnerId: string | null, currency: string, from: string): Promise<CommissionAggregate[]> {
  const db = await getDb();
  const rows = await queryRows<{ month: string; kind: CommissionAggregate["kind"]; status: CommissionAggregate["status"]; gross: string; refunded: string; amount: string }>(
    db,
    sql`select to_char(earned_at at time zone 'UTC', 'YYYY-MM') as month, kind, status,
               sum(gross_cents)::bigint as gross, sum(refunded_cents)::bigint as refunded, sum(amount_cents)::bigint as amount
          from commissions
         where currency = ${currency} and earned_at >= ${`${from}-01T00:00:00Z`}::timestamptz
           ${partnerId ? sql`and partner_id = ${partnerId}` : sql``}
         group by 1, 2, 3`,
  );
  return rows.map((r) => ({ month: r.month, kind: r.kind, status: r.status, grossCents: Number(r.gross), refundedCents: Number(r.refunded), amountCents: Number(r.amount) }));
}

/** The next payout: the due period's if not created yet, else the following one. */
async function nextPayoutEstimate(partnerId: string, currency: string, now: Date) {
  const db = await getDb();
  const due = payoutPeriodFor(now);
  const existing = await payoutsForPeriod(db, partnerId, due.period);
  const target = existing.some((p) => p.currency === currency) ? nextPeriod(due) : due;
  const end = target.periodEnd.toISOString();
  const [row] = await queryRows<{ payable: string; pending: string; held: string; other: string }>(
    db,
    sql`select
          coalesce((select sum(amount_cents) from commissions where partner_id = ${partnerId} and currency = ${currency} and status = 'payable' and earned_at < ${end}::timestamptz), 0)::bigint as payable,
          coalesce((select sum(amount_cents) from commissions where partner_id = ${partnerId} and currency = ${currency} and status = 'pending' and earned_at < ${end}::timestamptz), 0)::bigint as pending,
          coalesce((select sum(amount_cents) from commissions where partner_id = ${partnerId} and currency = ${currency} and status = 'held'), 0)::bigint as held,
          coalesce((select sum(e.amount_cents) from ledger_entries e
                     where e.partner_id = ${partnerId} and e.currency = ${currency} and e.commission_id is null and e.kind <> 'payout'
                       and e.reverses_entry_id is null and e.effective_at < ${end}::timestamptz
                       and not exists (select 1 from payout_lines l where l.ledger_entry_id = e.id)
                       and not exists (select 1 from ledger_entries r where r.reverses_entry_id = e.id)), 0)::bigint as other`,
  );
  const payable = Number(row?.payable ?? 0);
  const pending = Number(row?.pending ?? 0);
  const other = Number(row?.other ?? 0);
  const total = payable + pending + other;
  const minimum = minimumFor(currency);
  return { period: target.period, dueAt: dueAt(target), payableCents: payable, pendingCents: pending, otherCents: other, heldCents: Number(row?.held ?? 0), totalCents: total, minimumCents: minimum, belowMinimum: total < minimum };
}

export async function getPartnerPayoutsView(principal: Principal | null, partnerId: string, q: { page: number; pageSize: number; now: Date }) {
  assertPartner(principal, "payouts:read", partnerId);
  const db = await getDb();
  const [partner] = await queryRows<{ currency: string; name: string }>(db, sql`select currency, name from partners where id = ${partnerId}`);
  const currency = partner?.currency ?? "USD";
  const months = lastMonths(q.now, 12);
  const [settings, rows, total, totals, agg, next, balances] = await Promise.all([
    findSettings(db, partnerId),
    listPayouts({ partnerId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countPayouts({ partnerId }),
    payoutTotals(partnerId),
    aggregates(partnerId, currency, months[0]!),
    nextPayoutEstimate(partnerId, currency, q.now),
    queryRows<{ currency: string; total: string }>(db, sql`select currency, sum(amount_cents)::bigint as total from ledger_entries where partner_id = ${partnerId} group by currency`),
  ]);
  const mode = payoutMode();
  return {
    currency,
    mode,
    settings,
    missing: missingPrerequisites(settings ? { ...settingsFacts(settings)!, agreementsSigned: (await hasSignedCurrentAgreements(db, partnerId, q.now)).ok } : null, mode),
    rows,
    total,
    totals,
    months: monthlyReport(agg, months),
    next,
    ledgerBalances: Object.fromEntries(balances.map((b) => [b.currency, Number(b.total)])) as Record<string, number>,
  };
}

export async function getAdminPayoutsView(principal: Principal | null, q: { status?: PayoutStatus; period?: string; page: number; pageSize: number; now: Date }) {
  assertAdmin(principal, "payouts:manage");
  const months = lastMonths(q.now, 12);
  const [rows, total, totals, runs, taxForms, agg] = await Promise.all([
    listPayouts({ status: q.status, period: q.period, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countPayouts({ status: q.status, period: q.period }),
    payoutTotals(),
    listRuns(8),
    listTaxFormsToVerify(20),
    aggregates(null, "USD", months[0]!),
  ]);
  return { rows, total, totals, runs, taxForms, months: monthlyReport(agg, months), due: payoutPeriodFor(q.now), mode: payoutMode() };
}

import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { qualifiedWebinarLeads as countQualifiedWebinarLeads } from "@/lib/marketing/webinars";

// Figures that depend on other capabilities' tables (payout ledger, webinars,
// certification incidents, badge misuse violations). Each read is one function:
// while its table does not exist in this database it returns `null` with the
// reason, and the screens say "not measured yet" — a missing figure is never
// shown as zero, and never lets an exit test pass.

export type Measured<T> = { value: T; reason: null } | { value: null; reason: string };

const missing = <T>(reason: string): Measured<T> => ({ value: null, reason });

export async function tableExists(db: Queryable, table: string): Promise<boolean> {
  const rows = await queryRows<{ present: boolean }>(db, sql`select to_regclass(${`public.${table}`}) is not null as present`);
  return Boolean(rows[0]?.present);
}

export interface Period {
  since: Date;
  until: Date;
}

const MONTH = (col: ReturnType<typeof sql.raw>) => sql`to_char(date_trunc('month', ${col} at time zone 'UTC'), 'YYYY-MM')`;

/** Qualified leads per partner from partner webinars registered in the period (rules in lib/marketing/lead-qualification.ts). */
export async function qualifiedWebinarLeads(
  db: Queryable,
  period: Period,
): Promise<Measured<{ partnerId: string; partnerName: string; qualifiedLeads: number }[]>> {
  if (!(await tableExists(db, "webinars"))) return missing("webinar registrations not available");
  const counts = await countQualifiedWebinarLeads(db, period);
  if (!counts.length) return { value: [], reason: null };
  const names = await queryRows<{ id: string; name: string }>(db, sql`select id, name from partners where id in ${counts.map((c) => c.partnerId)}`);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return { value: counts.map((c) => ({ partnerId: c.partnerId, partnerName: nameOf.get(c.partnerId) ?? c.partnerId, qualifiedLeads: c.qualifiedLeads })), reason: null };
}

/**
 * Commission payout accuracy by month of payment: the share of paid payouts
 * whose total equals the sum of the ledger entries its lines settle,
 * recomputed from the ledger (1 = every payout matches). Months without a paid
 * payout have no figure.
 */
export async function payoutAccuracyByMonth(db: Queryable, period: Period): Promise<Measured<{ month: string; accuracy: number | null }[]>> {
  if (!(await tableExists(db, "ledger_entries"))) return missing("payout ledger not available");
  const rows = await queryRows<{ month: string; paid: number; matching: number }>(
    db,
    sql`with recomputed as (
          select p.id, p.paid_at, p.total_cents, coalesce(sum(le.amount_cents), 0)::bigint as ledger_total
          from payouts p
          left join payout_lines pl on pl.payout_id = p.id
          left join ledger_entries le on le.id = pl.ledger_entry_id
          where p.status = 'paid' and p.paid_at >= ${period.since.toISOString()}::timestamptz and p.paid_at < ${period.until.toISOString()}::timestamptz
          group by p.id, p.paid_at, p.total_cents)
        select ${MONTH(sql.raw("paid_at"))} as month, count(*)::int as paid, count(*) filter (where ledger_total = total_cents)::int as matching
        from recomputed group by 1 order by 1`,
  );
  return { value: rows.map((r) => ({ month: r.month, accuracy: r.paid ? Number(r.matching) / Number(r.paid) : null })), reason: null };
}

/** Quality incidents opened per 100 installs recorded by the end of that month (certification incidents). */
export async function qualityIncidentRateByMonth(db: Queryable, period: Period): Promise<Measured<{ month: string; rate: number | null }[]>> {
  if (!(await tableExists(db, "incidents"))) return missing("certification incidents not available");
  const rows = await queryRows<{ month: string; incidents: number; installs: number }>(
    db,
    sql`with m as (
          select generate_series(date_trunc('month', ${period.since.toISOString()}::timestamptz at time zone 'UTC'), date_trunc('month', ${period.until.toISOString()}::timestamptz at time zone 'UTC'), interval '1 month') as start)
        select to_char(m.start, 'YYYY-MM') as month,
          (select count(*) from incidents i where i.opened_at at time zone 'UTC' >= m.start and i.opened_at at time zone 'UTC' < m.start + interval '1 month')::int as incidents,
          (select count(*) from installs s where s.created_at at time zone 'UTC' < m.start + interval '1 month')::int as installs
        from m order by 1`,
  );
  return { value: rows.map((r) => ({ month: r.month, rate: Number(r.installs) ? (Number(r.incidents) * 100) / Number(r.installs) : null })), reason: null };
}

/**
 * Brand compliance by month: the share of partners holding a badge (active or
 * on probation) with no badge misuse violation opened that month (0..1).
 */
export async function brandComplianceRateByMonth(db: Queryable, period: Period): Promise<Measured<{ month: string; rate: number | null }[]>> {
  if (!(await tableExists(db, "badge_violations"))) return missing("badge misuse violations not available");
  const rows = await queryRows<{ month: string; holders: number; violating: number }>(
    db,
    sql`with m as (
          select generate_series(date_trunc('month', ${period.since.toISOString()}::timestamptz at time zone 'UTC'), date_trunc('month', ${period.until.toISOString()}::timestamptz at time zone 'UTC'), interval '1 month') as start),
        holders as (select distinct partner_id from partner_badges where state in ('active', 'probation'))
        select to_char(m.start, 'YYYY-MM') as month,
          (select count(*) from holders)::int as holders,
          (select count(distinct v.partner_id) from badge_violations v join holders h on h.partner_id = v.partner_id
            where v.opened_at at time zone 'UTC' >= m.start and v.opened_at at time zone 'UTC' < m.start + interval '1 month')::int as violating
        from m order by 1`,
  );
  return { value: rows.map((r) => ({ month: r.month, rate: Number(r.holders) ? 1 - Number(r.violating) / Number(r.holders) : null })), reason: null };
}

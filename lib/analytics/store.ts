import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { queryRows, type Queryable } from "@/db/client";
import { npsPublications } from "@/db/schema";
import type { NpsAudience } from "@/db/schema";

// The analytics area's database reads and writes.

export type NpsPublicationRow = typeof npsPublications.$inferSelect;

const n = (v: unknown) => Number(v ?? 0);
const iso = (d: Date) => d.toISOString();

// ---------------------------------------------------------------------------
// NPS publication
// ---------------------------------------------------------------------------

export interface AudienceCounts {
  promoters: number;
  passives: number;
  detractors: number;
  invited: number;
  late: number;
}

/** A quarter's answers for one audience: on-time counts by category, late answers, invitations. */
export async function quarterAudienceCounts(db: Queryable, audience: NpsAudience, quarter: string): Promise<AudienceCounts> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select count(*) filter (where r.responded_at < s.closes_at and r.score >= 9)::int as promoters,
               count(*) filter (where r.responded_at < s.closes_at and r.score between 7 and 8)::int as passives,
               count(*) filter (where r.responded_at < s.closes_at and r.score <= 6)::int as detractors,
               count(*) filter (where r.responded_at >= s.closes_at)::int as late,
               (select count(*)::int from nps_invitations i join nps_surveys s2 on s2.id = i.survey_id where s2.audience = ${audience} and s2.quarter = ${quarter}) as invited
          from nps_responses r join nps_surveys s on s.id = r.survey_id
         where s.audience = ${audience} and s.quarter = ${quarter}`,
  );
  return { promoters: n(row?.promoters), passives: n(row?.passives), detractors: n(row?.detractors), invited: n(row?.invited), late: n(row?.late) };
}

export async function quarterCustomerCountsByPartner(db: Queryable, quarter: string) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select p.name as partner_name, p.slug,
               count(*) filter (where r.score >= 9)::int as promoters,
               count(*) filter (where r.score between 7 and 8)::int as passives,
               count(*) filter (where r.score <= 6)::int as detractors
          from nps_responses r join nps_surveys s on s.id = r.survey_id join partners p on p.id = r.partner_id
         where s.audience = 'customer' and s.quarter = ${quarter} and r.responded_at < s.closes_at
         group by p.name, p.slug`,
  );
  return rows.map((r) => ({ partnerName: String(r.partner_name), slug: String(r.slug), promoters: n(r.promoters), passives: n(r.passives), detractors: n(r.detractors) }));
}

export async function insertPublication(tx: Queryable, values: typeof npsPublications.$inferInsert): Promise<NpsPublicationRow | null> {
  const [row] = await tx.insert(npsPublications).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findPublication(db: Queryable, quarter: string): Promise<NpsPublicationRow | null> {
  const [row] = await db.select().from(npsPublications).where(eq(npsPublications.quarter, quarter));
  return row ?? null;
}

export async function listPublications(db: Queryable): Promise<NpsPublicationRow[]> {
  return db.select().from(npsPublications).orderBy(desc(npsPublications.quarter));
}

export async function latestPublication(db: Queryable): Promise<NpsPublicationRow | null> {
  const [row] = await db.select().from(npsPublications).orderBy(desc(npsPublications.publishedAt)).limit(1);
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Funnel: counted clicks, then attributed customers reaching each stage, by quarter
// ---------------------------------------------------------------------------

export interface FunnelQuarterRow {
  partnerId: string;
  quarter: string;
  clicks: number;
  signups: number;
  pilots: number;
  paid: number;
}

/** Per partner and quarter (a customer counts in the quarter it reached the stage). */
export async function funnelByPartnerQuarter(db: Queryable, since: Date, partnerId?: string): Promise<FunnelQuarterRow[]> {
  const q = (col: string) => sql.raw(`to_char(date_trunc('quarter', ${col} at time zone 'UTC'), 'YYYY') || '-Q' || extract(quarter from ${col} at time zone 'UTC')::int`);
  const partnerFilter = (col: string) => (partnerId ? sql`and ${sql.raw(col)} = ${partnerId}` : sql``);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with clicks as (
          select partner_id, ${q("clicked_at")} as quarter, count(*)::int as n from link_clicks
           where counted and clicked_at >= ${iso(since)}::timestamptz ${partnerFilter("partner_id")} group by 1, 2
        ), stages as (
          select partner_id, ${q("coalesce(signup_at, pilot_at, paid_at)")} as quarter, 'signups' as stage from customer_attributions where coalesce(signup_at, pilot_at, paid_at) >= ${iso(since)}::timestamptz ${partnerFilter("partner_id")}
          union all
          select partner_id, ${q("coalesce(pilot_at, paid_at)")}, 'pilots' from customer_attributions where coalesce(pilot_at, paid_at) >= ${iso(since)}::timestamptz ${partnerFilter("partner_id")}
          union all
          select partner_id, ${q("paid_at")}, 'paid' from customer_attributions where paid_at >= ${iso(since)}::timestamptz ${partnerFilter("partner_id")}
        ), keys as (select partner_id, quarter from clicks union select partner_id, quarter from stages)
        select k.partner_id, k.quarter,
               coalesce((select n from clicks c where c.partner_id = k.partner_id and c.quarter = k.quarter), 0)::int as clicks,
               (select count(*) from stages s where s.partner_id = k.partner_id and s.quarter = k.quarter and s.stage = 'signups')::int as signups,
               (select count(*) from stages s where s.partner_id = k.partner_id and s.quarter = k.quarter and s.stage = 'pilots')::int as pilots,
               (select count(*) from stages s where s.partner_id = k.partner_id and s.quarter = k.quarter and s.stage = 'paid')::int as paid
          from keys k order by k.quarter, k.partner_id`,
  );
  return rows.map((r) => ({ partnerId: String(r.partner_id), quarter: String(r.quarter), clicks: n(r.clicks), signups: n(r.signups), pilots: n(r.pilots), paid: n(r.paid) }));
}

export async function partnerNames(db: Queryable): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from partners`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------------------------------------------------------------------------
// Deals: partner-sourced vs non-partner CRM opportunities
// ---------------------------------------------------------------------------

export interface OpportunityFacts {
  partnerSourced: boolean;
  stage: string;
  amountCents: number | null;
  currency: string | null;
}

export async function closedOpportunities(db: Queryable, since: Date): Promise<OpportunityFacts[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select partner_id is not null as partner_sourced, stage, amount_cents, currency from crm_opportunities
         where stage in ('closed_won', 'closed_lost') and updated_at >= ${iso(since)}::timestamptz`,
  );
  return rows.map((r) => ({ partnerSourced: Boolean(r.partner_sourced), stage: String(r.stage), amountCents: r.amount_cents === null ? null : n(r.amount_cents), currency: (r.currency as string | null) ?? null }));
}

// ---------------------------------------------------------------------------
// Program health, by month (UTC)
// ---------------------------------------------------------------------------

const month = (col: string) => sql.raw(`to_char(date_trunc('month', ${col} at time zone 'UTC'), 'YYYY-MM')`);

export async function partnersJoinedByMonth(db: Queryable): Promise<{ month: string; joined: number }[]> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`select ${month("joined_at")} as month, count(*)::int as joined from partners group by 1 order by 1`);
  return rows.map((r) => ({ month: String(r.month), joined: n(r.joined) }));
}

/** Partners with any activity (install started, deal registered, customer attributed) per month. */
export async function activePartnersByMonth(db: Queryable, since: Date): Promise<{ month: string; partnerId: string }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select distinct month, partner_id from (
          select ${month("started_at")} as month, partner_id from installs where partner_id is not null and started_at >= ${iso(since)}::timestamptz
          union all select ${month("registered_at")}, partner_id from deals where registered_at >= ${iso(since)}::timestamptz
          union all select ${month("matched_at")}, partner_id from customer_attributions where matched_at >= ${iso(since)}::timestamptz
        ) a`,
  );
  return rows.map((r) => ({ month: String(r.month), partnerId: String(r.partner_id) }));
}

/** Paid amounts of partner-attributed payments per month (USD only; other currencies are not mixed in). */
export async function paidDealsByMonth(db: Queryable, since: Date): Promise<{ month: string; deals: number; totalCents: number }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${month("occurred_at")} as month, count(*)::int as deals, coalesce(sum(amount_cents), 0)::bigint as total
          from conversions where type = 'paid' and status = 'matched' and currency = 'USD' and amount_cents > 0 and occurred_at >= ${iso(since)}::timestamptz
         group by 1 order by 1`,
  );
  return rows.map((r) => ({ month: String(r.month), deals: n(r.deals), totalCents: n(r.total) }));
}

export async function npsByMonth(db: Queryable, since: Date) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${month("responded_at")} as month, audience,
               count(*) filter (where score >= 9)::int as promoters, count(*) filter (where score between 7 and 8)::int as passives, count(*) filter (where score <= 6)::int as detractors
          from nps_responses where responded_at >= ${iso(since)}::timestamptz group by 1, 2 order by 1`,
  );
  return rows.map((r) => ({ month: String(r.month), audience: String(r.audience) as NpsAudience, promoters: n(r.promoters), passives: n(r.passives), detractors: n(r.detractors) }));
}

export async function ttiByMonth(db: Queryable, since: Date, now: Date) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${month("verified_at")} as month, partner_id is not null as partner_led,
               count(*)::int as n,
               percentile_cont(0.5) within group (order by extract(epoch from verified_at - started_at)) as p50
          from installs where verified_at is not null and verified_at >= ${iso(since)}::timestamptz and verified_at <= ${iso(now)}::timestamptz
         group by 1, 2 order by 1`,
  );
  return rows.map((r) => ({ month: String(r.month), partnerLed: Boolean(r.partner_led), n: n(r.n), p50: r.p50 === null ? null : Number(r.p50) }));
}

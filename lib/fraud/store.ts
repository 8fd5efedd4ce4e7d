import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import { commissions, partners } from "@/db/schema";
import { normalizeDomain } from "@/lib/attribution/rules";
import { FRAUD_THRESHOLDS, type FraudContext } from "./rules";

// The numbers the fraud rules look at, read from the database.

interface PartnerFacts {
  partnerDomains: string[];
  emails: string[];
  lastDay: number;
  prior: number;
  gross: number;
  refunded: number;
  commissions: number;
}

/** Per-partner numbers, reusable across the conversions of one batch. */
export type FraudCache = Map<string, PartnerFacts>;

async function partnerFacts(db: Queryable, partnerId: string, now: Date, cache?: FraudCache): Promise<PartnerFacts> {
  const hit = cache?.get(partnerId);
  if (hit) return hit;
  const iso = now.toISOString();
  const [partner] = await queryRows<{ website: string | null; emails: string[] | null }>(
    db,
    sql`select p.website, array_agg(u.email) filter (where u.email is not null) as emails
          from partners p left join memberships m on m.partner_id = p.id left join users u on u.id = m.user_id
         where p.id = ${partnerId} group by p.id`,
  );
  const emails = partner?.emails ?? [];
  const [history] = await queryRows<{ last_day: number; prior: number }>(
    db,
    sql`select count(*) filter (where occurred_at > ${iso}::timestamptz - interval '1 day')::int as last_day,
               count(*) filter (where occurred_at <= ${iso}::timestamptz - interval '1 day'
                                  and occurred_at > ${iso}::timestamptz - interval '1 day' - make_interval(days => ${FRAUD_THRESHOLDS.historyDays}::int))::int as prior
          from conversions where partner_id = ${partnerId} and status = 'matched'`,
  );
  const [money] = await queryRows<{ gross: number; refunded: number; n: number }>(
    db,
    sql`select coalesce(sum(gross_cents) filter (where kind <> 'clawback'), 0)::bigint as gross,
               coalesce(sum(refunded_cents), 0)::bigint - coalesce(sum(amount_cents) filter (where kind = 'clawback'), 0)::bigint as refunded,
               count(*) filter (where kind <> 'clawback')::int as n
          from commissions where partner_id = ${partnerId}
           and earned_at > ${iso}::timestamptz - make_interval(days => ${FRAUD_THRESHOLDS.historyDays}::int)`,
  );
  const facts: PartnerFacts = {
    partnerDomains: [normalizeDomain(partner?.website), ...emails.map((e) => normalizeDomain(e))].filter((d): d is string => Boolean(d)),
    emails,
    lastDay: Number(history?.last_day ?? 0),
    prior: Number(history?.prior ?? 0),
    gross: Number(money?.gross ?? 0),
    refunded: Number(money?.refunded ?? 0),
    commissions: Number(money?.n ?? 0),
  };
  cache?.set(partnerId, facts);
  return facts;
}

export async function fraudContextFor(
  db: Queryable,
  args: { partnerId: string; customerDomain: string | null; customerEmail: string | null; eventAt: Date; clickId: string | null; now: Date },
  cache?: FraudCache,
): Promise<FraudContext> {
  const p = await partnerFacts(db, args.partnerId, args.now, cache);
  let clickedAt: Date | null = null;
  let ip = 0;
  let ua = 0;
  if (args.clickId) {
    const [click] = await queryRows<{ clicked_at: string | Date; ip: number; ua: number }>(
      db,
      sql`select k.clicked_at,
                 (select count(*) from link_clicks x where x.partner_id = k.partner_id and x.ip_hash = k.ip_hash
                     and x.clicked_at between k.clicked_at - interval '1 hour' and k.clicked_at + interval '1 hour')::int as ip,
                 (select count(*) from link_clicks x where x.partner_id = k.partner_id and x.user_agent = k.user_agent
                     and x.clicked_at between k.clicked_at - interval '1 hour' and k.clicked_at + interval '1 hour')::int as ua
            from link_clicks k where k.id = ${args.clickId}`,
    );
    if (click) {
      clickedAt = new Date(click.clicked_at);
      ip = Number(click.ip);
      ua = Number(click.ua);
    }
  }
  return {
    customerDomain: args.customerDomain,
    customerEmail: args.customerEmail,
    partnerDomains: p.partnerDomains,
    partnerMemberEmails: p.emails,
    eventAt: args.eventAt,
    clickedAt,
    clicksFromIpInHour: ip,
    clicksFromUaInHour: ua,
    conversionsLastDay: p.lastDay,
    conversionsPrior90Days: p.prior,
    commissionGross90Days: p.gross,
    commissionRefunded90Days: p.refunded,
    commissionCount90Days: p.commissions,
  };
}

export interface HeldCommissionView {
  id: string;
  partnerId: string;
  partnerName: string;
  customerId: string;
  kind: string;
  sku: string | null;
  amountCents: number;
  currency: string;
  heldReasons: { rule: string; detail: string }[];
  earnedAt: Date;
  createdAt: Date;
}

export async function listHeldCommissions(opts: { page: number; pageSize: number }): Promise<{ rows: HeldCommissionView[]; total: number }> {
  const db = await getDb();
  const where = eq(commissions.status, "held");
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: commissions.id,
        partnerId: commissions.partnerId,
        partnerName: partners.name,
        customerId: commissions.customerId,
        kind: commissions.kind,
        sku: commissions.sku,
        amountCents: commissions.amountCents,
        currency: commissions.currency,
        heldReasons: commissions.heldReasons,
        earnedAt: commissions.earnedAt,
        createdAt: commissions.createdAt,
      })
      .from(commissions)
      .innerJoin(partners, eq(partners.id, commissions.partnerId))
      .where(and(where))
      .orderBy(desc(commissions.createdAt), desc(commissions.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(commissions).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, heldReasons: r.heldReasons ?? [] })), total: Number(total?.n ?? 0) };
}

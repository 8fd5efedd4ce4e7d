import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import { conversions, customerAttributions, linkClicks, partners, trackingLinks } from "@/db/schema";
import { ATTRIBUTION_POLICY } from "./policy";

// The attribution area's database reads and writes.

export type LinkRow = typeof trackingLinks.$inferSelect;
export type ConversionRow = typeof conversions.$inferSelect;
export type AttributionRow = typeof customerAttributions.$inferSelect;

export interface ClickRecord {
  id: string;
  linkId: string;
  partnerId: string;
  clickedAt: Date;
  ipHash: string;
  userAgent: string | null;
  referrer: string | null;
  isBot: boolean;
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

export async function insertLink(tx: Queryable, values: typeof trackingLinks.$inferInsert): Promise<LinkRow> {
  const [row] = await tx.insert(trackingLinks).values(values).returning();
  return row!;
}

export async function findLinkByCode(db: Queryable, code: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(trackingLinks).where(eq(trackingLinks.code, code));
  return row ?? null;
}

export async function findLink(db: Queryable, id: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(trackingLinks).where(eq(trackingLinks.id, id));
  return row ?? null;
}

export async function archiveLinkRow(tx: Queryable, id: string, now: Date): Promise<LinkRow | null> {
  const [row] = await tx.update(trackingLinks).set({ archivedAt: now }).where(and(eq(trackingLinks.id, id), isNull(trackingLinks.archivedAt))).returning();
  return row ?? null;
}

export interface LinkWithCounts extends LinkRow {
  clicks: number;
  rawClicks: number;
  conversions: number;
}

/** A partner's links, newest first, with counted and raw clicks and attributed customers. */
export async function listLinksWithCounts(
  partnerId: string,
  opts: { limit: number; offset?: number; cursor?: { at: string; id: string } | null; includeArchived?: boolean },
): Promise<LinkWithCounts[]> {
  const db = await getDb();
  const where = [eq(trackingLinks.partnerId, partnerId)];
  if (!opts.includeArchived) where.push(isNull(trackingLinks.archivedAt));
  if (opts.cursor) {
    const at = new Date(opts.cursor.at);
    where.push(or(lt(trackingLinks.createdAt, at), and(eq(trackingLinks.createdAt, at), lt(trackingLinks.id, opts.cursor.id)))!);
  }
  const rows = await db
    .select({
      link: trackingLinks,
      clicks: sql<number>`(select count(*) from link_clicks c where c.link_id = tracking_links.id and c.counted)`.mapWith(Number),
      rawClicks: sql<number>`(select count(*) from link_clicks c where c.link_id = tracking_links.id)`.mapWith(Number),
      conversions: sql<number>`(select count(*) from customer_attributions a where a.link_id = tracking_links.id)`.mapWith(Number),
    })
    .from(trackingLinks)
    .where(and(...where))
    .orderBy(desc(trackingLinks.createdAt), desc(trackingLinks.id))
    .limit(opts.limit + 1)
    .offset(opts.offset ?? 0);
  return rows.map((r) => ({ ...r.link, clicks: r.clicks, rawClicks: r.rawClicks, conversions: r.conversions }));
}

// ---------------------------------------------------------------------------
// Clicks: one bulk INSERT per batch. The first non-bot click per (link, hashed
// IP, UTC hour) is counted; click_dedup_keys makes that exact even when several
// instances flush at once (its primary key decides, ON CONFLICT DO NOTHING).
// ---------------------------------------------------------------------------

export async function insertClicks(db: Queryable, clicks: readonly ClickRecord[]): Promise<number> {
  if (!clicks.length) return 0;
  const json = JSON.stringify(
    clicks.map((c) => ({
      id: c.id,
      link_id: c.linkId,
      partner_id: c.partnerId,
      clicked_at: c.clickedAt.toISOString(),
      ip_hash: c.ipHash,
      user_agent: c.userAgent,
      referrer: c.referrer,
      is_bot: c.isBot,
    })),
  );
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with v as (
          select x.*, date_trunc('hour', x.clicked_at, 'UTC') as hour_bucket
          from jsonb_to_recordset(${json}::jsonb) as x(id text, link_id text, partner_id text, clicked_at timestamptz,
                                                      ip_hash text, user_agent text, referrer text, is_bot boolean)
        ), b as (
          select v.*, row_number() over (partition by v.link_id, v.ip_hash, v.hour_bucket, v.is_bot order by v.clicked_at, v.id) as rn
          from v
        ), fresh as (
          insert into click_dedup_keys (link_id, ip_hash, hour_bucket)
          select link_id, ip_hash, hour_bucket from b where not is_bot and rn = 1
          on conflict do nothing
          returning link_id, ip_hash, hour_bucket
        ), ins as (
          insert into link_clicks (id, link_id, partner_id, clicked_at, hour_bucket, ip_hash, user_agent, referrer, is_bot, counted)
          select b.id, b.link_id, b.partner_id, b.clicked_at, b.hour_bucket, b.ip_hash, b.user_agent, b.referrer, b.is_bot,
                 (not b.is_bot and b.rn = 1 and f.link_id is not null)
          from b left join fresh f on f.link_id = b.link_id and f.ip_hash = b.ip_hash and f.hour_bucket = b.hour_bucket
          on conflict (id) do nothing
          returning 1
        )
        select count(*)::int as n from ins`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function countLinks(partnerId: string, includeArchived = false): Promise<number> {
  const db = await getDb();
  const where = [eq(trackingLinks.partnerId, partnerId)];
  if (!includeArchived) where.push(isNull(trackingLinks.archivedAt));
  const [row] = await db.select({ n: count() }).from(trackingLinks).where(and(...where));
  return row?.n ?? 0;
}

export async function findClick(db: Queryable, id: string) {
  const [row] = await db.select().from(linkClicks).where(eq(linkClicks.id, id));
  return row ?? null;
}

// ---------------------------------------------------------------------------
// Conversions and matching
// ---------------------------------------------------------------------------

/** Inserts a conversion; a repeat of (source, external id) returns the first one instead. */
export async function insertConversion(
  tx: Queryable,
  values: typeof conversions.$inferInsert,
): Promise<{ row: ConversionRow; duplicate: boolean }> {
  const inserted = await tx.insert(conversions).values(values).onConflictDoNothing().returning();
  if (inserted[0]) return { row: inserted[0], duplicate: false };
  const [existing] = await tx
    .select()
    .from(conversions)
    .where(and(eq(conversions.source, values.source), eq(conversions.externalId, values.externalId!)));
  if (!existing) throw new Error("conversion vanished after a conflict");
  return { row: existing, duplicate: true };
}

export async function findConversion(db: Queryable, id: string): Promise<ConversionRow | null> {
  const [row] = await db.select().from(conversions).where(eq(conversions.id, id));
  return row ?? null;
}

/**
 * The matcher: one set-based statement applying the rule in rules.ts to every
 * unmatched conversion (or only `ids`). Per conversion it gathers the
 * candidates (the customer's attribution, open deals, the click, the partner
 * id), keeps the highest priority, creates the customer's attribution from its
 * earliest matched conversion, and marks the conversions matched. Returns how
 * many were matched; their follow-ups are done by processMatchedConversions.
 */
export async function matchConversions(
  db: Queryable,
  opts: { now: Date; ids?: readonly string[]; windowDays?: number },
): Promise<number> {
  const windowDays = opts.windowDays ?? ATTRIBUTION_POLICY.windowDays;
  const only = opts.ids ? sql`and c.id in (select jsonb_array_elements_text(${JSON.stringify(opts.ids)}::jsonb))` : sql``;
  const now = opts.now.toISOString();
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with pending as (
          select c.id, c.customer_id, c.customer_domain, c.occurred_at, c.partner_id_hint, c.click_id_hint, c.deal_id_hint
          from conversions c
          where c.status = 'unmatched' ${only}
        ), cand as (
          select p.id as conversion_id, 1 as prio, a.partner_id, 'customer'::text as via, a.click_id, a.link_id, a.deal_id,
                 a.touched_at, a.id as attribution_id
            from pending p join customer_attributions a on a.customer_id = p.customer_id
          union all
          select p.id, 2, d.partner_id, 'deal', null, null, d.id, d.registered_at, null
            from pending p join deals d on (d.domain = p.customer_domain or d.id = p.deal_id_hint)
           where d.stage in ('registered', 'accepted', 'won') and d.registered_at <= p.occurred_at and d.protected_until >= p.occurred_at
          union all
          select p.id, 3, k.partner_id, 'click', k.id, k.link_id, null, k.clicked_at, null
            from pending p join link_clicks k on k.id = p.click_id_hint
           where not k.is_bot and k.clicked_at >= p.occurred_at - make_interval(days => ${windowDays}::int)
          union all
          select p.id, 4, pr.id, 'partner_id', null, null, null, p.occurred_at, null
            from pending p join partners pr on pr.id = p.partner_id_hint
           where pr.status <> 'suspended'
        ), best as (
          select distinct on (conversion_id) * from cand order by conversion_id, prio, touched_at, deal_id
        ), new_attr as (
          insert into customer_attributions (id, customer_id, partner_id, via, click_id, link_id, deal_id, touched_at, matched_at,
                                             conversion_id, customer_domain)
          select distinct on (p.customer_id)
                 'attr_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 20), p.customer_id, b.partner_id, b.via,
                 b.click_id, b.link_id, b.deal_id, b.touched_at, ${now}::timestamptz, p.id, p.customer_domain
            from best b join pending p on p.id = b.conversion_id
           where b.via <> 'customer'
           order by p.customer_id, p.occurred_at, p.id
          on conflict (customer_id) do nothing
          returning id, customer_id, partner_id, conversion_id, via, click_id, link_id, deal_id
        ), upd as (
          update conversions c
             set status = 'matched',
                 partner_id = coalesce(na.partner_id, b.partner_id),
                 matched_via = case when na.conversion_id = c.id then na.via when na.id is not null then 'customer' else b.via end,
                 attribution_id = coalesce(na.id, b.attribution_id),
                 click_id = case when na.id is not null then na.click_id else b.click_id end,
                 deal_id = case when na.id is not null then na.deal_id else b.deal_id end,
                 matched_at = ${now}::timestamptz
            from pending p
            left join best b on b.conversion_id = p.id
            left join new_attr na on na.customer_id = p.customer_id
           where c.id = p.id and (na.id is not null or (b.conversion_id is not null and b.via = 'customer'))
          returning 1
        )
        select count(*)::int as n from upd`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Matched conversions whose follow-ups are not done yet, locked for this
 * transaction (other instances skip them).
 */
export async function claimUnprocessed(tx: Queryable, opts: { ids?: readonly string[]; limit: number }): Promise<ConversionRow[]> {
  const where = [eq(conversions.status, "matched"), isNull(conversions.processedAt)];
  if (opts.ids) where.push(inArray(conversions.id, [...opts.ids]));
  return tx
    .select()
    .from(conversions)
    .where(and(...where))
    .orderBy(conversions.matchedAt, conversions.id)
    .limit(opts.limit)
    .for("update", { skipLocked: true });
}

/** Recomputes the first signup / pilot / paid times of these attributions from their conversions. */
export async function refreshAttributionStages(tx: Queryable, attributionIds: readonly string[]): Promise<void> {
  if (!attributionIds.length) return;
  await tx.execute(sql`
    update customer_attributions a
       set signup_at = s.signup_at, pilot_at = s.pilot_at, paid_at = s.paid_at
      from (select attribution_id,
                   min(occurred_at) filter (where type = 'signup') as signup_at,
                   min(occurred_at) filter (where type = 'pilot') as pilot_at,
                   min(occurred_at) filter (where type = 'paid') as paid_at
              from conversions
             where status = 'matched' and attribution_id in (select jsonb_array_elements_text(${JSON.stringify(attributionIds)}::jsonb))
             group by attribution_id) s
     where a.id = s.attribution_id`);
}

export async function markProcessed(tx: Queryable, id: string, now: Date, fraudFlags: { rule: string; detail: string }[] | null) {
  await tx.update(conversions).set({ processedAt: now, fraudFlags }).where(eq(conversions.id, id));
}

export async function findAttributionByCustomer(db: Queryable, customerId: string): Promise<AttributionRow | null> {
  const [row] = await db.select().from(customerAttributions).where(eq(customerAttributions.customerId, customerId));
  return row ?? null;
}

export async function findAttribution(db: Queryable, id: string): Promise<AttributionRow | null> {
  const [row] = await db.select().from(customerAttributions).where(eq(customerAttributions.id, id));
  return row ?? null;
}

export async function setAttributionCrm(
  db: Queryable,
  id: string,
  patch: { crmSystem: string | null; crmOpportunityId: string | null; crmSyncedAt: Date | null; crmError: string | null },
) {
  await db.update(customerAttributions).set(patch).where(eq(customerAttributions.id, id));
}

export async function countUnmatched(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(conversions).where(eq(conversions.status, "unmatched"));
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------

export interface FunnelRow {
  clicks: number;
  signups: number;
  pilots: number;
  paid: number;
}

/** Counted clicks and attributed customers reaching each stage, since `from`. */
export async function funnelFor(partnerId: string, from: Date): Promise<FunnelRow> {
  const db = await getDb();
  const [clicks] = await db
    .select({ n: count() })
    .from(linkClicks)
    .where(and(eq(linkClicks.partnerId, partnerId), eq(linkClicks.counted, true), sql`${linkClicks.clickedAt} >= ${from.toISOString()}::timestamptz`));
  const rows = await queryRows<{ signups: number; pilots: number; paid: number }>(
    db,
    sql`select count(*) filter (where signup_at >= ${from.toISOString()}::timestamptz or (signup_at is null and coalesce(pilot_at, paid_at) >= ${from.toISOString()}::timestamptz))::int as signups,
               count(*) filter (where pilot_at >= ${from.toISOString()}::timestamptz or (pilot_at is null and paid_at >= ${from.toISOString()}::timestamptz))::int as pilots,
               count(*) filter (where paid_at >= ${from.toISOString()}::timestamptz)::int as paid
          from customer_attributions where partner_id = ${partnerId}`,
  );
  const r = rows[0] ?? { signups: 0, pilots: 0, paid: 0 };
  return { clicks: clicks?.n ?? 0, signups: Number(r.signups), pilots: Number(r.pilots), paid: Number(r.paid) };
}

/** Counted clicks per day since `from` (UTC days), for the trend chart. */
export async function clicksPerDay(partnerId: string, from: Date): Promise<{ day: string; clicks: number; raw: number }[]> {
  const db = await getDb();
  const rows = await queryRows<{ day: string; clicks: number; raw: number }>(
    db,
    sql`select to_char(date_trunc('day', clicked_at, 'UTC'), 'YYYY-MM-DD') as day,
               count(*) filter (where counted)::int as clicks, count(*)::int as raw
          from link_clicks where partner_id = ${partnerId} and clicked_at >= ${from.toISOString()}::timestamptz
         group by 1 order by 1`,
  );
  return rows.map((r) => ({ day: r.day, clicks: Number(r.clicks), raw: Number(r.raw) }));
}

export async function recentConversions(partnerId: string, limit: number): Promise<ConversionRow[]> {
  const db = await getDb();
  return db.select().from(conversions).where(eq(conversions.partnerId, partnerId)).orderBy(desc(conversions.occurredAt)).limit(limit);
}

export async function partnerSlugOf(db: Queryable, partnerId: string): Promise<string | null> {
  const [row] = await db.select({ slug: partners.slug }).from(partners).where(eq(partners.id, partnerId));
  return row?.slug ?? null;
}

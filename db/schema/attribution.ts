import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// Attribution: partners' tracking links, the clicks on them, the conversions
// (signup, pilot, paid) the platform and Stripe report, and which partner each
// customer is attributed to. Rules: lib/attribution/rules.ts.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type ConversionType = "signup" | "pilot" | "paid";
export type ConversionSource = "api" | "stripe";
export type MatchVia = "customer" | "deal" | "click" | "partner_id";

export const trackingLinks = pgTable(
  "tracking_links",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("link")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** The path segment of /r/<code>: lowercase letters, digits and dashes. */
    code: text("code").notNull(),
    destination: text("destination").notNull(),
    campaign: text("campaign"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    archivedAt: tz("archived_at"),
  },
  (t) => [uniqueIndex("tracking_links_code_key").on(t.code), index("tracking_links_partner_idx").on(t.partnerId, t.createdAt)],
);

/**
 * Every click, raw (bots and repeats included, for fraud analysis). `counted`
 * is true for the first non-bot click per hashed IP, link and UTC hour.
 */
export const linkClicks = pgTable(
  "link_clicks",
  {
    id: text("id").primaryKey(),
    linkId: text("link_id")
      .notNull()
      .references(() => trackingLinks.id, { onDelete: "cascade" }),
    partnerId: text("partner_id").notNull(),
    clickedAt: tz("clicked_at").notNull(),
    /** clicked_at truncated to the UTC hour: the dedup window. */
    hourBucket: tz("hour_bucket").notNull(),
    /** HMAC-SHA256 of the client IP: comparable, not reversible. */
    ipHash: text("ip_hash").notNull(),
    userAgent: text("user_agent"),
    referrer: text("referrer"),
    isBot: boolean("is_bot").notNull(),
    counted: boolean("counted").notNull(),
  },
  (t) => [
    index("link_clicks_link_idx").on(t.linkId, t.clickedAt),
    index("link_clicks_partner_idx").on(t.partnerId, t.clickedAt),
    index("link_clicks_ip_idx").on(t.ipHash, t.clickedAt),
  ],
);

/** One row per (link, hashed IP, hour) that was counted: makes counting exact across instances. */
export const clickDedupKeys = pgTable(
  "click_dedup_keys",
  {
    linkId: text("link_id").notNull(),
    ipHash: text("ip_hash").notNull(),
    hourBucket: tz("hour_bucket").notNull(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.ipHash, t.hourBucket] })],
);

export const conversions = pgTable(
  "conversions",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("conversion")),
    type: text("type").$type<ConversionType>().notNull(),
    source: text("source").$type<ConversionSource>().notNull(),
    /** The sender's id for the event (Stripe invoice or subscription, platform event id): unique per source. */
    externalId: text("external_id"),
    customerId: text("customer_id").notNull(),
    customerDomain: text("customer_domain"),
    customerEmail: text("customer_email"),
    company: text("company"),
    amountCents: integer("amount_cents"),
    currency: text("currency"),
    sku: text("sku"),
    occurredAt: tz("occurred_at").notNull(),
    receivedAt: tz("received_at").notNull(),
    // What the sender told us about the referral.
    partnerIdHint: text("partner_id_hint"),
    clickIdHint: text("click_id_hint"),
    dealIdHint: text("deal_id_hint"),
    crmOpportunityId: text("crm_opportunity_id"),
    // The match.
    status: text("status").$type<"unmatched" | "matched">().notNull().default("unmatched"),
    partnerId: text("partner_id"),
    matchedVia: text("matched_via").$type<MatchVia>(),
    attributionId: text("attribution_id"),
    clickId: text("click_id"),
    dealId: text("deal_id"),
    matchedAt: tz("matched_at"),
    /** Follow-ups of a match (event, fraud checks, commissions) done. */
    processedAt: tz("processed_at"),
    fraudFlags: jsonb("fraud_flags").$type<{ rule: string; detail: string }[]>(),
    stripeEventId: text("stripe_event_id"),
  },
  (t) => [
    uniqueIndex("conversions_source_external_key").on(t.source, t.externalId),
    index("conversions_customer_idx").on(t.customerId, t.occurredAt),
    index("conversions_partner_idx").on(t.partnerId, t.occurredAt),
    index("conversions_unmatched_idx").on(t.receivedAt).where(sql`${t.status} = 'unmatched'`),
    index("conversions_unprocessed_idx").on(t.matchedAt).where(sql`${t.status} = 'matched' and ${t.processedAt} is null`),
    check("conversions_type_check", sql`${t.type} in ('signup', 'pilot', 'paid')`),
    check("conversions_source_check", sql`${t.source} in ('api', 'stripe')`),
    check("conversions_status_check", sql`${t.status} in ('unmatched', 'matched')`),
    check("conversions_via_check", sql`${t.matchedVia} is null or ${t.matchedVia} in ('customer', 'deal', 'click', 'partner_id')`),
    check("conversions_currency_check", sql`${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Which partner a customer belongs to: set by the customer's first matched conversion, then kept. */
export const customerAttributions = pgTable(
  "customer_attributions",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("attribution")),
    customerId: text("customer_id").notNull(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    via: text("via").$type<Exclude<MatchVia, "customer">>().notNull(),
    clickId: text("click_id"),
    linkId: text("link_id"),
    dealId: text("deal_id"),
    /** The touch: the click, the deal registration, or the event itself for a partner id. */
    touchedAt: tz("touched_at").notNull(),
    matchedAt: tz("matched_at").notNull(),
    conversionId: text("conversion_id").notNull(),
    customerDomain: text("customer_domain"),
    signupAt: tz("signup_at"),
    pilotAt: tz("pilot_at"),
    paidAt: tz("paid_at"),
    crmSystem: text("crm_system"),
    crmOpportunityId: text("crm_opportunity_id"),
    crmSyncedAt: tz("crm_synced_at"),
    crmError: text("crm_error"),
  },
  (t) => [
    uniqueIndex("customer_attributions_customer_key").on(t.customerId),
    index("customer_attributions_partner_idx").on(t.partnerId, t.matchedAt),
    check("customer_attributions_via_check", sql`${t.via} in ('deal', 'click', 'partner_id')`),
  ],
);

/** Analytics events (GA4 Measurement Protocol): always a row; sent when GA4 is configured. */
export const analyticsEvents = pgTable(
  "analytics_events",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("analyticsEvent")),
    name: text("name").notNull(),
    clientId: text("client_id").notNull(),
    partnerId: text("partner_id"),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    destination: text("destination").$type<"table" | "ga4">().notNull(),
    status: text("status").$type<"stored" | "pending" | "sent" | "failed">().notNull(),
    error: text("error"),
    createdAt: tz("created_at").notNull(),
    sentAt: tz("sent_at"),
  },
  (t) => [
    index("analytics_events_created_idx").on(t.createdAt),
    check("analytics_events_status_check", sql`${t.status} in ('stored', 'pending', 'sent', 'failed')`),
  ],
);

/** The app's own CRM (used when Salesforce is not configured): opportunities with their partner. */
export const crmOpportunities = pgTable(
  "crm_opportunities",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("opportunity")),
    company: text("company").notNull(),
    domain: text("domain"),
    customerId: text("customer_id"),
    stage: text("stage").notNull().default("prospecting"),
    amountCents: integer("amount_cents"),
    currency: text("currency"),
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "set null" }),
    dealId: text("deal_id"),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [index("crm_opportunities_domain_idx").on(t.domain), index("crm_opportunities_customer_idx").on(t.customerId)],
);

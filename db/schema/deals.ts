import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// Deal registration: a partner claims a prospective customer (by company
// domain) and is protected for 60 days. Rules: lib/deals/rules.ts.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type DealStage = "registered" | "accepted" | "won" | "lost" | "expired";

export const deals = pgTable(
  "deals",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("deal")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    /** Lowercase host without "www.": the key conflicts are found by. */
    domain: text("domain").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    estimatedValueCents: integer("estimated_value_cents").notNull(),
    currency: text("currency").notNull(),
    products: text("products").array().notNull().default(sql`'{}'::text[]`),
    expectedCloseAt: tz("expected_close_at").notNull(),
    stage: text("stage").$type<DealStage>().notNull().default("registered"),
    /** Open while an admin has not decided a conflict this deal is part of. */
    inConflict: text("in_conflict").$type<"none" | "open">().notNull().default("none"),
    registeredAt: tz("registered_at").notNull(),
    protectedUntil: tz("protected_until").notNull(),
    reminderSentAt: tz("reminder_sent_at"),
    closedAt: tz("closed_at"),
    closeReason: text("close_reason"),
    registeredByUserId: text("registered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    crmOpportunityId: text("crm_opportunity_id"),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [
    index("deals_domain_idx").on(t.domain),
    index("deals_partner_idx").on(t.partnerId, t.registeredAt),
    index("deals_open_idx").on(t.protectedUntil).where(sql`${t.stage} in ('registered', 'accepted')`),
    // One open registration per partner and domain.
    uniqueIndex("deals_partner_domain_open_key").on(t.partnerId, t.domain).where(sql`${t.stage} in ('registered', 'accepted')`),
    check("deals_stage_check", sql`${t.stage} in ('registered', 'accepted', 'won', 'lost', 'expired')`),
    check("deals_conflict_check", sql`${t.inConflict} in ('none', 'open')`),
    check("deals_value_check", sql`${t.estimatedValueCents} >= 0`),
    check("deals_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** A later registration for a domain another partner already holds: decided by an admin. */
export const dealConflicts = pgTable(
  "deal_conflicts",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("dealConflict")),
    domain: text("domain").notNull(),
    /** The registration that came first (wins unless an admin decides otherwise). */
    firstDealId: text("first_deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    secondDealId: text("second_deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    status: text("status").$type<"open" | "resolved">().notNull().default("open"),
    winnerDealId: text("winner_deal_id"),
    reason: text("reason"),
    resolvedByUserId: text("resolved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    resolvedAt: tz("resolved_at"),
  },
  (t) => [
    uniqueIndex("deal_conflicts_second_key").on(t.secondDealId),
    index("deal_conflicts_open_idx").on(t.createdAt).where(sql`${t.status} = 'open'`),
    check("deal_conflicts_status_check", sql`${t.status} in ('open', 'resolved')`),
    check("deal_conflicts_resolution_check", sql`(${t.status} = 'open') = (${t.winnerDealId} is null)`),
  ],
);

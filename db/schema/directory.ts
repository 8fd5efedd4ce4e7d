import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// The public directory: each listed partner's ranking (rebuilt by
// /api/cron/ranking, formulas in lib/ranking/score.ts), the leads prospects
// send from profiles, and proof-link changes waiting for an admin.
// Full-text and trigram indexes on partners live in the directory_search migration.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const partnerRankings = pgTable(
  "partner_rankings",
  {
    partnerId: text("partner_id")
      .primaryKey()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** 0..1: 0.4 compliance + 0.3 performance + 0.2 satisfaction + 0.1 recency, rounded to 6 places. */
    score: doublePrecision("score").notNull(),
    compliance: doublePrecision("compliance").notNull(),
    performance: doublePrecision("performance").notNull(),
    satisfaction: doublePrecision("satisfaction").notNull(),
    recency: doublePrecision("recency").notNull(),
    /** Placement band from the tier (lib/tiers/benefits.ts); probation sorts after its band. */
    placementBand: smallint("placement_band").notNull(),
    onProbation: integer("on_probation").notNull(),
    /** 1 = first in the directory. */
    rank: integer("rank").notNull(),
    /** The measured inputs behind the components, shown to the partner itself. */
    inputs: jsonb("inputs").notNull(),
    computedAt: tz("computed_at").notNull(),
  },
  (t) => [
    index("partner_rankings_rank_idx").on(t.rank),
    check("partner_rankings_score_check", sql`${t.score} >= 0 and ${t.score} <= 1`),
  ],
);

export type LeadStatus = "new" | "answered" | "closed";

export const leads = pgTable(
  "leads",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("lead")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    company: text("company"),
    message: text("message").notNull(),
    status: text("status").$type<LeadStatus>().notNull().default("new"),
    createdAt: tz("created_at").notNull(),
    answeredAt: tz("answered_at"),
  },
  (t) => [
    index("leads_partner_idx").on(t.partnerId, t.createdAt),
    check("leads_status_check", sql`${t.status} in ('new', 'answered', 'closed')`),
    check("leads_answered_check", sql`${t.answeredAt} is null or ${t.answeredAt} >= ${t.createdAt}`),
  ],
);

export type ListingReviewState = "pending" | "approved" | "rejected" | "superseded";

/** A proposed change to a partner's proof links; published only once an admin approves it. */
export const listingReviews = pgTable(
  "listing_reviews",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("listingReview")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    proposedProofLinks: text("proposed_proof_links").array().notNull(),
    previousProofLinks: text("previous_proof_links").array().notNull(),
    state: text("state").$type<ListingReviewState>().notNull().default("pending"),
    submittedBy: text("submitted_by").notNull(),
    submittedAt: tz("submitted_at").notNull(),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: tz("decided_at"),
    reason: text("reason"),
  },
  (t) => [
    index("listing_reviews_state_idx").on(t.state, t.submittedAt),
    index("listing_reviews_partner_idx").on(t.partnerId, t.submittedAt),
    check("listing_reviews_state_check", sql`${t.state} in ('pending', 'approved', 'rejected', 'superseded')`),
    check("listing_reviews_reason_check", sql`${t.state} <> 'rejected' or ${t.reason} is not null`),
  ],
);

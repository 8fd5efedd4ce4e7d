import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import type { Tier } from "@/lib/partners/constants";
import { partners } from "./core";

// The badges partners hold and embed. One row per partner and badge, kept for
// life: its id is the unguessable public id in the badge image and verification
// URLs, so a badge that lapses and is earned again keeps the same embed code.
// The row carries the current state; its history is in the audit log.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const TRACK_BADGES = ["certified_installer", "certified_auditor", "enterprise_certified"] as const;
export const PERFORMANCE_BADGES = ["fast_installer", "compliance_pro", "five_star_nps"] as const;
export type TrackBadge = (typeof TRACK_BADGES)[number];
export type PerformanceBadgeKey = (typeof PERFORMANCE_BADGES)[number];
export type BadgeKey = TrackBadge | PerformanceBadgeKey;
export type BadgeKind = "track" | "performance";
export const BADGE_STATES = ["active", "probation", "expired", "revoked"] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export const partnerBadges = pgTable(
  "partner_badges",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("badge")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    kind: text("kind").$type<BadgeKind>().notNull(),
    badge: text("badge").$type<BadgeKey>().notNull(),
    /** The tier a track badge shows; null on performance badges. */
    tier: text("tier").$type<Tier>(),
    state: text("state").$type<BadgeState>().notNull().default("active"),
    issuedAt: tz("issued_at").notNull(),
    expiresAt: tz("expires_at"),
    stateChangedAt: tz("state_changed_at").notNull(),
    revokedReason: text("revoked_reason"),
    createdAt: tz("created_at").notNull().defaultNow(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_badges_partner_badge_key").on(t.partnerId, t.badge),
    index("partner_badges_state_idx").on(t.state),
    check("partner_badges_kind_check", sql`${t.kind} in ('track', 'performance')`),
    check(
      "partner_badges_badge_check",
      sql`(${t.kind} = 'track' and ${t.badge} in ('certified_installer', 'certified_auditor', 'enterprise_certified'))
        or (${t.kind} = 'performance' and ${t.badge} in ('fast_installer', 'compliance_pro', 'five_star_nps'))`,
    ),
    check("partner_badges_tier_check", sql`(${t.kind} = 'track') = (${t.tier} is not null)`),
    check("partner_badges_tier_value_check", sql`${t.tier} is null or ${t.tier} in ('verified', 'advanced', 'premier')`),
    check("partner_badges_state_check", sql`${t.state} in ('active', 'probation', 'expired', 'revoked')`),
    check("partner_badges_revoked_reason_check", sql`${t.state} <> 'revoked' or ${t.revokedReason} is not null`),
  ],
);

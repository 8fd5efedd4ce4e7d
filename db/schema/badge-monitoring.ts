import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partnerBadges } from "./badges";
import { partners, users } from "./core";

// Where partners show their badges, and what we find there: the pages a partner
// declares (their hosts are the declared domains; the scanner fetches the pages),
// the hosts badge images are embedded on (counted from the Referer header,
// written in batches), and the violations the scanner or the embed log opens,
// with their remediation workflow.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type BadgePageScanStatus = "ok" | "error" | "blocked_by_robots";

export const badgePages = pgTable(
  "badge_pages",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("badgePage")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** Lower-case host of the URL: the declared domain. */
    host: text("host").notNull(),
    createdAt: tz("created_at").notNull().defaultNow(),
    lastScannedAt: tz("last_scanned_at"),
    lastScanStatus: text("last_scan_status").$type<BadgePageScanStatus>(),
    lastScanError: text("last_scan_error"),
    /** Set when the partner marks a violation fixed: the next scan run takes this page first. */
    rescanRequestedAt: tz("rescan_requested_at"),
  },
  (t) => [
    uniqueIndex("badge_pages_partner_url_key").on(t.partnerId, t.url),
    index("badge_pages_host_idx").on(t.host),
    index("badge_pages_scan_idx").on(t.lastScannedAt),
    check("badge_pages_status_check", sql`${t.lastScanStatus} is null or ${t.lastScanStatus} in ('ok', 'error', 'blocked_by_robots')`),
  ],
);

export const badgeEmbeds = pgTable(
  "badge_embeds",
  {
    badgeId: text("badge_id")
      .notNull()
      .references(() => partnerBadges.id, { onDelete: "cascade" }),
    host: text("host").notNull(),
    requests: bigint("requests", { mode: "number" }).notNull().default(0),
    firstSeenAt: tz("first_seen_at").notNull(),
    lastSeenAt: tz("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.badgeId, t.host] }), check("badge_embeds_requests_check", sql`${t.requests} >= 0`)],
);

export const VIOLATION_KINDS = ["foreign_image", "tier_overclaim", "inactive_badge", "missing_verify_link", "undeclared_domain"] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const VIOLATION_STATUSES = ["open", "fix_claimed", "resolved", "escalated"] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

export const badgeViolations = pgTable(
  "badge_violations",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("badgeViolation")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    badgeId: text("badge_id").references(() => partnerBadges.id, { onDelete: "set null" }),
    kind: text("kind").$type<ViolationKind>().notNull(),
    /** The page the scanner saw it on, or null for embed-log findings. */
    pageUrl: text("page_url"),
    host: text("host").notNull(),
    detail: text("detail").notNull(),
    /** What makes two findings the same violation (kind, place, badge). */
    fingerprint: text("fingerprint").notNull(),
    status: text("status").$type<ViolationStatus>().notNull().default("open"),
    openedAt: tz("opened_at").notNull(),
    deadlineAt: tz("deadline_at").notNull(),
    lastSeenAt: tz("last_seen_at").notNull(),
    fixClaimedAt: tz("fix_claimed_at"),
    closedAt: tz("closed_at"),
    closedByUserId: text("closed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution"),
    notifiedAt: tz("notified_at"),
    scanCount: integer("scan_count").notNull().default(1),
  },
  (t) => [
    // One live violation per finding; closed ones stay as history.
    uniqueIndex("badge_violations_live_key").on(t.fingerprint).where(sql`${t.status} in ('open', 'fix_claimed')`),
    index("badge_violations_partner_idx").on(t.partnerId, t.openedAt),
    index("badge_violations_status_idx").on(t.status, t.deadlineAt),
    check(
      "badge_violations_kind_check",
      sql`${t.kind} in ('foreign_image', 'tier_overclaim', 'inactive_badge', 'missing_verify_link', 'undeclared_domain')`,
    ),
    check("badge_violations_status_check", sql`${t.status} in ('open', 'fix_claimed', 'resolved', 'escalated')`),
    check("badge_violations_closed_check", sql`(${t.status} in ('resolved', 'escalated')) = (${t.closedAt} is not null)`),
  ],
);

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import type { Stack } from "@/lib/partners/constants";
import { partners, users } from "./core";

// The evidence the program runs on: installs, survival checks (and what each
// checked asset showed), their rollups, Survival Reports, Evidence Pack exports
// and NPS surveys. Rollup tables are summaries rebuilt by the rollup job; the
// other tables are the record.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type InstallSource = "console" | "api" | "seed";
export type CheckSource = "probe" | "api" | "seed";
export type SurvivalMethod = "embedded" | "remote";

// ---------------------------------------------------------------------------
// Installs: one customer site set up by a partner (or by the customer alone:
// partner_id null is the self-serve control group)
// ---------------------------------------------------------------------------

export const installs = pgTable(
  "installs",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("install")),
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    stack: text("stack").$type<Stack>().notNull(),
    siteUrl: text("site_url").notNull(),
    customerName: text("customer_name").notNull(),
    /** Where the customer NPS survey about this partner goes; optional. */
    customerEmail: text("customer_email"),
    startedAt: tz("started_at").notNull(),
    /** The first check that met the survival bar (or the platform's own verification time). */
    verifiedAt: tz("verified_at"),
    /** Public asset URLs the prober samples. */
    sampleUrls: text("sample_urls").array().notNull().default(sql`'{}'::text[]`),
    source: text("source").$type<InstallSource>().notNull(),
    /** The platform's own id for the site, when it reported the install. */
    externalRef: text("external_ref"),
    /** When the scheduled prober should look at this install next; claimed with SKIP LOCKED. */
    nextProbeAt: tz("next_probe_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("installs_partner_idx").on(t.partnerId, t.startedAt),
    index("installs_stack_idx").on(t.stack),
    index("installs_next_probe_idx").on(t.nextProbeAt),
    uniqueIndex("installs_external_ref_key").on(t.externalRef),
    check("installs_stack_check", sql`${t.stack} in ('wordpress', 'shopify', 'workers', 'custom')`),
    check("installs_source_check", sql`${t.source} in ('console', 'api', 'seed')`),
    check("installs_verified_after_start_check", sql`${t.verifiedAt} is null or ${t.verifiedAt} >= ${t.startedAt}`),
  ],
);

// ---------------------------------------------------------------------------
// Survival checks: one look at an install's assets, with counts per method.
// partner_id and stack are copied from the install so rollups need no join.
// ---------------------------------------------------------------------------

export const survivalChecks = pgTable(
  "survival_checks",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("check")),
    installId: text("install_id")
      .notNull()
      .references(() => installs.id, { onDelete: "cascade" }),
    partnerId: text("partner_id"),
    stack: text("stack").$type<Stack>().notNull(),
    checkedAt: tz("checked_at").notNull(),
    assetsChecked: integer("assets_checked").notNull(),
    assetsSurvived: integer("assets_survived").notNull(),
    survivedEmbedded: integer("survived_embedded").notNull().default(0),
    survivedRemote: integer("survived_remote").notNull().default(0),
    /** Assets that could not be checked at all (unreachable, timeout, not an image...). */
    errors: integer("errors").notNull().default(0),
    source: text("source").$type<CheckSource>().notNull(),
    /** A short summary of what went wrong, if anything. */
    note: text("note"),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("survival_checks_install_idx").on(t.installId, t.checkedAt),
    index("survival_checks_checked_at_idx").on(t.checkedAt),
    check("survival_checks_counts_check", sql`${t.assetsChecked} >= 0 and ${t.assetsSurvived} >= 0 and ${t.errors} >= 0 and ${t.assetsSurvived} <= ${t.assetsChecked} and ${t.errors} <= ${t.assetsChecked}`),
    check("survival_checks_methods_check", sql`${t.survivedEmbedded} >= 0 and ${t.survivedRemote} >= 0 and ${t.survivedEmbedded} + ${t.survivedRemote} = ${t.assetsSurvived}`),
    check("survival_checks_source_check", sql`${t.source} in ('probe', 'api', 'seed')`),
  ],
);

/** What one checked asset showed (probed checks, and API checks that send them). */
export const survivalCheckAssets = pgTable(
  "survival_check_assets",
  {
    checkId: text("check_id")
      .notNull()
      .references(() => survivalChecks.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    url: text("url").notNull(),
    survived: boolean("survived").notNull(),
    method: text("method").$type<SurvivalMethod>(),
    /** Why it did not survive or could not be checked: "stripped", "timeout", "too_large"... */
    reason: text("reason"),
    detail: text("detail"),
    httpStatus: smallint("http_status"),
    bytes: integer("bytes"),
    durationMs: integer("duration_ms"),
    manifestUrl: text("manifest_url"),
  },
  (t) => [
    primaryKey({ columns: [t.checkId, t.position] }),
    check("survival_check_assets_method_check", sql`${t.method} is null or ${t.method} in ('embedded', 'remote')`),
    check("survival_check_assets_survived_method_check", sql`${t.survived} = (${t.method} is not null)`),
  ],
);

// ---------------------------------------------------------------------------
// Rollups (rebuilt by /api/cron/evidence-rollups). `owner` is a partner id,
// 'self_serve' (installs without a partner) or 'program' (everything);
// `stack` is one stack or 'all'.
// ---------------------------------------------------------------------------

export const ttiRollups = pgTable(
  "tti_rollups",
  {
    owner: text("owner").notNull(),
    stack: text("stack").notNull(),
    installsStarted: integer("installs_started").notNull(),
    installsVerified: integer("installs_verified").notNull(),
    p50Seconds: doublePrecision("p50_seconds"),
    p95Seconds: doublePrecision("p95_seconds"),
    computedAt: tz("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.stack] })],
);

export const ttiWeekly = pgTable(
  "tti_weekly",
  {
    owner: text("owner").notNull(),
    stack: text("stack").notNull(),
    /** Monday (UTC) of the ISO week the installs were verified in. */
    weekStart: date("week_start", { mode: "string" }).notNull(),
    installsVerified: integer("installs_verified").notNull(),
    p50Seconds: doublePrecision("p50_seconds").notNull(),
    p95Seconds: doublePrecision("p95_seconds").notNull(),
    computedAt: tz("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.stack, t.weekStart] })],
);

export const survivalDaily = pgTable(
  "survival_daily",
  {
    owner: text("owner").notNull(),
    stack: text("stack").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    checks: integer("checks").notNull(),
    assetsChecked: bigint("assets_checked", { mode: "number" }).notNull(),
    assetsSurvived: bigint("assets_survived", { mode: "number" }).notNull(),
    survivedEmbedded: bigint("survived_embedded", { mode: "number" }).notNull(),
    survivedRemote: bigint("survived_remote", { mode: "number" }).notNull(),
    computedAt: tz("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.stack, t.day] }), index("survival_daily_day_idx").on(t.day)],
);

/** Survival over the last 7, 30 and 90 days as of the rollup's run. */
export const survivalWindows = pgTable(
  "survival_windows",
  {
    owner: text("owner").notNull(),
    stack: text("stack").notNull(),
    windowDays: smallint("window_days").notNull(),
    checks: integer("checks").notNull(),
    assetsChecked: bigint("assets_checked", { mode: "number" }).notNull(),
    assetsSurvived: bigint("assets_survived", { mode: "number" }).notNull(),
    computedAt: tz("computed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.owner, t.stack, t.windowDays] }),
    check("survival_windows_window_check", sql`${t.windowDays} in (7, 30, 90)`),
  ],
);

// ---------------------------------------------------------------------------
// Survival Reports (public once published) and Evidence Pack exports
// ---------------------------------------------------------------------------

export const survivalReports = pgTable(
  "survival_reports",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("report")),
    installId: text("install_id")
      .notNull()
      .references(() => installs.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    periodStart: tz("period_start").notNull(),
    periodEnd: tz("period_end").notNull(),
    /** What the report stated when it was last created or published (recomputable from the checks). */
    statedChecks: integer("stated_checks").notNull().default(0),
    statedAssetsChecked: bigint("stated_assets_checked", { mode: "number" }).notNull().default(0),
    statedAssetsSurvived: bigint("stated_assets_survived", { mode: "number" }).notNull().default(0),
    publishedAt: tz("published_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("survival_reports_partner_idx").on(t.partnerId, t.createdAt),
    index("survival_reports_install_idx").on(t.installId),
    check("survival_reports_period_check", sql`${t.periodEnd} > ${t.periodStart}`),
  ],
);

export const evidenceExports = pgTable(
  "evidence_exports",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("evidenceExport")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** Null: the whole partner's evidence. */
    installId: text("install_id").references(() => installs.id, { onDelete: "set null" }),
    periodStart: tz("period_start").notNull(),
    periodEnd: tz("period_end").notNull(),
    files: integer("files").notNull(),
    bytes: integer("bytes").notNull(),
    /** SHA-256 of manifest.json, which lists every other file's hash. */
    manifestSha256: text("manifest_sha256").notNull(),
    checks: integer("checks").notNull(),
    /** The pack's manifest.json (file paths, SHA-256s, generation time). */
    manifest: jsonb("manifest").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [index("evidence_exports_partner_idx").on(t.partnerId, t.createdAt)],
);

// ---------------------------------------------------------------------------
// NPS: one survey per audience and quarter, one invitation per recipient
// (a one-use token, only its hash stored), at most one response per invitation
// ---------------------------------------------------------------------------

export type NpsAudience = "customer" | "partner";

export const npsSurveys = pgTable(
  "nps_surveys",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("npsSurvey")),
    audience: text("audience").$type<NpsAudience>().notNull(),
    /** "2026-Q4" */
    quarter: text("quarter").notNull(),
    openedAt: tz("opened_at").notNull(),
    closesAt: tz("closes_at").notNull(),
  },
  (t) => [
    uniqueIndex("nps_surveys_audience_quarter_key").on(t.audience, t.quarter),
    check("nps_surveys_audience_check", sql`${t.audience} in ('customer', 'partner')`),
    check("nps_surveys_quarter_check", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);

export const npsInvitations = pgTable(
  "nps_invitations",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("npsInvitation")),
    surveyId: text("survey_id")
      .notNull()
      .references(() => npsSurveys.id, { onDelete: "cascade" }),
    /** Customer surveys: the partner asked about. Partner surveys: the partner answering. */
    partnerId: text("partner_id").references(() => partners.id, { onDelete: "cascade" }),
    installId: text("install_id").references(() => installs.id, { onDelete: "set null" }),
    email: text("email").notNull(),
    /** SHA-256 of the token in the emailed link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    sentAt: tz("sent_at").notNull(),
    remindedAt: tz("reminded_at"),
    reminders: smallint("reminders").notNull().default(0),
    expiresAt: tz("expires_at").notNull(),
    respondedAt: tz("responded_at"),
  },
  (t) => [
    uniqueIndex("nps_invitations_token_key").on(t.tokenHash),
    uniqueIndex("nps_invitations_recipient_key").on(t.surveyId, sql`lower(${t.email})`, sql`coalesce(${t.partnerId}, '')`),
    index("nps_invitations_partner_idx").on(t.partnerId),
  ],
);

export const npsResponses = pgTable(
  "nps_responses",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("npsResponse")),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => npsInvitations.id, { onDelete: "cascade" }),
    surveyId: text("survey_id")
      .notNull()
      .references(() => npsSurveys.id, { onDelete: "cascade" }),
    audience: text("audience").$type<NpsAudience>().notNull(),
    quarter: text("quarter").notNull(),
    partnerId: text("partner_id"),
    score: smallint("score").notNull(),
    comment: text("comment"),
    respondedAt: tz("responded_at").notNull(),
  },
  (t) => [
    uniqueIndex("nps_responses_invitation_key").on(t.invitationId),
    index("nps_responses_partner_idx").on(t.partnerId, t.quarter),
    index("nps_responses_quarter_idx").on(t.audience, t.quarter),
    check("nps_responses_score_check", sql`${t.score} between 0 and 10`),
  ],
);

/** Addresses that asked for no more surveys. */
export const npsUnsubscribes = pgTable(
  "nps_unsubscribes",
  {
    email: text("email").primaryKey(),
    at: tz("at").notNull(),
  },
  (t) => [check("nps_unsubscribes_lower_check", sql`${t.email} = lower(${t.email})`)],
);

import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";
import { uploads } from "./uploads";

// Co-marketing and market development funds: one-pagers partners generate,
// webinars with their registrations (leads), brand-use submissions with their
// review thread, proofs, and MDF requests with their claims. Rules live in
// lib/marketing and lib/mdf.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

// ---------------------------------------------------------------------------
// Kits: one-pagers
// ---------------------------------------------------------------------------

export const onePagers = pgTable(
  "one_pagers",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("onePager")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** Template key (lib/marketing/templates.ts). */
    template: text("template").notNull(),
    headline: text("headline").notNull(),
    intro: text("intro").notNull().default(""),
    /** Exactly the proof links printed on the page, in order (at most three). */
    proofLinks: text("proof_links").array().notNull().default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [index("one_pagers_partner_idx").on(t.partnerId, t.createdAt)],
);

// ---------------------------------------------------------------------------
// Webinars and their registrations
// ---------------------------------------------------------------------------

export const webinars = pgTable(
  "webinars",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("webinar")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    /** The public page is /webinars/<slug>. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: tz("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(45),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("webinars_slug_key").on(t.slug),
    index("webinars_partner_idx").on(t.partnerId, t.startsAt),
    check("webinars_status_check", sql`${t.status} in ('open', 'closed')`),
    check("webinars_duration_check", sql`${t.durationMinutes} between 10 and 480`),
  ],
);

export const webinarRegistrations = pgTable(
  "webinar_registrations",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("webinarRegistration")),
    webinarId: text("webinar_id")
      .notNull()
      .references(() => webinars.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    company: text("company").notNull(),
    companySize: text("company_size").notNull(),
    role: text("role").notNull(),
    /** Decided by the qualification rules when the lead registered. */
    qualified: boolean("qualified").notNull(),
    /** The rules that failed (empty when qualified). */
    reasons: jsonb("reasons").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The attribution conversion recorded for this lead. */
    conversionId: text("conversion_id"),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("webinar_registrations_email_key").on(t.webinarId, sql`lower(${t.email})`),
    index("webinar_registrations_partner_idx").on(t.partnerId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------
// Brand-use approvals: submissions and their comment thread
// ---------------------------------------------------------------------------

export type MarketingStatus = "pending" | "changes_requested" | "approved";

export const marketingSubmissions = pgTable(
  "marketing_submissions",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("marketingSubmission")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Where the material will be used: a channel, a campaign. */
    usage: text("usage").notNull().default(""),
    uploadId: text("upload_id").references(() => uploads.id, { onDelete: "set null" }),
    url: text("url"),
    status: text("status").$type<MarketingStatus>().notNull().default("pending"),
    /** Given on approval: CM-<year>-<4 digits>, quoted on the material. */
    referenceId: text("reference_id"),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
    decidedAt: tz("decided_at"),
  },
  (t) => [
    uniqueIndex("marketing_submissions_reference_key").on(t.referenceId),
    index("marketing_submissions_partner_idx").on(t.partnerId, t.createdAt),
    index("marketing_submissions_status_idx").on(t.status, t.updatedAt),
    check("marketing_submissions_status_check", sql`${t.status} in ('pending', 'changes_requested', 'approved')`),
    check("marketing_submissions_source_check", sql`${t.uploadId} is not null or ${t.url} is not null`),
    check("marketing_submissions_reference_check", sql`(${t.status} = 'approved') = (${t.referenceId} is not null)`),
  ],
);

export const marketingComments = pgTable(
  "marketing_comments",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("marketingComment")),
    submissionId: text("submission_id")
      .notNull()
      .references(() => marketingSubmissions.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    side: text("side").$type<"partner" | "program">().notNull(),
    body: text("body").notNull(),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [index("marketing_comments_submission_idx").on(t.submissionId, t.createdAt), check("marketing_comments_side_check", sql`${t.side} in ('partner', 'program')`)],
);

/** The last reference number given per year: CM-2026-0042 is the 42nd approval of 2026. */
export const marketingReferenceCounters = pgTable("marketing_reference_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

// ---------------------------------------------------------------------------
// Proofs: CAI Verify links (asset checked reachable) and proof files
// ---------------------------------------------------------------------------

export const partnerProofs = pgTable(
  "partner_proofs",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("proof")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"link" | "file">().notNull(),
    title: text("title").notNull(),
    verifyUrl: text("verify_url"),
    assetUrl: text("asset_url"),
    /** HTTP status of the asset when it was last checked. */
    assetStatus: integer("asset_status"),
    checkedAt: tz("checked_at"),
    uploadId: text("upload_id").references(() => uploads.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [
    index("partner_proofs_partner_idx").on(t.partnerId, t.createdAt),
    check("partner_proofs_kind_check", sql`${t.kind} in ('link', 'file')`),
    check("partner_proofs_shape_check", sql`(${t.kind} = 'link' and ${t.verifyUrl} is not null) or (${t.kind} = 'file' and ${t.uploadId} is not null)`),
  ],
);

// ---------------------------------------------------------------------------
// MDF: a lockable budget row per partner and year, requests and their claims
// ---------------------------------------------------------------------------

export type MdfStatus = "pending" | "approved" | "partly_approved" | "rejected" | "claim_submitted" | "reimbursed" | "claim_rejected";

/**
 * One row per partner and budget year, locked (SELECT ... FOR UPDATE) by every
 * request and decision that commits funds, so two requests can never both take
 * the last of a budget. The amount itself comes from the tier (lib/tiers/benefits.ts).
 */
export const mdfBudgets = pgTable(
  "mdf_budgets",
  {
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.year] })],
);

export const mdfRequests = pgTable(
  "mdf_requests",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("mdfRequest")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    budgetYear: integer("budget_year").notNull(),
    activityType: text("activity_type").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    currency: text("currency").notNull().default("USD"),
    requestedCents: integer("requested_cents").notNull(),
    expectedLeads: integer("expected_leads").notNull(),
    status: text("status").$type<MdfStatus>().notNull().default("pending"),
    approvedCents: integer("approved_cents"),
    decisionReason: text("decision_reason"),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: tz("decided_at"),
    // The claim, after the activity.
    claimedCents: integer("claimed_cents"),
    actualLeads: integer("actual_leads"),
    resultsSummary: text("results_summary"),
    proofUrl: text("proof_url"),
    receiptUploadIds: text("receipt_upload_ids").array().notNull().default(sql`'{}'::text[]`),
    claimSubmittedAt: tz("claim_submitted_at"),
    claimDecisionReason: text("claim_decision_reason"),
    claimDecidedBy: text("claim_decided_by").references(() => users.id, { onDelete: "set null" }),
    claimDecidedAt: tz("claim_decided_at"),
    reimbursedCents: integer("reimbursed_cents"),
    reimbursedAt: tz("reimbursed_at"),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [
    index("mdf_requests_partner_idx").on(t.partnerId, t.budgetYear),
    index("mdf_requests_status_idx").on(t.status, t.updatedAt),
    check(
      "mdf_requests_status_check",
      sql`${t.status} in ('pending', 'approved', 'partly_approved', 'rejected', 'claim_submitted', 'reimbursed', 'claim_rejected')`,
    ),
    check("mdf_requests_amount_check", sql`${t.requestedCents} > 0`),
    check("mdf_requests_leads_check", sql`${t.expectedLeads} >= 0`),
    check("mdf_requests_approved_check", sql`${t.approvedCents} is null or (${t.approvedCents} > 0 and ${t.approvedCents} <= ${t.requestedCents})`),
    check("mdf_requests_reimbursed_check", sql`${t.reimbursedCents} is null or (${t.reimbursedCents} >= 0 and ${t.reimbursedCents} <= ${t.approvedCents})`),
    check("mdf_requests_dates_check", sql`${t.startsOn} <= ${t.endsOn}`),
    check("mdf_requests_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import type { Tier } from "@/lib/partners/constants";
import { partners, users } from "./core";
import { uploads } from "./uploads";

// Certification: each partner's recorded certification (the nightly evaluation
// writes it), tier history, the quiz bank and attempts, incidents with their
// response SLA, and the documents admins review (enterprise references,
// canary/rollback runbooks, pen-test letters).

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const CERTIFICATION_STATUSES = ["uncertified", "probation", "certified", "recertifying", "expired"] as const;
export type CertificationStatusValue = (typeof CERTIFICATION_STATUSES)[number];
export const ASSESSMENTS = ["installer_playbook", "soc2_control_literacy", "compliance_framework"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const TIER_CHANGE_REASONS = ["thresholds", "miss_twice", "probation", "manual"] as const;
export type TierChangeReason = (typeof TIER_CHANGE_REASONS)[number];
export const SUBMISSION_KINDS = ["enterprise_reference", "runbook", "pen_test_letter"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export type SubmissionStatus = "pending" | "approved" | "rejected";

/** One row per partner once it has been evaluated: what the last evaluation recorded. */
export const certifications = pgTable(
  "certifications",
  {
    partnerId: text("partner_id")
      .primaryKey()
      .references(() => partners.id, { onDelete: "cascade" }),
    status: text("status").$type<CertificationStatusValue>().notNull().default("uncertified"),
    certifiedAt: tz("certified_at"),
    expiresAt: tz("expires_at"),
    /** When the partner was last moved down a tier by miss-twice (misses before it do not count again). */
    lastDowngradeAt: tz("last_downgrade_at"),
    /** Re-certification reminders: when the last one went out. */
    lastReminderAt: tz("last_reminder_at"),
    /** An admin's manual tier holds until this date; the evaluation leaves the tier alone until then. */
    tierOverrideUntil: tz("tier_override_until"),
    requirementsMet: smallint("requirements_met").notNull().default(0),
    requirementsTotal: smallint("requirements_total").notNull().default(0),
    evaluatedAt: tz("evaluated_at"),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("certifications_status_idx").on(t.status),
    check("certifications_status_check", sql`${t.status} in ('uncertified', 'probation', 'certified', 'recertifying', 'expired')`),
    check("certifications_dates_check", sql`(${t.certifiedAt} is null) = (${t.expiresAt} is null) and (${t.expiresAt} is null or ${t.expiresAt} > ${t.certifiedAt})`),
  ],
);

/** Every tier change, with why: thresholds, miss-twice, probation, or an admin's override. */
export const tierChanges = pgTable(
  "tier_changes",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("tierChange")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    fromTier: text("from_tier").$type<Tier>().notNull(),
    toTier: text("to_tier").$type<Tier>().notNull(),
    reason: text("reason").$type<TierChangeReason>().notNull(),
    /** In words: "2 installs over their TTI bar in 30 days", or the admin's reason. */
    note: text("note").notNull(),
    actorLabel: text("actor_label").notNull(),
    at: tz("at").notNull(),
  },
  (t) => [
    index("tier_changes_partner_idx").on(t.partnerId, t.at),
    check("tier_changes_reason_check", sql`${t.reason} in ('thresholds', 'miss_twice', 'probation', 'manual')`),
    check("tier_changes_tiers_check", sql`${t.fromTier} in ('verified', 'advanced', 'premier') and ${t.toTier} in ('verified', 'advanced', 'premier') and ${t.fromTier} <> ${t.toTier}`),
  ],
);

/** The question bank (content lives in lib/certification/quiz-bank.ts and is synced here). */
export const quizQuestions = pgTable(
  "quiz_questions",
  {
    id: text("id").primaryKey(),
    assessment: text("assessment").$type<Assessment>().notNull(),
    position: smallint("position").notNull(),
    prompt: text("prompt").notNull(),
    choices: text("choices").array().notNull(),
    correctIndex: smallint("correct_index").notNull(),
    explanation: text("explanation").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("quiz_questions_assessment_position_key").on(t.assessment, t.position),
    check("quiz_questions_assessment_check", sql`${t.assessment} in ('installer_playbook', 'soc2_control_literacy', 'compliance_framework')`),
    check("quiz_questions_correct_check", sql`${t.correctIndex} >= 0 and ${t.correctIndex} < cardinality(${t.choices})`),
  ],
);

/**
 * One sitting of a quiz. The questions and each question's choice order are
 * drawn when it starts; answers are graded on the server when it is submitted
 * (before the deadline); the correct answers never leave the server.
 */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("quizAttempt")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    assessment: text("assessment").$type<Assessment>().notNull(),
    questionIds: text("question_ids").array().notNull(),
    /** Per question, the original choice index shown at each position. */
    choiceOrder: jsonb("choice_order").$type<number[][]>().notNull(),
    /** Per question, the original index of the chosen answer (null: unanswered). */
    answers: jsonb("answers").$type<(number | null)[]>(),
    startedAt: tz("started_at").notNull(),
    deadlineAt: tz("deadline_at").notNull(),
    submittedAt: tz("submitted_at"),
    correct: smallint("correct"),
    scorePct: doublePrecision("score_pct"),
    passed: boolean("passed"),
  },
  (t) => [
    index("quiz_attempts_partner_idx").on(t.partnerId, t.assessment, t.startedAt),
    check("quiz_attempts_assessment_check", sql`${t.assessment} in ('installer_playbook', 'soc2_control_literacy', 'compliance_framework')`),
    check("quiz_attempts_deadline_check", sql`${t.deadlineAt} > ${t.startedAt}`),
    check("quiz_attempts_graded_check", sql`(${t.submittedAt} is null) = (${t.scorePct} is null) and (${t.scorePct} is null) = (${t.passed} is null)`),
  ],
);

/** An incident on a partner's deployment: opened, first response, resolved; SLA from its track. */
export const incidents = pgTable(
  "incidents",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("incident")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: text("severity").$type<"low" | "high" | "critical">().notNull(),
    /** The first-response SLA that applied when it was opened, in hours. */
    slaHours: integer("sla_hours").notNull(),
    openedAt: tz("opened_at").notNull(),
    openedBy: text("opened_by").notNull(),
    firstResponseAt: tz("first_response_at"),
    responseNote: text("response_note"),
    resolvedAt: tz("resolved_at"),
    resolutionNote: text("resolution_note"),
  },
  (t) => [
    index("incidents_partner_idx").on(t.partnerId, t.openedAt),
    check("incidents_severity_check", sql`${t.severity} in ('low', 'high', 'critical')`),
    check("incidents_sla_check", sql`${t.slaHours} between 1 and 720`),
    check("incidents_order_check", sql`(${t.firstResponseAt} is null or ${t.firstResponseAt} >= ${t.openedAt}) and (${t.resolvedAt} is null or (${t.firstResponseAt} is not null and ${t.resolvedAt} >= ${t.firstResponseAt}))`),
  ],
);

/** Documents a partner submits for review: enterprise references, runbooks, pen-test letters. */
export const certificationSubmissions = pgTable(
  "certification_submissions",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("submission")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    kind: text("kind").$type<SubmissionKind>().notNull(),
    /** The customer for a reference, the system for a runbook, the tester for a letter. */
    title: text("title").notNull(),
    /** Pen-test letters: the quarter covered, "2026-Q4". */
    quarter: text("quarter"),
    uploadId: text("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "restrict" }),
    status: text("status").$type<SubmissionStatus>().notNull().default("pending"),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: tz("submitted_at").notNull(),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: tz("reviewed_at"),
    reviewReason: text("review_reason"),
  },
  (t) => [
    index("certification_submissions_partner_idx").on(t.partnerId, t.kind),
    index("certification_submissions_status_idx").on(t.status, t.submittedAt),
    check("certification_submissions_kind_check", sql`${t.kind} in ('enterprise_reference', 'runbook', 'pen_test_letter')`),
    check("certification_submissions_status_check", sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check("certification_submissions_quarter_check", sql`(${t.kind} = 'pen_test_letter') = (${t.quarter} is not null) and (${t.quarter} is null or ${t.quarter} ~ '^[0-9]{4}-Q[1-4]$')`),
    check("certification_submissions_review_check", sql`(${t.status} = 'pending') = (${t.reviewedAt} is null) and (${t.status} <> 'rejected' or ${t.reviewReason} is not null)`),
  ],
);

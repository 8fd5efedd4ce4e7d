import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { users } from "./core";

// Program analytics: published NPS quarters (frozen snapshots) and the exit
// tests' runs, each with its evidence package and executive sign-offs.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A quarter's NPS as published: the figures are computed once and never recomputed. */
export const npsPublications = pgTable(
  "nps_publications",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("npsPublication")),
    /** "2026-Q4" */
    quarter: text("quarter").notNull(),
    periodStart: tz("period_start").notNull(),
    periodEnd: tz("period_end").notNull(),
    /** Partner NPS, customer NPS of partners, counts, margins and methodology (lib/analytics/nps-publication.ts). */
    snapshot: jsonb("snapshot").notNull(),
    publishedByUserId: text("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
    publishedAt: tz("published_at").notNull(),
  },
  (t) => [
    uniqueIndex("nps_publications_quarter_key").on(t.quarter),
    check("nps_publications_quarter_check", sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);

export type ExitTestTrigger = "admin" | "cron" | "cli";

/** One run of the exit tests: the verdicts with their numbers and the evidence package built from it. */
export const exitTestRuns = pgTable(
  "exit_test_runs",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("exitTestRun")),
    ranAt: tz("ran_at").notNull(),
    trigger: text("trigger").$type<ExitTestTrigger>().notNull(),
    triggeredByUserId: text("triggered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    passed: boolean("passed").notNull(),
    /** ExitTestResult[] (lib/exit-tests/types.ts). */
    results: jsonb("results").notNull(),
    /** The package's files (path -> text), from which the zip is rebuilt byte for byte. */
    packageFiles: jsonb("package_files").$type<Record<string, string>>().notNull(),
    manifest: jsonb("manifest").notNull(),
    /** SHA-256 of manifest.json as generated; manifest.json lists every other file's SHA-256. */
    manifestSha256: text("manifest_sha256").notNull(),
  },
  (t) => [
    index("exit_test_runs_ran_at_idx").on(t.ranAt),
    check("exit_test_runs_trigger_check", sql`${t.trigger} in ('admin', 'cron', 'cli')`),
  ],
);

/** An executive's e-signature of a run's evidence package: who, when, and the package hash signed. */
export const exitTestSignoffs = pgTable(
  "exit_test_signoffs",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("exitTestSignoff")),
    runId: text("run_id")
      .notNull()
      .references(() => exitTestRuns.id, { onDelete: "cascade" }),
    signerUserId: text("signer_user_id").references(() => users.id, { onDelete: "set null" }),
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    /** The manifest SHA-256 that was signed. */
    packageSha256: text("package_sha256").notNull(),
    statement: text("statement").notNull(),
    signedAt: tz("signed_at").notNull(),
  },
  (t) => [uniqueIndex("exit_test_signoffs_run_signer_key").on(t.runId, t.signerUserId), index("exit_test_signoffs_run_idx").on(t.runId)],
);

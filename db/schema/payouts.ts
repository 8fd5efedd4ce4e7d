import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { commissions } from "./commissions";
import { partners, users } from "./core";

// Payouts: an append-only ledger of what the program owes each partner, the
// monthly payouts that settle it, and the settings a partner must complete
// before being paid. The ledger is never edited (a database trigger refuses
// UPDATE and DELETE, see drizzle/0009_payouts_append_only.sql and 0015): a mistake is
// reversed by a new entry that references the original.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type LedgerKind = "commission" | "clawback" | "adjustment" | "payout" | "mdf_reimbursement";
export type PayoutStatus = "held" | "pending" | "processing" | "paid" | "failed" | "manual";
export type PayoutMethod = "stripe" | "manual";
export type TaxFormStatus = "missing" | "submitted" | "verified";

export const payouts = pgTable(
  "payouts",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("payout")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    /** The latest month the payout covers, "YYYY-MM" (UTC); earlier unpaid months are included too. */
    period: text("period").notNull(),
    /** Commissions earned before this instant are covered (the first instant of the month after `period`). */
    periodEnd: tz("period_end").notNull(),
    currency: text("currency").notNull(),
    totalCents: integer("total_cents").notNull(),
    lineCount: integer("line_count").notNull(),
    status: text("status").$type<PayoutStatus>().notNull(),
    method: text("method").$type<PayoutMethod>().notNull(),
    /** Why it waits (held) or why the last attempt failed (failed). */
    statusReason: text("status_reason"),
    /** Stripe attempts whose failure was recorded; the idempotency key of the next attempt uses it. */
    attempts: integer("attempts").notNull().default(0),
    stripeTransferId: text("stripe_transfer_id"),
    /** Bank or transfer reference an admin recorded for a manual payment. */
    reference: text("reference"),
    paidAt: tz("paid_at"),
    paidByUserId: text("paid_by_user_id").references(() => users.id, { onDelete: "set null" }),
    runAt: tz("run_at").notNull(),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("payouts_partner_period_currency_key").on(t.partnerId, t.period, t.currency),
    index("payouts_status_idx").on(t.status, t.createdAt),
    index("payouts_partner_idx").on(t.partnerId, t.createdAt),
    check("payouts_status_check", sql`${t.status} in ('held', 'pending', 'processing', 'paid', 'failed', 'manual')`),
    check("payouts_method_check", sql`${t.method} in ('stripe', 'manual')`),
    check("payouts_period_check", sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("payouts_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("payouts_total_check", sql`${t.totalCents} > 0 and ${t.lineCount} > 0`),
    check("payouts_paid_check", sql`(${t.status} = 'paid') = (${t.paidAt} is not null)`),
  ],
);

export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("ledgerEntry")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    kind: text("kind").$type<LedgerKind>().notNull(),
    /** Signed: positive is owed to the partner, negative is taken off (clawbacks, payouts). */
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    commissionId: text("commission_id").references(() => commissions.id, { onDelete: "restrict" }),
    /** For the payout entry: the payout that settles the balance. */
    payoutId: text("payout_id").references(() => payouts.id, { onDelete: "restrict" }),
    /** For a reversal: the entry it cancels (its amount is exactly minus the original's). */
    reversesEntryId: text("reverses_entry_id"),
    /** Another area's object it stands for (an MDF claim id, for example). */
    sourceRef: text("source_ref"),
    memo: text("memo").notNull().default(""),
    /** When the money was earned or due: the period rule reads this. */
    effectiveAt: tz("effective_at").notNull(),
    createdAt: tz("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    index("ledger_entries_partner_idx").on(t.partnerId, t.currency, t.effectiveAt),
    index("ledger_entries_commission_idx").on(t.commissionId),
    uniqueIndex("ledger_entries_reversal_key").on(t.reversesEntryId),
    uniqueIndex("ledger_entries_payout_key").on(t.payoutId),
    uniqueIndex("ledger_entries_source_ref_key").on(t.kind, t.sourceRef),
    check("ledger_entries_kind_check", sql`${t.kind} in ('commission', 'clawback', 'adjustment', 'payout', 'mdf_reimbursement')`),
    check("ledger_entries_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("ledger_entries_nonzero_check", sql`${t.amountCents} <> 0`),
    check("ledger_entries_payout_check", sql`(${t.kind} = 'payout') = (${t.payoutId} is not null)`),
  ],
);

/** Which ledger entries a payout settles; an entry is settled at most once. */
export const payoutLines = pgTable(
  "payout_lines",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("payoutLine")),
    payoutId: text("payout_id")
      .notNull()
      .references(() => payouts.id, { onDelete: "restrict" }),
    ledgerEntryId: text("ledger_entry_id")
      .notNull()
      .references(() => ledgerEntries.id, { onDelete: "restrict" }),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [uniqueIndex("payout_lines_entry_key").on(t.ledgerEntryId), index("payout_lines_payout_idx").on(t.payoutId)],
);

export const partnerPayoutSettings = pgTable(
  "partner_payout_settings",
  {
    partnerId: text("partner_id")
      .primaryKey()
      .references(() => partners.id, { onDelete: "cascade" }),
    /**
     * The Express connected account. Stored in clear: it is an identifier, not
     * a credential (nothing can be done with it without our secret key), and
     * account.updated webhooks are looked up by it.
     */
    stripeAccountId: text("stripe_account_id"),
    payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    termsAcceptedAt: tz("terms_accepted_at"),
    termsAcceptedByUserId: text("terms_accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    termsVersion: text("terms_version"),
    taxFormType: text("tax_form_type").$type<"w9" | "w8ben">(),
    taxFormStatus: text("tax_form_status").$type<TaxFormStatus>().notNull().default("missing"),
    taxLegalName: text("tax_legal_name"),
    taxSubmittedAt: tz("tax_submitted_at"),
    taxVerifiedAt: tz("tax_verified_at"),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("partner_payout_settings_account_key").on(t.stripeAccountId),
    check("partner_payout_settings_tax_check", sql`${t.taxFormStatus} in ('missing', 'submitted', 'verified')`),
    check("partner_payout_settings_form_check", sql`${t.taxFormType} is null or ${t.taxFormType} in ('w9', 'w8ben')`),
  ],
);

/** One row per run (cron or admin button), for the admin's history. */
export const payoutRuns = pgTable(
  "payout_runs",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("payoutRun")),
    period: text("period").notNull(),
    startedAt: tz("started_at").notNull(),
    finishedAt: tz("finished_at"),
    trigger: text("trigger").$type<"cron" | "admin">().notNull(),
    triggeredByUserId: text("triggered_by_user_id").references(() => users.id, { onDelete: "set null" }),
    created: integer("created").notNull().default(0),
    carried: integer("carried").notNull().default(0),
    transferred: integer("transferred").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("payout_runs_started_idx").on(t.startedAt)],
);

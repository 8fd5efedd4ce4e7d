import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// Commissions and the billing facts they are computed from. Facts (Stripe
// events, invoices, refunds, plan changes) are stored as they arrive, in any
// order; commissions are derived from them (lib/commissions/reconcile.ts), so
// the result is the same whatever order the events came in.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type CommissionKind = "subscription" | "add_on" | "bounty" | "proration" | "clawback";
export type CommissionStatus = "pending" | "payable" | "held" | "paid" | "reversed";

export const commissions = pgTable(
  "commissions",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("commission")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    customerId: text("customer_id").notNull(),
    attributionId: text("attribution_id"),
    kind: text("kind").$type<CommissionKind>().notNull(),
    /** What earned it, unique: "line:<invoice>:<line>", "bounty:<customer>:<sku>", "change:<id>", "claw:<commission>:<n>". */
    sourceKey: text("source_key").notNull(),
    invoiceId: text("invoice_id"),
    sku: text("sku"),
    /** The revenue it is computed on (signed: a downgrade's proration is negative). */
    baseCents: integer("base_cents").notNull(),
    /** The rate applied (null for fixed bounties and clawbacks). */
    rateBps: integer("rate_bps"),
    /** The commission as earned, before refunds. */
    grossCents: integer("gross_cents").notNull(),
    /** Taken off this (unpaid) commission by refunds and chargebacks. */
    refundedCents: integer("refunded_cents").notNull().default(0),
    /** What it is worth now: gross - refunded. */
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: text("status").$type<CommissionStatus>().notNull(),
    /** Earned at (the invoice's payment); the hold period runs from here. */
    earnedAt: tz("earned_at").notNull(),
    /** Pending until then (refunds can land), then payable. */
    holdUntil: tz("hold_until").notNull(),
    heldReasons: jsonb("held_reasons").$type<{ rule: string; detail: string }[]>(),
    reviewedByUserId: text("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: tz("reviewed_at"),
    reviewNote: text("review_note"),
    /** For a clawback: the paid commission it takes back from. */
    reversesCommissionId: text("reverses_commission_id"),
    payoutId: text("payout_id"),
    paidAt: tz("paid_at"),
    reversedAt: tz("reversed_at"),
    reversalReason: text("reversal_reason"),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("commissions_source_key").on(t.sourceKey),
    index("commissions_partner_idx").on(t.partnerId, t.createdAt),
    index("commissions_status_idx").on(t.status, t.holdUntil),
    index("commissions_customer_idx").on(t.customerId),
    check("commissions_kind_check", sql`${t.kind} in ('subscription', 'add_on', 'bounty', 'proration', 'clawback')`),
    check("commissions_status_check", sql`${t.status} in ('pending', 'payable', 'held', 'paid', 'reversed')`),
    check("commissions_amount_check", sql`${t.amountCents} = ${t.grossCents} - ${t.refundedCents}`),
    check("commissions_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check("commissions_paid_check", sql`(${t.status} = 'paid') = (${t.paidAt} is not null)`),
  ],
);

/** Every Stripe event received (signature verified). The id is Stripe's: a redelivery is recorded once. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** Stripe's `created`. */
    createdAt: tz("created_at").notNull(),
    receivedAt: tz("received_at").notNull(),
    customerId: text("customer_id"),
    payload: jsonb("payload").notNull(),
    outcome: text("outcome").$type<"matched" | "unmatched" | "recorded" | "ignored">().notNull(),
  },
  (t) => [index("stripe_events_received_idx").on(t.receivedAt), index("stripe_events_customer_idx").on(t.customerId)],
);

export interface InvoiceLine {
  id: string;
  sku: string;
  amount: number;
  proration: boolean;
  periodStart: string | null;
  periodEnd: string | null;
}

/** Paid invoices (Stripe, or a paid conversion reported over the API). */
export const billingInvoices = pgTable(
  "billing_invoices",
  {
    id: text("id").primaryKey(),
    source: text("source").$type<"stripe" | "api">().notNull(),
    customerId: text("customer_id").notNull(),
    subscriptionId: text("subscription_id"),
    chargeId: text("charge_id"),
    paymentIntentId: text("payment_intent_id"),
    currency: text("currency").notNull(),
    amountPaid: integer("amount_paid").notNull(),
    paidAt: tz("paid_at").notNull(),
    lines: jsonb("lines").$type<InvoiceLine[]>().notNull(),
    customerEmail: text("customer_email"),
  },
  (t) => [
    index("billing_invoices_customer_idx").on(t.customerId, t.paidAt),
    index("billing_invoices_charge_idx").on(t.chargeId),
    index("billing_invoices_pi_idx").on(t.paymentIntentId),
  ],
);

/**
 * Money taken back on a charge: refunds (Stripe's cumulative amount_refunded)
 * and chargebacks. Each update keeps the largest amount seen, so duplicates and
 * out-of-order deliveries converge.
 */
export const billingRefunds = pgTable(
  "billing_refunds",
  {
    chargeId: text("charge_id").primaryKey(),
    invoiceId: text("invoice_id"),
    paymentIntentId: text("payment_intent_id"),
    customerId: text("customer_id"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    disputedCents: integer("disputed_cents").notNull().default(0),
    currency: text("currency").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [index("billing_refunds_invoice_idx").on(t.invoiceId), index("billing_refunds_pi_idx").on(t.paymentIntentId)],
);

/** Mid-period plan changes (customer.subscription.updated), prorated like Stripe does. */
export const billingPlanChanges = pgTable(
  "billing_plan_changes",
  {
    /** "<subscription id>@<unix seconds of the change>". */
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id").notNull(),
    customerId: text("customer_id").notNull(),
    oldSku: text("old_sku").notNull(),
    newSku: text("new_sku").notNull(),
    oldAmount: integer("old_amount").notNull(),
    newAmount: integer("new_amount").notNull(),
    currency: text("currency").notNull(),
    periodStart: tz("period_start").notNull(),
    periodEnd: tz("period_end").notNull(),
    changeAt: tz("change_at").notNull(),
  },
  (t) => [index("billing_plan_changes_customer_idx").on(t.customerId)],
);

import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { billingInvoices, billingPlanChanges, billingRefunds, stripeEvents } from "@/db/schema";
import { processMatchedConversions, runAfterCommit, type AfterCommit } from "@/lib/attribution/process-matches";
import { normalizeDomain } from "@/lib/attribution/rules";
import { insertConversion, matchConversions } from "@/lib/attribution/store";
import { reconcileCustomer } from "@/lib/commissions/reconcile";
import { log } from "@/lib/log";
import { syncStripeAccount } from "@/lib/payouts/manage";
import { chargeSchema, disputeSchema, hintsOf, invoiceLines, invoiceSchema, previousSubscriptionSchema, skuOfPrice, subscriptionSchema } from "./parse";
import type { VerifiedStripeEvent } from "./webhook";

// What a verified Stripe event does. Each event is stored once (its id is the
// primary key of stripe_events: a redelivery changes nothing), its facts are
// stored (invoices, refunds, plan changes), and the customer's commissions are
// reconciled from all facts so far — so events converge in any order.

export type StripeOutcome = "matched" | "unmatched" | "recorded" | "ignored";

export const HANDLED_STRIPE_EVENTS = [
  "invoice.paid",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.funds_withdrawn",
  "customer.subscription.updated",
  "account.updated",
] as const;

const at = (seconds: number) => new Date(seconds * 1000);

export async function handleStripeEvent(event: VerifiedStripeEvent, now: Date): Promise<{ duplicate: boolean; outcome: StripeOutcome | null }> {
  const db = await getDb();
  let after: AfterCommit | null = null;
  const result = await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(stripeEvents)
      .values({ id: event.id, type: event.type, createdAt: at(event.created), receivedAt: now, payload: event as unknown as object, outcome: "recorded" })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    if (!stored) return { duplicate: true, outcome: null };
    let outcome: StripeOutcome = "ignored";
    let customerId: string | null = null;
    try {
      const handled = await apply(tx, event, now);
      outcome = handled.outcome;
      customerId = handled.customerId;
      after = handled.after;
    } catch (error) {
      if (!(error instanceof Error && error.name === "ZodError")) throw error;
      log.warn("stripe event not understood; stored as ignored", { id: event.id, type: event.type });
    }
    await tx.update(stripeEvents).set({ outcome, customerId }).where(eq(stripeEvents.id, event.id));
    return { duplicate: false, outcome };
  });
  if (after) await runAfterCommit(after, now);
  return result;
}

async function apply(tx: Queryable, event: VerifiedStripeEvent, now: Date): Promise<{ outcome: StripeOutcome; customerId: string | null; after: AfterCommit | null }> {
  const obj = event.data.object;
  switch (event.type) {
    case "invoice.paid": {
      const inv = invoiceSchema.parse(obj);
      const paidAt = at(inv.status_transitions?.paid_at ?? event.created);
      const currency = inv.currency.toUpperCase();
      const lines = invoiceLines(inv);
      await tx
        .insert(billingInvoices)
        .values({
          id: inv.id,
          source: "stripe",
          customerId: inv.customer,
          subscriptionId: inv.subscription ?? inv.parent?.subscription_details?.subscription ?? null,
          chargeId: inv.charge ?? null,
          paymentIntentId: inv.payment_intent ?? null,
          currency,
          amountPaid: inv.amount_paid,
          paidAt,
          lines,
          customerEmail: inv.customer_email ?? null,
        })
        .onConflictDoNothing();
      const hints = hintsOf({ ...inv.parent?.subscription_details?.metadata, ...inv.metadata });
      const conv = await insertConversion(tx, {
        type: "paid",
        source: "stripe",
        externalId: inv.id,
        customerId: inv.customer,
        customerEmail: inv.customer_email?.toLowerCase() ?? null,
        customerDomain: normalizeDomain(inv.customer_email),
        amountCents: inv.amount_paid,
        currency,
        sku: lines.find((l) => !l.proration)?.sku ?? null,
        occurredAt: paidAt,
        receivedAt: now,
        partnerIdHint: hints.partnerId,
        clickIdHint: hints.clickId,
        dealIdHint: hints.dealId,
        stripeEventId: event.id,
      });
      const { after, matched } = await matchAndProcess(tx, conv.row.id, now);
      if (!matched) await reconcileCustomer(tx, inv.customer, now);
      return { outcome: matched ? "matched" : "unmatched", customerId: inv.customer, after };
    }
    case "charge.refunded": {
      const ch = chargeSchema.parse(obj);
      await tx
        .insert(billingRefunds)
        .values({
          chargeId: ch.id,
          invoiceId: ch.invoice ?? ch.metadata?.invoice_id ?? null,
          paymentIntentId: ch.payment_intent ?? null,
          customerId: ch.customer ?? null,
          refundedCents: ch.amount_refunded,
          currency: ch.currency.toUpperCase(),
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: billingRefunds.chargeId,
          set: {
            refundedCents: sql`greatest(${billingRefunds.refundedCents}, excluded.refunded_cents)`,
            invoiceId: sql`coalesce(${billingRefunds.invoiceId}, excluded.invoice_id)`,
            paymentIntentId: sql`coalesce(${billingRefunds.paymentIntentId}, excluded.payment_intent_id)`,
            customerId: sql`coalesce(${billingRefunds.customerId}, excluded.customer_id)`,
            updatedAt: now,
          },
        });
      const customerId = ch.customer ?? (await customerOfCharge(tx, ch.id, ch.payment_intent ?? null, ch.invoice ?? null));
      if (customerId) await reconcileCustomer(tx, customerId, now);
      return { outcome: "recorded", customerId, after: null };
    }
    case "charge.dispute.created":
    case "charge.dispute.funds_withdrawn": {
      const dp = disputeSchema.parse(obj);
      await tx
        .insert(billingRefunds)
        .values({ chargeId: dp.charge, paymentIntentId: dp.payment_intent ?? null, disputedCents: dp.amount, currency: dp.currency.toUpperCase(), updatedAt: now })
        .onConflictDoUpdate({
          target: billingRefunds.chargeId,
          set: { disputedCents: sql`greatest(${billingRefunds.disputedCents}, excluded.disputed_cents)`, updatedAt: now },
        });
      const customerId = await customerOfCharge(tx, dp.charge, dp.payment_intent ?? null, null);
      if (customerId) await reconcileCustomer(tx, customerId, now);
      return { outcome: "recorded", customerId, after: null };
    }
    case "customer.subscription.updated": {
      const sub = subscriptionSchema.parse(obj);
      const prev = previousSubscriptionSchema.parse(event.data.previous_attributes ?? {});
      let after: AfterCommit | null = null;
      let outcome: StripeOutcome = "recorded";
      if (sub.status === "trialing") {
        const conv = await insertConversion(tx, {
          type: "pilot",
          source: "stripe",
          externalId: `${sub.id}:pilot`,
          customerId: sub.customer,
          occurredAt: at(event.created),
          receivedAt: now,
          ...(() => {
            const h = hintsOf(sub.metadata ?? {});
            return { partnerIdHint: h.partnerId, clickIdHint: h.clickId, dealIdHint: h.dealId };
          })(),
          stripeEventId: event.id,
        });
        const r = await matchAndProcess(tx, conv.row.id, now);
        after = r.after;
        outcome = r.matched ? "matched" : "unmatched";
      }
      const oldItem = prev.items?.data[0];
      const newItem = sub.items.data[0];
      const oldPrice = oldItem?.price ?? prev.plan;
      if (oldPrice && newItem && (oldPrice.id !== newItem.price.id || oldPrice.unit_amount !== newItem.price.unit_amount)) {
        const start = newItem.current_period_start ?? sub.current_period_start;
        const end = newItem.current_period_end ?? sub.current_period_end;
        const oldAmount = (oldPrice.unit_amount ?? 0) * (oldItem?.quantity ?? 1);
        const newAmount = (newItem.price.unit_amount ?? 0) * (newItem.quantity ?? 1);
        if (start !== undefined && end !== undefined && end > start) {
          await tx
            .insert(billingPlanChanges)
            .values({
              id: `${sub.id}@${event.created}`,
              subscriptionId: sub.id,
              customerId: sub.customer,
              oldSku: skuOfPrice(oldPrice) ?? "unknown",
              newSku: skuOfPrice(newItem.price) ?? "unknown",
              oldAmount,
              newAmount,
              currency: (sub.currency ?? "usd").toUpperCase(),
              periodStart: at(start),
              periodEnd: at(end),
              changeAt: at(event.created),
            })
            .onConflictDoNothing();
          await reconcileCustomer(tx, sub.customer, now);
        }
      }
      return { outcome, customerId: sub.customer, after };
    }
    case "account.updated": {
      const synced = await syncStripeAccount(tx, obj, now);
      return { outcome: synced.partnerId ? "recorded" : "ignored", customerId: null, after: null };
    }
    default:
      return { outcome: "ignored", customerId: null, after: null };
  }
}

async function matchAndProcess(tx: Queryable, conversionId: string, now: Date): Promise<{ matched: boolean; after: AfterCommit | null }> {
  await matchConversions(tx, { now, ids: [conversionId] });
  const { processed, after } = await processMatchedConversions(tx, { now, ids: [conversionId] });
  return { matched: processed.length > 0, after };
}

async function customerOfCharge(tx: Queryable, chargeId: string, paymentIntentId: string | null, invoiceId: string | null): Promise<string | null> {
  const conds = [eq(billingInvoices.chargeId, chargeId)];
  if (paymentIntentId) conds.push(eq(billingInvoices.paymentIntentId, paymentIntentId));
  if (invoiceId) conds.push(eq(billingInvoices.id, invoiceId));
  const [row] = await tx.select({ customerId: billingInvoices.customerId }).from(billingInvoices).where(or(...conds)).limit(1);
  return row?.customerId ?? null;
}

import { z } from "zod";
import type { InvoiceLine } from "@/db/schema";

// The parts of Stripe objects we use, read leniently: field names that moved
// between API versions (invoice.charge vs. payments, line.proration vs.
// parent.*.proration, price vs. pricing) are all accepted.

const id = z.string().min(1);
const idOrObject = z.union([id, z.object({ id })]).transform((v) => (typeof v === "string" ? v : v.id));
const metadata = z.record(z.string(), z.string()).nullish().transform((v) => v ?? {});

const price = z
  .object({ id: z.string().optional(), lookup_key: z.string().nullish(), unit_amount: z.number().int().nullish(), metadata: metadata.optional(), product: idOrObject.nullish() })
  .passthrough();

const line = z
  .object({
    id,
    amount: z.number().int(),
    proration: z.boolean().optional(),
    parent: z.object({ subscription_item_details: z.object({ proration: z.boolean().optional() }).nullish(), invoice_item_details: z.object({ proration: z.boolean().optional() }).nullish() }).passthrough().nullish(),
    price: price.nullish(),
    pricing: z.object({ price_details: z.object({ price: z.string().optional(), product: z.string().optional() }).passthrough().nullish() }).passthrough().nullish(),
    metadata: metadata.optional(),
    period: z.object({ start: z.number().int(), end: z.number().int() }).nullish(),
  })
  .passthrough();

export const invoiceSchema = z
  .object({
    id,
    customer: idOrObject,
    customer_email: z.string().nullish(),
    currency: z.string(),
    amount_paid: z.number().int(),
    status: z.string().optional(),
    subscription: idOrObject.nullish(),
    charge: idOrObject.nullish(),
    payment_intent: idOrObject.nullish(),
    metadata: metadata.optional(),
    status_transitions: z.object({ paid_at: z.number().int().nullish() }).passthrough().nullish(),
    lines: z.object({ data: z.array(line) }),
    parent: z.object({ subscription_details: z.object({ subscription: idOrObject.nullish(), metadata: metadata.optional() }).passthrough().nullish() }).passthrough().nullish(),
  })
  .passthrough();

export const chargeSchema = z
  .object({
    id,
    customer: idOrObject.nullish(),
    invoice: idOrObject.nullish(),
    payment_intent: idOrObject.nullish(),
    amount: z.number().int(),
    amount_refunded: z.number().int(),
    currency: z.string(),
    metadata: metadata.optional(),
  })
  .passthrough();

export const disputeSchema = z
  .object({ id, charge: idOrObject, amount: z.number().int(), currency: z.string(), payment_intent: idOrObject.nullish() })
  .passthrough();

const subscriptionItem = z
  .object({
    price: price,
    quantity: z.number().int().nullish(),
    current_period_start: z.number().int().optional(),
    current_period_end: z.number().int().optional(),
  })
  .passthrough();

export const subscriptionSchema = z
  .object({
    id,
    customer: idOrObject,
    status: z.string(),
    currency: z.string().optional(),
    current_period_start: z.number().int().optional(),
    current_period_end: z.number().int().optional(),
    items: z.object({ data: z.array(subscriptionItem) }),
    metadata: metadata.optional(),
  })
  .passthrough();

export const previousSubscriptionSchema = z
  .object({
    items: z.object({ data: z.array(subscriptionItem) }).optional(),
    plan: price.optional(),
    status: z.string().optional(),
  })
  .passthrough();

export type StripeInvoice = z.infer<typeof invoiceSchema>;
export type StripeSubscription = z.infer<typeof subscriptionSchema>;

/** The SKU of a price: its lookup key, or `sku` in its metadata. */
export function skuOfPrice(p: z.infer<typeof price> | null | undefined): string | null {
  return p?.lookup_key ?? p?.metadata?.sku ?? null;
}

export function invoiceLines(inv: StripeInvoice): InvoiceLine[] {
  return inv.lines.data.map((l) => ({
    id: l.id,
    sku: l.metadata?.sku ?? skuOfPrice(l.price) ?? l.pricing?.price_details?.product ?? "unknown",
    amount: l.amount,
    proration: Boolean(l.proration ?? l.parent?.subscription_item_details?.proration ?? l.parent?.invoice_item_details?.proration),
    periodStart: l.period ? new Date(l.period.start * 1000).toISOString() : null,
    periodEnd: l.period ? new Date(l.period.end * 1000).toISOString() : null,
  }));
}

/** Referral hints the checkout stored in metadata (pp_partner, pp_click, pp_deal). */
export function hintsOf(meta: Record<string, string>): { partnerId: string | null; clickId: string | null; dealId: string | null } {
  return { partnerId: meta.pp_partner ?? null, clickId: meta.pp_click ?? meta.pp_ref ?? null, dealId: meta.pp_deal ?? null };
}

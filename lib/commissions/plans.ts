import type { Tier } from "@/lib/partners/constants";
import { benefitsOf } from "@/lib/tiers/benefits";

// The commission plan, as data. Percentages by tier come from the tiers module
// (lib/tiers/benefits.ts); everything else that decides what a partner earns
// is here.

export type ProductKind = "subscription" | "add_on";

export interface Product {
  label: string;
  kind: ProductKind;
  /** A fixed bounty paid once per customer the first time the product is paid for, by currency. */
  bounty?: Partial<Record<string, number>>;
}

/** The catalog by SKU (Stripe price lookup key, or `sku` in price/line metadata). */
export const PRODUCTS: Record<string, Product> = {
  "provenance-starter": { label: "Provenance Starter", kind: "subscription" },
  "provenance-pro": { label: "Provenance Pro", kind: "subscription", bounty: { USD: 10_000, EUR: 9_000, GBP: 8_000 } },
  "provenance-enterprise": { label: "Provenance Enterprise", kind: "subscription", bounty: { USD: 50_000, EUR: 45_000, GBP: 40_000 } },
  "addon-evidence-packs": { label: "Evidence Packs (add-on)", kind: "add_on" },
  "addon-survival-monitor": { label: "Survival Monitor (add-on)", kind: "add_on" },
  "addon-cdn-connector": { label: "CDN Connector (add-on)", kind: "add_on" },
};

export const SKUS = Object.keys(PRODUCTS) as [string, ...string[]];

/** What a paid event reported over the API without a SKU is taken to be. */
export const DEFAULT_SKU = "provenance-pro";

export const COMMISSION_PLAN = {
  /** Subscription revenue earns commission for this many months after the customer's first payment. */
  subscriptionTermMonths: 12,
  /** Add-on revenue earns its share for this long (null: as long as the customer stays). */
  addOnTermMonths: null as number | null,
  /** Pending for this many days after the payment (refunds can land), then payable. */
  holdDays: 30,
} as const;

export function productOf(sku: string | null | undefined): Product | null {
  return sku ? (PRODUCTS[sku] ?? null) : null;
}

/** The rate for a product kind at a tier, in basis points. */
export function rateFor(kind: ProductKind, tier: Tier): number {
  const b = benefitsOf(tier);
  return kind === "subscription" ? b.subscriptionCommissionBps : b.addOnCommissionBps;
}

import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { customerAttributions, deals, partners } from "@/db/schema";
import { applyBps } from "@/lib/money";
import { rateFor } from "./plans";

// Estimated commissions: what open registered deals and open pilots would earn
// at the partner's current subscription rate. Shown apart from actual
// commissions; never paid, never summed with them.

export interface EstimateLine {
  source: "deal" | "pilot";
  id: string;
  label: string;
  baseCents: number;
  rateBps: number;
  amountCents: number;
  currency: string;
}

export async function estimatedCommissions(partnerId: string): Promise<{ lines: EstimateLine[]; totals: Record<string, number> }> {
  const db = await getDb();
  const [partner] = await db.select({ tier: partners.tier }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) return { lines: [], totals: {} };
  const rate = rateFor("subscription", partner.tier);
  const openDeals = await db
    .select()
    .from(deals)
    .where(and(eq(deals.partnerId, partnerId), inArray(deals.stage, ["registered", "accepted"])));
  const pilots = await db
    .select({
      customerId: customerAttributions.customerId,
      amount: sql<number | null>`(select max(c.amount_cents) from conversions c where c.attribution_id = customer_attributions.id and c.type = 'pilot')`,
      currency: sql<string | null>`(select max(c.currency) from conversions c where c.attribution_id = customer_attributions.id and c.type = 'pilot')`,
      company: sql<string | null>`(select max(c.company) from conversions c where c.attribution_id = customer_attributions.id)`,
    })
    .from(customerAttributions)
    .where(and(eq(customerAttributions.partnerId, partnerId), isNotNull(customerAttributions.pilotAt), isNull(customerAttributions.paidAt)));
  const lines: EstimateLine[] = [
    ...openDeals.map((d) => ({
      source: "deal" as const,
      id: d.id,
      label: d.company,
      baseCents: d.estimatedValueCents,
      rateBps: rate,
      amountCents: applyBps(d.estimatedValueCents, rate),
      currency: d.currency,
    })),
    ...pilots
      .filter((p) => p.amount !== null && p.currency)
      .map((p) => ({
        source: "pilot" as const,
        id: p.customerId,
        label: p.company ?? p.customerId,
        baseCents: Number(p.amount),
        rateBps: rate,
        amountCents: applyBps(Number(p.amount), rate),
        currency: p.currency!,
      })),
  ];
  const totals: Record<string, number> = {};
  for (const l of lines) totals[l.currency] = (totals[l.currency] ?? 0) + l.amountCents;
  return { lines, totals };
}


import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { billingInvoices } from "@/db/schema";
import { decideKeyForPlatform, type Principal } from "@/lib/auth/permissions";
import { DEFAULT_SKU } from "@/lib/commissions/plans";
import { forbidden, parseOrThrow, unauthorized } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { flushClicks } from "./click-buffer";
import { processMatchedConversions, runAfterCommit, type AfterCommit } from "./process-matches";
import { normalizeDomain } from "./rules";
import { conversionInputSchema, type ConversionSchema } from "./schemas";
import { insertConversion, matchConversions, type ConversionRow } from "./store";

export type ConversionOut = z.infer<typeof ConversionSchema>;

export function toConversionOut(row: ConversionRow, duplicate: boolean): ConversionOut {
  return {
    id: row.id,
    type: row.type,
    customerId: row.customerId,
    status: row.status,
    partnerId: row.partnerId,
    matchedVia: row.matchedVia,
    attributionId: row.attributionId,
    occurredAt: row.occurredAt.toISOString(),
    duplicate,
  };
}

/**
 * A signup, pilot or paid event from the platform (POST /api/v1/conversions).
 * Stored first (unmatched if nobody matches: never dropped), matched by the
 * rule in rules.ts, and followed up in the same transaction; a paid event is
 * also an invoice, so it earns commissions. GA4 and the CRM are called after commit.
 */
export async function recordConversion(args: { principal: Principal | null; input: unknown; now: Date }): Promise<ConversionOut> {
  const decision = decideKeyForPlatform(args.principal?.kind === "key" ? args.principal.key : null, "platform:write");
  if (!decision.allowed) throw args.principal ? forbidden("This needs a platform API key with the platform:write scope") : unauthorized();
  const input = parseOrThrow(conversionInputSchema, args.input);
  // A click made a moment ago may still be in this instance's buffer.
  if (input.clickId) await flushClicks();

  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : args.now;
  const id = newId("conversion");
  const db = await getDb();
  let after: AfterCommit | null = null;
  const result = await db.transaction(async (tx) => {
    const { row, duplicate } = await insertConversion(tx, {
      id,
      type: input.type,
      source: "api",
      externalId: input.eventId ?? id,
      customerId: input.customerId,
      customerDomain: normalizeDomain(input.customerDomain ?? input.customerEmail),
      customerEmail: input.customerEmail?.toLowerCase() ?? null,
      company: input.company ?? null,
      amountCents: input.amount ?? null,
      currency: input.currency ?? null,
      sku: input.type === "paid" ? (input.sku ?? DEFAULT_SKU) : (input.sku ?? null),
      occurredAt,
      receivedAt: args.now,
      partnerIdHint: input.partnerId ?? null,
      clickIdHint: input.clickId ?? null,
      dealIdHint: input.dealId ?? null,
      crmOpportunityId: input.crmOpportunityId ?? null,
    });
    if (duplicate) return { row, duplicate };
    if (input.type === "paid" && input.amount !== undefined && input.currency) {
      await tx
        .insert(billingInvoices)
        .values({
          id: `api_${row.id}`,
          source: "api",
          customerId: row.customerId,
          currency: input.currency,
          amountPaid: input.amount,
          paidAt: occurredAt,
          lines: [{ id: "1", sku: row.sku ?? DEFAULT_SKU, amount: input.amount, proration: false, periodStart: null, periodEnd: null }],
          customerEmail: row.customerEmail,
        })
        .onConflictDoNothing();
    }
    await matchConversions(tx, { now: args.now, ids: [row.id] });
    const processed = await processMatchedConversions(tx, { now: args.now, ids: [row.id] });
    after = processed.after;
    const [fresh] = processed.processed.length ? processed.processed : [row];
    const final = (await tx.query.conversions.findFirst({ where: (c, { eq }) => eq(c.id, row.id) })) ?? fresh!;
    return { row: final, duplicate };
  });
  if (after) await runAfterCommit(after, args.now);
  return toConversionOut(result.row, result.duplicate);
}

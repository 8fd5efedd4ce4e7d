import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { customerAttributions, deals, partners } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { reconcileCustomer } from "@/lib/commissions/reconcile";
import { emit } from "@/lib/events/emit";
import { evaluateFraud } from "@/lib/fraud/rules";
import { fraudContextFor, type FraudCache } from "@/lib/fraud/store";
import { configuredCrm, type CrmAdapter } from "@/lib/integrations/crm";
import { recordAnalyticsEvent, sendAnalyticsEvents } from "@/lib/integrations/ga4";
import { log } from "@/lib/log";
import { claimUnprocessed, findLink, markProcessed, matchConversions, refreshAttributionStages, setAttributionCrm, type ConversionRow } from "./store";

const ACTOR = systemActor("attribution", "Attribution");

/** Work that talks to other systems, done after the transaction commits. */
export interface AfterCommit {
  analyticsEventIds: string[];
  crm: { attributionId: string; conversion: ConversionRow }[];
}

export const emptyAfterCommit = (): AfterCommit => ({ analyticsEventIds: [], crm: [] });

/**
 * The follow-ups of matched conversions, in the caller's transaction: first
 * signup/pilot/paid times, fraud checks, the partner.attribution_matched event,
 * the analytics event, a registered deal won on payment, and the customer's
 * commissions. Claims with SKIP LOCKED, so several workers can share the queue.
 */
export async function processMatchedConversions(
  tx: Queryable,
  opts: { now: Date; ids?: readonly string[]; limit?: number },
): Promise<{ processed: ConversionRow[]; after: AfterCommit }> {
  const rows = await claimUnprocessed(tx, { ids: opts.ids, limit: opts.limit ?? 500 });
  const after = emptyAfterCommit();
  if (!rows.length) return { processed: [], after };
  const attributionIds = [...new Set(rows.map((r) => r.attributionId).filter((v): v is string => Boolean(v)))];
  await refreshAttributionStages(tx, attributionIds);
  const attributions = new Map(
    (await tx.select().from(customerAttributions).where(inArray(customerAttributions.id, attributionIds))).map((a) => [a.id, a]),
  );
  const customers = new Set<string>();
  const fraudCache: FraudCache = new Map();
  const links = new Map<string, Awaited<ReturnType<typeof findLink>>>();

  for (const c of rows) {
    const a = c.attributionId ? attributions.get(c.attributionId) : undefined;
    if (!a || !c.partnerId) {
      await markProcessed(tx, c.id, opts.now, null);
      continue;
    }
    const ctx = await fraudContextFor(tx, {
      partnerId: c.partnerId,
      customerDomain: c.customerDomain,
      customerEmail: c.customerEmail,
      eventAt: c.occurredAt,
      clickId: c.clickId ?? a.clickId,
      now: opts.now,
    }, fraudCache);
    // refund_heavy is a partner-level rule, checked on commissions.
    const flags = evaluateFraud(ctx).filter((h) => h.rule !== "refund_heavy");
    await markProcessed(tx, c.id, opts.now, flags.length ? flags : null);

    let link = a.linkId ? links.get(a.linkId) : null;
    if (a.linkId && link === undefined) links.set(a.linkId, (link = await findLink(tx, a.linkId)));
    await emit(tx, {
      type: "partner.attribution_matched",
      partnerId: c.partnerId,
      data: {
        attributionId: a.id,
        stage: c.type,
        customerId: c.customerId,
        matchedVia: c.matchedVia ?? "customer",
        linkCode: link?.code ?? null,
        clickedAt: ctx.clickedAt ? ctx.clickedAt.toISOString() : null,
        dealId: a.dealId,
        matchedAt: opts.now.toISOString(),
      },
      now: opts.now,
    });
    if (a.conversionId === c.id) {
      await audit(tx, {
        actor: ACTOR,
        action: "attribution.matched",
        object: { type: "customer_attribution", id: a.id },
        partnerId: c.partnerId,
        after: { customerId: a.customerId, via: a.via, clickId: a.clickId, dealId: a.dealId, fraudFlags: flags.map((f) => f.rule) },
        at: opts.now,
      });
      after.crm.push({ attributionId: a.id, conversion: c });
    }
    after.analyticsEventIds.push(
      await recordAnalyticsEvent(tx, {
        name: "partner_attribution_matched",
        clientId: a.clickId ?? c.customerId,
        partnerId: c.partnerId,
        params: {
          partner_id: c.partnerId,
          conversion_type: c.type,
          matched_via: c.matchedVia,
          link_code: link?.code ?? null,
          value: c.amountCents === null ? null : c.amountCents / 100,
          currency: c.currency,
        },
        now: opts.now,
      }),
    );
    if (c.type === "paid" && a.dealId) await markDealWon(tx, a.dealId, c, opts.now);
    customers.add(c.customerId);
  }
  for (const customerId of customers) await reconcileCustomer(tx, customerId, opts.now, fraudCache);
  return { processed: rows, after };
}

async function markDealWon(tx: Queryable, dealId: string, c: ConversionRow, now: Date) {
  const [deal] = await tx.select().from(deals).where(eq(deals.id, dealId)).for("update");
  if (!deal || (deal.stage !== "registered" && deal.stage !== "accepted")) return;
  await tx.update(deals).set({ stage: "won", closedAt: now, closeReason: `Customer ${c.customerId} paid`, updatedAt: now }).where(eq(deals.id, dealId));
  await audit(tx, {
    actor: ACTOR,
    action: "deal.won",
    object: { type: "deal", id: dealId },
    partnerId: deal.partnerId,
    before: { stage: deal.stage },
    after: { stage: "won" },
    meta: { conversionId: c.id },
    at: now,
  });
}

/** GA4 and CRM calls for committed matches. Failures are recorded, never thrown. */
export async function runAfterCommit(after: AfterCommit, now: Date, crm: CrmAdapter = configuredCrm()): Promise<void> {
  await sendAnalyticsEvents(after.analyticsEventIds, now);
  if (!after.crm.length) return;
  const db = await getDb();
  for (const { attributionId, conversion } of after.crm) {
    const [a] = await db.select().from(customerAttributions).where(eq(customerAttributions.id, attributionId));
    if (!a) continue;
    const [partner] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, a.partnerId));
    const deal = a.dealId ? (await db.select().from(deals).where(eq(deals.id, a.dealId)))[0] : undefined;
    try {
      const result = await crm.attachPartner({
        opportunityId: conversion.crmOpportunityId ?? deal?.crmOpportunityId ?? null,
        domain: a.customerDomain,
        company: conversion.company ?? deal?.company ?? null,
        customerId: a.customerId,
        partnerId: a.partnerId,
        partnerName: partner?.name ?? a.partnerId,
        dealId: a.dealId,
        now,
      });
      await setAttributionCrm(db, a.id, { crmSystem: result.system, crmOpportunityId: result.opportunityId, crmSyncedAt: result.opportunityId ? now : null, crmError: result.opportunityId ? null : "No opportunity found" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await setAttributionCrm(db, a.id, { crmSystem: crm.system, crmOpportunityId: null, crmSyncedAt: null, crmError: message.slice(0, 500) });
      log.warn("CRM attach failed", { attributionId: a.id, error: message });
    }
  }
}

/**
 * The batch path (cron): match every unmatched conversion set-based, then do the
 * follow-ups in chunks. Late clicks and late registrations are picked up here.
 */
export async function runAttribution(now: Date, opts: { chunk?: number } = {}): Promise<{ matched: number; processed: number }> {
  const db = await getDb();
  const matched = await db.transaction((tx) => matchConversions(tx, { now }));
  let processed = 0;
  for (;;) {
    const { processed: rows, after } = await db.transaction((tx) => processMatchedConversions(tx, { now, limit: opts.chunk ?? 200 }));
    if (!rows.length) break;
    processed += rows.length;
    await runAfterCommit(after, now);
  }
  return { matched, processed };
}

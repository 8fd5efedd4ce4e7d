import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { conversions, partners } from "@/db/schema";
import { findAttributionByCustomer } from "@/lib/attribution/store";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { emit } from "@/lib/events/emit";
import { evaluateFraud, type FraudHit } from "@/lib/fraud/rules";
import { fraudContextFor, type FraudCache } from "@/lib/fraud/store";
import { desiredCommissions, holdUntilFor, reconcilePlan, unheldStatus, type ExistingCommission } from "./rules";
import { billingFactsFor, insertCommission, lockCustomerCommissions, updateCommission, type CommissionRow } from "./store";

const ACTOR = systemActor("commissions", "Commission engine");

export interface ReconcileResult {
  created: CommissionRow[];
  changed: number;
}

/**
 * Brings one customer's commissions in line with its billing facts (see the
 * header of rules.ts). Idempotent: calling it again with the same facts changes
 * nothing. Runs in the caller's transaction; the customer's commissions are
 * locked for it, so concurrent events for one customer queue up.
 */
export async function reconcileCustomer(tx: Queryable, customerId: string, now: Date, fraudCache?: FraudCache): Promise<ReconcileResult> {
  const attribution = await findAttributionByCustomer(tx, customerId);
  if (!attribution) return { created: [], changed: 0 };
  const [partner] = await tx.select().from(partners).where(eq(partners.id, attribution.partnerId));
  if (!partner) return { created: [], changed: 0 };

  const existing = await lockCustomerCommissions(tx, customerId);
  const facts = await billingFactsFor(tx, customerId);
  const desired = desiredCommissions({ customerId, tier: partner.tier, ...facts });
  const actions = reconcilePlan(existing as ExistingCommission[], desired);
  if (!actions.length) return { created: [], changed: 0 };

  let hits: FraudHit[] | null = null;
  const fraudHits = async (): Promise<FraudHit[]> => {
    if (hits) return hits;
    const convs = await tx.select().from(conversions).where(eq(conversions.customerId, customerId));
    const latest = [...convs].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
    const fromConversions = convs.flatMap((c) => c.fraudFlags ?? []) as FraudHit[];
    const ctx = await fraudContextFor(tx, {
      partnerId: partner.id,
      customerDomain: latest?.customerDomain ?? attribution.customerDomain,
      customerEmail: latest?.customerEmail ?? null,
      eventAt: facts.invoices[0]?.paidAt ?? now,
      clickId: attribution.clickId,
      now,
    }, fraudCache);
    const all = [...fromConversions, ...evaluateFraud(ctx)];
    hits = all.filter((h, i) => all.findIndex((o) => o.rule === h.rule) === i);
    return hits;
  };

  const created: CommissionRow[] = [];
  let changed = 0;
  for (const action of actions) {
    if (action.type === "insert") {
      const d = action.line;
      const holdUntil = holdUntilFor(d.earnedAt);
      const reasons = await fraudHits();
      const refunded = d.refundCents;
      const status = refunded === d.grossCents ? "reversed" : reasons.length ? "held" : unheldStatus(holdUntil, now);
      const row = await insertCommission(tx, {
        partnerId: partner.id,
        customerId,
        attributionId: attribution.id,
        kind: d.kind,
        sourceKey: d.sourceKey,
        invoiceId: d.invoiceId,
        sku: d.sku,
        baseCents: d.baseCents,
        rateBps: d.rateBps,
        grossCents: d.grossCents,
        refundedCents: refunded,
        amountCents: d.grossCents - refunded,
        currency: d.currency,
        status,
        earnedAt: d.earnedAt,
        holdUntil,
        heldReasons: reasons.length ? reasons : null,
        reversedAt: status === "reversed" ? now : null,
        reversalReason: status === "reversed" ? "Refunded in full" : null,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) continue;
      created.push(row);
      await audit(tx, {
        actor: ACTOR,
        action: "commission.created",
        object: { type: "commission", id: row.id },
        partnerId: partner.id,
        after: { kind: row.kind, sku: row.sku, amountCents: row.amountCents, currency: row.currency, rateBps: row.rateBps, status: row.status, heldReasons: row.heldReasons },
        meta: { sourceKey: row.sourceKey, customerId },
        at: now,
      });
      if (row.status !== "reversed" && row.kind !== "clawback") {
        await emit(tx, {
          type: "partner.commission.created",
          partnerId: partner.id,
          data: {
            commissionId: row.id,
            kind: row.kind,
            invoiceId: row.invoiceId,
            attributionId: row.attributionId,
            sku: row.sku ?? "",
            amount: { amount: row.amountCents, currency: row.currency },
            rateBps: row.rateBps,
            status: row.status as "pending" | "payable" | "held",
            payableAt: row.holdUntil.toISOString(),
          },
          now,
        });
      }
    } else if (action.type === "set_refund") {
      const before = existing.find((e) => e.id === action.id)!;
      const status = action.reverse ? "reversed" : action.restore ? unheldStatus(before.holdUntil, now) : before.status;
      const row = await updateCommission(tx, action.id, {
        refundedCents: action.refundedCents,
        amountCents: before.grossCents - action.refundedCents,
        status,
        reversedAt: action.reverse ? now : before.reversedAt,
        reversalReason: action.reverse ? "Refunded in full" : before.reversalReason,
        updatedAt: now,
      });
      changed++;
      await audit(tx, {
        actor: ACTOR,
        action: action.reverse ? "commission.reversed" : "commission.refund_applied",
        object: { type: "commission", id: row.id },
        partnerId: row.partnerId,
        before: { amountCents: before.amountCents, refundedCents: before.refundedCents, status: before.status },
        after: { amountCents: row.amountCents, refundedCents: row.refundedCents, status: row.status },
        at: now,
      });
    } else if (action.type === "clawback_insert") {
      const paid = existing.find((e) => e.id === action.reversesId)!;
      const row = await insertCommission(tx, {
        partnerId: paid.partnerId,
        customerId,
        attributionId: paid.attributionId,
        kind: "clawback",
        sourceKey: action.sourceKey,
        invoiceId: paid.invoiceId,
        sku: paid.sku,
        baseCents: 0,
        rateBps: null,
        grossCents: action.amountCents,
        refundedCents: 0,
        amountCents: action.amountCents,
        currency: action.currency,
        status: "payable",
        earnedAt: now,
        holdUntil: now,
        reversesCommissionId: paid.id,
        createdAt: now,
        updatedAt: now,
      });
      if (!row) continue;
      changed++;
      await audit(tx, {
        actor: ACTOR,
        action: "commission.clawed_back",
        object: { type: "commission", id: row.id },
        partnerId: row.partnerId,
        after: { reverses: paid.id, amountCents: row.amountCents, currency: row.currency },
        at: now,
      });
    } else {
      const before = existing.find((e) => e.id === action.id)!;
      const row = await updateCommission(tx, action.id, { grossCents: action.amountCents, amountCents: action.amountCents, updatedAt: now });
      changed++;
      await audit(tx, {
        actor: ACTOR,
        action: "commission.clawed_back",
        object: { type: "commission", id: row.id },
        partnerId: row.partnerId,
        before: { amountCents: before.amountCents },
        after: { amountCents: row.amountCents },
        at: now,
      });
    }
  }
  return { created, changed };
}

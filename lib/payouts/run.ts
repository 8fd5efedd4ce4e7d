import "server-only";
import { getDb, getDbHandle, type Queryable } from "@/db/client";
import type { ledgerEntries } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { systemActor, type Actor } from "@/lib/audit/actor";
import { markPaid } from "@/lib/commissions/store";
import { emit } from "@/lib/events/emit";
import type { PayoutGateway } from "@/lib/integrations/stripe/connect";
import { openEntries } from "./ledger";
import { decidePayout, dueAt, missingPrerequisites, payoutPeriodFor, PREREQUISITE_LABELS, type PayoutPeriod } from "./rules";
import {
  finishRun,
  heldPayouts,
  insertLedgerRows,
  insertPayout,
  insertPayoutLines,
  insertRun,
  lockEligibleCommissions,
  lockPartnerForRun,
  payoutCandidates,
  findSettings,
  prerequisiteFacts,
  updatePayout,
} from "./store";
import { sendTransfers } from "./transfers";
import { hasSignedCurrentAgreements } from "@/lib/legal/signatures";

// The monthly payout run. For the period a run on `now` pays (lib/payouts/rules.ts),
// each partner is settled in its own transaction:
//   1. lock the partner row (FOR UPDATE SKIP LOCKED: a concurrent run skips it);
//   2. skip currencies already paid for the period (the unique constraint on
//      (partner, period, currency) makes this a guarantee, not a hope);
//   3. post the payable commissions earned before the period end to the ledger,
//      reversing the open entries of commissions that changed since they were
//      posted (a refund, a fraud hold);
//   4. if the open balance reaches the minimum, create the payout, its lines (the
//      open entries) and its ledger entry (minus the total), mark the commissions
//      paid, emit partner.payout.created and write the audit event.
// A crash between partners loses nothing: committed partners are skipped by the
// next run, the others are settled then. Stripe transfers are sent afterwards
// (lib/payouts/transfers.ts), each with an idempotency key derived from the payout.

export const PAYOUT_ACTOR = systemActor("payout-run", "Payout run");

export interface RunOptions {
  now: Date;
  gateway: PayoutGateway | null;
  trigger?: "cron" | "admin";
  actor?: Actor;
  triggeredByUserId?: string | null;
  /** Partners settled at once (default: 4 on PostgreSQL, 1 on PGlite). */
  concurrency?: number;
  /** Tests: throw after this many partners were settled (simulates a crash mid-run). */
  crashAfterPartners?: number;
  /** Tests: throw after this many Stripe transfers were created, before recording them. */
  crashAfterTransfers?: number;
}

export interface RunResult {
  period: string;
  processed: number;
  skipped: number;
  changed: number;
  created: number;
  carried: number;
  released: number;
  transferred: number;
  failed: number;
}

export class InjectedCrash extends Error {
  constructor(where: string) {
    super(`injected crash ${where}`);
    this.name = "InjectedCrash";
  }
}

export async function runPayouts(opts: RunOptions): Promise<RunResult> {
  const { now, gateway } = opts;
  const period = payoutPeriodFor(now);
  const actor = opts.actor ?? PAYOUT_ACTOR;
  const mode = gateway ? "stripe" : "manual";
  const run = await insertRun({ period: period.period, startedAt: now, trigger: opts.trigger ?? "cron", triggeredByUserId: opts.triggeredByUserId ?? null });
  const result: RunResult = { period: period.period, processed: 0, skipped: 0, changed: 0, created: 0, carried: 0, released: 0, transferred: 0, failed: 0 };
  try {
    const handle = await getDbHandle();
    const db = handle.db;
    const candidates = await payoutCandidates(db, period.periodEnd);
    // PostgreSQL settles a few partners at once (their row locks keep them apart);
    // PGlite has one connection, so one at a time.
    const workers = opts.concurrency ?? (handle.driver === "postgres" ? 4 : 1);
    let next = 0;
    let crashed: Error | null = null;
    const worker = async () => {
      while (!crashed && next < candidates.length) {
        const partnerId = candidates[next++]!;
        let outcome: SettleOutcome;
        try {
          outcome = await db.transaction((tx) => settlePartner(tx, { partnerId, period, mode, now, actor }));
        } catch (error) {
          crashed ??= error instanceof Error ? error : new Error(String(error));
          return;
        }
        result.processed += 1;
        if (outcome === "locked" || outcome === "done") result.skipped += 1;
        result.created += outcome === "created" ? 1 : 0;
        result.carried += outcome === "carried" ? 1 : 0;
        if (opts.crashAfterPartners !== undefined && result.processed >= opts.crashAfterPartners) crashed ??= new InjectedCrash(`after ${result.processed} partners`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
    if (crashed) throw crashed;
    result.released = await releaseHeldPayouts(now, mode, actor);
    if (gateway) {
      const sent = await sendTransfers(gateway, now, { crashAfterTransfers: opts.crashAfterTransfers });
      result.transferred = sent.paid;
      result.failed = sent.failed;
    }
    result.changed = result.created + result.released + result.transferred + result.failed;
    await finishRun(run.id, { finishedAt: new Date(), created: result.created, carried: result.carried, transferred: result.transferred, failed: result.failed });
    return result;
  } catch (error) {
    await finishRun(run.id, { finishedAt: new Date(), created: result.created, carried: result.carried, error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    throw error;
  }
}

type SettleOutcome = "created" | "carried" | "locked" | "done";

export async function settlePartner(tx: Queryable, args: { partnerId: string; period: PayoutPeriod; mode: "stripe" | "manual"; now: Date; actor: Actor }): Promise<SettleOutcome> {
  const { partnerId, period, mode, now, actor } = args;
  const partner = await lockPartnerForRun(tx, partnerId, period.period);
  if (!partner) return "locked";
  const paidCurrencies = partner.paidCurrencies;

  // 3. Bring the ledger in line with the partner's payable commissions.
  const eligible = await lockEligibleCommissions(tx, partnerId, period.periodEnd);
  const eligibleById = new Map(eligible.map((c) => [c.id, c]));
  const open = await openEntries(tx, partnerId);
  const postedByCommission = new Map(open.filter((e) => e.commissionId).map((e) => [e.commissionId!, e]));
  const toInsert: (typeof ledgerEntries.$inferInsert)[] = [];
  for (const entry of postedByCommission.values()) {
    const c = eligibleById.get(entry.commissionId!);
    if (c && c.amountCents === entry.amountCents) continue;
    toInsert.push({
      partnerId,
      kind: entry.kind,
      amountCents: -entry.amountCents,
      currency: entry.currency,
      commissionId: entry.commissionId,
      reversesEntryId: entry.id,
      memo: c ? "Reversal: the commission changed before it was paid" : "Reversal: the commission is no longer payable",
      effectiveAt: entry.effectiveAt,
      createdAt: now,
      createdBy: actor.label,
    });
  }
  for (const c of eligible) {
    const posted = postedByCommission.get(c.id);
    if ((posted && posted.amountCents === c.amountCents) || c.amountCents === 0 || paidCurrencies.has(c.currency)) continue;
    toInsert.push({
      partnerId,
      kind: c.kind === "clawback" ? "clawback" : "commission",
      amountCents: c.amountCents,
      currency: c.currency,
      commissionId: c.id,
      memo: c.kind === "clawback" ? `Clawback (${c.sku ?? "refund"})` : `Commission: ${c.kind.replace("_", "-")}${c.sku ? ` ${c.sku}` : ""}`,
      effectiveAt: c.earnedAt,
      createdAt: now,
      createdBy: actor.label,
    });
  }
  const inserted = await insertLedgerRows(tx, toInsert);

  // 4. One payout per currency that reaches its minimum.
  const reversed = new Set(inserted.map((e) => e.reversesEntryId).filter(Boolean));
  const current = [...open.filter((e) => !reversed.has(e.id)), ...inserted.filter((e) => !e.reversesEntryId)];
  const currencies = [...new Set(current.map((e) => e.currency))].filter((c) => !paidCurrencies.has(c));
  currencies.sort((a, b) => (a === partner.currency ? -1 : b === partner.currency ? 1 : a.localeCompare(b)));
  if (!currencies.length) return paidCurrencies.size ? "done" : "carried";
  const settings = partner.settings ? { ...partner.settings, agreementsSigned: (await hasSignedCurrentAgreements(tx, partnerId, now)).ok } : null;
  let created = false;
  for (const currency of currencies) {
    const decision = decidePayout({ currency, open: current, periodEnd: period.periodEnd, settings, mode });
    if (decision.type === "carry") continue;
    const payout = await insertPayout(tx, {
      partnerId,
      period: period.period,
      periodEnd: period.periodEnd,
      currency,
      totalCents: decision.totalCents,
      lineCount: decision.entries.length,
      status: decision.status,
      method: mode,
      statusReason: decision.reason,
      runAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await insertPayoutLines(
      tx,
      decision.entries.map((e) => ({ payoutId: payout.id, ledgerEntryId: e.id, amountCents: e.amountCents })),
    );
    await insertLedgerRows(tx, [
      { partnerId, kind: "payout", amountCents: -decision.totalCents, currency, payoutId: payout.id, memo: `Payout for ${period.period}`, effectiveAt: now, createdAt: now, createdBy: actor.label },
    ]);
    const commissionIds = current.filter((e) => decision.entries.some((d) => d.id === e.id) && e.commissionId).map((e) => e.commissionId!);
    const paid = await markPaid(tx, commissionIds, payout.id, now);
    if (paid.length !== commissionIds.length) throw new Error(`payout ${payout.id}: ${commissionIds.length - paid.length} commissions were no longer payable`);
    await emit(tx, {
      type: "partner.payout.created",
      partnerId,
      now,
      data: {
        payoutId: payout.id,
        amount: { amount: payout.totalCents, currency },
        periodStart: period.periodStart.toISOString(),
        periodEnd: period.periodEnd.toISOString(),
        dueAt: dueAt(period).toISOString(),
        lineCount: payout.lineCount,
        status: decision.status,
      },
    });
    await audit(tx, {
      actor,
      action: decision.status === "held" ? "payout.held" : "payout.created",
      object: { type: "payout", id: payout.id },
      partnerId,
      after: { period: period.period, totalCents: payout.totalCents, currency, lineCount: payout.lineCount, status: payout.status, reason: payout.statusReason, commissionsPaid: commissionIds.length },
      at: now,
    });
    created = true;
  }
  return created ? "created" : "carried";
}

/** Held payouts whose partner has since completed the prerequisites go out. */
export async function releaseHeldPayouts(now: Date, mode: "stripe" | "manual", actor: Actor = PAYOUT_ACTOR): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    let released = 0;
    for (const p of await heldPayouts(tx)) {
      const missing = missingPrerequisites(await prerequisiteFacts(tx, p.partnerId, now), mode);
      if (missing.length) {
        const reason = missing.map((m) => PREREQUISITE_LABELS[m]).join("; ");
        if (reason !== p.statusReason) await updatePayout(tx, p.id, { statusReason: reason, updatedAt: now });
        continue;
      }
      const status = mode === "stripe" ? "pending" : "manual";
      await updatePayout(tx, p.id, { status, method: mode, statusReason: null, updatedAt: now }, ["held"]);
      await audit(tx, { actor, action: "payout.released", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "held" }, after: { status }, at: now });
      released += 1;
    }
    return released;
  });
}

import "server-only";
import { getDb, getDbHandle, slices, type Queryable } from "@/db/client";
import type { payouts } from "@/db/schema";
import { auditMany, type AuditInput } from "@/lib/audit/audit";
import { systemActor, type Actor } from "@/lib/audit/actor";
import { markPaidMany } from "@/lib/commissions/store";
import { emitMany } from "@/lib/events/emit";
import type { EventData } from "@/lib/events/registry";
import type { PayoutGateway } from "@/lib/integrations/stripe/connect";
import { newId } from "@/lib/ids";
import { haveSignedCurrentAgreements } from "@/lib/legal/signatures";
import { idSource } from "@/lib/ids";
import { insertLedgerEntries, openEntriesOf, type LedgerEntryRow } from "./ledger";
import { decidePayout, dueAt, missingPrerequisites, payoutPeriodFor, PREREQUISITE_LABELS, type PayoutPeriod } from "./rules";
import {
  finishRun,
  heldPayouts,
  insertPayoutLines,
  insertPayouts,
  insertRun,
  lockEligibleCommissionsOf,
  lockPartnersForRun,
  payoutCandidates,
  prerequisiteFactsOf,
  releasePayouts,
  updatePayout,
  type EligibleCommission,
  type LockedPartner,
  type PayoutRow,
} from "./store";
import { sendTransfers } from "./transfers";

// The monthly payout run. For the period a run on `now` pays (lib/payouts/rules.ts),
// the candidate partners are settled in chunks (CHUNK_SIZE partners, one
// transaction each); every step below is one statement for the whole chunk
// (or a few slices of one), never one per partner:
//   1. lock the chunk's partner rows (FOR UPDATE SKIP LOCKED: a concurrent run
//      skips them; a locked partner is counted as skipped and settled by a later run);
//   2. read the currencies already paid for the period and skip them (the unique
//      constraint on (partner, period, currency) makes this a guarantee, not a hope);
//   3. post the payable commissions earned before the period end to the ledger,
//      reversing the open entries of commissions that changed since they were
//      posted (a refund, a fraud hold);
//   4. decide each partner's payout per currency with the pure rule (decidePayout:
//      minimum, held without prerequisites), then write the payouts, their lines
//      (the open entries) and ledger entries (minus the total), mark the
//      commissions paid (all of them still payable, or the chunk rolls back), and
//      write partner.payout.created events and audit events, each in multi-row inserts.
// A crash between chunks loses nothing: committed partners are skipped by the
// next run, the others are settled then. Stripe transfers are sent afterwards
// (lib/payouts/transfers.ts), each with an idempotency key derived from the payout.

/** Partners per transaction: big enough that a statement does real work, small enough to keep locks and memory short. */
export const CHUNK_SIZE = 500;

export const PAYOUT_ACTOR = systemActor("payout-run", "Payout run");

export interface RunOptions {
  now: Date;
  gateway: PayoutGateway | null;
  trigger?: "cron" | "admin";
  actor?: Actor;
  triggeredByUserId?: string | null;
  /** Chunks settled at once (default: 2 on PostgreSQL, 1 on PGlite). */
  concurrency?: number;
  /** Partners per transaction (default CHUNK_SIZE). */
  chunkSize?: number;
  /** Tests: throw once this many partners were settled, after the chunk that reached it committed (simulates a crash mid-run). */
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
    const chunks = slices(candidates, Math.max(1, opts.chunkSize ?? CHUNK_SIZE));
    // PostgreSQL settles a couple of chunks at once (their row locks keep them
    // apart); PGlite has one connection, so one at a time.
    const workers = opts.concurrency ?? (handle.driver === "postgres" ? 2 : 1);
    let next = 0;
    let crashed: Error | null = null;
    const worker = async () => {
      while (!crashed && next < chunks.length) {
        const partnerIds = chunks[next++]!;
        let outcomes: Map<string, SettleOutcome>;
        try {
          outcomes = await db.transaction((tx) => settlePartners(tx, { partnerIds, period, mode, now, actor }));
        } catch (error) {
          crashed ??= error instanceof Error ? error : new Error(String(error));
          return;
        }
        for (const outcome of outcomes.values()) {
          result.processed += 1;
          if (outcome === "locked" || outcome === "done") result.skipped += 1;
          result.created += outcome === "created" ? 1 : 0;
          result.carried += outcome === "carried" ? 1 : 0;
        }
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

export type SettleOutcome = "created" | "carried" | "locked" | "done";

/** One partner, as a chunk of one (the seed settles partners this way). */
export async function settlePartner(tx: Queryable, args: { partnerId: string; period: PayoutPeriod; mode: "stripe" | "manual"; now: Date; actor: Actor }): Promise<SettleOutcome> {
  const { partnerId, ...rest } = args;
  const outcomes = await settlePartners(tx, { partnerIds: [partnerId], ...rest });
  return outcomes.get(partnerId) ?? "locked";
}

/**
 * Settles a chunk of partners in the caller's transaction, each step one
 * statement (or a few slices of one) for the whole chunk. Returns each
 * partner's outcome; a partner another run holds is "locked".
 */
export async function settlePartners(
  tx: Queryable,
  args: { partnerIds: readonly string[]; period: PayoutPeriod; mode: "stripe" | "manual"; now: Date; actor: Actor },
): Promise<Map<string, SettleOutcome>> {
  const { period, mode, now, actor } = args;
  const outcomes = new Map<string, SettleOutcome>(args.partnerIds.map((id) => [id, "locked"]));
  // 1-2. Lock the partners and read what was already paid for the period.
  const locked = await lockPartnersForRun(tx, args.partnerIds, period.period);
  if (!locked.length) return outcomes;
  const lockedIds = locked.map((p) => p.id);
  const ledgerEntryId = idSource("ledgerEntry");

  // 3. Bring the ledger in line with the partners' payable commissions.
  const eligibleOf = await lockEligibleCommissionsOf(tx, lockedIds, period.periodEnd);
  const openOf = await openEntriesOf(tx, lockedIds);
  const postings: LedgerEntryRow[] = [];
  const currentOf = new Map<string, LedgerEntryRow[]>();
  for (const partner of locked) {
    const eligible = eligibleOf.get(partner.id) ?? [];
    const open = openOf.get(partner.id) ?? [];
    const { reversals, posted } = ledgerPostings({ partnerId: partner.id, eligible, open, paidCurrencies: partner.paidCurrencies, now, actor, nextId: ledgerEntryId });
    postings.push(...reversals, ...posted);
    const reversed = new Set(reversals.map((e) => e.reversesEntryId));
    currentOf.set(partner.id, [...open.filter((e) => !reversed.has(e.id)), ...posted]);
  }
  await insertLedgerEntries(tx, postings);

  // 4. One payout per partner and currency that reaches its minimum.
  const toDecide = locked.filter((p) => currenciesToSettle(p, currentOf.get(p.id)!).length > 0);
  const signed = await haveSignedCurrentAgreements(
    tx,
    toDecide.filter((p) => p.settings).map((p) => p.id),
    now,
  );
  const newPayouts: (typeof payouts.$inferInsert & { id: string })[] = [];
  const lines: { payoutId: string; ledgerEntryId: string; amountCents: number }[] = [];
  const payoutEntries: LedgerEntryRow[] = [];
  const paid: { commissionId: string; payoutId: string }[] = [];
  const emitted: { partnerId: string; data: EventData<"partner.payout.created"> }[] = [];
  const audited: AuditInput[] = [];
  for (const partner of locked) {
    const current = currentOf.get(partner.id)!;
    const currencies = currenciesToSettle(partner, current);
    if (!currencies.length) {
      outcomes.set(partner.id, partner.paidCurrencies.size ? "done" : "carried");
      continue;
    }
    const settings = partner.settings ? { ...partner.settings, agreementsSigned: signed.get(partner.id) ?? false } : null;
    let created = false;
    for (const currency of currencies) {
      const decision = decidePayout({ currency, open: current, periodEnd: period.periodEnd, settings, mode });
      if (decision.type === "carry") continue;
      const payoutId = newId("payout");
      const payout = {
        id: payoutId,
        partnerId: partner.id,
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
      };
      newPayouts.push(payout);
      for (const e of decision.entries) lines.push({ payoutId, ledgerEntryId: e.id, amountCents: e.amountCents });
      payoutEntries.push(
        ledgerRow({ id: ledgerEntryId(), partnerId: partner.id, kind: "payout", amountCents: -decision.totalCents, currency, payoutId, memo: `Payout for ${period.period}`, effectiveAt: now, now, actor }),
      );
      const settled = new Set(decision.entries.map((e) => e.id));
      const commissionIds = current.filter((e) => settled.has(e.id) && e.commissionId).map((e) => e.commissionId!);
      for (const commissionId of commissionIds) paid.push({ commissionId, payoutId });
      emitted.push({
        partnerId: partner.id,
        data: {
          payoutId,
          amount: { amount: payout.totalCents, currency },
          periodStart: period.periodStart.toISOString(),
          periodEnd: period.periodEnd.toISOString(),
          dueAt: dueAt(period).toISOString(),
          lineCount: payout.lineCount,
          status: decision.status,
        },
      });
      audited.push({
        actor,
        action: decision.status === "held" ? "payout.held" : "payout.created",
        object: { type: "payout", id: payoutId },
        partnerId: partner.id,
        after: { period: period.period, totalCents: payout.totalCents, currency, lineCount: payout.lineCount, status: payout.status, reason: payout.statusReason, commissionsPaid: commissionIds.length },
        at: now,
      });
      created = true;
    }
    outcomes.set(partner.id, created ? "created" : "carried");
  }
  await insertPayouts(tx, newPayouts);
  await insertPayoutLines(tx, lines); // before the payout entries, which close the payouts
  await insertLedgerEntries(tx, payoutEntries);
  const marked = await markPaidMany(tx, paid, now);
  if (marked.length !== paid.length) {
    const missing = new Set(paid.map((p) => p.commissionId));
    for (const id of marked) missing.delete(id);
    const payoutIds = [...new Set(paid.filter((p) => missing.has(p.commissionId)).map((p) => p.payoutId))];
    throw new Error(`payouts ${payoutIds.join(", ")}: ${paid.length - marked.length} commissions were no longer payable`);
  }
  await emitMany(tx, "partner.payout.created", now, emitted);
  await auditMany(tx, audited);
  return outcomes;
}

/** The partner's unpaid currencies with open entries, the partner's own currency first. */
function currenciesToSettle(partner: LockedPartner, current: readonly LedgerEntryRow[]): string[] {
  const currencies = [...new Set(current.map((e) => e.currency))].filter((c) => !partner.paidCurrencies.has(c));
  return currencies.sort((a, b) => (a === partner.currency ? -1 : b === partner.currency ? 1 : a.localeCompare(b)));
}

/**
 * What one partner's ledger needs so that it matches their payable commissions:
 * reversals of the open entries whose commission changed or is no longer payable,
 * and entries for the payable commissions not posted yet (none in a currency
 * already paid for the period).
 */
function ledgerPostings(args: {
  partnerId: string;
  eligible: readonly EligibleCommission[];
  open: readonly LedgerEntryRow[];
  paidCurrencies: ReadonlySet<string>;
  now: Date;
  actor: Actor;
  nextId: () => string;
}): { reversals: LedgerEntryRow[]; posted: LedgerEntryRow[] } {
  const { partnerId, now, actor, nextId } = args;
  const eligibleById = new Map(args.eligible.map((c) => [c.id, c]));
  const postedByCommission = new Map(args.open.filter((e) => e.commissionId).map((e) => [e.commissionId!, e]));
  const reversals: LedgerEntryRow[] = [];
  for (const entry of postedByCommission.values()) {
    const c = eligibleById.get(entry.commissionId!);
    if (c && c.amountCents === entry.amountCents) continue;
    reversals.push(
      ledgerRow({
        id: nextId(),
        partnerId,
        kind: entry.kind,
        amountCents: -entry.amountCents,
        currency: entry.currency,
        commissionId: entry.commissionId,
        reversesEntryId: entry.id,
        memo: c ? "Reversal: the commission changed before it was paid" : "Reversal: the commission is no longer payable",
        effectiveAt: entry.effectiveAt,
        now,
        actor,
      }),
    );
  }
  const posted: LedgerEntryRow[] = [];
  for (const c of args.eligible) {
    const already = postedByCommission.get(c.id);
    if ((already && already.amountCents === c.amountCents) || c.amountCents === 0 || args.paidCurrencies.has(c.currency)) continue;
    posted.push(
      ledgerRow({
        id: nextId(),
        partnerId,
        kind: c.kind === "clawback" ? "clawback" : "commission",
        amountCents: c.amountCents,
        currency: c.currency,
        commissionId: c.id,
        memo: c.kind === "clawback" ? `Clawback (${c.sku ?? "refund"})` : `Commission: ${c.kind.replace("_", "-")}${c.sku ? ` ${c.sku}` : ""}`,
        effectiveAt: c.earnedAt,
        now,
        actor,
      }),
    );
  }
  return { reversals, posted };
}

function ledgerRow(e: {
  id: string;
  partnerId: string;
  kind: LedgerEntryRow["kind"];
  amountCents: number;
  currency: string;
  commissionId?: string | null;
  payoutId?: string | null;
  reversesEntryId?: string | null;
  memo: string;
  effectiveAt: Date;
  now: Date;
  actor: Actor;
}): LedgerEntryRow {
  return {
    id: e.id,
    partnerId: e.partnerId,
    kind: e.kind,
    amountCents: e.amountCents,
    currency: e.currency,
    commissionId: e.commissionId ?? null,
    payoutId: e.payoutId ?? null,
    reversesEntryId: e.reversesEntryId ?? null,
    sourceRef: null,
    memo: e.memo,
    effectiveAt: e.effectiveAt,
    createdAt: e.now,
    createdBy: e.actor.label,
  };
}

/** Held payouts whose partner has since completed the prerequisites go out. */
export async function releaseHeldPayouts(now: Date, mode: "stripe" | "manual", actor: Actor = PAYOUT_ACTOR): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const held = await heldPayouts(tx);
    if (!held.length) return 0;
    const partnerIds = [...new Set(held.map((p) => p.partnerId))];
    const facts = await prerequisiteFactsOf(tx, partnerIds, now);
    const release: PayoutRow[] = [];
    for (const p of held) {
      const missing = missingPrerequisites(facts.get(p.partnerId) ?? null, mode);
      if (!missing.length) {
        release.push(p);
        continue;
      }
      const reason = missing.map((m) => PREREQUISITE_LABELS[m]).join("; ");
      if (reason !== p.statusReason) await updatePayout(tx, p.id, { statusReason: reason, updatedAt: now });
    }
    const status = mode === "stripe" ? "pending" : "manual";
    const released = await releasePayouts(
      tx,
      release.map((p) => p.id),
      { status, method: mode, updatedAt: now },
    );
    const byId = new Map(release.map((p) => [p.id, p]));
    await auditMany(
      tx,
      released.map((id) => ({ actor, action: "payout.released", object: { type: "payout", id }, partnerId: byId.get(id)!.partnerId, before: { status: "held" }, after: { status }, at: now })),
    );
    return released.length;
  });
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/audit/actor";
import { systemActor } from "@/lib/audit/actor";
import { emit } from "@/lib/events/emit";
import { TransferRefused, type PayoutGateway } from "@/lib/integrations/stripe/connect";
import { log } from "@/lib/log";
import { transferIdempotencyKey } from "./rules";
import { claimTransferable, findSettings, updatePayout, type PayoutRow } from "./store";

// Sending Stripe payouts. Each payout is claimed (pending -> processing) and
// committed before Stripe is called, then the result is recorded:
//   - a Transfer: paid, with its id;
//   - Stripe refused (4xx): failed, with Stripe's message; `attempts` goes up so
//     a retry uses a new idempotency key (the refused one created nothing);
//   - anything else (timeout, 5xx, a crash before we recorded the answer): the
//     payout stays processing and is tried again after STALE_MS with the SAME
//     key, so Stripe returns the transfer it may already have made.

const ACTOR = systemActor("payout-transfers", "Stripe payouts");
export const STALE_MS = 10 * 60_000;

export async function sendTransfers(
  gateway: PayoutGateway,
  now: Date,
  opts: { ids?: readonly string[]; batch?: number; crashAfterTransfers?: number; actor?: Actor } = {},
): Promise<{ paid: number; failed: number; unknown: number }> {
  const db = await getDb();
  const out = { paid: 0, failed: 0, unknown: 0 };
  let calls = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await claimTransferable(tx, now, opts.batch ?? 50, STALE_MS, opts.ids);
      const ready: (PayoutRow & { destination: string | null })[] = [];
      for (const p of rows) {
        await updatePayout(tx, p.id, { status: "processing", updatedAt: now });
        const s = await findSettings(tx, p.partnerId);
        ready.push({ ...p, destination: s?.payoutsEnabled ? s.stripeAccountId : null });
      }
      return ready;
    });
    if (!claimed.length) break;
    for (const p of claimed) {
      if (!p.destination) {
        await recordFailure(p, "The partner has no Stripe account with payouts enabled", now, opts.actor);
        out.failed += 1;
        continue;
      }
      let transferId: string;
      try {
        calls += 1;
        const t = await gateway.createTransfer({ amount: p.totalCents, currency: p.currency, destination: p.destination, payoutId: p.id, partnerId: p.partnerId }, transferIdempotencyKey(p.id, p.attempts));
        transferId = t.id;
      } catch (error) {
        if (error instanceof TransferRefused) {
          await recordFailure(p, error.message, now, opts.actor);
          out.failed += 1;
        } else {
          out.unknown += 1;
          log.warn("stripe transfer outcome unknown; will retry with the same idempotency key", { payoutId: p.id, error: error instanceof Error ? error.message : String(error) });
        }
        continue;
      }
      if (opts.crashAfterTransfers !== undefined && calls >= opts.crashAfterTransfers) throw new Error(`injected crash after ${calls} transfers`);
      await recordPaid(p, transferId, now, opts.actor);
      out.paid += 1;
    }
    if (opts.ids) break;
  }
  return out;
}

async function recordPaid(p: PayoutRow, transferId: string, now: Date, actor: Actor = ACTOR) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await updatePayout(tx, p.id, { status: "paid", stripeTransferId: transferId, paidAt: now, statusReason: null, updatedAt: now }, ["processing"]);
    if (!row) return;
    await audit(tx, { actor, action: "payout.paid", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "processing" }, after: { status: "paid", transferId }, at: now });
    await emit(tx, {
      type: "partner.payout.paid",
      partnerId: p.partnerId,
      now,
      data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, paidAt: now.toISOString(), method: "stripe", reference: transferId },
    });
  });
}

async function recordFailure(p: PayoutRow, reason: string, now: Date, actor: Actor = ACTOR) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const attempts = p.attempts + 1;
    const row = await updatePayout(tx, p.id, { status: "failed", statusReason: reason, attempts, updatedAt: now }, ["processing"]);
    if (!row) return;
    await audit(tx, { actor, action: "payout.failed", object: { type: "payout", id: p.id }, partnerId: p.partnerId, before: { status: "processing" }, after: { status: "failed", reason, attempts }, at: now });
    await emit(tx, {
      type: "partner.payout.failed",
      partnerId: p.partnerId,
      now,
      data: { payoutId: p.id, amount: { amount: p.totalCents, currency: p.currency }, failedAt: now.toISOString(), reason, attempts },
    });
  });
}

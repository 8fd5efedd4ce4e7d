import "server-only";
import type { Queryable } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import type { Actor } from "@/lib/audit/actor";
import { postLedgerEntry } from "@/lib/payouts/ledger";
import { updateRequest, type MdfRequestRow } from "./store";

/**
 * Reimburses an approved MDF claim: the one place money leaves the MDF budget
 * for the partner. Runs in the caller's transaction (which holds the request's
 * and the budget's locks): records the amount and time on the request, posts
 * the reimbursement to the payouts ledger so it is paid with the partner's next
 * payout, and audits it.
 */
export async function reimburseMdfClaim(
  tx: Queryable,
  args: { request: MdfRequestRow; amountCents: number; actor: Actor; now: Date },
): Promise<MdfRequestRow> {
  const { request, amountCents, now } = args;
  if (!Number.isInteger(amountCents) || amountCents < 0 || amountCents > (request.approvedCents ?? 0)) {
    throw new Error(`MDF reimbursement of ${amountCents} is outside 0..${request.approvedCents ?? 0}`);
  }
  const row = await updateRequest(tx, request.id, { status: "reimbursed", reimbursedCents: amountCents, reimbursedAt: now, updatedAt: now });
  if (amountCents > 0) {
    // Payable at once: the reimbursement goes out with the next payout run whose period covers today.
    await postLedgerEntry(tx, {
      partnerId: row.partnerId,
      kind: "mdf_reimbursement",
      amountCents,
      currency: row.currency,
      effectiveAt: now,
      memo: `MDF reimbursement: ${row.title}`,
      sourceRef: row.id,
      actor: args.actor,
      now,
    });
  }
  await audit(tx, {
    actor: args.actor,
    action: "mdf_claim.reimbursed",
    object: { type: "mdf_request", id: row.id },
    partnerId: row.partnerId,
    before: { status: request.status },
    after: { status: row.status, reimbursedCents: amountCents, currency: row.currency, claimedCents: row.claimedCents },
    at: now,
  });
  return row;
}

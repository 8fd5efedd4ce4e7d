import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { reimburseMdfClaim } from "./reimburse";
import { reimbursableCents } from "./rules";
import { decideClaimSchema } from "./schemas";
import { lockBudget, lockRequest, updateRequest, type MdfRequestRow } from "./store";

/**
 * An admin decides a submitted claim: approve (reimbursed the spend claimed,
 * capped at the approved amount, through the payouts ledger) or reject with a
 * reason (the funds go back to the budget). Audited; partner.mdf_claim.decided.
 */
export async function decideMdfClaim(args: { principal: Principal | null; requestId: string; input: unknown; now: Date }): Promise<MdfRequestRow> {
  const viewer = assertAdmin(args.principal, "mdf:review");
  const input = parseOrThrow(decideClaimSchema, args.input);
  const actor = actorOf(args.principal!);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, args.requestId);
    if (!current) throw notFound("MDF request");
    if (current.status !== "claim_submitted") throw new AppError({ code: "conflict", message: "There is no submitted claim to decide on this request" });
    await lockBudget(tx, current.partnerId, current.budgetYear, args.now);
    const reason = input.reason || null;
    const decided = await updateRequest(tx, current.id, { claimDecisionReason: reason, claimDecidedBy: viewer.userId, claimDecidedAt: args.now, updatedAt: args.now });
    let row: MdfRequestRow;
    if (input.decision === "approve") {
      row = await reimburseMdfClaim(tx, { request: decided, amountCents: reimbursableCents(decided), actor, now: args.now });
    } else {
      row = await updateRequest(tx, current.id, { status: "claim_rejected" });
      await audit(tx, {
        actor,
        action: "mdf_claim.rejected",
        object: { type: "mdf_request", id: row.id },
        partnerId: row.partnerId,
        before: { status: current.status },
        after: { status: row.status, reason },
        at: args.now,
      });
    }
    await emit(tx, {
      type: "partner.mdf_claim.decided",
      partnerId: row.partnerId,
      data: {
        requestId: row.id,
        status: row.status as "reimbursed" | "claim_rejected",
        reimbursed: row.reimbursedCents === null ? null : { amount: row.reimbursedCents, currency: row.currency },
        reason,
        decidedAt: args.now.toISOString(),
      },
      now: args.now,
    });
    return row;
  });
}

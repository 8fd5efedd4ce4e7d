import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { appUrl, tellPartner } from "@/lib/email/tell-partner";
import { decisionEmail } from "@/lib/email/templates";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { formatMoney } from "@/lib/money";
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
  const decided = await db.transaction(async (tx) => {
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
  await tellPartner({
    partnerId: decided.partnerId,
    kind: "mdf_claim_decided",
    now: args.now,
    render: (partnerName) =>
      decisionEmail({
        partnerName,
        subject: decided.status === "reimbursed" ? "MDF claim approved" : "MDF claim declined",
        heading: decided.status === "reimbursed" ? `Your MDF claim for “${decided.title}” is approved` : `Your MDF claim for “${decided.title}” was declined`,
        lines:
          decided.status === "reimbursed"
            ? [`${formatMoney(decided.reimbursedCents ?? 0, decided.currency)} is added to your balance and paid with your next payout.`]
            : ["Nothing is reimbursed for this activity."],
        reason: decided.claimDecisionReason,
        url: appUrl(`/console/mdf/${decided.id}`),
        cta: "Open the request",
      }),
  });
  return decided;
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { unheldStatus } from "@/lib/commissions/rules";
import { lockCommission, updateCommission, type CommissionRow } from "@/lib/commissions/store";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { reviewHoldSchema } from "./schemas";

/**
 * An admin decides a fraud hold: "clear" puts the commission back on its way
 * (pending until the hold period ends, then payable); "reject" reverses it for
 * good. Either way the reason is kept and audited.
 */
export async function reviewHold(args: { principal: Principal | null; commissionId: string; input: unknown; now: Date }): Promise<CommissionRow> {
  const viewer = assertAdmin(args.principal, "fraud:review");
  const input = parseOrThrow(reviewHoldSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockCommission(tx, args.commissionId);
    if (!row) throw notFound("Commission");
    if (row.status !== "held") throw new AppError({ code: "conflict", message: `This commission is ${row.status}, not held` });
    const cleared = input.decision === "clear";
    const updated = await updateCommission(tx, row.id, {
      status: cleared ? unheldStatus(row.holdUntil, args.now) : "reversed",
      reviewedByUserId: viewer.userId,
      reviewedAt: args.now,
      reviewNote: input.reason,
      reversedAt: cleared ? null : args.now,
      reversalReason: cleared ? null : `Rejected after fraud review: ${input.reason}`,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: cleared ? "commission.hold_cleared" : "commission.hold_rejected",
      object: { type: "commission", id: row.id },
      partnerId: row.partnerId,
      before: { status: row.status, heldReasons: row.heldReasons },
      after: { status: updated.status },
      meta: { reason: input.reason },
      at: args.now,
    });
    return updated;
  });
}

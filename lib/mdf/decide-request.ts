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
import { decideRequest, MDF_STATUS_LABELS } from "./rules";
import { decideMdfRequestSchema } from "./schemas";
import { lockBudget, lockRequest, updateRequest, type MdfRequestRow } from "./store";

/**
 * An admin approves, partly approves or rejects a pending MDF request, with a
 * reason for anything but a full approval. The approved amount never exceeds
 * the request, which already holds its amount in the budget, so a decision
 * cannot overspend; the budget row is still locked so decisions and new
 * requests of one budget never interleave. Audited; partner.mdf_request.decided.
 */
export async function decideMdfRequest(args: { principal: Principal | null; requestId: string; input: unknown; now: Date }): Promise<MdfRequestRow> {
  const viewer = assertAdmin(args.principal, "mdf:review");
  const input = parseOrThrow(decideMdfRequestSchema, args.input);
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    const current = await lockRequest(tx, args.requestId);
    if (!current) throw notFound("MDF request");
    await lockBudget(tx, current.partnerId, current.budgetYear, args.now);
    const result = decideRequest(current, { decision: input.decision, approvedCents: input.approvedAmount ?? null });
    if (!result.ok) throw new AppError({ code: result.code, message: result.message, fields: result.field ? { [result.field]: [result.message] } : undefined });
    const reason = input.reason || null;
    const row = await updateRequest(tx, current.id, {
      status: result.status,
      approvedCents: result.approvedCents,
      decisionReason: reason,
      decidedBy: viewer.userId,
      decidedAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: `mdf_request.${result.status}`,
      object: { type: "mdf_request", id: row.id },
      partnerId: row.partnerId,
      before: { status: current.status },
      after: { status: row.status, approvedCents: row.approvedCents, reason },
      at: args.now,
    });
    await emit(tx, {
      type: "partner.mdf_request.decided",
      partnerId: row.partnerId,
      data: {
        requestId: row.id,
        status: result.status as "approved" | "partly_approved" | "rejected",
        requested: { amount: row.requestedCents, currency: row.currency },
        approved: row.approvedCents === null ? null : { amount: row.approvedCents, currency: row.currency },
        reason,
        decidedAt: args.now.toISOString(),
      },
      now: args.now,
    });
    return row;
  });
  const approved = decided.approvedCents === null ? null : formatMoney(decided.approvedCents, decided.currency);
  const requested = formatMoney(decided.requestedCents, decided.currency);
  await tellPartner({
    partnerId: decided.partnerId,
    kind: "mdf_request_decided",
    now: args.now,
    render: (partnerName) =>
      decisionEmail({
        partnerName,
        subject: decided.status === "approved" ? "MDF request approved" : decided.status === "partly_approved" ? "MDF request partly approved" : "MDF request declined",
        heading: `Your MDF request “${decided.title}” was ${MDF_STATUS_LABELS[decided.status].toLowerCase()}`,
        lines:
          decided.status === "rejected"
            ? [`You asked for ${requested}. The amount is back in your budget for the year.`]
            : [`You asked for ${requested}; ${approved} is approved.`, "Run the activity, then submit your proof of execution and results (leads, spend receipts) from the request's page to be reimbursed."],
        reason: decided.decisionReason,
        url: appUrl(`/console/mdf/${decided.id}`),
        cta: "Open the request",
      }),
  });
  return decided;
}

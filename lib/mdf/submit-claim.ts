import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { checkUpload, saveUpload } from "@/lib/storage/uploads";
import { evaluateClaim } from "./rules";
import { submitClaimSchema } from "./schemas";
import { lockRequest, updateRequest, type MdfRequestRow } from "./store";

export interface ReceiptFile {
  bytes: Uint8Array;
  filename: string;
  declaredType: string;
}

export const MAX_RECEIPTS = 10;

/**
 * After the activity, the partner claims: spend, leads generated, a summary,
 * an optional proof URL and at least one spend receipt (stored with the
 * `receipt` upload policy). The request and the receipts commit together. Audited.
 */
export async function submitMdfClaim(args: {
  principal: Principal | null;
  partnerId: string;
  requestId: string;
  input: unknown;
  receipts: readonly ReceiptFile[];
  now: Date;
}): Promise<MdfRequestRow> {
  assertPartner(args.principal, "mdf:write", args.partnerId);
  const input = parseOrThrow(submitClaimSchema, args.input);
  if (args.receipts.length === 0) throw new AppError({ code: "validation_failed", message: "Attach at least one spend receipt", fields: { receipts: ["Attach at least one spend receipt"] } });
  if (args.receipts.length > MAX_RECEIPTS) throw new AppError({ code: "validation_failed", message: `At most ${MAX_RECEIPTS} receipts`, fields: { receipts: [`At most ${MAX_RECEIPTS} receipts`] } });
  for (const r of args.receipts) checkUpload({ purpose: "receipt", ...r }, "receipts");
  const principal = args.principal!;
  const userId = principal.kind === "user" ? principal.viewer.userId : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockRequest(tx, args.requestId);
    if (!current || current.partnerId !== args.partnerId) throw notFound("MDF request");
    const verdict = evaluateClaim(current, input.claimedAmount, args.now);
    if (!verdict.ok) throw new AppError({ code: verdict.code, message: verdict.message, fields: verdict.field ? { [verdict.field]: [verdict.message] } : undefined });
    const ids: string[] = [];
    for (const r of args.receipts) {
      const up = await saveUpload({ partnerId: args.partnerId, uploadedBy: userId, purpose: "receipt", ...r }, args.now, tx);
      ids.push(up.id);
    }
    const row = await updateRequest(tx, current.id, {
      status: "claim_submitted",
      claimedCents: input.claimedAmount,
      actualLeads: input.actualLeads,
      resultsSummary: input.resultsSummary,
      proofUrl: input.proofUrl || null,
      receiptUploadIds: ids,
      claimSubmittedAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "mdf_claim.submitted",
      object: { type: "mdf_request", id: row.id },
      partnerId: row.partnerId,
      before: { status: current.status },
      after: { status: row.status, claimedCents: row.claimedCents, actualLeads: row.actualLeads, receipts: ids.length },
      at: args.now,
    });
    return row;
  });
}

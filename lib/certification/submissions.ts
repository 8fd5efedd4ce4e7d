import "server-only";
import { getDb } from "@/db/client";
import type { SubmissionKind } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { conflict, forbidden, notFound, parseOrThrow } from "@/lib/errors";
import { checkUpload, saveUpload } from "@/lib/storage/uploads";
import { quarterOf } from "./math";
import { reviewDecisionSchema, submitDocumentSchema } from "./schemas";
import { insertSubmission, lockSubmission, reviewSubmission, type SubmissionRow } from "./store";

// Documents partners submit for certification — enterprise references,
// canary/rollback runbooks, pen-test letters — stored through the upload
// service (type and size checked per purpose) and reviewed by an admin, who
// approves or rejects with a reason. A letter counts only for its quarter.

export const SUBMISSION_LABELS: Record<SubmissionKind, string> = {
  enterprise_reference: "Enterprise reference",
  runbook: "Canary/rollback runbook",
  pen_test_letter: "Pen-test letter",
};

export async function submitDocument(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  file: { bytes: Uint8Array; filename: string; declaredType: string };
  now: Date;
}): Promise<SubmissionRow> {
  assertPartner(args.principal, "certification:write", args.partnerId);
  if (args.principal?.kind !== "user") throw forbidden("Documents are submitted by a signed-in team member");
  const input = parseOrThrow(submitDocumentSchema, args.input);
  // Refuse a bad file before anything is stored.
  checkUpload({ purpose: input.kind, filename: args.file.filename, bytes: args.file.bytes, declaredType: args.file.declaredType });
  const userId = args.principal.viewer.userId;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const upload = await saveUpload({ partnerId: args.partnerId, uploadedBy: userId, purpose: input.kind, filename: args.file.filename, bytes: args.file.bytes, declaredType: args.file.declaredType }, args.now, tx);
    const row = await insertSubmission(tx, { partnerId: args.partnerId, kind: input.kind, title: input.title, quarter: input.kind === "pen_test_letter" ? input.quarter! : null, uploadId: upload.id, submittedBy: userId, submittedAt: args.now });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "certification_submission.created",
      object: { type: "certification_submission", id: row.id },
      partnerId: args.partnerId,
      after: { kind: row.kind, title: row.title, quarter: row.quarter, file: upload.filename },
      at: args.now,
    });
    return row;
  });
}

export async function decideSubmission(args: { principal: Principal | null; submissionId: string; input: unknown; now: Date }): Promise<SubmissionRow> {
  const admin = assertAdmin(args.principal, "certification:review");
  const { decision, reason } = parseOrThrow(reviewDecisionSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockSubmission(tx, args.submissionId);
    if (!row) throw notFound("Submission");
    if (row.status !== "pending") throw conflict(`This ${SUBMISSION_LABELS[row.kind].toLowerCase()} was already ${row.status}`);
    const patch = { status: decision, reviewedBy: admin.userId, reviewedAt: args.now, reviewReason: reason || null };
    await reviewSubmission(tx, row.id, patch);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: decision === "approved" ? "certification_submission.approved" : "certification_submission.rejected",
      object: { type: "certification_submission", id: row.id },
      partnerId: row.partnerId,
      before: { status: row.status },
      after: { status: decision, reason: reason || null },
      meta: { kind: row.kind, quarter: row.quarter },
      at: args.now,
    });
    return { ...row, ...patch };
  });
}

/** Whether an approved letter still counts now (it covers the current quarter only). */
export function letterCurrent(row: Pick<SubmissionRow, "kind" | "status" | "quarter">, now: Date): boolean {
  return row.kind === "pen_test_letter" && row.status === "approved" && row.quarter === quarterOf(now);
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { appUrl, tellPartner } from "@/lib/email/tell-partner";
import { decisionEmail } from "@/lib/email/templates";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { newId } from "@/lib/ids";
import { checkUpload, saveUpload } from "@/lib/storage/uploads";
import { coMarketingPartnerOrThrow } from "./access";
import { referenceIdOf } from "./reference";
import { commentSchema, reviewMaterialSchema, submitMaterialSchema } from "./schemas";
import { insertComment, insertSubmission, lockSubmission, nextReferenceNumber, updateSubmission, type SubmissionRow } from "./store";

export interface MaterialFile {
  bytes: Uint8Array;
  filename: string;
  declaredType: string;
}


function labelOf(principal: Principal): string {
  return principal.kind === "user" ? (principal.viewer.name ?? principal.viewer.email) : principal.key.name;
}

function needsSource(url: string, file: MaterialFile | null) {
  if (!url && !file) {
    const message = "Attach the file or give the URL where the material is published";
    throw new AppError({ code: "validation_failed", message, fields: { file: [message], url: [message] } });
  }
  if (file) checkUpload({ purpose: "marketing_material", ...file });
}

/**
 * A partner submits material that uses the program's brand (a file, stored
 * with the `marketing_material` policy, or a URL) for approval. Co-marketing
 * partners only. Audited.
 */
export async function submitMaterial(args: { principal: Principal | null; partnerId: string; input: unknown; file: MaterialFile | null; now: Date }): Promise<SubmissionRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(submitMaterialSchema, args.input);
  needsSource(input.url, args.file);
  const principal = args.principal!;
  const userId = principal.kind === "user" ? principal.viewer.userId : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await coMarketingPartnerOrThrow(tx, args.partnerId);
    const upload = args.file ? await saveUpload({ partnerId: args.partnerId, uploadedBy: userId, purpose: "marketing_material", ...args.file }, args.now, tx) : null;
    const row = await insertSubmission(tx, {
      id: newId("marketingSubmission"),
      partnerId: args.partnerId,
      title: input.title,
      usage: input.usage,
      uploadId: upload?.id ?? null,
      url: input.url || null,
      status: "pending",
      submittedBy: userId,
      createdAt: args.now,
      updatedAt: args.now,
    });
    if (input.comment) await insertComment(tx, { id: newId("marketingComment"), submissionId: row.id, authorId: userId, authorLabel: labelOf(principal), side: "partner", body: input.comment, createdAt: args.now });
    await audit(tx, {
      actor: actorOf(principal),
      action: "marketing.submitted",
      object: { type: "marketing_submission", id: row.id },
      partnerId: args.partnerId,
      after: { title: row.title, uploadId: row.uploadId, url: row.url },
      at: args.now,
    });
    return row;
  });
}

/** After "changes requested", the partner sends a new version (file or URL) with a note; it goes back to pending. */
export async function resubmitMaterial(args: { principal: Principal | null; partnerId: string; submissionId: string; input: unknown; file: MaterialFile | null; now: Date }): Promise<SubmissionRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(submitMaterialSchema.pick({ url: true, comment: true }), args.input);
  needsSource(input.url, args.file);
  const principal = args.principal!;
  const userId = principal.kind === "user" ? principal.viewer.userId : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockSubmission(tx, args.submissionId);
    if (!current || current.partnerId !== args.partnerId) throw notFound("Submission");
    if (current.status !== "changes_requested") throw new AppError({ code: "conflict", message: "Only material with changes requested can be resubmitted" });
    await coMarketingPartnerOrThrow(tx, args.partnerId);
    const upload = args.file ? await saveUpload({ partnerId: args.partnerId, uploadedBy: userId, purpose: "marketing_material", ...args.file }, args.now, tx) : null;
    const row = await updateSubmission(tx, current.id, {
      uploadId: upload?.id ?? (input.url ? null : current.uploadId),
      url: input.url || null,
      status: "pending",
      updatedAt: args.now,
    });
    await insertComment(tx, {
      id: newId("marketingComment"),
      submissionId: row.id,
      authorId: userId,
      authorLabel: labelOf(principal),
      side: "partner",
      body: input.comment || "Resubmitted with the requested changes.",
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "marketing.resubmitted",
      object: { type: "marketing_submission", id: row.id },
      partnerId: row.partnerId,
      before: { status: current.status, uploadId: current.uploadId, url: current.url },
      after: { status: row.status, uploadId: row.uploadId, url: row.url },
      at: args.now,
    });
    return row;
  });
}

/**
 * An admin approves (the material gets its CM-<year>-<nnnn> reference id) or
 * requests changes with a comment. Audited; partner.marketing.reviewed.
 */
export async function reviewMaterial(args: { principal: Principal | null; submissionId: string; input: unknown; now: Date }): Promise<SubmissionRow> {
  const viewer = assertAdmin(args.principal, "marketing:review");
  const input = parseOrThrow(reviewMaterialSchema, args.input);
  const db = await getDb();
  const reviewed = await db.transaction(async (tx) => {
    const current = await lockSubmission(tx, args.submissionId);
    if (!current) throw notFound("Submission");
    if (current.status !== "pending") throw new AppError({ code: "conflict", message: current.status === "approved" ? "This material is already approved" : "Waiting for the partner to resubmit" });
    const approve = input.decision === "approve";
    const referenceId = approve ? referenceIdOf(args.now.getUTCFullYear(), await nextReferenceNumber(tx, args.now.getUTCFullYear())) : null;
    const row = await updateSubmission(tx, current.id, { status: approve ? "approved" : "changes_requested", referenceId, decidedAt: args.now, updatedAt: args.now });
    if (input.comment) {
      await insertComment(tx, { id: newId("marketingComment"), submissionId: row.id, authorId: viewer.userId, authorLabel: "Provenant program team", side: "program", body: input.comment, createdAt: args.now });
    }
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: approve ? "marketing.approved" : "marketing.changes_requested",
      object: { type: "marketing_submission", id: row.id },
      partnerId: row.partnerId,
      before: { status: current.status },
      after: { status: row.status, referenceId, comment: input.comment || null },
      at: args.now,
    });
    await emit(tx, {
      type: "partner.marketing.reviewed",
      partnerId: row.partnerId,
      data: { submissionId: row.id, status: approve ? "approved" : "changes_requested", referenceId, comment: input.comment || null, reviewedAt: args.now.toISOString() },
      now: args.now,
    });
    return row;
  });
  await tellPartner({
    partnerId: reviewed.partnerId,
    kind: "marketing_reviewed",
    now: args.now,
    render: (partnerName) =>
      decisionEmail({
        partnerName,
        subject: reviewed.status === "approved" ? `Co-marketing material approved (${reviewed.referenceId})` : "Changes requested on your co-marketing material",
        heading: reviewed.status === "approved" ? `“${reviewed.title}” is approved` : `“${reviewed.title}” needs changes`,
        lines:
          reviewed.status === "approved"
            ? [`Its reference id is ${reviewed.referenceId}. Quote it wherever the material is published with the Provenant brand.`]
            : ["Make the changes the program team asks for below, then resubmit the material from the console."],
        reason: input.comment || null,
        url: appUrl(`/console/marketing/submissions/${reviewed.id}`),
        cta: "Open the submission",
      }),
  });
  return reviewed;
}

/** A comment in the submission's thread, by the partner's members or an admin. */
export async function commentOnMaterial(args: { principal: Principal | null; submissionId: string; input: unknown; now: Date }) {
  const input = parseOrThrow(commentSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockSubmission(tx, args.submissionId);
    if (!current) throw notFound("Submission");
    const principal = args.principal;
    const isAdmin = principal?.kind === "user" && principal.viewer.isAdmin && !principal.viewer.memberships.some((m) => m.partnerId === current.partnerId);
    if (isAdmin) assertAdmin(principal, "marketing:review");
    else {
      try {
        assertPartner(principal, "marketing:write", current.partnerId);
      } catch (error) {
        if ((error as AppError).code === "forbidden") throw notFound("Submission");
        throw error;
      }
    }
    const comment = await insertComment(tx, {
      id: newId("marketingComment"),
      submissionId: current.id,
      authorId: principal!.kind === "user" ? principal!.viewer.userId : null,
      authorLabel: isAdmin ? "Provenant program team" : labelOf(principal!),
      side: isAdmin ? "program" : "partner",
      body: input.body,
      createdAt: args.now,
    });
    await updateSubmission(tx, current.id, { updatedAt: args.now });
    await audit(tx, {
      actor: actorOf(principal!),
      action: "marketing.commented",
      object: { type: "marketing_submission", id: current.id },
      partnerId: current.partnerId,
      after: { commentId: comment.id },
      at: args.now,
    });
    return comment;
  });
}

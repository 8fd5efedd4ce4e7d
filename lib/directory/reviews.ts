import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { sendEmail } from "@/lib/email/send-email";
import { proofLinksDecidedEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { conflict, notFound, parseOrThrow } from "@/lib/errors";
import { lockPartner, writeListing } from "@/lib/partners/store";
import { invalidateDirectoryCache } from "./cache";
import { ownerEmails } from "./lead-store";
import { decideReviewRow, lockReview, type ListingReviewRow } from "./review-store";
import { reviewDecisionSchema } from "./schemas";

/**
 * An admin approves proposed proof links (they replace the published ones) or
 * rejects them with a reason (the published ones stay). Either way the decision
 * is audited in the same transaction and the partner's owners are told.
 */
export async function decideListingReview(args: { principal: Principal | null; reviewId: string; input: unknown; now: Date }): Promise<ListingReviewRow> {
  const viewer = assertAdmin(args.principal, "listings:review");
  const input = parseOrThrow(reviewDecisionSchema, args.input);
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    const review = await lockReview(tx, args.reviewId);
    if (!review) throw notFound("Review");
    if (review.state !== "pending") throw conflict(`This review was already ${review.state}`);
    const partner = await lockPartner(tx, review.partnerId);
    if (!partner) throw notFound("Partner");
    const approved = input.decision === "approve";
    const reason = input.decision === "reject" ? input.reason : null;
    await decideReviewRow(tx, review.id, { state: approved ? "approved" : "rejected", decidedByUserId: viewer.userId, decidedAt: args.now, reason });
    if (approved) await writeListing(tx, partner.id, { proofLinks: review.proposedProofLinks }, args.now);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: approved ? "partner.proof_links_approved" : "partner.proof_links_rejected",
      object: { type: "listing_review", id: review.id },
      partnerId: partner.id,
      before: { proofLinks: partner.proofLinks },
      after: approved ? { proofLinks: review.proposedProofLinks } : { proofLinks: partner.proofLinks, reason },
      at: args.now,
    });
    return { review: { ...review, state: approved ? ("approved" as const) : ("rejected" as const), reason, decidedAt: args.now, decidedByUserId: viewer.userId }, partner };
  });
  await invalidateDirectoryCache("proof_links");
  const email = proofLinksDecidedEmail({
    partnerName: decided.partner.name,
    approved: decided.review.state === "approved",
    reason: decided.review.reason,
    listingUrl: `${getEnv().APP_URL}/console/listing`,
  });
  for (const to of await ownerEmails(decided.partner.id)) {
    await sendEmail({ kind: "directory.proof_links_decided", to, email, partnerId: decided.partner.id, now: args.now });
  }
  return decided.review;
}

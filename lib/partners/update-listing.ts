import "server-only";
import { getDb } from "@/db/client";
import { audit, diffFields } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { invalidateDirectoryCache } from "@/lib/directory/cache";
import { findPending, insertReview, supersedePending } from "@/lib/directory/review-store";
import { notFound, parseOrThrow } from "@/lib/errors";
import { listingInputSchema, listingPatchSchema } from "./schemas";
import { lockPartner, writeListing, type PartnerRow } from "./store";

export type ListingUpdate = PartnerRow & {
  /** Set when the save proposed new proof links: they wait for an admin (see /admin/listings). */
  pendingReviewId: string | null;
};

function sameLinks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Updates a partner's public listing. `mode: "replace"` takes the whole form
 * (console); `mode: "patch"` any subset (API). Only changed fields are written
 * to the audit trail; a save with no change writes nothing. Proof links vouch
 * for the partner's work, so a change to them is not published here: it becomes
 * a review for an admin (replacing any earlier pending one), and the public
 * profile keeps the current links until it is approved.
 */
export async function updateListing(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  mode: "replace" | "patch";
  now: Date;
}): Promise<ListingUpdate> {
  assertPartner(args.principal, "listing:write", args.partnerId);
  const input =
    args.mode === "replace" ? parseOrThrow(listingInputSchema, args.input) : parseOrThrow(listingPatchSchema, args.input);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const current = await lockPartner(tx, args.partnerId);
    if (!current) throw notFound("Partner");
    const { proofLinks, ...rest } = input;
    let pendingReviewId: string | null = null;
    const pending = proofLinks === undefined ? null : await findPending(tx, args.partnerId);
    if (pending && sameLinks(proofLinks!, pending.proposedProofLinks)) {
      pendingReviewId = pending.id;
    } else if (pending && sameLinks(proofLinks!, current.proofLinks)) {
      // Back to the published links: the proposal is withdrawn.
      await supersedePending(tx, args.partnerId, args.now);
    } else if (proofLinks !== undefined && !sameLinks(proofLinks, current.proofLinks)) {
      await supersedePending(tx, args.partnerId, args.now);
      const actor = actorOf(args.principal!);
      const review = await insertReview(tx, {
        partnerId: args.partnerId,
        proposedProofLinks: proofLinks,
        previousProofLinks: current.proofLinks,
        submittedBy: actor.label,
        submittedAt: args.now,
      });
      pendingReviewId = review.id;
      await audit(tx, {
        actor,
        action: "partner.proof_links_submitted",
        object: { type: "listing_review", id: review.id },
        partnerId: args.partnerId,
        before: { proofLinks: current.proofLinks },
        after: { proofLinks },
        at: args.now,
      });
    }
    const diff = diffFields(current as unknown as Record<string, unknown>, rest as Record<string, unknown>);
    if (!diff) return { ...current, pendingReviewId };
    const updated = await writeListing(tx, args.partnerId, rest, args.now);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "partner.listing_updated",
      object: { type: "partner", id: args.partnerId },
      partnerId: args.partnerId,
      before: diff.before,
      after: diff.after,
      at: args.now,
    });
    return { ...updated, pendingReviewId, changed: true };
  });
  if ("changed" in result) {
    await invalidateDirectoryCache("listing");
    const { changed: _changed, ...row } = result;
    return row;
  }
  return result;
}

import "server-only";
import { getDb } from "@/db/client";
import { audit, diffFields } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound, parseOrThrow } from "@/lib/errors";
import { listingInputSchema, listingPatchSchema } from "./schemas";
import { lockPartner, writeListing, type PartnerRow } from "./store";
import { forgetDirectoryCache } from "./directory";

/**
 * Updates a partner's public listing. `mode: "replace"` takes the whole form
 * (console); `mode: "patch"` any subset (API). Only changed fields are written
 * to the audit trail; a save with no change writes nothing.
 */
export async function updateListing(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  mode: "replace" | "patch";
  now: Date;
}): Promise<PartnerRow> {
  assertPartner(args.principal, "listing:write", args.partnerId);
  const input =
    args.mode === "replace" ? parseOrThrow(listingInputSchema, args.input) : parseOrThrow(listingPatchSchema, args.input);
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const current = await lockPartner(tx, args.partnerId);
    if (!current) throw notFound("Partner");
    const diff = diffFields(current as unknown as Record<string, unknown>, input as Record<string, unknown>);
    if (!diff) return current;
    const updated = await writeListing(tx, args.partnerId, input, args.now);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "partner.listing_updated",
      object: { type: "partner", id: args.partnerId },
      partnerId: args.partnerId,
      before: diff.before,
      after: diff.after,
      at: args.now,
    });
    return updated;
  });
  forgetDirectoryCache();
  return saved;
}

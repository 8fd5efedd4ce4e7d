import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { invalidateDirectoryCache } from "@/lib/directory/cache";
import { notFound } from "@/lib/errors";
import { bytesOfFile, saveUpload, uploadUrl } from "@/lib/storage/uploads";
import { lockPartner, writeListing, type PartnerRow } from "./store";

/**
 * Replaces (or with `file: null` removes) the partner's directory logo. The file
 * is checked against the `logo` upload policy (image types, 2 MB) and served
 * publicly from /api/files/{id}. Audited.
 */
export async function updateLogo(args: { principal: Principal | null; partnerId: string; file: unknown | null; now: Date }): Promise<PartnerRow> {
  assertPartner(args.principal, "listing:write", args.partnerId);
  const file = args.file === null ? null : await bytesOfFile(args.file, "logo");
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const current = await lockPartner(tx, args.partnerId);
    if (!current) throw notFound("Partner");
    const upload = file
      ? await saveUpload(
          {
            partnerId: args.partnerId,
            uploadedBy: args.principal?.kind === "user" ? args.principal.viewer.userId : null,
            purpose: "logo",
            ...file,
          },
          args.now,
          tx,
        )
      : null;
    const logoUrl = upload ? uploadUrl(upload.id) : null;
    const row = await writeListing(tx, args.partnerId, { logoUrl }, args.now);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "partner.logo_updated",
      object: { type: "partner", id: args.partnerId },
      partnerId: args.partnerId,
      before: { logoUrl: current.logoUrl },
      after: { logoUrl },
      at: args.now,
    });
    return row;
  });
  await invalidateDirectoryCache("logo");
  return updated;
}

import "server-only";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { listAuditAfter } from "@/lib/audit/store";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { toPartnerPublic } from "./to-public";
import { getPartner } from "./store";
import { updateListing } from "./update-listing";

// The partner-key side of the API: a partner key always acts on its own partner.

function ownPartnerId(principal: Principal | null): string {
  if (principal?.kind === "key" && principal.key.kind === "partner" && principal.key.partnerId) return principal.key.partnerId;
  throw new AppError({ code: "forbidden", message: "This endpoint needs a partner API key (ppk_...)" });
}

export async function getOwnPartner(principal: Principal | null, now: Date) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "partner:read", partnerId);
  const row = await getPartner(partnerId);
  if (!row) throw notFound("Partner");
  return toPartnerPublic(row, now);
}

export async function patchOwnListing(principal: Principal | null, input: unknown, now: Date) {
  const partnerId = ownPartnerId(principal);
  const row = await updateListing({ principal, partnerId, input, mode: "patch", now });
  return toPartnerPublic(row, now);
}

export async function getOwnActivity(principal: Principal | null, q: { cursor?: string; limit: number }) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "activity:read", partnerId);
  const rows = await listAuditAfter({ partnerId, cursor: decodeCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.at.toISOString(), id: r.id }));
  return {
    data: page.data.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      actor: { type: r.actorType, label: r.actorLabel },
      object: { type: r.objectType, id: r.objectId },
      before: r.before,
      after: r.after,
    })),
    nextCursor: page.nextCursor,
  };
}

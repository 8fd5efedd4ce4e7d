import "server-only";
import type { z } from "zod";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createLink, trackingUrl } from "./manage-links";
import type { LinkSchema } from "./schemas";
import { listLinksWithCounts, type LinkRow, type LinkWithCounts } from "./store";

export function ownPartnerId(principal: Principal | null): string {
  if (principal?.kind === "key" && principal.key.kind === "partner" && principal.key.partnerId) return principal.key.partnerId;
  throw new AppError({ code: "forbidden", message: "This endpoint needs a partner API key (ppk_...)" });
}

export function toLinkPublic(l: LinkRow & Partial<Pick<LinkWithCounts, "clicks" | "rawClicks" | "conversions">>): z.infer<typeof LinkSchema> {
  return {
    id: l.id,
    code: l.code,
    url: trackingUrl(l.code),
    destination: l.destination,
    campaign: l.campaign,
    clicks: l.clicks ?? 0,
    rawClicks: l.rawClicks ?? 0,
    conversions: l.conversions ?? 0,
    createdAt: l.createdAt.toISOString(),
    archivedAt: l.archivedAt?.toISOString() ?? null,
  };
}

export async function listOwnLinks(principal: Principal | null, q: { cursor?: string; limit: number }) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "links:read", partnerId);
  const rows = await listLinksWithCounts(partnerId, { limit: q.limit, cursor: decodeCursor(q.cursor) });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.createdAt.toISOString(), id: r.id }));
  return { data: page.data.map(toLinkPublic), nextCursor: page.nextCursor };
}

export async function createOwnLink(principal: Principal | null, input: unknown, now: Date) {
  const partnerId = ownPartnerId(principal);
  return toLinkPublic(await createLink({ principal, partnerId, input, now }));
}

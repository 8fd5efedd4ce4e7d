import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { BADGE_LABELS, effectiveState, type BadgeView } from "./model";
import type { BadgeSchema } from "./schemas";
import { badgeUrls } from "./snippets";
import { listBadgeViews } from "./store";

// The badge routes of /api/v1.

export function toBadgePublic(b: BadgeView, now: Date): z.infer<typeof BadgeSchema> {
  const urls = badgeUrls(getEnv().APP_URL, b.id);
  return {
    id: b.id,
    kind: b.kind,
    badge: b.badge,
    label: BADGE_LABELS[b.badge],
    tier: b.tier,
    state: effectiveState(b, now),
    issuedAt: b.issuedAt.toISOString(),
    expiresAt: b.expiresAt?.toISOString() ?? null,
    stateChangedAt: b.stateChangedAt.toISOString(),
    imageUrl: urls.imageUrl,
    pngUrl: urls.pngUrl,
    verifyUrl: urls.verifyUrl,
    assertionUrl: urls.assertionUrl,
  };
}

export async function listOwnBadges(principal: Principal | null, now: Date) {
  const partnerId = principal?.kind === "key" && principal.key.kind === "partner" ? principal.key.partnerId : null;
  if (!partnerId) throw new AppError({ code: "forbidden", message: "This endpoint needs a partner API key (ppk_...)" });
  assertPartner(principal, "badges:read", partnerId);
  const rows = await listBadgeViews(await getDb(), partnerId);
  return { data: rows.map((b) => toBadgePublic(b, now)) };
}

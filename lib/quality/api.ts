import "server-only";
import { z } from "zod";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { assertPartner, decideKeyForPlatform, type Principal } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { getInstallOrThrow, toInstallJson } from "./installs";
import { toCheckJson } from "./record-check";
import { installWindows, pageChecks, pageInstalls } from "./store";

// The API side of installs and checks. Platform keys see every install
// (platform:read); a partner key sees its own partner's (installs:read).

export const listInstallsApiQuery = z.object({
  cursor: z.string().max(200, "Cursor too long").optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
  partnerId: z.string().trim().min(1).optional().describe('Platform keys only: a partner id, or "self_serve"'),
});

export async function listInstallsForKey(principal: Principal | null, query: z.infer<typeof listInstallsApiQuery>) {
  const after = decodeCursor(query.cursor);
  let partnerId: string | null | undefined;
  if (principal?.kind === "key" && principal.key.kind === "platform") {
    if (!decideKeyForPlatform(principal.key, "platform:read").allowed) throw forbidden("This API key lacks the scope platform:read");
    partnerId = query.partnerId === "self_serve" ? null : query.partnerId;
  } else if (principal?.kind === "key" && principal.key.partnerId) {
    if (query.partnerId && query.partnerId !== principal.key.partnerId) throw forbidden("A partner key lists only its own installs");
    assertPartner(principal, "installs:read", principal.key.partnerId);
    partnerId = principal.key.partnerId;
  } else {
    throw new AppError({ code: "forbidden", message: "This endpoint needs an API key" });
  }
  const rows = await pageInstalls({ partnerId, after, limit: query.limit + 1 });
  const page = pageFrom(rows, query.limit, (r) => ({ at: r.createdAt.toISOString(), id: r.id }));
  return { data: page.data.map(toInstallJson), nextCursor: page.nextCursor };
}

export async function getInstallForKey(principal: Principal | null, id: string, now: Date) {
  const install = await getInstallOrThrow(principal, id);
  const windows = await installWindows(install.id, now);
  const survival = Object.fromEntries(
    ([7, 30, 90] as const).map((d) => [`days${d}`, { checks: windows[d].checks, assetsChecked: windows[d].checked, assetsSurvived: windows[d].survived, survival: windows[d].checked ? windows[d].survived / windows[d].checked : null }]),
  );
  return { data: { ...toInstallJson(install), survival } };
}

export const listChecksApiQuery = z.object({
  cursor: z.string().max(200, "Cursor too long").optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
});

export async function listChecksForKey(principal: Principal | null, installId: string, query: z.infer<typeof listChecksApiQuery>) {
  const install = await getInstallOrThrow(principal, installId);
  const rows = await pageChecks(install.id, decodeCursor(query.cursor), query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => ({ at: r.checkedAt.toISOString(), id: r.id }));
  return { data: page.data.map(toCheckJson), nextCursor: page.nextCursor };
}

import "server-only";
import { assertAdmin, assertPartner, decideKeyForPlatform, type PartnerAction, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, unauthorized } from "@/lib/errors";
import type { InstallRow } from "./store";

// Who may see or act on one install. Partner members through their partner's
// actions; admins for support (read) and for "check now"; platform keys with
// their scopes. Someone else's install answers 404, never 403, so ids cannot
// be probed for existence.

export function isPlatformKey(principal: Principal | null): boolean {
  return principal?.kind === "key" && principal.key.kind === "platform";
}

export function assertInstallAccess(principal: Principal | null, install: InstallRow, action: PartnerAction | "checks:run:admin"): void {
  if (!principal) throw unauthorized();
  if (principal.kind === "key" && principal.key.kind === "platform") {
    const scope = action === "installs:read" ? "platform:read" : "platform:write";
    if (!decideKeyForPlatform(principal.key, scope).allowed) throw new AppError({ code: "forbidden", message: `This needs the ${scope} scope` });
    return;
  }
  try {
    if (action === "checks:run:admin") {
      if (principal.kind === "user" && principal.viewer.isAdmin) {
        assertAdmin(principal, "quality:probe");
        return;
      }
      if (!install.partnerId) throw notFound("Install");
      assertPartner(principal, "checks:run", install.partnerId);
      return;
    }
    if (!install.partnerId) {
      if (action !== "installs:read") throw notFound("Install");
      assertAdmin(principal, "quality:read");
      return;
    }
    assertPartner(principal, action, install.partnerId);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") throw notFound("Install");
    throw error;
  }
}

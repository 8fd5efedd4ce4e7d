import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./auth";
import {
  decideAdmin,
  decidePartner,
  resolveConsolePartner,
  type AdminAction,
  type PartnerAction,
  type Principal,
  type Viewer,
} from "./permissions";
import { loadViewer } from "./store";

// Session guards for pages and server actions. Pages call these in page.tsx
// (a layout does not re-run on client navigation); route handlers use lib/api.

export const ACTIVE_PARTNER_COOKIE = "pp_partner";

/**
 * Auth.js's session cookie (JWT), possibly split in chunks (".0", ".1", ...);
 * "__Secure-" prefixed on https.
 */
export function hasSessionCookie(names: Iterable<string>): boolean {
  for (const name of names) if (/^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name)) return true;
  return false;
}

/** The signed-in user with roles and memberships read fresh from the database. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Anonymous visitors (most directory traffic) carry no session cookie: skip
  // Auth.js's session machinery, which signs a CSRF token on every call.
  if (!hasSessionCookie((await cookies()).getAll().map((c) => c.name))) return null;
  const session = await auth();
  const id = session?.user?.id;
  return id ? loadViewer(id) : null;
});

export async function getPrincipal(): Promise<Principal | null> {
  const viewer = await getViewer();
  return viewer ? { kind: "user", viewer } : null;
}

function signInUrl(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/** Page guard: redirects anonymous visitors to sign-in and back. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(signInUrl(returnTo));
  return viewer;
}

/** Page guard for /admin: sign-in for anonymous visitors, 403 for everyone else. */
export async function requireAdminPage(returnTo: string, action: AdminAction = "admin:access"): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!decideAdmin(viewer, action).allowed) forbidden();
  return viewer;
}

export interface ConsoleContext {
  viewer: Viewer;
  partnerId: string | null;
}

/**
 * Page guard for /console: the partner the console shows (see resolveConsolePartner),
 * checked against the action the page needs. `partnerId` is null when the
 * viewer belongs to no partner; the page shows an empty state then.
 */
export async function requireConsole(
  returnTo: string,
  action: PartnerAction,
  requested?: string | null,
): Promise<ConsoleContext> {
  const viewer = await requireViewer(returnTo);
  const remembered = (await cookies()).get(ACTIVE_PARTNER_COOKIE)?.value;
  const { partnerId, denied } = resolveConsolePartner(viewer, requested, remembered);
  if (denied) forbidden();
  if (partnerId && !decidePartner(viewer, action, partnerId).allowed) forbidden();
  return { viewer, partnerId };
}

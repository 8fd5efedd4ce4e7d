"use server";

import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { checkRateLimits, RATE_LIMITS } from "@/lib/rate-limit";
import { signIn, signOut } from "./auth";
import { isDemoAccount } from "./demo-accounts";
import { ACTIVE_PARTNER_COOKIE, getViewer } from "./guards";
import { safeCallbackPath } from "./safe-redirect";
import { ipFromHeaders } from "@/lib/client-ip";

export interface SignInState {
  error?: string;
  email?: string;
}

const emailSchema = z.string().trim().toLowerCase().email("Enter the email address you use for the partner program");

export async function requestMagicLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = emailSchema.safeParse(form.get("email"));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message, email: String(form.get("email") ?? "") };
  const ip = ipFromHeaders(await headers());
  const limited = await checkRateLimits(
    [
      { key: `signin:email:${parsed.data}`, rule: RATE_LIMITS.signInPerEmail },
      { key: `signin:ip:${ip}`, rule: RATE_LIMITS.signInPerIp },
    ],
    new Date(),
  );
  if (!limited.allowed) {
    const minutes = Math.ceil(limited.retryAfterS / 60);
    return { error: `Too many sign-in emails requested. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, email: parsed.data };
  }
  try {
    // redirect: false sends the email and returns; we then go straight to our page
    // (Auth.js would otherwise bounce through /api/auth/verify-request).
    await signIn("email", { email: parsed.data, redirectTo: safeCallbackPath(form.get("callbackUrl")), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      return { error: "We could not send the sign-in email. Try again in a minute.", email: parsed.data };
    }
    throw error;
  }
  redirect("/sign-in/check-email");
}

export async function signInAsDemo(form: FormData): Promise<void> {
  const email = String(form.get("email") ?? "");
  if (!getEnv().demoLogin || !isDemoAccount(email)) redirect("/sign-in?error=demo");
  try {
    await signIn("demo", { email, redirectTo: safeCallbackPath(form.get("callbackUrl"), email.startsWith("admin@") ? "/admin" : "/console") });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?error=demo");
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ACTIVE_PARTNER_COOKIE);
  await signOut({ redirectTo: "/" });
}

/** Remembers which of the viewer's partners the console shows. */
export async function switchPartner(form: FormData): Promise<void> {
  const viewer = await getViewer();
  const partnerId = String(form.get("partnerId") ?? "");
  if (!viewer) redirect("/sign-in");
  if (viewer.memberships.some((m) => m.partnerId === partnerId)) {
    (await cookies()).set(ACTIVE_PARTNER_COOKIE, partnerId, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  redirect("/console");
}

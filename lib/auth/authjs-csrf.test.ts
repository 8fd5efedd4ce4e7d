import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { getDb } from "@/db/client";
import { emailOutbox } from "@/db/schema";

// Auth.js's own endpoints (POST /api/auth/signin/email, /api/auth/signout), called as the
// browser would. They take no action without Auth.js's CSRF token (double-submit: the
// token in the form must match the signed authjs.csrf-token cookie from GET /api/auth/csrf).

const ORIGIN = "http://localhost:3000";

function post(path: string, fields: Record<string, string>, cookie?: string) {
  // As a browser's form post sends it (Auth.js reads url-encoded bodies).
  const headers: Record<string, string> = { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" };
  if (cookie) headers.cookie = cookie;
  return POST(new NextRequest(`${ORIGIN}${path}`, { method: "POST", body: new URLSearchParams(fields), headers }));
}

async function csrf(): Promise<{ token: string; cookie: string }> {
  const res = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("authjs.csrf-token="))!.split(";")[0]!;
  return { token: csrfToken, cookie };
}

async function mailTo(address: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
}

describe("Auth.js sign-in and sign-out", () => {
  it("without the CSRF token, neither signs in nor out: back to the sign-in page with MissingCSRF, no email sent", async () => {
    const signIn = await post("/api/auth/signin/email", { email: "no-token@csrf.test", callbackUrl: "/console" });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe(`${ORIGIN}/sign-in?error=MissingCSRF`);
    expect(await mailTo("no-token@csrf.test")).toHaveLength(0);

    const signOut = await post("/api/auth/signout", { callbackUrl: "/" });
    expect(signOut.headers.get("location")).toBe(`${ORIGIN}/sign-in?error=MissingCSRF`);
    expect(signOut.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("a token that does not match its cookie is refused the same way", async () => {
    const { cookie } = await csrf();
    const res = await post("/api/auth/signin/email", { email: "forged@csrf.test", csrfToken: "0".repeat(64) }, cookie);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/sign-in?error=MissingCSRF`);
    expect(await mailTo("forged@csrf.test")).toHaveLength(0);
  });

  it("with the token from /api/auth/csrf, an email sign-in sends the link and goes on to the check-email step", async () => {
    const { token, cookie } = await csrf();
    const res = await post("/api/auth/signin/email", { email: "with-token@csrf.test", csrfToken: token, callbackUrl: "/console" }, cookie);
    expect(res.status).toBe(302);
    // Auth.js's verify-request step, which shows our /sign-in/check-email page.
    expect(res.headers.get("location")).toMatch(/^http:\/\/localhost:3000\/api\/auth\/verify-request\?/);
    const [mail] = await mailTo("with-token@csrf.test");
    expect(mail).toMatchObject({ kind: "magic_link" });
    expect(mail!.text).toContain("/api/auth/callback/");
  });
});

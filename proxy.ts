import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { baseSecurityHeaders, contentSecurityPolicy } from "@/lib/http/security";

// Pages only: a fresh CSP nonce per request (Next.js puts it on its scripts)
// and the security headers. API routes, badge images, the /r/ redirect and
// static files do not pass through here, so the hot paths pay nothing.

export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = env.APP_URL.startsWith("https://");
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(baseSecurityHeaders(https))) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|r/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|css|js|txt|xml|map)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

import "./async-local-storage";
import { encode } from "next-auth/jwt";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies/index.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { getAuthSecret } from "@/lib/auth/secret";

// Pages and server actions read the session through next/headers, which only
// works inside a request Next.js is serving. This runs a function inside a
// minimal request scope with the headers (and so the session cookie) a browser
// would send, so tests can call pages and actions through their real guards and
// Auth.js's real cookie decoding.

// next.config.ts turns on experimental.authInterrupts (forbidden(), unauthorized()); the build
// passes it to the runtime through this variable.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";

export const SESSION_COOKIE = "authjs.session-token";

/** A session cookie value exactly as Auth.js issues it after sign-in (JWT strategy). */
export async function sessionCookieFor(userId: string, email = "user@example.test"): Promise<string> {
  const token = await encode({ token: { sub: userId, email }, secret: getAuthSecret(), salt: SESSION_COOKIE, maxAge: 3600 });
  return `${SESSION_COOKIE}=${token}`;
}

export async function withRequestScope<T>(
  init: { cookie?: string; phase?: "render" | "action"; path?: string },
  fn: () => Promise<T>,
): Promise<T> {
  const headers = new Headers({ host: "localhost:3000", "x-forwarded-proto": "http" });
  if (init.cookie) headers.set("cookie", init.cookie);
  const cookies = new RequestCookies(headers);
  const route = init.path ?? "/";
  const workStore = {
    route,
    page: route,
    isStaticGeneration: false,
    forceStatic: false,
    dynamicShouldError: false,
    incrementalCache: {},
    pendingRevalidatedTags: [],
  };
  const workUnitStore = {
    type: "request",
    phase: init.phase ?? "render",
    url: { pathname: route, search: "" },
    headers,
    cookies,
    mutableCookies: cookies,
    userspaceMutableCookies: cookies,
    draftMode: { isEnabled: false },
    implicitTags: { tags: [], expirationsByCacheKind: new Map() },
    isHmrRefresh: false,
    serverComponentsHmrCache: undefined,
    rootParams: {},
  };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(workUnitStore as never, fn));
}

export type Navigation = { kind: "redirect"; location: string } | { kind: "http"; status: number };

/** What a thrown Next.js navigation signal means (redirect(), forbidden(), notFound()), or null for any other error. */
export function navigationOf(error: unknown): Navigation | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string") return null;
  const parts = digest.split(";");
  if (parts[0] === "NEXT_REDIRECT") return { kind: "redirect", location: parts[2] ?? "" };
  if (parts[0] === "NEXT_HTTP_ERROR_FALLBACK") return { kind: "http", status: Number(parts[1]) };
  return null;
}

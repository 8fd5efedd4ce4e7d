import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { authenticateApiKey } from "@/lib/api-keys/manage-keys";
import { auth } from "@/lib/auth/auth";
import type { Principal } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/store";
import { AppError, forbidden, parseOrThrow, toErrorResponse, unauthorized } from "@/lib/errors";
import { reportError } from "@/lib/integrations/sentry";
import { log } from "@/lib/log";
import { getEnv } from "@/lib/env";
import { sameOrigin } from "@/lib/http/security";
import { metrics } from "@/lib/metrics/registry";
import { getRateLimiter, RATE_LIMITS, type RateLimitResult, type RateLimitRule } from "@/lib/rate-limit";
import { runWithRequestContext } from "@/lib/request-context";
import { withIdempotency } from "./idempotency";
import { ipFromHeaders } from "@/lib/client-ip";

// The one wrapper for app/api route handlers. In order: request id and clock,
// Origin check for cookie-carrying state changes (403), caller identity (401),
// rate limit (429), scopes (403), query and body validation (400),
// Idempotency-Key on POST, the handler, and one error shape:
// `{ error: { code, message, fields? } }`. Also: request metrics, the request id
// in every log line, CORS on public reads. Handlers stay a dozen lines.

export type ApiAuth =
  /** Anyone; a credential, if sent, is still checked and identified. */
  | "public"
  /** A partner API key (ppk_...). */
  | "partner_key"
  /** A platform API key (plk_...): the provenance platform's own servers. */
  | "platform_key"
  /** Any API key. */
  | "key"
  /** A signed-in session or an API key. */
  | "session_or_key";

export const MAX_BODY_BYTES = 1_000_000;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface ApiOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  auth: ApiAuth;
  /** Every scope listed must be on the key (sessions are checked by the operation itself). */
  scopes?: readonly string[];
  body?: B;
  query?: Q;
  /** Overrides the default limit (per key, or per IP for anonymous callers); false turns it off. */
  rateLimit?: RateLimitRule | false;
  maxBodyBytes?: number;
}

export interface ApiContext<P, B, Q> {
  req: NextRequest;
  params: P;
  principal: Principal | null;
  body: B;
  query: Q;
  now: Date;
  requestId: string;
}

type RouteArgs<P> = { params: Promise<P> };

export function clientIp(req: Request): string {
  return ipFromHeaders(req.headers);
}

async function identify(req: NextRequest, mode: ApiAuth, now: Date): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match ? await authenticateApiKey(match[1]!, now) : null;
    if (!key) throw unauthorized("The API key is missing, malformed, unknown or revoked");
    if (mode === "partner_key" && key.kind !== "partner") throw forbidden("This endpoint needs a partner API key (ppk_...)");
    if (mode === "platform_key" && key.kind !== "platform") throw forbidden("This endpoint needs a platform API key (plk_...)");
    return { kind: "key", key };
  }
  if (mode === "public") return null;
  if (mode === "session_or_key") {
    const session = await auth();
    const viewer = session?.user?.id ? await loadViewer(session.user.id) : null;
    if (viewer) return { kind: "user", viewer };
  }
  throw unauthorized(
    mode === "platform_key"
      ? "Send a platform API key as `Authorization: Bearer plk_...`"
      : mode === "partner_key"
        ? "Send a partner API key as `Authorization: Bearer ppk_...`"
        : "Send an API key as `Authorization: Bearer <key>`",
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for route handlers that a browser could call with our cookies:
 * a state-changing request without an API key must come from our own origin.
 * A foreign Origin or `Origin: null` is refused outright; a request with
 * cookies and no Origin must have a same-site Referer. Key-authenticated and
 * cookie-less machine calls (signed inbound webhooks) pass.
 */
function checkOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method) || req.headers.get("authorization")) return;
  const hosts = [new URL(getEnv().APP_URL).host, req.headers.get("host") ?? ""].filter(Boolean);
  const origin = req.headers.get("origin");
  const hasCookies = Boolean(req.headers.get("cookie"));
  if (origin !== null || hasCookies) {
    if (!sameOrigin(req.headers, hosts)) throw forbidden("Cross-site requests are not allowed");
  }
}

/** /api/v1/partners/brightpixel-studio -> /api/v1/partners/:id, from the route's own params. */
function routeLabel(pathname: string, params: Record<string, unknown>): string {
  const names = new Map(Object.entries(params).map(([k, v]) => [String(v), k]));
  return pathname
    .split("/")
    .map((seg) => (names.has(decodeURIComponent(seg)) ? `:${names.get(decodeURIComponent(seg))}` : seg))
    .join("/");
}

async function limit(req: NextRequest, principal: Principal | null, rule: RateLimitRule | false | undefined, now: Date) {
  if (rule === false) return null;
  const key = principal?.kind === "key" ? `key:${principal.key.keyId}` : principal ? `user:${principal.viewer.userId}` : `ip:${clientIp(req)}`;
  const chosen = rule ?? (principal ? RATE_LIMITS.apiKey : RATE_LIMITS.publicApi);
  const result = await getRateLimiter().hit(`api:${key}`, chosen, now);
  if (!result.allowed) {
    throw new AppError({
      code: "rate_limited",
      message: `Too many requests: at most ${result.limit} per ${Math.round(chosen.windowMs / 1000)} s. Retry after ${result.retryAfterS} s.`,
      headers: { ...rateHeaders(result), "retry-after": String(result.retryAfterS) },
    });
  }
  return result;
}

function rateHeaders(r: RateLimitResult): Record<string, string> {
  return {
    "ratelimit-limit": String(r.limit),
    "ratelimit-remaining": String(r.remaining),
    "ratelimit-reset": String(Math.max(0, Math.ceil((r.resetAt.getTime() - Date.now()) / 1000))),
  };
}

function refuse(message: string, field = "_"): AppError {
  return new AppError({ code: "bad_request", message, fields: { [field]: [message] } });
}

/** The body must be JSON by content type, at most maxBytes (declared and actual), and parse. */
async function readBody(req: NextRequest, maxBytes: number): Promise<{ text: string; json: unknown }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw refuse("Send the body as JSON with `Content-Type: application/json`", "content-type");
  }
  const tooLarge = `The request body is larger than ${maxBytes >= 1_000_000 ? `${Math.round(maxBytes / 1_000_000)} MB` : `${Math.round(maxBytes / 1024)} KB`}`;
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw refuse(tooLarge);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw refuse(tooLarge);
  const text = new TextDecoder().decode(bytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refuse("The request body must be valid JSON");
  }
  if (hasNul(json)) throw refuse(NUL_MESSAGE);
  return { text, json };
}

// PostgreSQL text cannot hold U+0000: refuse it at the door rather than fail in the database.
const NUL_MESSAGE = "Text must not contain NUL (\\u0000) characters";

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

function toResponse(result: Response | object): { status: number; body: unknown } | Response {
  return result instanceof Response ? result : { status: 200, body: result };
}

export function withApi<P = Record<string, never>, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: ApiOptions<B, Q>,
  handler: (ctx: ApiContext<P, Infer<B>, Infer<Q>>) => Promise<Response | object>,
) {
  return async (req: NextRequest, route: RouteArgs<P>): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const started = performance.now();
    const params = ((await route?.params) ?? {}) as P;
    const response = await runWithRequestContext({ requestId }, () => respond(req, params, requestId));
    response.headers.set("x-request-id", requestId);
    if (options.auth === "public" && SAFE_METHODS.has(req.method)) response.headers.set("access-control-allow-origin", "*");
    const m = metrics();
    const labels = { route: routeLabel(req.nextUrl.pathname, params as Record<string, unknown>), method: req.method };
    m.httpRequests.inc({ ...labels, status: String(response.status) });
    m.httpDuration.observe(labels, (performance.now() - started) / 1000);
    return response;
  };

  async function respond(req: NextRequest, params: P, requestId: string): Promise<Response> {
    const now = new Date();
    let response: Response;
    let rate: RateLimitResult | null = null;
    try {
      checkOrigin(req);
      const principal = await identify(req, options.auth, now);
      rate = await limit(req, principal, options.rateLimit, now);
      if (principal?.kind === "key" && options.scopes?.some((s) => !principal.key.scopes.includes(s))) {
        const missing = options.scopes.filter((s) => !principal.key.scopes.includes(s));
        throw forbidden(`This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
      }
      if (options.query && req.nextUrl.search.toLowerCase().includes("%00")) throw refuse(NUL_MESSAGE, "query");
      const query = (options.query ? parseOrThrow(options.query, Object.fromEntries(req.nextUrl.searchParams)) : undefined) as Infer<Q>;
      const raw = options.body ? await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES) : null;
      const body = (options.body ? parseOrThrow(options.body, raw!.json) : undefined) as Infer<B>;
      const run = async () => toResponse(await handler({ req, params, principal, body, query, now, requestId }));

      const idempotencyKey = req.headers.get("idempotency-key");
      if (req.method === "POST" && idempotencyKey && principal) {
        const owner = principal.kind === "key" ? `key:${principal.key.keyId}` : `user:${principal.viewer.userId}`;
        const stored = await withIdempotency(
          { owner, key: idempotencyKey, method: req.method, path: req.nextUrl.pathname, body: raw?.text ?? "", now },
          async () => {
            try {
              const out = await run();
              if (out instanceof Response) return { status: out.status, body: await out.clone().json().catch(() => null) };
              return out;
            } catch (error) {
              const mapped = toErrorResponse(error);
              if (mapped.status >= 500) throw error;
              return { status: mapped.status, body: mapped.body };
            }
          },
        );
        response = NextResponse.json(stored.body, { status: stored.status });
        if (stored.replayed) response.headers.set("idempotent-replayed", "true");
      } else {
        const out = await run();
        response = out instanceof Response ? out : NextResponse.json(out.body, { status: out.status });
      }
    } catch (error) {
      const mapped = toErrorResponse(error);
      if (mapped.status >= 500) {
        log.error("api handler failed", { path: req.nextUrl.pathname, error: error instanceof Error ? error.stack : String(error) });
        reportError(error, { requestId, path: req.nextUrl.pathname });
      }
      response = NextResponse.json(mapped.body, { status: mapped.status, headers: mapped.headers });
    }
    if (rate) for (const [k, v] of Object.entries(rateHeaders(rate))) if (!response.headers.has(k)) response.headers.set(k, v);
    return response;
  }
}

/** Validates query-string parameters with a zod schema (400 with field messages). */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return parseOrThrow(schema, Object.fromEntries(req.nextUrl.searchParams));
}

/** 201 Created with a JSON body. */
export function created(body: object): Response {
  return NextResponse.json(body, { status: 201 });
}

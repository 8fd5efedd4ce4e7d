import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { authenticateApiKey } from "@/lib/api-keys/manage-keys";
import type { Principal } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/store";
import { AppError, parseOrThrow, toErrorResponse, unauthorized } from "@/lib/errors";
import { log } from "@/lib/log";

// The one wrapper for app/api route handlers: identifies the caller, reads the
// clock once, maps every error to `{ error: { code, message, fields? } }` with
// the right status, and never leaks a stack trace.

export type ApiAuth =
  /** Anyone; a credential, if sent, is still identified. */
  | "public"
  /** A partner or platform API key (Authorization: Bearer ...). */
  | "key"
  /** A signed-in session or an API key. */
  | "session_or_key";

export interface ApiContext<P> {
  req: NextRequest;
  params: P;
  principal: Principal | null;
  now: Date;
  requestId: string;
}

type RouteArgs<P> = { params: Promise<P> };

async function identify(req: NextRequest, mode: ApiAuth, now: Date): Promise<Principal | null> {
  const header = req.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match ? await authenticateApiKey(match[1]!, now) : null;
    if (!key) throw unauthorized("The API key is missing, malformed, unknown or revoked");
    return { kind: "key", key };
  }
  if (mode === "key") throw unauthorized("Send an API key as `Authorization: Bearer <key>`");
  if (mode === "session_or_key") {
    const session = await auth();
    const viewer = session?.user?.id ? await loadViewer(session.user.id) : null;
    if (!viewer) throw unauthorized();
    return { kind: "user", viewer };
  }
  return null;
}

export function withApi<P = Record<string, never>>(
  options: { auth: ApiAuth },
  handler: (ctx: ApiContext<P>) => Promise<Response | object>,
) {
  return async (req: NextRequest, route: RouteArgs<P>): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const now = new Date();
    let response: Response;
    try {
      const principal = await identify(req, options.auth, now);
      const params = (await route?.params) ?? ({} as P);
      const result = await handler({ req, params, principal, now, requestId });
      response = result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const mapped = toErrorResponse(error);
      if (mapped.status >= 500) {
        log.error("api handler failed", {
          requestId,
          path: req.nextUrl.pathname,
          error: error instanceof Error ? error.stack : String(error),
        });
      }
      response = NextResponse.json(mapped.body, { status: mapped.status, headers: mapped.headers });
    }
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

/** Reads a JSON body and validates it: 400 for bad JSON, 400 with field messages for bad values. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError({ code: "bad_request", message: "The request body must be valid JSON" });
  }
  return parseOrThrow(schema, body);
}

/** Validates query-string parameters with a zod schema (400 with field messages). */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return parseOrThrow(schema, Object.fromEntries(req.nextUrl.searchParams));
}

export function created(body: object): Response {
  return NextResponse.json(body, { status: 201 });
}

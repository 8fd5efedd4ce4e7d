import "server-only";
import { randomUUID, timingSafeEqual, createHash } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// The one wrapper for /api/cron/* route handlers. Any scheduler may call them
// (several app instances share the work through SKIP LOCKED claims in the jobs
// themselves). It checks `Authorization: Bearer $CRON_SECRET` with a
// constant-time compare (in development a missing CRON_SECRET lets calls in),
// reads the clock once and answers `{ processed, skipped, changed }`.

export interface CronResult {
  processed: number;
  skipped: number;
  changed: number;
}

export interface CronContext {
  req: NextRequest;
  now: Date;
  requestId: string;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** Whether the request may run a cron job. Pure apart from the env it is given. */
export function cronAuthorized(header: string | null, secret: string | undefined, nodeEnv: string): boolean {
  if (!secret) return nodeEnv === "development";
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match) return false;
  // Hash both sides so the compare is constant-time whatever the lengths.
  return timingSafeEqual(digest(match[1]!), digest(secret));
}

export function withCron<T extends CronResult>(name: string, job: (ctx: CronContext) => Promise<T>) {
  return async (req: NextRequest): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const env = getEnv();
    if (!cronAuthorized(req.headers.get("authorization"), env.CRON_SECRET, env.NODE_ENV)) {
      return NextResponse.json(
        { error: { code: "unauthorized", message: "Send the cron secret as `Authorization: Bearer <CRON_SECRET>`" } },
        { status: 401, headers: { "x-request-id": requestId } },
      );
    }
    const now = new Date();
    try {
      const result = await job({ req, now, requestId });
      log.info("cron job finished", { job: name, requestId, ...(result as object) });
      return NextResponse.json({ job: name, at: now.toISOString(), ...result }, { headers: { "x-request-id": requestId } });
    } catch (error) {
      log.error("cron job failed", { job: name, requestId, error: error instanceof Error ? error.stack : String(error) });
      return NextResponse.json(
        { error: { code: "internal", message: "The job failed; see the server log" } },
        { status: 500, headers: { "x-request-id": requestId } },
      );
    }
  };
}

import "server-only";
import { timingSafeEqual, createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// The one wrapper for /api/cron/* handlers: checks `Authorization: Bearer
// $CRON_SECRET` with a constant-time compare (development without a secret
// allows calls), reads the clock once, and answers { processed, skipped, changed }.

export interface CronResult {
  processed: number;
  skipped: number;
  changed: number;
}

function sameSecret(given: string, expected: string): boolean {
  // Hash both so the compare is constant-time whatever the lengths.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export function cronAuthorized(header: string | null, env = getEnv()): boolean {
  if (!env.CRON_SECRET) return env.NODE_ENV === "development" || env.NODE_ENV === "test";
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return Boolean(match && sameSecret(match[1]!.trim(), env.CRON_SECRET));
}

export function withCron(job: (ctx: { now: Date }) => Promise<CronResult>) {
  const handler = async (req: Request): Promise<Response> => {
    if (!cronAuthorized(req.headers.get("authorization"))) {
      return NextResponse.json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <CRON_SECRET>" } }, { status: 401 });
    }
    const now = new Date();
    try {
      const result = await job({ now });
      return NextResponse.json({ ...result, at: now.toISOString() });
    } catch (error) {
      log.error("cron job failed", { path: new URL(req.url).pathname, error: error instanceof Error ? error.stack : String(error) });
      return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side" } }, { status: 500 });
    }
  };
  return handler;
}

import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { withJobLock } from "./job-lock";

// The one wrapper for /api/cron/* route handlers. Any scheduler may call them
// with `Authorization: Bearer $CRON_SECRET`; the secret is compared in constant
// time. Without CRON_SECRET, production refuses every call and development
// allows them (so they can be tried locally). The clock is read once and the
// handler reports what it did as { processed, skipped, changed }. A job runs
// once at a time across all instances (lib/cron/job-lock.ts): a call that finds
// it running elsewhere returns at once with `alreadyRunning: true`.

export interface CronResult {
  processed: number;
  skipped: number;
  changed: number;
  [detail: string]: unknown;
}

function digest(value: string): Buffer {
  // Hashing first gives equal-length buffers, so the comparison leaks nothing about the length.
  return createHash("sha256").update(value, "utf8").digest();
}

/** Whether this Authorization header may run cron jobs. Pure apart from reading the configuration. */
export function cronAuthorized(header: string | null, secret: string | undefined, nodeEnv: string): boolean {
  if (!secret) return nodeEnv !== "production";
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(secret));
}

export function withCron(name: string, handler: (ctx: { now: Date }) => Promise<CronResult>) {
  return async (req: Request): Promise<Response> => {
    const env = getEnv();
    if (!cronAuthorized(req.headers.get("authorization"), env.CRON_SECRET, env.NODE_ENV)) {
      const message = env.CRON_SECRET ? "Send the cron secret as `Authorization: Bearer <CRON_SECRET>`" : "CRON_SECRET is not set: cron routes are disabled";
      return NextResponse.json({ error: { code: "unauthorized", message } }, { status: 401 });
    }
    const now = new Date();
    try {
      const run = await withJobLock(name, () => handler({ now }));
      if (!run.ran) {
        log.info("cron run skipped: already running", { job: name });
        const idle: CronResult = { processed: 0, skipped: 0, changed: 0, alreadyRunning: true };
        return NextResponse.json({ job: name, at: now.toISOString(), ...idle }, { headers: { "cache-control": "no-store" } });
      }
      const result = run.result;
      log.info("cron run", { job: name, ...result });
      return NextResponse.json({ job: name, at: now.toISOString(), ...result }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      log.error("cron job failed", { job: name, error: error instanceof Error ? error.stack : String(error) });
      return NextResponse.json({ error: { code: "internal", message: "The job failed; see the server log" } }, { status: 500 });
    }
  };
}

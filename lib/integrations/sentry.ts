import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";

// Error reports to Sentry over its envelope HTTP API when SENTRY_DSN is set
// (no SDK needed for server-side exceptions). Fire-and-forget: a report never
// delays or breaks the response, and a Sentry outage is ignored.

export interface SentryTarget {
  url: string;
  publicKey: string;
  dsn: string;
}

/** https://<key>@<host>/<project> -> the envelope endpoint. */
export function parseDsn(dsn: string): SentryTarget {
  const u = new URL(dsn);
  const project = u.pathname.replace(/^\//, "");
  return { url: `${u.protocol}//${u.host}/api/${project}/envelope/`, publicKey: u.username, dsn };
}

export function buildEnvelope(error: unknown, context: Record<string, string>, target: SentryTarget, now: Date): string {
  const eventId = randomUUID().replaceAll("-", "");
  const err = error instanceof Error ? error : new Error(String(error));
  const frames = (err.stack ?? "")
    .split("\n")
    .slice(1)
    .map((line) => ({ function: line.trim().replace(/^at\s+/, "") }))
    .reverse();
  const event = {
    event_id: eventId,
    timestamp: now.getTime() / 1000,
    platform: "node",
    level: "error",
    server_name: "provenant-partners",
    environment: getEnv().NODE_ENV,
    exception: { values: [{ type: err.name, value: err.message, stacktrace: { frames } }] },
    tags: context,
  };
  return [
    JSON.stringify({ event_id: eventId, dsn: target.dsn, sent_at: now.toISOString() }),
    JSON.stringify({ type: "event" }),
    JSON.stringify(event),
  ].join("\n");
}

export async function sendToSentry(error: unknown, context: Record<string, string>, dsn: string, now = new Date()): Promise<boolean> {
  const target = parseDsn(dsn);
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-sentry-envelope",
        "x-sentry-auth": `Sentry sentry_version=7, sentry_key=${target.publicKey}, sentry_client=provenant-partners/1.0`,
      },
      body: buildEnvelope(error, context, target, now),
      signal: AbortSignal.timeout(3000),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Reports an unexpected error if Sentry is configured; never throws, never waits. */
export function reportError(error: unknown, context: Record<string, string> = {}): void {
  const dsn = getEnv().SENTRY_DSN;
  if (dsn) void sendToSentry(error, context, dsn);
}

import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { analyticsEvents } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// Analytics events. Every event is a row in analytics_events; with
// GA4_MEASUREMENT_ID and GA4_API_SECRET set it is also sent to GA4's
// Measurement Protocol (POST /mp/collect) after the transaction commits.
// Without them the row is the delivery (status "stored").

export const GA4_DEFAULT_ENDPOINT = "https://www.google-analytics.com/mp/collect";

export interface AnalyticsEventInput {
  name: string;
  clientId: string;
  partnerId: string | null;
  params: Record<string, string | number | boolean | null>;
  now: Date;
}

export interface Ga4Config {
  measurementId: string;
  apiSecret: string;
  endpoint: string;
}

export function ga4Config(): Ga4Config | null {
  const env = getEnv();
  if (!env.GA4_MEASUREMENT_ID || !env.GA4_API_SECRET) return null;
  return { measurementId: env.GA4_MEASUREMENT_ID, apiSecret: env.GA4_API_SECRET, endpoint: env.GA4_ENDPOINT ?? GA4_DEFAULT_ENDPOINT };
}

/** Writes the event row in the caller's transaction; returns its id, to send after commit. */
export async function recordAnalyticsEvent(tx: Queryable, input: AnalyticsEventInput): Promise<string> {
  const configured = ga4Config();
  const [row] = await tx
    .insert(analyticsEvents)
    .values({
      name: input.name,
      clientId: input.clientId,
      partnerId: input.partnerId,
      params: input.params,
      destination: configured ? "ga4" : "table",
      status: configured ? "pending" : "stored",
      createdAt: input.now,
    })
    .returning({ id: analyticsEvents.id });
  return row!.id;
}

/** GA4 event names: letters, digits and underscores, starting with a letter, at most 40 characters. */
export function ga4Name(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^[^A-Za-z]+/, "").slice(0, 40) || "event";
}

/** Sends stored-for-GA4 events over HTTP; marks each sent or failed. Never throws. */
export async function sendAnalyticsEvents(ids: readonly string[], now: Date, config: Ga4Config | null = ga4Config()): Promise<void> {
  if (!config || !ids.length) return;
  const db = await getDb();
  for (const id of ids) {
    const [row] = await db.select().from(analyticsEvents).where(eq(analyticsEvents.id, id));
    if (!row || row.status !== "pending") continue;
    const url = new URL(config.endpoint);
    url.searchParams.set("measurement_id", config.measurementId);
    url.searchParams.set("api_secret", config.apiSecret);
    const body = {
      client_id: row.clientId,
      timestamp_micros: String(row.createdAt.getTime() * 1000),
      events: [{ name: ga4Name(row.name), params: { ...row.params, engagement_time_msec: 1 } }],
    };
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
      if (res.status >= 300) throw new Error(`GA4 answered ${res.status}`);
      await db.update(analyticsEvents).set({ status: "sent", sentAt: now, error: null }).where(eq(analyticsEvents.id, id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db.update(analyticsEvents).set({ status: "failed", error: message.slice(0, 500) }).where(eq(analyticsEvents.id, id));
      log.warn("GA4 event failed", { id, error: message });
    }
  }
}

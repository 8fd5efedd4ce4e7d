import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { clickBuffer } from "@/lib/attribution/click-buffer";
import { registerQueueProbe } from "./registry";

// Queue depth for pp_job_queue_depth{queue}, counted at scrape time. Each is a
// cheap count on an indexed column; a growing value means the worker (cron or
// `npm run worker`) is falling behind.

let registered = false;

async function countOf(query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(await getDb(), query);
  return Number(row?.n ?? 0);
}

export function registerQueueProbes(): void {
  if (registered) return;
  registered = true;
  // Deliveries due now (first attempts and retries whose time has come).
  registerQueueProbe("webhook_deliveries_due", () =>
    countOf(sql`select count(*) as n from webhook_deliveries where status in ('pending', 'failed') and next_attempt_at <= now()`),
  );
  // Retries waiting for their backoff to pass.
  registerQueueProbe("webhook_deliveries_scheduled", () =>
    countOf(sql`select count(*) as n from webhook_deliveries where status in ('pending', 'failed') and next_attempt_at > now()`),
  );
  registerQueueProbe("emails_pending", () => countOf(sql`select count(*) as n from email_outbox where status = 'pending'`));
  registerQueueProbe("survival_probes_due", () => countOf(sql`select count(*) as n from installs where next_probe_at <= now()`));
  // Clicks this instance has answered but not written yet (in memory, flushed every 250 ms).
  registerQueueProbe("link_clicks_buffered", async () => clickBuffer().size);
}

import "server-only";
import type { CronResult } from "@/lib/cron/with-cron";
import { deliverDue, DEFAULT_BATCH } from "./deliver-due";

/**
 * Drains due deliveries in batches until none is due, `maxBatches` have run or
 * `budgetMs` has passed (a cron call must end well before the next one).
 * `processed` counts attempts, `changed` successes, `skipped` failures that were
 * rescheduled or given up.
 */
export async function runWebhookWorker(args: { now: Date; maxBatches?: number; budgetMs?: number }): Promise<CronResult> {
  const started = Date.now();
  const totals = { processed: 0, skipped: 0, changed: 0, dead: 0, disabledEndpoints: 0 };
  for (let i = 0; i < (args.maxBatches ?? 50); i++) {
    const r = await deliverDue({ now: args.now, limit: DEFAULT_BATCH });
    totals.processed += r.claimed;
    totals.changed += r.succeeded;
    totals.skipped += r.failed + r.dead;
    totals.dead += r.dead;
    totals.disabledEndpoints += r.disabledEndpoints.length;
    if (r.claimed < DEFAULT_BATCH || Date.now() - started > (args.budgetMs ?? 20_000)) break;
  }
  return totals;
}

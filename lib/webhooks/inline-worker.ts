import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// In development (or with WEBHOOK_WORKER=inline) the server process delivers
// webhooks itself every few seconds, so no scheduler is needed to see them
// arrive. Production deployments call /api/cron/webhooks instead. Never in tests.

const INTERVAL_MS = 5_000;
const g = globalThis as typeof globalThis & { __ppWebhookLoop?: NodeJS.Timeout };

export function inlineWorkerWanted(env: { NODE_ENV: string; WEBHOOK_WORKER?: "inline" | "off" }): boolean {
  if (env.NODE_ENV === "test" || env.WEBHOOK_WORKER === "off") return false;
  return env.WEBHOOK_WORKER === "inline" || env.NODE_ENV === "development";
}

export function startInlineWorker(): void {
  if (g.__ppWebhookLoop || !inlineWorkerWanted(getEnv())) return;
  let running = false;
  g.__ppWebhookLoop = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { runWebhookWorker } = await import("./run-worker");
      const r = await runWebhookWorker({ now: new Date(), maxBatches: 10, budgetMs: 4_000 });
      if (r.processed) log.info("webhooks delivered", { attempts: r.processed, succeeded: r.changed, failed: r.skipped });
    } catch (error) {
      log.error("inline webhook worker failed", { error: error instanceof Error ? error.message : String(error) });
    } finally {
      running = false;
    }
  }, INTERVAL_MS);
  g.__ppWebhookLoop.unref();
  log.info("webhook worker running in this process", { everyMs: INTERVAL_MS });
}

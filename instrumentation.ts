// Runs once when the server starts (Node.js only): the development webhook
// loop, and the queue-depth probes the metrics endpoint reads at scrape time.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startInlineWorker }, { registerQueueProbe }, { countPendingDeliveries }] = await Promise.all([
    import("./lib/webhooks/inline-worker"),
    import("./lib/metrics/registry"),
    import("./lib/webhooks/store"),
  ]);
  registerQueueProbe("webhook_deliveries", countPendingDeliveries);
  startInlineWorker();
}

import { runAttribution } from "@/lib/attribution/process-matches";
import { withCron } from "@/lib/cron/with-cron";

/** Every few minutes: match conversions that arrived before their click or registration. */
export const POST = withCron("attribution", async ({ now }) => {
  const r = await runAttribution(now);
  return { processed: r.processed, skipped: 0, changed: r.matched };
});
export const GET = POST;

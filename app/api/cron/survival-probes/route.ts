import { withCron } from "@/lib/cron/with-cron";
import { runScheduledProbes } from "@/lib/quality/run-check";

// A scheduler calls this every few minutes; each run probes the installs that
// are due, within a time budget that stays under typical serverless limits.
export const maxDuration = 60;

/** POST /api/cron/survival-probes — probes installs due for a survival check. */
export const POST = withCron("survival-probes", async ({ now }) => ({ ...(await runScheduledProbes({ now, budgetMs: 45_000, maxInstalls: 50 })) }));
export const GET = POST;

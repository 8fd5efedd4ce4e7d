import { getDb } from "@/db/client";
import { withCron } from "@/lib/cron/with-cron";
import { runRollups } from "@/lib/quality/rollups";

/** POST /api/cron/evidence-rollups — rebuilds TTI and survival summaries (idempotent). */
export const POST = withCron("evidence-rollups", async ({ now }) => {
  const counts = await runRollups(await getDb(), now);
  return { processed: 1, skipped: 0, changed: counts.ttiRows + counts.ttiWeeklyRows + counts.survivalDailyRows + counts.survivalWindowRows, ...counts };
});
export const GET = POST;

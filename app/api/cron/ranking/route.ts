import { withCron } from "@/lib/cron/with-cron";
import { runRanking } from "@/lib/ranking/run-ranking";

/** POST /api/cron/ranking — recomputes directory scores and ranks, set-based (idempotent). */
export const POST = withCron("ranking", async ({ now }) => {
  const r = await runRanking(now);
  return { processed: r.ranked, skipped: 0, changed: r.changed + r.removed, removed: r.removed };
});
export const GET = POST;

import { runBadgeScan, DEFAULT_SCAN } from "@/lib/badges/scan";
import { withCron } from "@/lib/cron/with-cron";

// A scheduler calls this hourly; each run scans the declared pages that are due
// (or whose partner marked a violation fixed), within its budgets.
export const maxDuration = 60;

/** POST /api/cron/badge-scan — scans partners' declared pages for badge misuse. */
export const POST = withCron("badge-scan", async ({ now }) => ({ ...(await runBadgeScan({ now, ...DEFAULT_SCAN })) }));
export const GET = POST;

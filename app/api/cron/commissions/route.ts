import { releaseHolds } from "@/lib/commissions/release-holds";
import { withCron } from "@/lib/cron/with-cron";

/** Hourly: pending commissions past their hold period become payable. */
export const POST = withCron("commissions", ({ now }) => releaseHolds(now));
export const GET = POST;

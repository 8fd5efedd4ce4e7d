import { withCron } from "@/lib/cron/with-cron";
import { expireDeals } from "@/lib/deals/expire-deals";

/** Daily: expire deal registrations past their protection; remind partners a week before. */
export const POST = withCron("deals", ({ now }) => expireDeals(now));
export const GET = POST;

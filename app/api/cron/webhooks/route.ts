import { withCron } from "@/lib/cron/with-cron";
import { runWebhookWorker } from "@/lib/webhooks/run-worker";

export const dynamic = "force-dynamic";

/** POST (or GET) /api/cron/webhooks — delivers due webhooks. Call every minute with the cron secret. */
const handler = withCron("webhooks", ({ now }) => runWebhookWorker({ now }));
export const GET = handler;
export const POST = handler;

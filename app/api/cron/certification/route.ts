import { withCron } from "@/lib/cron/with-cron";
import { runCertification } from "@/lib/certification/run-certification";

/** POST /api/cron/certification — evaluates every partner's certification, tier and badges; writes only what changed. */
export const POST = withCron("certification", async ({ now }) => ({ ...(await runCertification({ now })) }));
export const GET = POST;

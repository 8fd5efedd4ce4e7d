import { withCron } from "@/lib/cron/with-cron";
import { sendSurveys } from "@/lib/nps/send-surveys";

/** POST /api/cron/nps-surveys — sends this quarter's survey invitations and reminders. */
export const POST = withCron("nps-surveys", async ({ now }) => ({ ...(await sendSurveys({ now })) }));
export const GET = POST;

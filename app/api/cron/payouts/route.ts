import { withCron } from "@/lib/cron/with-cron";
import { configuredGateway } from "@/lib/integrations/stripe/connect";
import { runPayouts } from "@/lib/payouts/run";

/**
 * Daily: pays the period that is due (net-30 after each month end; see
 * lib/payouts/rules.ts), releases held payouts whose partner completed the
 * prerequisites, and sends Stripe transfers. Only the first run after a month
 * becomes due creates payouts; the others find nothing new.
 */
export const POST = withCron("payouts", async ({ now }) => ({ ...(await runPayouts({ now, gateway: configuredGateway(), trigger: "cron" })) }));
export const GET = POST;

import "server-only";
import { getDb } from "@/db/client";
import { partnerRecipients } from "@/lib/deals/store";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { sendEmail } from "./send-email";
import type { RenderedEmail } from "./templates";

/** An absolute link into the app, for emails. */
export const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

/**
 * Emails a partner's contact address and owners about something already
 * committed (a decision, a state change). A failure is logged, never thrown:
 * the decision stands and the outbox keeps what could be written.
 */
export async function tellPartner(args: { partnerId: string; kind: string; now: Date; render: (partnerName: string) => RenderedEmail }): Promise<void> {
  try {
    const { name, emails } = await partnerRecipients(await getDb(), args.partnerId);
    const email = args.render(name);
    for (const to of emails) await sendEmail({ kind: args.kind, to, email, partnerId: args.partnerId, now: args.now });
  } catch (error) {
    log.warn("partner email failed", { kind: args.kind, partnerId: args.partnerId, error: error instanceof Error ? error.message : String(error) });
  }
}

import "server-only";
import { getDb } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { webhookDisabledEmail, webhookFailingEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { log } from "@/lib/log";
import { findPartner, listMembers } from "@/lib/partners/store";

// Emails to a partner's owners about its webhook endpoints. Sent after the
// worker's transaction commits; a failed email never fails a delivery run.

export type EndpointNotice =
  | { kind: "failing"; partnerId: string; endpointId: string; url: string; failingSince: Date; lastError: string }
  | { kind: "disabled"; partnerId: string; endpointId: string; url: string; reason: "gone" | "failing" };

export const DISABLED_REASON_TEXT = {
  gone: "the receiver answered 410 Gone, which means the endpoint no longer exists",
  failing: "every attempt to deliver failed for the whole retry schedule (about three days)",
  manual: "it was disabled by your team",
} as const;

export async function notifyOwners(notice: EndpointNotice, now: Date): Promise<void> {
  try {
    const db = await getDb();
    const partner = await findPartner(db, notice.partnerId);
    if (!partner) return;
    const owners = (await listMembers(db, notice.partnerId)).filter((m) => m.role === "owner");
    const consoleUrl = `${getEnv().APP_URL}/console/webhooks/${notice.endpointId}`;
    const email =
      notice.kind === "failing"
        ? webhookFailingEmail({
            partnerName: partner.name,
            url: notice.url,
            failingSince: formatDateTime(notice.failingSince),
            lastError: notice.lastError,
            consoleUrl,
          })
        : webhookDisabledEmail({ partnerName: partner.name, url: notice.url, reason: DISABLED_REASON_TEXT[notice.reason], consoleUrl });
    for (const owner of owners) {
      await sendEmail({ kind: `webhook_endpoint_${notice.kind}`, to: owner.email, email, partnerId: notice.partnerId, now });
    }
  } catch (error) {
    log.error("webhook notification failed", { endpointId: notice.endpointId, error: error instanceof Error ? error.message : String(error) });
  }
}

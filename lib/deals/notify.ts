import "server-only";
import { getDb } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import type { RenderedEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { partnerRecipients } from "./store";

export interface PartnerNotice {
  partnerId: string;
  kind: string;
  email: (dealUrl: string) => RenderedEmail;
  dealId: string;
}

export function consoleDealUrl(dealId: string): string {
  return new URL(`/console/deals/${dealId}`, getEnv().APP_URL).toString();
}

/** Emails a partner's contact and owners (after the change committed). Failures are logged, never thrown. */
export async function notifyPartners(notices: readonly PartnerNotice[], now: Date): Promise<void> {
  const db = await getDb();
  for (const n of notices) {
    try {
      const { emails } = await partnerRecipients(db, n.partnerId);
      const rendered = n.email(consoleDealUrl(n.dealId));
      for (const to of emails) await sendEmail({ kind: n.kind, to, email: rendered, partnerId: n.partnerId, now });
    } catch (error) {
      log.warn("deal notification failed", { partnerId: n.partnerId, kind: n.kind, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

import "server-only";
import { getDb } from "@/db/client";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { NpsAudience } from "@/db/schema";
import { surveyEmail } from "./emails";
import { CUSTOMER_SURVEY_AFTER_DAYS, invitationExpiresAt, MAX_REMINDERS, REMINDER_AFTER_DAYS } from "./rules";
import { quarterOf, quarterRange } from "./score";
import { claimReminders, customerRecipients, ensureSurvey, insertInvitation, partnerRecipients, replaceTokenHash } from "./store";
import { newSurveyToken } from "./tokens";

// The scheduled NPS round (cron): this quarter's customer survey (about their
// partner) and partner survey (about the program). Recipients are picked and
// their invitations inserted in one transaction (a unique index makes a
// second instance's insert a no-op); emails go out after commit, through the
// email adapter (outbox or Resend). Unanswered invitations get one reminder,
// with a fresh link (only token hashes are stored, so the old link retires).

const DAY_MS = 86_400_000;

export function surveyLinks(token: string): { url: string; unsubscribeUrl: string } {
  const base = getEnv().APP_URL.replace(/\/$/, "");
  return { url: `${base}/nps/${token}`, unsubscribeUrl: `${base}/nps/${token}/unsubscribe` };
}

interface Outgoing {
  audience: NpsAudience;
  email: string;
  partnerId: string | null;
  partnerName: string;
  token: string;
  reminder: boolean;
}

export async function sendSurveys(args: { now: Date; limit?: number }): Promise<{ processed: number; skipped: number; changed: number; invited: number; reminded: number }> {
  const limit = args.limit ?? 200;
  const quarter = quarterOf(args.now);
  const { end } = quarterRange(quarter);
  const db = await getDb();
  const outgoing: Outgoing[] = [];
  let skipped = 0;
  await db.transaction(async (tx) => {
    for (const audience of ["customer", "partner"] as const) {
      const survey = await ensureSurvey(tx, audience, quarter, args.now, end);
      const recipients =
        audience === "customer"
          ? await customerRecipients(tx, survey.id, new Date(args.now.getTime() - CUSTOMER_SURVEY_AFTER_DAYS * DAY_MS), limit)
          : await partnerRecipients(tx, survey.id, limit);
      for (const r of recipients) {
        const { token, hash } = newSurveyToken();
        const row = await insertInvitation(tx, {
          surveyId: survey.id,
          partnerId: r.partnerId,
          installId: r.installId,
          email: r.email,
          tokenHash: hash,
          sentAt: args.now,
          expiresAt: invitationExpiresAt(args.now),
        });
        if (!row) {
          skipped += 1;
          continue;
        }
        outgoing.push({ audience, email: r.email, partnerId: r.partnerId, partnerName: r.partnerName, token, reminder: false });
      }
    }
    const due = await claimReminders(tx, args.now, new Date(args.now.getTime() - REMINDER_AFTER_DAYS * DAY_MS), MAX_REMINDERS, limit);
    for (const d of due) {
      const { token, hash } = newSurveyToken();
      await replaceTokenHash(tx, d.id, hash);
      outgoing.push({ audience: d.audience, email: d.email, partnerId: d.partner_id, partnerName: d.partner_name ?? "your partner", token, reminder: true });
    }
  });
  for (const o of outgoing) {
    const links = surveyLinks(o.token);
    try {
      await sendEmail({
        kind: o.reminder ? "nps_reminder" : "nps_survey",
        to: o.email,
        email: surveyEmail({ audience: o.audience, partnerName: o.partnerName, url: links.url, unsubscribeUrl: links.unsubscribeUrl, reminder: o.reminder }),
        partnerId: o.partnerId,
        sensitive: true,
        now: args.now,
      });
    } catch (error) {
      log.warn("survey email failed", { to: o.email, error: (error as Error).message });
    }
  }
  const invited = outgoing.filter((o) => !o.reminder).length;
  const reminded = outgoing.length - invited;
  return { processed: outgoing.length, skipped, changed: outgoing.length, invited, reminded };
}

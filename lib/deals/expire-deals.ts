import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { emit } from "@/lib/events/emit";
import { formatDate } from "@/lib/format";
import { dealExpiredEmail, dealReminderEmail } from "./emails";
import { notifyPartners, type PartnerNotice } from "./notify";
import { DEAL_POLICY } from "./policy";
import { isExpiryDue, isReminderDue } from "./rules";
import { claimDueDeals, updateDeal } from "./store";

const ACTOR = systemActor("deal-expiry", "Deal expiry job");
const DAY_MS = 86_400_000;

/**
 * The daily deals job: registrations past their protection expire
 * (partner.deal_expired), and those within the reminder window get one reminder.
 */
export async function expireDeals(now: Date, batch = 200): Promise<{ processed: number; skipped: number; changed: number }> {
  const db = await getDb();
  let processed = 0;
  let skipped = 0;
  let changed = 0;
  const notices: PartnerNotice[] = [];
  const horizon = new Date(now.getTime() + DEAL_POLICY.reminderDaysBefore * DAY_MS);
  const seen = new Set<string>();
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = (await claimDueDeals(tx, now, horizon, batch)).filter((d) => !seen.has(d.id));
      for (const deal of due) {
        seen.add(deal.id);
        processed++;
        if (isExpiryDue(deal, now)) {
          await updateDeal(tx, deal.id, { stage: "expired", closedAt: now, closeReason: "Protection ended", updatedAt: now });
          await audit(tx, {
            actor: ACTOR,
            action: "deal.expired",
            object: { type: "deal", id: deal.id },
            partnerId: deal.partnerId,
            before: { stage: deal.stage },
            after: { stage: "expired" },
            at: now,
          });
          await emit(tx, {
            type: "partner.deal_expired",
            partnerId: deal.partnerId,
            data: { dealId: deal.id, company: deal.company, registeredAt: deal.registeredAt.toISOString(), expiredAt: now.toISOString() },
            now,
          });
          notices.push({ partnerId: deal.partnerId, dealId: deal.id, kind: "deal_expired", email: (url) => dealExpiredEmail({ company: deal.company, domain: deal.domain, dealUrl: url }) });
          changed++;
        } else if (isReminderDue(deal, now)) {
          await updateDeal(tx, deal.id, { reminderSentAt: now, updatedAt: now });
          notices.push({
            partnerId: deal.partnerId,
            dealId: deal.id,
            kind: "deal_reminder",
            email: (url) => dealReminderEmail({ company: deal.company, domain: deal.domain, protectedUntil: formatDate(deal.protectedUntil), dealUrl: url }),
          });
          changed++;
        } else {
          skipped++;
        }
      }
      return due.length;
    });
    if (n < batch) break;
  }
  await notifyPartners(notices, now);
  return { processed, skipped, changed };
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { sendEmail } from "@/lib/email/send-email";
import { leadReceivedEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { getPartnerBySlug } from "@/lib/partners/store";
import { RATE_LIMITS, checkRateLimits } from "@/lib/rate-limit";
import { insertLead, lockLead, ownerEmails, setLeadStatus, type LeadRow } from "./lead-store";
import { contactInputSchema } from "./schemas";

/** Contact requests per client IP to any one partner, on top of the site-wide form limit. */
export const LEADS_PER_PARTNER_PER_IP = { limit: 3, windowMs: 60 * 60_000 } as const;

/**
 * A prospect's contact request from a public profile: rate limited per client IP
 * (all forms, and per partner), recorded as a lead, and emailed to the partner.
 */
export async function submitLead(args: { slug: string; input: unknown; clientIp: string; now: Date }): Promise<LeadRow> {
  const input = parseOrThrow(contactInputSchema, args.input);
  const partner = await getPartnerBySlug(args.slug);
  if (!partner || partner.status === "suspended") throw notFound("Partner");
  const limited = await checkRateLimits(
    [
      { key: `form:ip:${args.clientIp}`, rule: RATE_LIMITS.formPerIp },
      { key: `lead:${partner.id}:ip:${args.clientIp}`, rule: LEADS_PER_PARTNER_PER_IP },
    ],
    args.now,
  );
  if (!limited.allowed) {
    throw new AppError({ code: "rate_limited", message: `Too many messages from your network. Try again in ${Math.ceil(limited.retryAfterS / 60)} minutes.` });
  }
  const db = await getDb();
  const lead = await insertLead(db, {
    partnerId: partner.id,
    name: input.name,
    email: input.email,
    company: input.company,
    message: input.message,
    status: "new",
    createdAt: args.now,
  });
  const recipients = partner.contactEmail ? [partner.contactEmail] : await ownerEmails(partner.id);
  const email = leadReceivedEmail({
    partnerName: partner.name,
    fromName: input.name,
    fromEmail: input.email,
    company: input.company,
    message: input.message,
    slaHours: partner.slaResponseHours,
    leadsUrl: `${getEnv().APP_URL}/console/leads`,
  });
  for (const to of recipients) await sendEmail({ kind: "directory.lead", to, email, partnerId: partner.id, now: args.now });
  return lead;
}

/** The partner marks a lead answered (counts toward its SLA) or closed, or back to new. */
export async function setLeadState(args: {
  principal: Principal | null;
  partnerId: string;
  leadId: string;
  status: LeadRow["status"];
  now: Date;
}): Promise<LeadRow> {
  assertPartner(args.principal, "leads:write", args.partnerId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lead = await lockLead(tx, args.partnerId, args.leadId);
    if (!lead) throw notFound("Lead");
    if (lead.status === args.status) return lead;
    // The first answer time is kept: re-opening and answering again does not reset the SLA clock.
    const answeredAt = args.status === "new" ? null : (lead.answeredAt ?? (args.status === "answered" ? args.now : null));
    await setLeadStatus(tx, lead.id, args.status, answeredAt);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: args.status === "answered" ? "lead.answered" : `lead.${args.status}`,
      object: { type: "lead", id: lead.id },
      partnerId: args.partnerId,
      before: { status: lead.status },
      after: { status: args.status },
      at: args.now,
    });
    return { ...lead, status: args.status, answeredAt };
  });
}

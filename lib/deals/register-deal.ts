import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, pgErrorOf, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { newId } from "@/lib/ids";
import { conflictOpenedEmail } from "./emails";
import { notifyPartners, type PartnerNotice } from "./notify";
import { evaluateRegistration } from "./rules";
import { registerDealSchema } from "./schemas";
import { dealsForDomain, insertConflict, insertDeal, updateDeal, type DealRow } from "./store";

/**
 * "Register opportunity" (console and API). Protected for 60 days; a domain
 * another partner already holds goes to the admins' conflict queue (the first
 * registration keeps protection until an admin decides). Emits
 * partner.deal_registered; audited.
 */
export async function registerDeal(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<{ deal: DealRow; conflict: boolean }> {
  assertPartner(args.principal, "deals:write", args.partnerId);
  const input = parseOrThrow(registerDealSchema, args.input);
  const principal = args.principal!;
  const db = await getDb();
  const notices: PartnerNotice[] = [];
  try {
    const result = await db.transaction(async (tx) => {
      // Locks the domain's deals: two registrations for one domain queue up here.
      const existing = await dealsForDomain(tx, input.domain, true);
      const decision = evaluateRegistration({ partnerId: args.partnerId, domain: input.domain, existing, now: args.now });
      if (!decision.ok) throw new AppError({ code: "conflict", message: decision.message, fields: { domain: [decision.message] } });
      const deal = await insertDeal(tx, {
        id: newId("deal"),
        partnerId: args.partnerId,
        company: input.company,
        domain: input.domain,
        contactName: input.contactName,
        contactEmail: input.contactEmail.toLowerCase(),
        estimatedValueCents: input.estimatedValue,
        currency: input.currency,
        products: input.products,
        expectedCloseAt: new Date(`${input.expectedCloseAt.slice(0, 10)}T00:00:00Z`),
        stage: "registered",
        inConflict: decision.conflictWith ? "open" : "none",
        registeredAt: args.now,
        protectedUntil: decision.protectedUntil,
        registeredByUserId: principal.kind === "user" ? principal.viewer.userId : null,
        updatedAt: args.now,
      });
      const actor = actorOf(principal);
      await audit(tx, {
        actor,
        action: "deal.registered",
        object: { type: "deal", id: deal.id },
        partnerId: args.partnerId,
        after: { company: deal.company, domain: deal.domain, estimatedValueCents: deal.estimatedValueCents, currency: deal.currency, protectedUntil: deal.protectedUntil.toISOString() },
        at: args.now,
      });
      await emit(tx, {
        type: "partner.deal_registered",
        partnerId: args.partnerId,
        data: {
          dealId: deal.id,
          company: deal.company,
          domain: deal.domain,
          stack: null,
          estimatedValue: { amount: deal.estimatedValueCents, currency: deal.currency },
          registeredAt: deal.registeredAt.toISOString(),
          expiresAt: deal.protectedUntil.toISOString(),
        },
        now: args.now,
      });
      const first = decision.conflictWith;
      if (first) {
        const conflict = await insertConflict(tx, { domain: input.domain, firstDealId: first.id, secondDealId: deal.id, createdAt: args.now });
        await updateDeal(tx, first.id, { inConflict: "open", updatedAt: args.now });
        await audit(tx, {
          actor,
          action: "deal.conflict_opened",
          object: { type: "deal_conflict", id: conflict.id },
          partnerId: args.partnerId,
          after: { domain: input.domain, firstDealId: first.id, secondDealId: deal.id },
          at: args.now,
        });
        await audit(tx, {
          actor,
          action: "deal.conflict_opened",
          object: { type: "deal_conflict", id: conflict.id },
          partnerId: first.partnerId,
          after: { domain: input.domain, firstDealId: first.id, secondDealId: deal.id },
          at: args.now,
        });
        notices.push(
          { partnerId: first.partnerId, dealId: first.id, kind: "deal_conflict", email: (url) => conflictOpenedEmail({ company: first.company, domain: input.domain, first: true, dealUrl: url }) },
          { partnerId: args.partnerId, dealId: deal.id, kind: "deal_conflict", email: (url) => conflictOpenedEmail({ company: input.company, domain: input.domain, first: false, dealUrl: url }) },
        );
      }
      return { deal, conflict: Boolean(first) };
    });
    await notifyPartners(notices, args.now);
    return result;
  } catch (error) {
    if (pgErrorOf(error)?.constraint === "deals_partner_domain_open_key") {
      const message = `You already have an open registration for ${input.domain}`;
      throw new AppError({ code: "conflict", message, fields: { domain: [message] } });
    }
    throw error;
  }
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { budgetYearOf, evaluateMdfRequest } from "./rules";
import { createMdfRequestSchema } from "./schemas";
import { findPartnerStanding, insertRequest, lockBudget, requestsOfYear, type MdfRequestRow } from "./store";

/**
 * A partner asks for market development funds (console and API). Checked in one
 * transaction holding the budget row's lock: tier eligibility, dates, and that
 * the amount fits what remains of the year's budget, so concurrent requests can
 * never overspend it. The pending request holds its amount until decided. Audited.
 */
export async function requestMdf(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<MdfRequestRow> {
  assertPartner(args.principal, "mdf:write", args.partnerId);
  const input = parseOrThrow(createMdfRequestSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const partner = await findPartnerStanding(tx, args.partnerId);
    if (!partner) throw notFound("Partner");
    const year = budgetYearOf(input.startsOn);
    await lockBudget(tx, args.partnerId, year, args.now);
    const sameYear = await requestsOfYear(tx, args.partnerId, year);
    const verdict = evaluateMdfRequest({ partner, startsOn: input.startsOn, endsOn: input.endsOn, amountCents: input.amount, sameYear, now: args.now });
    if (!verdict.ok) {
      throw new AppError({ code: verdict.code, message: verdict.message, fields: verdict.field ? { [verdict.field]: [verdict.message] } : undefined });
    }
    const principal = args.principal!;
    const row = await insertRequest(tx, {
      id: newId("mdfRequest"),
      partnerId: args.partnerId,
      budgetYear: year,
      activityType: input.activityType,
      title: input.title,
      description: input.description,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      currency: input.currency,
      requestedCents: input.amount,
      expectedLeads: input.expectedLeads,
      status: "pending",
      requestedBy: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "mdf_request.created",
      object: { type: "mdf_request", id: row.id },
      partnerId: args.partnerId,
      after: { activityType: row.activityType, requestedCents: row.requestedCents, currency: row.currency, startsOn: row.startsOn, endsOn: row.endsOn, expectedLeads: row.expectedLeads },
      at: args.now,
    });
    return row;
  });
}

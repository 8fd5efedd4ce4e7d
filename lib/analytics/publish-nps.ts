import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { AppError, conflict, parseOrThrow } from "@/lib/errors";
import { quarterRange } from "@/lib/nps/score";
import { buildSnapshot, type NpsPublicationSnapshot } from "./nps-publication";
import { findPublication, insertPublication, quarterAudienceCounts, quarterCustomerCountsByPartner } from "./store";

export const publishNpsSchema = z.object({
  quarter: z.string().trim().regex(/^\d{4}-Q[1-4]$/, { message: "A quarter like 2026-Q3" }),
});

/**
 * Publishes a closed quarter's NPS: computes the figures once and freezes them.
 * A quarter is published at most once (409 after); an open quarter cannot be.
 */
export async function publishNpsQuarter(args: { principal: Principal | null; input: unknown; now: Date }) {
  const viewer = assertAdmin(args.principal, "nps:publish");
  const { quarter } = parseOrThrow(publishNpsSchema, args.input);
  const { start, end } = quarterRange(quarter);
  if (end.getTime() > args.now.getTime()) {
    throw new AppError({ code: "validation_failed", message: `${quarter} is not over yet`, fields: { quarter: [`${quarter} ends on ${end.toISOString().slice(0, 10)}; publish it after that`] } });
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await findPublication(tx, quarter)) throw conflict(`${quarter} is already published`);
    const [partner, customer, perPartner] = await Promise.all([
      quarterAudienceCounts(tx, "partner", quarter),
      quarterAudienceCounts(tx, "customer", quarter),
      quarterCustomerCountsByPartner(tx, quarter),
    ]);
    if (partner.promoters + partner.passives + partner.detractors + customer.promoters + customer.passives + customer.detractors === 0) {
      throw new AppError({ code: "validation_failed", message: `${quarter} has no NPS answers to publish`, fields: { quarter: ["No answers in this quarter"] } });
    }
    const snapshot = buildSnapshot({ quarter, periodStart: start, periodEnd: end, partner, customer, perPartner });
    const row = await insertPublication(tx, { quarter, periodStart: start, periodEnd: end, snapshot, publishedByUserId: viewer.userId, publishedAt: args.now });
    if (!row) throw conflict(`${quarter} is already published`);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "nps.quarter_published",
      object: { type: "nps_publication", id: row.id },
      after: { quarter, partnerNps: snapshot.partner.nps, partnerResponses: snapshot.partner.n, customerNps: snapshot.customer.nps, customerResponses: snapshot.customer.n },
      at: args.now,
    });
    return { id: row.id, quarter, snapshot };
  });
}

export type { NpsPublicationSnapshot };

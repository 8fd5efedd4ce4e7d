import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { canMoveDeal, extension } from "./rules";
import { extendDealSchema, setDealStageSchema } from "./schemas";
import { lockDeal, updateDeal, type DealRow } from "./store";

/** An admin extends a registration's protection (an expired one comes back as registered). */
export async function extendDeal(args: { principal: Principal | null; dealId: string; input: unknown; now: Date }): Promise<DealRow> {
  assertAdmin(args.principal, "deals:manage");
  const input = parseOrThrow(extendDealSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, args.dealId);
    if (!deal) throw notFound("Deal");
    const next = extension(deal, input.days, args.now);
    if (!next) throw new AppError({ code: "conflict", message: `A ${deal.stage} deal cannot be extended` });
    const updated = await updateDeal(tx, deal.id, { protectedUntil: next.protectedUntil, stage: next.stage, reminderSentAt: null, updatedAt: args.now });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "deal.extended",
      object: { type: "deal", id: deal.id },
      partnerId: deal.partnerId,
      before: { protectedUntil: deal.protectedUntil.toISOString(), stage: deal.stage },
      after: { protectedUntil: updated.protectedUntil.toISOString(), stage: updated.stage },
      meta: { days: input.days, reason: input.reason },
      at: args.now,
    });
    return updated;
  });
}

/** An admin accepts a registration, or closes it as lost. */
export async function setDealStage(args: { principal: Principal | null; dealId: string; input: unknown; now: Date }): Promise<DealRow> {
  assertAdmin(args.principal, "deals:manage");
  const input = parseOrThrow(setDealStageSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deal = await lockDeal(tx, args.dealId);
    if (!deal) throw notFound("Deal");
    if (!canMoveDeal(deal.stage, input.stage)) throw new AppError({ code: "conflict", message: `A ${deal.stage} deal cannot become ${input.stage}` });
    if (deal.inConflict === "open") throw new AppError({ code: "conflict", message: "Decide the open conflict for this domain first" });
    const closing = input.stage === "lost";
    const updated = await updateDeal(tx, deal.id, {
      stage: input.stage,
      closedAt: closing ? args.now : deal.closedAt,
      closeReason: closing ? (input.reason ?? "Closed as lost") : deal.closeReason,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: `deal.${input.stage}`,
      object: { type: "deal", id: deal.id },
      partnerId: deal.partnerId,
      before: { stage: deal.stage },
      after: { stage: updated.stage },
      meta: input.reason ? { reason: input.reason } : undefined,
      at: args.now,
    });
    return updated;
  });
}

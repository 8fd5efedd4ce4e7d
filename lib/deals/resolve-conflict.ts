import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { conflictResolvedEmail } from "./emails";
import { notifyPartners, type PartnerNotice } from "./notify";
import { resolveConflictSchema } from "./schemas";
import { lockConflict, lockDeal, openConflictCount, updateConflict, updateDeal } from "./store";

/**
 * An admin decides a registration conflict: the winner is accepted, the other
 * registration is closed as lost, with the reason; both partners are told.
 */
export async function resolveConflict(args: { principal: Principal | null; conflictId: string; input: unknown; now: Date }) {
  const viewer = assertAdmin(args.principal, "deals:resolve");
  const input = parseOrThrow(resolveConflictSchema, args.input);
  const db = await getDb();
  const notices: PartnerNotice[] = [];
  const result = await db.transaction(async (tx) => {
    const conflict = await lockConflict(tx, args.conflictId);
    if (!conflict) throw notFound("Conflict");
    if (conflict.status !== "open") throw new AppError({ code: "conflict", message: "This conflict was already decided" });
    if (input.winnerDealId !== conflict.firstDealId && input.winnerDealId !== conflict.secondDealId) {
      throw new AppError({ code: "validation_failed", message: "Choose one of the two registrations", fields: { winnerDealId: ["Choose one of the two registrations"] } });
    }
    const loserId = input.winnerDealId === conflict.firstDealId ? conflict.secondDealId : conflict.firstDealId;
    const winner = (await lockDeal(tx, input.winnerDealId))!;
    const loser = (await lockDeal(tx, loserId))!;
    const actor = actorOf(args.principal!);

    const resolved = await updateConflict(tx, conflict.id, {
      status: "resolved",
      winnerDealId: winner.id,
      reason: input.reason,
      resolvedByUserId: viewer.userId,
      resolvedAt: args.now,
    });
    const stillOpen = async (dealId: string) => ((await openConflictCount(tx, dealId, conflict.id)) > 0 ? "open" : "none") as "open" | "none";
    const winnerAfter = await updateDeal(tx, winner.id, {
      stage: winner.stage === "registered" ? "accepted" : winner.stage,
      inConflict: await stillOpen(winner.id),
      updatedAt: args.now,
    });
    const loserAfter =
      loser.stage === "registered" || loser.stage === "accepted"
        ? await updateDeal(tx, loser.id, { stage: "lost", closedAt: args.now, closeReason: `Conflict decided for another partner: ${input.reason}`, inConflict: await stillOpen(loser.id), updatedAt: args.now })
        : await updateDeal(tx, loser.id, { inConflict: await stillOpen(loser.id), updatedAt: args.now });

    await audit(tx, {
      actor,
      action: "deal.conflict_resolved",
      object: { type: "deal_conflict", id: conflict.id },
      before: { status: "open" },
      after: { status: "resolved", winnerDealId: winner.id, loserDealId: loser.id, reason: input.reason },
      at: args.now,
    });
    for (const [before, after] of [
      [winner, winnerAfter],
      [loser, loserAfter],
    ] as const) {
      await audit(tx, {
        actor,
        action: before.id === winner.id ? "deal.conflict_won" : "deal.conflict_lost",
        object: { type: "deal", id: before.id },
        partnerId: before.partnerId,
        before: { stage: before.stage },
        after: { stage: after.stage },
        meta: { conflictId: conflict.id, reason: input.reason },
        at: args.now,
      });
    }
    notices.push(
      { partnerId: winner.partnerId, dealId: winner.id, kind: "deal_conflict_resolved", email: (url) => conflictResolvedEmail({ company: winner.company, domain: winner.domain, won: true, reason: input.reason, dealUrl: url }) },
      { partnerId: loser.partnerId, dealId: loser.id, kind: "deal_conflict_resolved", email: (url) => conflictResolvedEmail({ company: loser.company, domain: loser.domain, won: false, reason: input.reason, dealUrl: url }) },
    );
    return { conflict: resolved, winner: winnerAfter, loser: loserAfter };
  });
  await notifyPartners(notices, args.now);
  return result;
}

import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { badgesChanged } from "@/lib/badges/invalidate";
import { conflict, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { lockPartner } from "@/lib/partners/store";
import { TRACK_BADGE } from "./badge-sync";
import { DAY_MS } from "./math";
import { tierOverrideSchema } from "./schemas";
import { insertTierChange, setPartnerTier, setTierOverride, syncTrackBadgeTier } from "./store";

// An admin sets a partner's tier by hand, with a reason. The nightly
// evaluation leaves the tier alone until the override ends (90 days unless
// said otherwise); the change is audited, recorded in the tier history and
// emitted like any other tier change.

export async function overrideTier(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<{ from: string; to: string; until: Date }> {
  assertAdmin(args.principal, "certification:manage");
  const { tier, reason, days } = parseOrThrow(tierOverrideSchema, args.input);
  const db = await getDb();
  const until = new Date(args.now.getTime() + days * DAY_MS);
  const actor = actorOf(args.principal!);
  const result = await db.transaction(async (tx) => {
    const partner = await lockPartner(tx, args.partnerId);
    if (!partner) throw notFound("Partner");
    if (partner.tier === tier) throw conflict(`The partner is already ${tier}`);
    await setPartnerTier(tx, partner.id, tier, args.now);
    await setTierOverride(tx, partner.id, until, args.now);
    await insertTierChange(tx, { partnerId: partner.id, fromTier: partner.tier, toTier: tier, reason: "manual", note: reason, actorLabel: actor.label, at: args.now });
    await audit(tx, {
      actor,
      action: "partner.tier_overridden",
      object: { type: "partner", id: partner.id },
      partnerId: partner.id,
      before: { tier: partner.tier },
      after: { tier, until: until.toISOString() },
      meta: { reason },
      at: args.now,
    });
    await emit(tx, { type: "partner.tier.changed", partnerId: partner.id, data: { from: partner.tier, to: tier, effectiveAt: args.now.toISOString(), reason: `Set by the program team: ${reason}` }, now: args.now });
    const badgeIds = await syncTrackBadgeTier(tx, partner.id, TRACK_BADGE[partner.track], tier, args.now);
    return { from: partner.tier, to: tier, until, badgeIds };
  });
  if (result.badgeIds.length) badgesChanged(result.badgeIds);
  return { from: result.from, to: result.to, until };
}

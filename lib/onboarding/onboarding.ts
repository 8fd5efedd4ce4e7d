import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { buildChecklist, insertDismissal, onboardingFacts, type Checklist } from "./checklist";

export async function getOnboarding(principal: Principal | null, partnerId: string, now: Date): Promise<Checklist> {
  assertPartner(principal, "partner:read", partnerId);
  const facts = await onboardingFacts(await getDb(), partnerId, now);
  if (!facts) throw notFound("Partner");
  return buildChecklist(facts);
}

/** Puts the checklist away; only once every step is done. */
export async function dismissOnboarding(args: { principal: Principal | null; partnerId: string; now: Date }): Promise<void> {
  assertPartner(args.principal, "onboarding:dismiss", args.partnerId);
  const db = await getDb();
  const facts = await onboardingFacts(db, args.partnerId, args.now);
  if (!facts) throw notFound("Partner");
  const checklist = buildChecklist(facts);
  if (!checklist.complete) throw conflict(`Finish the checklist first: ${checklist.total - checklist.done} step${checklist.total - checklist.done === 1 ? "" : "s"} to go`);
  await db.transaction(async (tx) => {
    const inserted = await insertDismissal(tx, args.partnerId, args.principal?.kind === "user" ? args.principal.viewer.userId : null, args.now);
    if (inserted) {
      await audit(tx, { actor: actorOf(args.principal!), action: "onboarding.dismissed", object: { type: "partner", id: args.partnerId }, partnerId: args.partnerId, at: args.now });
    }
  });
}

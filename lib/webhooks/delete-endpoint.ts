import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { deleteEndpoint, lockEndpoint } from "./store";

/** Deletes an endpoint with its delivery history. The events themselves stay. */
export async function removeEndpoint(args: { principal: Principal | null; partnerId: string; endpointId: string; now: Date }): Promise<void> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, args.partnerId, args.endpointId);
    if (!before) throw notFound("Webhook endpoint");
    await deleteEndpoint(tx, before.id);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "webhook_endpoint.deleted",
      object: { type: "webhook_endpoint", id: before.id },
      partnerId: args.partnerId,
      before: { url: before.url, description: before.description, eventTypes: before.eventTypes, status: before.status },
      at: args.now,
    });
  });
}

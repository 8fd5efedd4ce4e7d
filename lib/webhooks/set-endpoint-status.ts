import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { abandonOutstanding, lockEndpoint, updateEndpoint, type EndpointRow } from "./store";

/**
 * Disables an endpoint (its queued deliveries are abandoned: nothing is sent
 * to a disabled endpoint) or enables it again with a clean failure record.
 */
export async function setEndpointEnabled(args: {
  principal: Principal | null;
  partnerId: string;
  endpointId: string;
  enabled: boolean;
  now: Date;
}): Promise<EndpointRow> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, args.partnerId, args.endpointId);
    if (!before) throw notFound("Webhook endpoint");
    if ((before.status === "active") === args.enabled) return before;
    const after = args.enabled
      ? await updateEndpoint(tx, before.id, {
          status: "active",
          disabledReason: null,
          disabledAt: null,
          consecutiveFailures: 0,
          failingSince: null,
          failureNotifiedAt: null,
          updatedAt: args.now,
        })
      : await updateEndpoint(tx, before.id, { status: "disabled", disabledReason: "manual", disabledAt: args.now, updatedAt: args.now });
    const abandoned = args.enabled ? 0 : await abandonOutstanding(tx, before.id, "Endpoint disabled");
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: args.enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled",
      object: { type: "webhook_endpoint", id: before.id },
      partnerId: args.partnerId,
      before: { status: before.status, disabledReason: before.disabledReason },
      after: { status: after.status, disabledReason: after.disabledReason },
      ...(abandoned ? { meta: { abandonedDeliveries: abandoned } } : {}),
      at: args.now,
    });
    return after;
  });
}

import "server-only";
import { getDb } from "@/db/client";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { deliverDue, type DeliveredItem } from "./deliver-due";
import { IMMEDIATE_TIMEOUT_MS } from "./send-test-event";
import { lockDelivery, lockEndpoint, requeueDelivery } from "./store";

/**
 * Sends a delivery again, with the same webhook-id (receivers that already
 * processed it can tell), and attempts it right away. If that attempt fails,
 * a new retry round starts on the usual schedule.
 */
export async function resendDelivery(args: {
  principal: Principal | null;
  partnerId: string;
  deliveryId: string;
  now: Date;
}): Promise<{ deliveryId: string; result: DeliveredItem | null }> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const delivery = await lockDelivery(tx, args.partnerId, args.deliveryId);
    if (!delivery) throw notFound("Delivery");
    const endpoint = await lockEndpoint(tx, args.partnerId, delivery.endpointId);
    if (!endpoint) throw notFound("Webhook endpoint");
    if (endpoint.status !== "active") throw new AppError({ code: "conflict", message: "Enable the endpoint before resending" });
    if (delivery.claimToken && delivery.nextAttemptAt && delivery.nextAttemptAt > args.now) {
      throw new AppError({ code: "conflict", message: "This delivery is being sent right now" });
    }
    await requeueDelivery(tx, delivery.id, args.now);
  });
  const run = await deliverDue({ now: args.now, deliveryIds: [args.deliveryId], timeoutMs: IMMEDIATE_TIMEOUT_MS, trigger: "manual" });
  return { deliveryId: args.deliveryId, result: run.items[0] ?? null };
}

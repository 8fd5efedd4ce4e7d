import "server-only";
import { getDb } from "@/db/client";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { deliverDue, type DeliveredItem } from "./deliver-due";
import { lockEndpoint } from "./store";

/** Test sends wait at most this long, so the person who clicked sees the answer. */
export const IMMEDIATE_TIMEOUT_MS = 10_000;

/**
 * Emits a partner.test event to one endpoint and, once that has committed,
 * attempts the delivery right away (outside the transaction) so the console
 * can show the outcome. A failed test is retried on the usual schedule.
 */
export async function sendTestEvent(args: {
  principal: Principal | null;
  partnerId: string;
  endpointId: string;
  now: Date;
}): Promise<{ deliveryId: string; eventId: string; result: DeliveredItem | null }> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const principal = args.principal!;
  const db = await getDb();
  const emitted = await db.transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, args.partnerId, args.endpointId);
    if (!endpoint) throw notFound("Webhook endpoint");
    if (endpoint.status !== "active") throw new AppError({ code: "conflict", message: "Enable the endpoint before sending a test event" });
    return emit(tx, {
      type: "partner.test",
      partnerId: args.partnerId,
      endpointId: endpoint.id,
      data: {
        message: "This is a test event from Provenant Partners.",
        endpointId: endpoint.id,
        sentBy: principal.kind === "user" ? principal.viewer.email : `API key ${principal.key.name}`,
      },
      now: args.now,
    });
  });
  const deliveryId = emitted.deliveryIds[0]!;
  const run = await deliverDue({ now: args.now, deliveryIds: [deliveryId], timeoutMs: IMMEDIATE_TIMEOUT_MS });
  return { deliveryId, eventId: emitted.eventId, result: run.items[0] ?? null };
}

import "server-only";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { findEndpoint, listAttempts, listDeliveries, listEndpoints, type AttemptRow, type DeliveryListQuery } from "./store";

// Reads for the console and the API, each authorized for the partner.

export async function getEndpoints(principal: Principal | null, partnerId: string) {
  assertPartner(principal, "webhooks:read", partnerId);
  return listEndpoints(partnerId);
}

export async function getEndpointOrThrow(principal: Principal | null, partnerId: string, endpointId: string) {
  assertPartner(principal, "webhooks:read", partnerId);
  const endpoint = await findEndpoint(partnerId, endpointId);
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export async function getDeliveries(
  principal: Principal | null,
  q: Omit<DeliveryListQuery, "partnerId"> & { partnerId: string },
  options: { withAttempts?: boolean } = {},
) {
  const endpoint = await getEndpointOrThrow(principal, q.partnerId, q.endpointId);
  const { rows, total } = await listDeliveries(q);
  const attempts = new Map<string, AttemptRow[]>();
  if (options.withAttempts) {
    for (const a of await listAttempts(rows.map((r) => r.id))) {
      const list = attempts.get(a.deliveryId) ?? [];
      list.push(a);
      attempts.set(a.deliveryId, list);
    }
  }
  return { endpoint, rows, total, attempts };
}

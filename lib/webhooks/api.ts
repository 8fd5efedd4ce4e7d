import "server-only";
import type { Principal } from "@/lib/auth/permissions";
import { AppError, parseOrThrow } from "@/lib/errors";
import { EVENT_REGISTRY, EVENT_TYPES } from "@/lib/events/registry";
import { z } from "zod";
import { createEndpoint } from "./create-endpoint";
import { removeEndpoint } from "./delete-endpoint";
import { getDeliveries, getEndpointOrThrow, getEndpoints } from "./queries";
import { resendDelivery } from "./resend-delivery";
import { rotateEndpointSecret } from "./rotate-secret";
import { deliveryListQuerySchema } from "./schemas";
import { sendTestEvent } from "./send-test-event";
import type { EndpointRow } from "./store";
import { setEndpointEnabled } from "./set-endpoint-status";
import { toDeliveryPublic, toEndpointPublic } from "./to-public";
import { editEndpoint } from "./update-endpoint";

// The partner-key side of the webhooks API: a key acts on its own partner's endpoints.

function ownPartnerId(principal: Principal | null): string {
  if (principal?.kind === "key" && principal.key.kind === "partner" && principal.key.partnerId) return principal.key.partnerId;
  throw new AppError({ code: "forbidden", message: "This endpoint needs a partner API key (ppk_...)" });
}

const statusBody = z.strictObject({ status: z.enum(["active", "disabled"], { message: 'Either "active" or "disabled"' }) });

export function listEventTypes() {
  return {
    data: EVENT_TYPES.map((type) => ({ type, description: EVENT_REGISTRY[type].description, example: EVENT_REGISTRY[type].example })),
  };
}

export async function apiListEndpoints(principal: Principal | null, now: Date) {
  const partnerId = ownPartnerId(principal);
  return { data: (await getEndpoints(principal, partnerId)).map((e) => toEndpointPublic(e, now)) };
}

/** The body's fields are validated by the operation (its schema knows the URL policy). */
export async function apiCreateEndpoint(principal: Principal | null, input: Record<string, unknown>, now: Date) {
  const partnerId = ownPartnerId(principal);
  const { endpoint, secret } = await createEndpoint({ principal, partnerId, input, now });
  return { data: toEndpointPublic(endpoint, now), secret };
}

export async function apiGetEndpoint(principal: Principal | null, id: string, now: Date) {
  return { data: toEndpointPublic(await getEndpointOrThrow(principal, ownPartnerId(principal), id), now) };
}

/** PATCH: url, description, eventTypes, and/or status ("active" | "disabled"). */
export async function apiUpdateEndpoint(principal: Principal | null, id: string, body: Record<string, unknown>, now: Date) {
  const partnerId = ownPartnerId(principal);
  const { status, ...fields } = body;
  let endpoint: EndpointRow | null = null;
  if (status !== undefined) {
    const enabled = parseOrThrow(statusBody, { status }).status === "active";
    endpoint = await setEndpointEnabled({ principal, partnerId, endpointId: id, enabled, now });
  }
  if (status === undefined || Object.keys(fields).length) endpoint = await editEndpoint({ principal, partnerId, endpointId: id, input: fields, now });
  return { data: toEndpointPublic(endpoint!, now) };
}

export async function apiDeleteEndpoint(principal: Principal | null, id: string, now: Date) {
  await removeEndpoint({ principal, partnerId: ownPartnerId(principal), endpointId: id, now });
  return new Response(null, { status: 204 });
}

export async function apiRotateSecret(principal: Principal | null, id: string, now: Date) {
  const { endpoint, secret } = await rotateEndpointSecret({ principal, partnerId: ownPartnerId(principal), endpointId: id, now });
  return { data: toEndpointPublic(endpoint, now), secret };
}

export async function apiSendTest(principal: Principal | null, id: string, now: Date) {
  const r = await sendTestEvent({ principal, partnerId: ownPartnerId(principal), endpointId: id, now });
  return { data: { deliveryId: r.deliveryId, eventId: r.eventId, result: r.result } };
}

export async function apiListDeliveries(principal: Principal | null, id: string, q: z.infer<typeof deliveryListQuerySchema>) {
  const { rows, total } = await getDeliveries(principal, { partnerId: ownPartnerId(principal), endpointId: id, ...q });
  return { data: rows.map(toDeliveryPublic), page: q.page, pageSize: q.pageSize, total };
}

export async function apiResend(principal: Principal | null, deliveryId: string, now: Date) {
  const r = await resendDelivery({ principal, partnerId: ownPartnerId(principal), deliveryId, now });
  return { data: r };
}

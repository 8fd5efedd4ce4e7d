import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { EVENT_TYPES } from "@/lib/events/registry";
import { DELIVERY_STATUSES, EVENT_TYPE_CHOICES, WebhookDeliverySchema, WebhookEndpointSchema, deliveryListQuerySchema } from "./schemas";

export const WEBHOOK_BODY_MAX_BYTES = 16 * 1024;

/**
 * The envelope the API accepts; the operations validate the fields themselves
 * (the URL policy depends on the deployment), refusing unknown ones.
 */
export const endpointBodySchema = z.record(z.string(), z.unknown(), { message: "Send a JSON object" });

// What the docs show for the bodies (the operations enforce the same fields).
const createDoc = z.object({
  url: z.string().describe("https URL on a public address"),
  description: z.string().max(200).optional(),
  eventTypes: z.array(z.enum(EVENT_TYPE_CHOICES)).min(1).describe('"*" for every type, including ones added later'),
});
const updateDoc = z.object({
  url: z.string().optional(),
  description: z.string().max(200).optional(),
  eventTypes: z.array(z.enum(EVENT_TYPE_CHOICES)).min(1).optional(),
  status: z.enum(["active", "disabled"]).optional(),
});

const withSecret = z.object({ data: WebhookEndpointSchema, secret: z.string().describe("whsec_...: shown in this response only") });

export const webhookRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/webhooks/event-types",
    tag: "Webhooks",
    summary: "Every event type, with a description and an example payload",
    auth: "public",
    response: z.object({ data: z.array(z.object({ type: z.enum(EVENT_TYPES), description: z.string(), example: z.unknown() })) }),
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/endpoints",
    tag: "Webhooks",
    summary: "Your endpoints (secrets are never returned)",
    auth: "partner_key",
    scopes: ["webhooks:read"],
    response: z.object({ data: z.array(WebhookEndpointSchema) }),
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/endpoints",
    tag: "Webhooks",
    summary: "Add an endpoint",
    description: "The response holds the signing secret, only this once. JSON bodies up to 16 KB.",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    body: createDoc,
    response: withSecret,
    status: 201,
    idempotent: true,
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/endpoints/{id}",
    tag: "Webhooks",
    summary: "One endpoint",
    auth: "partner_key",
    scopes: ["webhooks:read"],
    response: z.object({ data: WebhookEndpointSchema }),
  },
  {
    method: "PATCH",
    path: "/api/v1/webhooks/endpoints/{id}",
    tag: "Webhooks",
    summary: "Change an endpoint, or enable/disable it",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    body: updateDoc,
    response: z.object({ data: WebhookEndpointSchema }),
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/endpoints/{id}",
    tag: "Webhooks",
    summary: "Delete an endpoint and its delivery history",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    response: z.null(),
    status: 204,
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/endpoints/{id}/rotate-secret",
    tag: "Webhooks",
    summary: "A new signing secret; the old one keeps signing for 24 hours",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    response: withSecret,
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/endpoints/{id}/test",
    tag: "Webhooks",
    summary: "Send a partner.test event now",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    response: z.object({ data: z.object({ deliveryId: z.string(), eventId: z.string(), result: z.unknown() }) }),
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/endpoints/{id}/deliveries",
    tag: "Webhooks",
    summary: "Deliveries to an endpoint, newest first",
    description: `Status: ${DELIVERY_STATUSES.join(", ")} (failed = a retry is scheduled; dead = retries ran out).`,
    auth: "partner_key",
    scopes: ["webhooks:read"],
    query: deliveryListQuerySchema,
    response: z.object({ data: z.array(WebhookDeliverySchema), page: z.number(), pageSize: z.number(), total: z.number() }),
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/deliveries/{id}/resend",
    tag: "Webhooks",
    summary: "Send a delivery again now, with the same webhook-id",
    auth: "partner_key",
    scopes: ["webhooks:manage"],
    response: z.object({ data: z.unknown() }),
  },
];

import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { createEndpointSchema, deliveryListQuerySchema, updateEndpointSchema, WebhookDeliverySchema, WebhookEndpointSchema } from "./schemas";

// The webhook routes of /api/v1, for the OpenAPI document.

const policy = { allowPrivate: false } as Parameters<typeof createEndpointSchema>[0];
const endpoint = z.object({ data: WebhookEndpointSchema });
const withSecret = z.object({ data: WebhookEndpointSchema, secret: z.string().describe("The signing secret, shown only in this response") });

export const webhookRoutes: ApiRouteDoc[] = [
  {
    method: "GET",
    path: "/api/v1/webhooks/event-types",
    tag: "Webhooks",
    summary: "Every event type, with a description and an example payload",
    auth: "public",
    response: z.object({ data: z.array(z.object({ type: z.string(), description: z.string(), example: z.unknown() })) }),
  },
  { method: "GET", path: "/api/v1/webhooks/endpoints", tag: "Webhooks", summary: "Your webhook endpoints", auth: "key", scopes: ["webhooks:read"], response: z.object({ data: z.array(WebhookEndpointSchema) }) },
  { method: "POST", path: "/api/v1/webhooks/endpoints", tag: "Webhooks", summary: "Add an endpoint", auth: "key", scopes: ["webhooks:manage"], body: createEndpointSchema(policy), response: withSecret, status: 201 },
  { method: "GET", path: "/api/v1/webhooks/endpoints/{id}", tag: "Webhooks", summary: "One endpoint", auth: "key", scopes: ["webhooks:read"], response: endpoint },
  { method: "PATCH", path: "/api/v1/webhooks/endpoints/{id}", tag: "Webhooks", summary: "Change an endpoint", auth: "key", scopes: ["webhooks:manage"], body: updateEndpointSchema(policy), response: endpoint },
  { method: "DELETE", path: "/api/v1/webhooks/endpoints/{id}", tag: "Webhooks", summary: "Delete an endpoint and its deliveries", auth: "key", scopes: ["webhooks:manage"], response: z.object({ deleted: z.boolean() }).passthrough() },
  { method: "POST", path: "/api/v1/webhooks/endpoints/{id}/rotate-secret", tag: "Webhooks", summary: "A new signing secret (the old one signs for 24 more hours)", auth: "key", scopes: ["webhooks:manage"], response: withSecret },
  {
    method: "POST",
    path: "/api/v1/webhooks/endpoints/{id}/test",
    tag: "Webhooks",
    summary: "Send a partner.test event now",
    auth: "key",
    scopes: ["webhooks:manage"],
    response: z.object({ data: z.object({ deliveryId: z.string(), eventId: z.string(), result: z.unknown() }) }),
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/endpoints/{id}/deliveries",
    tag: "Webhooks",
    summary: "An endpoint's deliveries, newest first",
    auth: "key",
    scopes: ["webhooks:read"],
    query: deliveryListQuerySchema,
    response: z.object({ data: z.array(WebhookDeliverySchema), page: z.number(), pageSize: z.number(), total: z.number() }),
  },
  { method: "POST", path: "/api/v1/webhooks/deliveries/{id}/resend", tag: "Webhooks", summary: "Send a delivery again now", auth: "key", scopes: ["webhooks:manage"], response: z.object({ data: z.unknown() }) },
];

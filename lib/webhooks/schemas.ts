import { z } from "zod";
import { SUBSCRIBABLE_EVENT_TYPES } from "@/lib/events/registry";
import { checkEndpointUrl, MAX_URL_LENGTH, type UrlPolicy } from "./url-safety";

export const ALL_EVENTS = "*";
export const EVENT_TYPE_CHOICES = [ALL_EVENTS, ...SUBSCRIBABLE_EVENT_TYPES] as [string, ...string[]];
export const MAX_ENDPOINTS_PER_PARTNER = 10;
export const ENDPOINT_STATUSES = ["active", "disabled"] as const;
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed", "dead"] as const;

const url = (policy: UrlPolicy) =>
  z
    .string({ message: "Enter the URL that should receive webhooks" })
    .trim()
    .min(1, "Enter the URL that should receive webhooks")
    .max(MAX_URL_LENGTH, `At most ${MAX_URL_LENGTH} characters`)
    .transform((value, ctx) => {
      const check = checkEndpointUrl(value, policy);
      if (!check.ok) {
        ctx.addIssue({ code: "custom", message: check.message });
        return z.NEVER;
      }
      return check.url.href;
    });

const description = z.string({ message: "Must be text" }).trim().max(200, "At most 200 characters");

const eventTypes = z
  .array(z.enum(EVENT_TYPE_CHOICES, { message: "Unknown event type" }), { message: "Choose at least one event type" })
  .min(1, "Choose at least one event type")
  .max(EVENT_TYPE_CHOICES.length)
  // "All events" covers every type, including ones added later: store just that.
  .transform((types) => (types.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(types)].sort()));

/** Creating an endpoint (console form and POST /api/v1/webhooks/endpoints). Unknown fields are refused. */
export function createEndpointSchema(policy: UrlPolicy) {
  return z.strictObject({ url: url(policy), description: description.optional().default(""), eventTypes });
}
export type CreateEndpointInput = z.infer<ReturnType<typeof createEndpointSchema>>;

/** Editing an endpoint: any of the fields, at least one. */
export function updateEndpointSchema(policy: UrlPolicy) {
  return z
    .strictObject({ url: url(policy).optional(), description: description.optional(), eventTypes: eventTypes.optional() })
    .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one of url, description, eventTypes" });
}
export type UpdateEndpointInput = z.infer<ReturnType<typeof updateEndpointSchema>>;

export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(ENDPOINT_STATUSES),
  disabledReason: z.enum(["manual", "gone", "failing"]).nullable(),
  disabledAt: z.string().nullable(),
  secretHint: z.string(),
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastResponseStatus: z.number().nullable(),
  lastResponseSnippet: z.string().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().nullable(),
  createdAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const deliveryListQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES, { message: `One of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
  page: z.coerce.number({ message: "Must be a number" }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number({ message: "Must be a number" }).int().min(1).max(100).default(25),
});

import type { WebhookDelivery, WebhookEndpoint } from "./schemas";
import type { DeliveryRow, EndpointRow } from "./store";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The endpoint as the API returns it: never the secret, only its hint. */
export function toEndpointPublic(e: EndpointRow, now: Date): WebhookEndpoint {
  const previousValid = e.previousSecretExpiresAt && e.previousSecretExpiresAt > now;
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    status: e.status,
    disabledReason: e.disabledReason ?? null,
    disabledAt: iso(e.disabledAt),
    secretHint: e.secretHint,
    previousSecretExpiresAt: previousValid ? iso(e.previousSecretExpiresAt) : null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export function toDeliveryPublic(d: DeliveryRow): WebhookDelivery {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    // While a worker holds the row, next_attempt_at is its lease, not a retry time.
    nextAttemptAt: d.claimToken ? null : iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastResponseStatus: d.lastResponseStatus,
    lastResponseSnippet: d.lastResponseSnippet,
    lastError: d.lastError,
    lastDurationMs: d.lastDurationMs,
    createdAt: d.createdAt.toISOString(),
  };
}

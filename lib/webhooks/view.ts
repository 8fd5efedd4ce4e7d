import { EVENT_REGISTRY, isEventType } from "@/lib/events/registry";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { DeliveredItem } from "./deliver-due";
import { ALL_EVENTS, EVENT_TYPE_CHOICES } from "./schemas";
import type { AttemptRow, DeliveryRow, EndpointSummary } from "./store";

// What the console shows, formatted on the server (dates in UTC).

export const EVENT_LABELS: Record<string, string> = {
  [ALL_EVENTS]: "All event types",
  "partner.test": "Test event",
  "partner.deal_registered": "Deal registered",
  "partner.deal_expired": "Deal expired",
  "partner.attribution_matched": "Attribution matched",
  "partner.commission.created": "Commission created",
  "partner.payout.created": "Payout created",
  "partner.payout.paid": "Payout paid",
  "partner.payout.failed": "Payout failed",
  "partner.badge.awarded": "Badge awarded",
  "partner.badge.revoked": "Badge revoked",
  "partner.tier.changed": "Tier changed",
  "partner.agreement_signed": "Agreement signed",
};

export const DISABLED_LABELS = {
  manual: "Disabled by your team",
  gone: "Disabled: the receiver answered 410 Gone",
  failing: "Disabled automatically: every retry failed for about three days",
} as const;

export interface EventTypeOption {
  value: string;
  label: string;
  description: string;
}

export function eventTypeOptions(): EventTypeOption[] {
  return EVENT_TYPE_CHOICES.map((value) => ({
    value,
    label: EVENT_LABELS[value] ?? value,
    description: value === ALL_EVENTS ? "Every event, including types added later" : isEventType(value) ? EVENT_REGISTRY[value].description : "",
  }));
}

export function eventTypesText(types: string[]): string {
  if (types.includes(ALL_EVENTS)) return "All event types";
  return types.map((t) => EVENT_LABELS[t] ?? t).join(", ");
}

export function toEndpointListItems(rows: EndpointSummary[], now: Date) {
  return rows.map((e) => ({
    id: e.id,
    url: e.url,
    description: e.description,
    events: eventTypesText(e.eventTypes),
    status: e.status,
    disabled: e.disabledReason ? DISABLED_LABELS[e.disabledReason] : null,
    succeeded: e.succeeded,
    failing: e.failing,
    pending: e.pending,
    failingSince: e.failingSince ? formatRelative(e.failingSince, now) : null,
    lastAttempt: e.lastAttemptAt ? formatRelative(e.lastAttemptAt, now) : "never",
  }));
}
export type EndpointListItem = ReturnType<typeof toEndpointListItems>[number];

export function toDeliveryItems(rows: DeliveryRow[], attempts: Map<string, AttemptRow[]>, now: Date) {
  return rows.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    eventLabel: EVENT_LABELS[d.eventType] ?? d.eventType,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.lastResponseStatus,
    snippet: d.lastResponseSnippet,
    error: d.lastError,
    durationMs: d.lastDurationMs,
    created: formatDateTime(d.createdAt),
    lastAttempt: d.lastAttemptAt ? formatRelative(d.lastAttemptAt, now) : null,
    nextRetry:
      (d.status === "pending" || d.status === "failed") && d.nextAttemptAt && !d.claimToken
        ? d.nextAttemptAt <= now
          ? "due now"
          : formatRelative(d.nextAttemptAt, now)
        : null,
    history: (attempts.get(d.id) ?? []).map((a) => ({
      number: a.number,
      at: formatDateTime(a.at),
      trigger: a.trigger,
      outcome: a.outcome,
      responseStatus: a.responseStatus,
      snippet: a.responseSnippet,
      error: a.error,
      durationMs: a.durationMs,
    })),
  }));
}
export type DeliveryItem = ReturnType<typeof toDeliveryItems>[number];

export interface AttemptSummary {
  status: "succeeded" | "failed" | "dead" | "not_sent";
  message: string;
}

/** The outcome of an immediate attempt (test event, resend), in words. */
export function attemptSummary(result: DeliveredItem | null): AttemptSummary {
  if (!result) return { status: "not_sent", message: "Queued: the delivery will be attempted shortly." };
  const how = result.responseStatus ? `HTTP ${result.responseStatus}` : (result.error ?? "no response");
  if (result.status === "succeeded") return { status: "succeeded", message: `Delivered: ${how} in ${result.durationMs} ms.` };
  return {
    status: result.status,
    message: result.status === "failed" ? `Not delivered (${how}). It will be retried on the schedule.` : `Not delivered (${how}).`,
  };
}

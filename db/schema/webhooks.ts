import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "@/lib/ids";
import { partners, users } from "./core";

// Events and outgoing webhooks. `events` is the outbox: every capability writes
// its events there with emit() in the transaction that makes the change; one
// delivery per subscribed endpoint is queued in the same transaction, and the
// worker posts them (signed, retried) outside any request.

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => tz("created_at").notNull().defaultNow();

export type WebhookEndpointStatus = "active" | "disabled";
/** manual: a person disabled it; gone: the receiver answered 410; failing: every retry failed. */
export type WebhookDisabledReason = "manual" | "gone" | "failing";
/** pending: not tried yet; failed: tried, a retry is scheduled; succeeded; dead: no more retries. */
export type WebhookDeliveryStatus = "pending" | "succeeded" | "failed" | "dead";

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("event")),
    type: text("type").notNull(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("events_partner_created_idx").on(t.partnerId, t.createdAt), index("events_type_idx").on(t.type)],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("webhookEndpoint")),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Event types this endpoint receives; "*" means every type, including ones added later. */
    eventTypes: text("event_types").array().notNull(),
    status: text("status").$type<WebhookEndpointStatus>().notNull().default("active"),
    disabledReason: text("disabled_reason").$type<WebhookDisabledReason>(),
    disabledAt: tz("disabled_at"),
    /** The signing secret ("whsec_..."), encrypted (lib/crypto/secrets.ts). */
    secretEncrypted: text("secret_encrypted").notNull(),
    /** The last characters of the secret, so people can tell secrets apart. */
    secretHint: text("secret_hint").notNull(),
    /** After a rotation the old secret also signs, until it expires. */
    previousSecretEncrypted: text("previous_secret_encrypted"),
    previousSecretExpiresAt: tz("previous_secret_expires_at"),
    secretRotatedAt: tz("secret_rotated_at"),
    /** Failed attempts since the last success. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** When the current run of failures began (null while healthy). */
    failingSince: tz("failing_since"),
    /** When the owners were told that the endpoint is failing (once per run of failures). */
    failureNotifiedAt: tz("failure_notified_at"),
    lastSuccessAt: tz("last_success_at"),
    lastFailureAt: tz("last_failure_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("webhook_endpoints_partner_idx").on(t.partnerId, t.status),
    check("webhook_endpoints_status_check", sql`${t.status} in ('active', 'disabled')`),
    check(
      "webhook_endpoints_disabled_check",
      sql`(${t.status} = 'disabled') = (${t.disabledReason} is not null and ${t.disabledAt} is not null)`,
    ),
    check("webhook_endpoints_reason_check", sql`${t.disabledReason} is null or ${t.disabledReason} in ('manual', 'gone', 'failing')`),
    check("webhook_endpoints_event_types_check", sql`cardinality(${t.eventTypes}) > 0`),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** Sent as the webhook-id header: the same on every retry, so receivers can deduplicate. */
    id: text("id").primaryKey().$defaultFn(() => newId("webhookDelivery")),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    /** Every attempt made, manual resends included. */
    attempts: integer("attempts").notNull().default(0),
    /** Attempts in the current retry round (a resend starts a new round); drives the backoff. */
    roundAttempts: integer("round_attempts").notNull().default(0),
    /** When the worker may next try; while claimed, the end of the claim's lease. Null when finished. */
    nextAttemptAt: tz("next_attempt_at"),
    /** Set while a worker holds the row, so a late worker cannot record over a newer claim. */
    claimToken: text("claim_token"),
    lastAttemptAt: tz("last_attempt_at"),
    lastResponseStatus: integer("last_response_status"),
    lastResponseSnippet: text("last_response_snippet"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    succeededAt: tz("succeeded_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_event_idx").on(t.eventId),
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed')`),
    check("webhook_deliveries_status_check", sql`${t.status} in ('pending', 'succeeded', 'failed', 'dead')`),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey().$defaultFn(() => newId("webhookAttempt")),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    /** 1 for the first attempt of the delivery, counting resends. */
    number: integer("number").notNull(),
    trigger: text("trigger").$type<"schedule" | "manual">().notNull().default("schedule"),
    at: tz("at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    responseStatus: integer("response_status"),
    responseSnippet: text("response_snippet"),
    error: text("error"),
    outcome: text("outcome").$type<"succeeded" | "failed">().notNull(),
    /** When the next attempt was scheduled after this one (null: none). */
    nextAttemptAt: tz("next_attempt_at"),
  },
  (t) => [
    index("webhook_attempts_delivery_idx").on(t.deliveryId, t.number),
    check("webhook_attempts_outcome_check", sql`${t.outcome} in ('succeeded', 'failed')`),
    check("webhook_attempts_trigger_check", sql`${t.trigger} in ('schedule', 'manual')`),
  ],
);

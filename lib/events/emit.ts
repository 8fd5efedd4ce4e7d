import "server-only";
import type { Queryable } from "@/db/client";
import { insertDeliveries, insertDeliveriesOf, insertEvent, insertEvents, subscribedEndpointIds, subscribedEndpointIdsOf } from "@/lib/webhooks/store";
import { EVENT_REGISTRY, type EventData, type EventType } from "./registry";

export interface EmitInput<T extends EventType> {
  type: T;
  partnerId: string;
  data: EventData<T>;
  now: Date;
  /** Deliver to this endpoint only, whatever it subscribes to (test events). */
  endpointId?: string;
}

export interface Emitted {
  eventId: string;
  deliveryIds: string[];
}

/**
 * The one way to emit an event. Call it with the transaction that makes the
 * change: the event row (the outbox) and one delivery per active endpoint of the
 * partner subscribed to the type are written in that transaction, so they commit
 * or roll back with the change. Nothing is sent here; the webhook worker posts
 * the deliveries later, never inside the request that caused the event.
 */
export async function emit<T extends EventType>(tx: Queryable, input: EmitInput<T>): Promise<Emitted> {
  const payload = validPayload(input.type, input.data);
  const event = await insertEvent(tx, { type: input.type, partnerId: input.partnerId, payload, createdAt: input.now });
  const endpointIds = await subscribedEndpointIds(tx, input.partnerId, input.type, input.endpointId);
  const deliveryIds = await insertDeliveries(tx, event, endpointIds, input.now);
  return { eventId: event.id, deliveryIds };
}

/**
 * Many events of one type at one instant (a batch job's, for many partners),
 * with the same rows as one emit() each: the events, then one delivery per
 * subscribed endpoint, in multi-row inserts and one endpoint lookup.
 */
export async function emitMany<T extends EventType>(tx: Queryable, type: T, now: Date, inputs: readonly { partnerId: string; data: EventData<T> }[]): Promise<void> {
  if (!inputs.length) return;
  const rows = await insertEvents(
    tx,
    inputs.map((input) => ({ type, partnerId: input.partnerId, payload: validPayload(type, input.data), createdAt: now })),
  );
  const endpoints = await subscribedEndpointIdsOf(tx, [...new Set(inputs.map((i) => i.partnerId))], type);
  const pairs = rows.flatMap((event) => (endpoints.get(event.partnerId) ?? []).map((endpointId) => ({ event, endpointId })));
  await insertDeliveriesOf(tx, pairs, now);
}

function validPayload<T extends EventType>(type: T, data: EventData<T>): unknown {
  const definition = EVENT_REGISTRY[type];
  if (!definition) throw new Error(`Unknown event type "${type}": add it to lib/events/registry.ts`);
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) {
    // A payload that breaks its schema is our bug, never the user's: fail loudly.
    throw new Error(`Invalid ${type} payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "_"}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

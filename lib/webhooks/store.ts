import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows, slices, textArray, type Queryable } from "@/db/client";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDeliveryStatus } from "@/db/schema";
import { newId } from "@/lib/ids";

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
export type EventRow = typeof events.$inferSelect;

// --- endpoints ----------------------------------------------------------------

export async function insertEndpoint(tx: Queryable, values: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
  const [row] = await tx.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function countEndpoints(tx: Queryable, partnerId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.partnerId, partnerId));
  return row?.n ?? 0;
}

/** The endpoint if it belongs to the partner, locked for the rest of the transaction. */
export async function lockEndpoint(tx: Queryable, partnerId: string, id: string): Promise<EndpointRow | null> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.partnerId, partnerId)))
    .for("update");
  return row ?? null;
}

export async function findEndpoint(partnerId: string, id: string): Promise<EndpointRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.partnerId, partnerId)));
  return row ?? null;
}

export async function updateEndpoint(tx: Queryable, id: string, patch: Partial<typeof webhookEndpoints.$inferInsert>): Promise<EndpointRow> {
  const [row] = await tx.update(webhookEndpoints).set(patch).where(eq(webhookEndpoints.id, id)).returning();
  return row!;
}

export async function deleteEndpoint(tx: Queryable, id: string): Promise<void> {
  await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

export interface EndpointSummary extends EndpointRow {
  succeeded: number;
  failing: number;
  pending: number;
  lastAttemptAt: Date | null;
}

export async function listEndpoints(partnerId: string): Promise<EndpointSummary[]> {
  const db = await getDb();
  const stats = db
    .select({
      endpointId: webhookDeliveries.endpointId,
      succeeded: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'succeeded')`.mapWith(Number).as("succeeded"),
      failing: sql<number>`count(*) filter (where ${webhookDeliveries.status} in ('failed', 'dead'))`.mapWith(Number).as("failing"),
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')`.mapWith(Number).as("pending"),
      lastAttemptAt: sql<Date | null>`max(${webhookDeliveries.lastAttemptAt})`.as("last_attempt_at"),
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.partnerId, partnerId))
    .groupBy(webhookDeliveries.endpointId)
    .as("stats");
  const rows = await db
    .select({ endpoint: webhookEndpoints, succeeded: stats.succeeded, failing: stats.failing, pending: stats.pending, lastAttemptAt: stats.lastAttemptAt })
    .from(webhookEndpoints)
    .leftJoin(stats, eq(stats.endpointId, webhookEndpoints.id))
    .where(eq(webhookEndpoints.partnerId, partnerId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map((r) => ({
    ...r.endpoint,
    succeeded: Number(r.succeeded ?? 0),
    failing: Number(r.failing ?? 0),
    pending: Number(r.pending ?? 0),
    lastAttemptAt: r.lastAttemptAt ? new Date(r.lastAttemptAt) : null,
  }));
}

/** Marks the endpoint's queued deliveries dead (the endpoint was disabled). Rows a worker holds are left to it. */
export async function abandonOutstanding(tx: Queryable, endpointId: string, reason: string): Promise<number> {
  const rows = await tx
    .update(webhookDeliveries)
    .set({ status: "dead", nextAttemptAt: null, lastError: reason })
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpointId),
        inArray(webhookDeliveries.status, ["pending", "failed"]),
        isNull(webhookDeliveries.claimToken),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}

// --- events and deliveries -----------------------------------------------------

export async function insertEvent(tx: Queryable, values: { type: string; partnerId: string; payload: unknown; createdAt: Date }): Promise<EventRow> {
  const [row] = await tx.insert(events).values(values).returning();
  return row!;
}

/** Events in multi-row inserts, each with its id set here; returns the rows as written. */
export async function insertEvents(tx: Queryable, values: readonly { type: string; partnerId: string; payload: unknown; createdAt: Date }[]): Promise<EventRow[]> {
  const rows: EventRow[] = values.map((v) => ({ id: newId("event"), ...v }));
  for (const slice of slices(rows, 2_000)) await tx.insert(events).values(slice);
  return rows;
}

/** Active endpoints of these partners that receive this event type, by partner (one query). */
export async function subscribedEndpointIdsOf(tx: Queryable, partnerIds: readonly string[], type: string): Promise<Map<string, string[]>> {
  const byPartner = new Map<string, string[]>();
  if (!partnerIds.length) return byPartner;
  const rows = await tx
    .select({ id: webhookEndpoints.id, partnerId: webhookEndpoints.partnerId })
    .from(webhookEndpoints)
    .where(
      and(
        sql`${webhookEndpoints.partnerId} = any(${textArray(partnerIds)})`,
        eq(webhookEndpoints.status, "active"),
        sql`(${type} = any(${webhookEndpoints.eventTypes}) or '*' = any(${webhookEndpoints.eventTypes}))`,
      ),
    )
    .orderBy(asc(webhookEndpoints.id));
  for (const r of rows) {
    const ids = byPartner.get(r.partnerId);
    if (ids) ids.push(r.id);
    else byPartner.set(r.partnerId, [r.id]);
  }
  return byPartner;
}

/** Active endpoints of the partner that receive this event type (or the one endpoint asked for). */
export async function subscribedEndpointIds(tx: Queryable, partnerId: string, type: string, onlyEndpointId?: string): Promise<string[]> {
  const where: SQL[] = [eq(webhookEndpoints.partnerId, partnerId), eq(webhookEndpoints.status, "active")];
  if (onlyEndpointId) where.push(eq(webhookEndpoints.id, onlyEndpointId));
  else where.push(sql`(${type} = any(${webhookEndpoints.eventTypes}) or '*' = any(${webhookEndpoints.eventTypes}))`);
  const rows = await tx.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(and(...where));
  return rows.map((r) => r.id);
}

export async function insertDeliveries(
  tx: Queryable,
  event: EventRow,
  endpointIds: string[],
  now: Date,
): Promise<string[]> {
  return insertDeliveriesOf(
    tx,
    endpointIds.map((endpointId) => ({ event, endpointId })),
    now,
  );
}

/** One pending delivery per (event, endpoint) pair, in multi-row inserts. */
export async function insertDeliveriesOf(tx: Queryable, pairs: readonly { event: EventRow; endpointId: string }[], now: Date): Promise<string[]> {
  if (pairs.length === 0) return [];
  const rows = pairs.map(({ event, endpointId }) => ({
    id: newId("webhookDelivery"),
    eventId: event.id,
    endpointId,
    partnerId: event.partnerId,
    eventType: event.type,
    status: "pending" as const,
    nextAttemptAt: now,
    createdAt: now,
  }));
  for (const slice of slices(rows, 2_000)) await tx.insert(webhookDeliveries).values(slice);
  return rows.map((r) => r.id);
}

export interface DeliveryListQuery {
  partnerId: string;
  endpointId: string;
  status?: WebhookDeliveryStatus;
  page: number;
  pageSize: number;
}

export async function listDeliveries(q: DeliveryListQuery): Promise<{ rows: DeliveryRow[]; total: number }> {
  const db = await getDb();
  const where = and(
    eq(webhookDeliveries.partnerId, q.partnerId),
    eq(webhookDeliveries.endpointId, q.endpointId),
    q.status ? eq(webhookDeliveries.status, q.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listAttempts(deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  const db = await getDb();
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.deliveryId), desc(webhookAttempts.number));
}

export async function lockDelivery(tx: Queryable, partnerId: string, id: string): Promise<DeliveryRow | null> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.partnerId, partnerId)))
    .for("update");
  return row ?? null;
}

export async function findDelivery(partnerId: string, id: string): Promise<DeliveryRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.partnerId, partnerId)));
  return row ?? null;
}

/** Queues a delivery again now, as a new retry round (resend). */
export async function requeueDelivery(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({ status: "pending", roundAttempts: 0, nextAttemptAt: now, claimToken: null })
    .where(eq(webhookDeliveries.id, id));
}

export async function findEvent(id: string): Promise<EventRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row ?? null;
}

// --- the worker -----------------------------------------------------------------

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  roundAttempts: number;
  endpointId: string;
  partnerId: string;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  eventId: string;
  eventType: string;
  eventCreatedAt: Date;
  payload: unknown;
}

/**
 * Claims due deliveries of active endpoints: one statement (its own short
 * transaction) that locks due rows with FOR UPDATE SKIP LOCKED, so concurrent
 * workers never take the same row, and moves each row's next_attempt_at to the
 * end of a lease. A worker that dies mid-post leaves the row to be claimed again
 * when the lease ends (at-least-once delivery; the same webhook-id every time).
 */
export async function claimDue(
  db: Queryable,
  args: { now: Date; leaseUntil: Date; limit: number; token: string; onlyIds?: string[] },
): Promise<ClaimedDelivery[]> {
  const only = args.onlyIds?.length ? sql`and d.id in (${sql.join(args.onlyIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const claimed = await queryRows<{ id: string }>(
    db,
    sql`with due as (
          select d.id from webhook_deliveries d
          where d.status in ('pending', 'failed')
            and d.next_attempt_at <= ${args.now.toISOString()}::timestamptz
            and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.status = 'active')
            ${only}
          order by d.next_attempt_at
          limit ${args.limit}
          for update of d skip locked
        )
        update webhook_deliveries d
           set next_attempt_at = ${args.leaseUntil.toISOString()}::timestamptz, claim_token = ${args.token}
          from due where d.id = due.id
        returning d.id`,
  );
  if (claimed.length === 0) return [];
  const ids = claimed.map((r) => r.id);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      roundAttempts: webhookDeliveries.roundAttempts,
      endpointId: webhookDeliveries.endpointId,
      partnerId: webhookDeliveries.partnerId,
      url: webhookEndpoints.url,
      secretEncrypted: webhookEndpoints.secretEncrypted,
      previousSecretEncrypted: webhookEndpoints.previousSecretEncrypted,
      previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
      eventId: events.id,
      eventType: events.type,
      eventCreatedAt: events.createdAt,
      payload: events.payload,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(and(inArray(webhookDeliveries.id, ids), eq(webhookDeliveries.claimToken, args.token)));
  return rows;
}

/** Endpoint health fields for the endpoints in a batch, locked (in id order, so concurrent workers never deadlock). */
export async function lockEndpointsForHealth(tx: Queryable, ids: string[]): Promise<EndpointRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.id, ids))
    .orderBy(asc(webhookEndpoints.id))
    .for("update");
}

export interface RecordedAttempt {
  deliveryId: string;
  status: "succeeded" | "failed" | "dead";
  nextAttemptAt: Date | null;
  trigger: "schedule" | "manual";
  at: Date;
  durationMs: number;
  responseStatus: number | null;
  responseSnippet: string | null;
  error: string | null;
}

/**
 * Writes a batch of attempt results in two statements: the deliveries (only rows
 * still held with this claim token) and the attempt history of those rows.
 * Returns the delivery ids that were recorded.
 */
export async function recordAttempts(tx: Queryable, token: string, results: RecordedAttempt[]): Promise<Set<string>> {
  if (results.length === 0) return new Set();
  const payload = JSON.stringify(
    results.map((r) => ({
      id: r.deliveryId,
      status: r.status,
      next_attempt_at: r.nextAttemptAt?.toISOString() ?? null,
      at: r.at.toISOString(),
      duration_ms: r.durationMs,
      response_status: r.responseStatus,
      snippet: r.responseSnippet,
      error: r.error,
    })),
  );
  const updated = await queryRows<{ id: string; attempts: number }>(
    tx,
    sql`update webhook_deliveries d
           set status = r.status,
               attempts = d.attempts + 1,
               round_attempts = d.round_attempts + 1,
               next_attempt_at = r.next_attempt_at,
               claim_token = null,
               last_attempt_at = r.at,
               last_response_status = r.response_status,
               last_response_snippet = r.snippet,
               last_error = r.error,
               last_duration_ms = r.duration_ms,
               succeeded_at = case when r.status = 'succeeded' then r.at else d.succeeded_at end
          from jsonb_to_recordset(${payload}::jsonb) as r(
                 id text, status text, next_attempt_at timestamptz, at timestamptz, duration_ms integer,
                 response_status integer, snippet text, error text)
         where d.id = r.id and d.claim_token = ${token}
        returning d.id, d.attempts`,
  );
  const numbers = new Map(updated.map((u) => [u.id, Number(u.attempts)]));
  const attempts = results
    .filter((r) => numbers.has(r.deliveryId))
    .map((r) => ({
      id: newId("webhookAttempt"),
      deliveryId: r.deliveryId,
      number: numbers.get(r.deliveryId)!,
      trigger: r.trigger,
      at: r.at,
      durationMs: r.durationMs,
      responseStatus: r.responseStatus,
      responseSnippet: r.responseSnippet,
      error: r.error,
      outcome: r.status === "succeeded" ? ("succeeded" as const) : ("failed" as const),
      nextAttemptAt: r.nextAttemptAt,
    }));
  if (attempts.length) await tx.insert(webhookAttempts).values(attempts);
  return new Set(numbers.keys());
}

/** Deliveries waiting to be attempted (for the queue-depth metric). */
export async function countPendingDeliveries(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .where(sql`${webhookDeliveries.status} in ('pending', 'failed')`);
  return row?.n ?? 0;
}

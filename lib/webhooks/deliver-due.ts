import "server-only";
import { metrics } from "@/lib/metrics/registry";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { decryptSecret } from "@/lib/crypto/secrets";
import { envelopeOf } from "@/lib/events/registry";
import { log } from "@/lib/log";
import { DISABLED_REASON_TEXT, notifyOwners, type EndpointNotice } from "./notify";
import { urlPolicy } from "./policy";
import { postWebhook, type PostResult } from "./post";
import { classifyResponse, decideDelivery, decideHealth, signingSecrets, type EndpointHealth } from "./rules";
import { signatureHeaders } from "./signing";
import {
  abandonOutstanding,
  claimDue,
  lockEndpointsForHealth,
  recordAttempts,
  updateEndpoint,
  type ClaimedDelivery,
  type RecordedAttempt,
} from "./store";
import type { UrlPolicy } from "./url-safety";

// The webhook worker. Each call claims a batch of due deliveries (FOR UPDATE
// SKIP LOCKED, so any number of instances share the work), posts them outside
// any transaction with a hard timeout and bounded concurrency, then records all
// results in one short transaction. Driven by /api/cron/webhooks, by the
// in-process loop in development (lib/webhooks/inline-worker.ts), and right away
// for a test event or a resend.

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_BATCH = 100;
export const DEFAULT_CONCURRENCY = 32;
/** A claim lasts the timeout plus this margin; after that, another worker may take the row. */
const LEASE_MARGIN_MS = 60_000;

export const WORKER_ACTOR = systemActor("webhook-worker", "Webhook delivery");

export interface DeliverOptions {
  now: Date;
  limit?: number;
  timeoutMs?: number;
  concurrency?: number;
  /** Jitter source for the retry schedule (tests pass a fixed one). */
  random?: () => number;
  policy?: UrlPolicy;
  /** Only these deliveries (a test event or a resend), if due. */
  deliveryIds?: string[];
  trigger?: "schedule" | "manual";
}

export interface DeliveredItem {
  deliveryId: string;
  endpointId: string;
  status: "succeeded" | "failed" | "dead";
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliverResult {
  claimed: number;
  succeeded: number;
  failed: number;
  dead: number;
  disabledEndpoints: string[];
  items: DeliveredItem[];
}

async function pool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, run));
  return out;
}

function send(d: ClaimedDelivery, now: Date, timeoutMs: number, policy: UrlPolicy, secrets: Map<string, string[]>): Promise<PostResult> {
  let keys = secrets.get(d.endpointId);
  if (!keys) {
    try {
      keys = signingSecrets(
        decryptSecret(d.secretEncrypted),
        d.previousSecretEncrypted ? decryptSecret(d.previousSecretEncrypted) : null,
        d.previousSecretExpiresAt,
        now,
      );
    } catch (error) {
      log.error("webhook secret cannot be decrypted", { endpointId: d.endpointId, error: (error as Error).message });
      return Promise.resolve({ status: null, snippet: null, error: "Signing secret unavailable (encryption key missing)", durationMs: 0 });
    }
    secrets.set(d.endpointId, keys);
  }
  const body = JSON.stringify(envelopeOf({ id: d.eventId, type: d.eventType, createdAt: d.eventCreatedAt, payload: d.payload }));
  const headers = signatureHeaders({ id: d.id, timestamp: now, body, secrets: keys });
  return postWebhook({ url: d.url, headers: { ...headers }, body, timeoutMs, policy });
}

const healthOf = (e: EndpointHealth): EndpointHealth => ({
  status: e.status,
  consecutiveFailures: e.consecutiveFailures,
  failingSince: e.failingSince,
  failureNotifiedAt: e.failureNotifiedAt,
  lastSuccessAt: e.lastSuccessAt,
  lastFailureAt: e.lastFailureAt,
});

export async function deliverDue(options: DeliverOptions): Promise<DeliverResult> {
  const now = options.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  const policy = options.policy ?? urlPolicy();
  const trigger = options.trigger ?? "schedule";
  const token = randomUUID();
  const db = await getDb();

  const claimed = await claimDue(db, {
    now,
    leaseUntil: new Date(now.getTime() + timeoutMs + LEASE_MARGIN_MS),
    limit: options.limit ?? DEFAULT_BATCH,
    token,
    onlyIds: options.deliveryIds,
  });
  const result: DeliverResult = { claimed: claimed.length, succeeded: 0, failed: 0, dead: 0, disabledEndpoints: [], items: [] };
  if (claimed.length === 0) return result;

  const secrets = new Map<string, string[]>();
  const responses = await pool(claimed, options.concurrency ?? DEFAULT_CONCURRENCY, (d) => send(d, now, timeoutMs, policy, secrets));

  const notices: EndpointNotice[] = [];
  await db.transaction(async (tx) => {
    const endpoints = new Map((await lockEndpointsForHealth(tx, [...new Set(claimed.map((d) => d.endpointId))])).map((e) => [e.id, e]));
    const health = new Map([...endpoints].map(([id, e]) => [id, healthOf(e)]));
    const disableReasons = new Map<string, "gone" | "failing">();
    const records: RecordedAttempt[] = [];

    claimed.forEach((d, i) => {
      const response = responses[i]!;
      const current = health.get(d.endpointId);
      if (!current) return; // endpoint deleted meanwhile: its deliveries are gone too
      const outcome = classifyResponse(response.status);
      const delivery = decideDelivery({
        outcome,
        roundAttempts: d.roundAttempts,
        endpointActive: current.status === "active",
        now,
        random,
      });
      const decision = decideHealth(current, outcome, delivery, now);
      metrics().webhookDeliveries.inc({ outcome: delivery.status });
      health.set(d.endpointId, decision.health);
      if (decision.disable) {
        disableReasons.set(d.endpointId, decision.disable);
        health.set(d.endpointId, { ...decision.health, status: "disabled" });
      }
      const endpoint = endpoints.get(d.endpointId)!;
      if (decision.notifyFailing) {
        notices.push({
          kind: "failing",
          partnerId: d.partnerId,
          endpointId: d.endpointId,
          url: endpoint.url,
          failingSince: decision.health.failingSince ?? now,
          lastError: response.error ?? `HTTP ${response.status}`,
        });
      }
      records.push({
        deliveryId: d.id,
        status: delivery.status,
        nextAttemptAt: delivery.nextAttemptAt,
        trigger,
        at: now,
        durationMs: response.durationMs,
        responseStatus: response.status,
        responseSnippet: response.snippet,
        error: response.error ?? (outcome === "success" ? null : `HTTP ${response.status}`),
      });
    });

    const recorded = await recordAttempts(tx, token, records);
    for (const r of records) {
      if (!recorded.has(r.deliveryId)) continue;
      result[r.status] += 1;
      const d = claimed.find((c) => c.id === r.deliveryId)!;
      result.items.push({
        deliveryId: r.deliveryId,
        endpointId: d.endpointId,
        status: r.status,
        responseStatus: r.responseStatus,
        error: r.error,
        durationMs: r.durationMs,
      });
    }

    for (const [id, endpoint] of endpoints) {
      const h = health.get(id)!;
      const reason = disableReasons.get(id);
      await updateEndpoint(tx, id, {
        consecutiveFailures: h.consecutiveFailures,
        failingSince: h.failingSince,
        failureNotifiedAt: h.failureNotifiedAt,
        lastSuccessAt: h.lastSuccessAt,
        lastFailureAt: h.lastFailureAt,
        ...(reason ? { status: "disabled" as const, disabledReason: reason, disabledAt: now, updatedAt: now } : {}),
      });
      if (!reason) continue;
      const abandoned = await abandonOutstanding(tx, id, "Endpoint disabled");
      await audit(tx, {
        actor: WORKER_ACTOR,
        action: "webhook_endpoint.disabled",
        object: { type: "webhook_endpoint", id },
        partnerId: endpoint.partnerId,
        before: { status: "active" },
        after: { status: "disabled", disabledReason: reason },
        meta: { why: DISABLED_REASON_TEXT[reason], abandonedDeliveries: abandoned },
        at: now,
      });
      result.disabledEndpoints.push(id);
      notices.push({ kind: "disabled", partnerId: endpoint.partnerId, endpointId: id, url: endpoint.url, reason });
    }
  });

  for (const notice of notices) await notifyOwners(notice, now);
  return result;
}

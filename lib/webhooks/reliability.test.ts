import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, webhookAttempts } from "@/db/schema";
import { emit } from "@/lib/events/emit";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { addEndpoint, deliveriesOf, endpointRow, nextDue } from "@/lib/testing/webhooks";
import { deliverDue } from "./deliver-due";
import { MAX_ATTEMPTS, retryDelayMs } from "./schedule";

// Delivery against a real local receiver that verifies every request with its
// own Standard Webhooks implementation. The clock is moved, never slept on:
// each round runs the worker at the moment the next delivery is due.

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

const random = () => 0.37; // fixed jitter, so the expected schedule is exact

async function emitSome(partnerId: string, now: Date) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids: string[] = [];
    ids.push(...(await emit(tx, { type: "partner.tier.changed", partnerId, data: { from: "verified", to: "advanced", effectiveAt: now.toISOString(), reason: "Review" }, now })).deliveryIds);
    ids.push(
      ...(await emit(tx, {
        type: "partner.payout.paid",
        partnerId,
        data: { payoutId: "po_abc123", amount: { amount: 148_250, currency: "USD" }, paidAt: now.toISOString(), method: "manual", reference: null },
        now,
      })).deliveryIds,
    );
    ids.push(
      ...(await emit(tx, {
        type: "partner.badge.awarded",
        partnerId,
        data: { badgeId: "bdg_abc123", kind: "certified", label: "Certified", awardedAt: now.toISOString(), expiresAt: null },
        now,
      })).deliveryIds,
    );
    return ids;
  });
}

/** Runs the worker at each due time until nothing is due (bounded). Returns the clock at the end. */
async function drain(endpointIds: string[], start: Date, onRound?: (round: number, now: Date) => Promise<void>) {
  let now = start;
  for (let round = 1; round <= 200; round++) {
    await onRound?.(round, now);
    await deliverDue({ now, random, timeoutMs: 2_000 });
    const next = await nextDue(endpointIds);
    if (!next) return now;
    now = next;
  }
  throw new Error("did not drain in 200 rounds");
}

describe("reliability against a real receiver", () => {
  it("receiver down for the first attempts, then up: every event arrives, signed, on the schedule", async () => {
    const { partner, asOwner } = await makeTeam();
    let secret = "";
    let clock = T0;
    const r = await startWebhookReceiver({ secrets: () => [secret], clock: () => clock });
    receivers.push(r);
    const { endpoint, secret: s } = await addEndpoint(asOwner, partner.id, r.url);
    secret = s;
    const ids = await emitSome(partner.id, T0);
    expect(ids).toHaveLength(3);

    await r.down(); // connections refused
    const DOWN_ROUNDS = 4;
    await drain([endpoint.id], T0, async (round, now) => {
      clock = now;
      if (round === DOWN_ROUNDS + 1) await r.up();
    });

    // Every event arrived, each id at least once, every signature valid and fresh.
    expect(new Set(r.received.map((x) => x.id))).toEqual(new Set(ids));
    expect(r.received.every((x) => x.verifiedWith === 0 && x.fresh)).toBe(true);
    const types = r.received.map((x) => (x.json as { type: string }).type).sort();
    expect(types).toEqual(["partner.badge.awarded", "partner.payout.paid", "partner.tier.changed"]);

    // Retries were spaced exactly by the schedule.
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.every((d) => d.status === "succeeded" && d.attempts === DOWN_ROUNDS + 1)).toBe(true);
    const db = await getDb();
    const attempts = await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
    for (const id of ids) {
      const mine = attempts.filter((a) => a.deliveryId === id).sort((a, b) => a.number - b.number);
      expect(mine.map((a) => a.outcome)).toEqual([...Array(DOWN_ROUNDS).fill("failed"), "succeeded"]);
      expect(mine[0]!.error).toBe("Connection refused");
      for (let n = 1; n < mine.length; n++) {
        expect(mine[n]!.at.getTime() - mine[n - 1]!.at.getTime()).toBe(retryDelayMs(n, random));
      }
    }
    expect(await endpointRow(endpoint.id)).toMatchObject({ status: "active", consecutiveFailures: 0, failingSince: null });
  });

  it("receiver answers 500 every time: endpoint disabled when the schedule runs out, owners notified", async () => {
    const { partner, owner, asOwner } = await makeTeam();
    let clock = T0;
    const r = await startWebhookReceiver({ secrets: () => [], clock: () => clock, reply: () => ({ status: 500, body: "boom" }) });
    receivers.push(r);
    const { endpoint } = await addEndpoint(asOwner, partner.id, r.url);
    const ids = await emitSome(partner.id, T0);

    const end = await drain([endpoint.id], T0, async (_round, now) => {
      clock = now;
    });

    const days = (end.getTime() - T0.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(2.5);
    expect(days).toBeLessThan(4);
    expect(r.received).toHaveLength(3 * MAX_ATTEMPTS);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => [d.status, d.attempts, d.lastResponseStatus])).toEqual(ids.map(() => ["dead", MAX_ATTEMPTS, 500]));
    expect(deliveries[0]!.lastResponseSnippet).toBe("boom");
    expect(await endpointRow(endpoint.id)).toMatchObject({ status: "disabled", disabledReason: "failing", consecutiveFailures: 3 * MAX_ATTEMPTS });

    const db = await getDb();
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, owner.email));
    expect(mails.map((m) => m.kind).sort()).toEqual(["webhook_endpoint_disabled", "webhook_endpoint_failing"]);
    expect(mails.find((m) => m.kind === "webhook_endpoint_failing")!.text).toContain("HTTP 500");
  });

  it("a slow receiver does not hold the worker: the request times out, others in the batch go through", async () => {
    const slow = await makeTeam();
    const fast = await makeTeam();
    const hanging = await startWebhookReceiver({ secrets: () => [], clock: () => T0, reply: () => ({ hang: true }) });
    let secret = "";
    const quick = await startWebhookReceiver({ secrets: () => [secret], clock: () => T0 });
    receivers.push(hanging, quick);
    const slowEndpoint = await addEndpoint(slow.asOwner, slow.partner.id, hanging.url);
    const fastEndpoint = await addEndpoint(fast.asOwner, fast.partner.id, quick.url);
    secret = fastEndpoint.secret;
    await emitSome(slow.partner.id, T0);
    await emitSome(fast.partner.id, T0);

    // The receiver never answers; the worker still returns, having given up on it.
    const result = await deliverDue({ now: T0, timeoutMs: 300, random });
    expect(result).toMatchObject({ claimed: 6, succeeded: 3, failed: 3 });
    expect(hanging.received).toHaveLength(3);
    expect(quick.received).toHaveLength(3);
    const slowRows = await deliveriesOf(slowEndpoint.endpoint.id);
    expect(slowRows.every((d) => d.status === "failed" && d.lastError === "Timed out after 300 ms" && d.lastResponseStatus === null)).toBe(true);
    expect(slowRows.every((d) => d.nextAttemptAt!.getTime() === T0.getTime() + retryDelayMs(1, random)!)).toBe(true);
    // The worker closed the connections it gave up on.
    await expect.poll(() => hanging.abortedHanging.length).toBe(3);
  });
});

import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, webhookAttempts } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/store";
import { emit } from "@/lib/events/emit";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { addEndpoint, deliveriesOf, endpointRow } from "@/lib/testing/webhooks";
import { deliverDue } from "./deliver-due";
import { resendDelivery } from "./resend-delivery";
import { rotateEndpointSecret } from "./rotate-secret";
import { sendTestEvent } from "./send-test-event";

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});

async function receiver(secrets: () => string[], options: Partial<Parameters<typeof startWebhookReceiver>[0]> = {}) {
  const r = await startWebhookReceiver({ secrets, clock: () => T0, ...options });
  receivers.push(r);
  return r;
}

const tier = (n: number) => ({ from: "verified", to: "advanced", effectiveAt: T0.toISOString(), reason: `review ${n}` }) as const;

async function emitTier(partnerId: string, n = 1, now = T0) {
  const db = await getDb();
  return db.transaction((tx) => emit(tx, { type: "partner.tier.changed", partnerId, data: tier(n), now }));
}

describe("deliverDue", () => {
  it("posts a signed Standard Webhooks request and records the success", async () => {
    const { partner, asOwner } = await makeTeam();
    let secret = "";
    const r = await receiver(() => [secret]);
    const created = await addEndpoint(asOwner, partner.id, r.url, ["partner.tier.changed"]);
    secret = created.secret;
    const { eventId, deliveryIds } = await emitTier(partner.id);

    const result = await deliverDue({ now: T0 });
    expect(result).toMatchObject({ claimed: 1, succeeded: 1, failed: 0, dead: 0 });

    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.id).toBe(deliveryIds[0]);
    expect(got.verifiedWith).toBe(0);
    expect(got.fresh).toBe(true);
    expect(got.timestamp).toBe(T0.getTime() / 1000);
    expect(got.contentType).toBe("application/json");
    expect(got.json).toEqual({ id: eventId, type: "partner.tier.changed", timestamp: T0.toISOString(), data: tier(1) });

    const [delivery] = await deliveriesOf(created.endpoint.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, nextAttemptAt: null, claimToken: null, lastResponseStatus: 200, lastResponseSnippet: "ok" });
    const db = await getDb();
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery!.id));
    expect(attempts).toEqual([expect.objectContaining({ number: 1, outcome: "succeeded", responseStatus: 200, trigger: "schedule" })]);
    expect(await endpointRow(created.endpoint.id)).toMatchObject({ lastSuccessAt: T0, consecutiveFailures: 0 });

    // Nothing is due any more.
    expect((await deliverDue({ now: new Date(T0.getTime() + 3_600_000) })).claimed).toBe(0);
  });

  it("two workers at once never deliver one row twice (FOR UPDATE SKIP LOCKED)", async () => {
    const { partner, asOwner } = await makeTeam();
    let secret = "";
    const r = await receiver(() => [secret]);
    secret = (await addEndpoint(asOwner, partner.id, r.url)).secret;
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) ids.push(...(await emitTier(partner.id, i)).deliveryIds);

    const results = await Promise.all([
      deliverDue({ now: T0, limit: 40, concurrency: 8 }),
      deliverDue({ now: T0, limit: 40, concurrency: 8 }),
      deliverDue({ now: T0, limit: 40, concurrency: 8 }),
    ]);
    const rest = await deliverDue({ now: T0, limit: 100 });
    const claimed = results.reduce((s, x) => s + x.claimed, 0) + rest.claimed;
    expect(claimed).toBe(60);
    expect(r.received.map((x) => x.id).sort()).toEqual(ids.sort());
    expect(new Set(r.received.map((x) => x.id)).size).toBe(60);
    expect(r.received.every((x) => x.verifiedWith === 0)).toBe(true);
  });

  it("a rotated secret: both signatures for 24 hours, then only the new one", async () => {
    const { partner, asOwner } = await makeTeam();
    let accepted: string[] = [];
    const r = await receiver(() => accepted, { clock: () => new Date(0), toleranceSeconds: 1e10 });
    const created = await addEndpoint(asOwner, partner.id, r.url);
    const old = created.secret;
    const later = new Date(T0.getTime() + 60_000);
    const { secret: fresh, endpoint } = await rotateEndpointSecret({ principal: asOwner, partnerId: partner.id, endpointId: created.endpoint.id, now: later });
    expect(fresh).not.toBe(old);
    expect(endpoint.secretHint).toBe(`whsec_…${fresh.slice(-4)}`);

    await emitTier(partner.id, 1, later);
    accepted = [old];
    await deliverDue({ now: later });
    expect(r.received[0]!.verifiedWith).toBe(0); // a receiver still on the old secret keeps working

    const almostADay = new Date(later.getTime() + 24 * 3_600_000 - 1000);
    await emitTier(partner.id, 2, almostADay);
    accepted = [fresh];
    await deliverDue({ now: almostADay });
    expect(r.received[1]!.verifiedWith).toBe(0);
    expect(r.received[1]!.json).toBeTruthy();

    const afterADay = new Date(later.getTime() + 24 * 3_600_000);
    await emitTier(partner.id, 3, afterADay);
    accepted = [old, fresh];
    await deliverDue({ now: afterADay });
    expect(r.received[2]!.verifiedWith).toBe(1); // only the new secret signs now

    const audit = await listAuditEvents({ objectId: created.endpoint.id, page: 1, pageSize: 5 });
    expect(audit.rows.map((a) => a.action)).toContain("webhook_endpoint.secret_rotated");
    expect(JSON.stringify(audit.rows)).not.toContain(fresh);
  });

  it("410 Gone disables the endpoint at once, abandons its queue, and tells the owners", async () => {
    const { partner, owner, asOwner } = await makeTeam();
    const r = await receiver(() => [], { reply: () => ({ status: 410, body: "gone" }) });
    const { endpoint } = await addEndpoint(asOwner, partner.id, r.url);
    await emitTier(partner.id, 1);
    const later = await emitTier(partner.id, 2, new Date(T0.getTime() + 3_600_000));

    const result = await deliverDue({ now: T0 });
    expect(result).toMatchObject({ claimed: 1, dead: 1, disabledEndpoints: [endpoint.id] });
    expect(await endpointRow(endpoint.id)).toMatchObject({ status: "disabled", disabledReason: "gone", disabledAt: T0 });
    const queued = (await deliveriesOf(endpoint.id)).find((d) => d.id === later.deliveryIds[0]);
    expect(queued).toMatchObject({ status: "dead", lastError: "Endpoint disabled", attempts: 0 });

    const db = await getDb();
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, owner.email));
    expect(mails.map((m) => m.kind)).toEqual(["webhook_endpoint_disabled"]);
    expect(mails[0]!.text).toContain("410 Gone");
    const audit = await listAuditEvents({ objectId: endpoint.id, page: 1, pageSize: 5 });
    expect(audit.rows.find((a) => a.action === "webhook_endpoint.disabled")).toMatchObject({ actorType: "system", after: { disabledReason: "gone" } });

    // Nothing more is sent to a disabled endpoint.
    await emitTier(partner.id, 3, new Date(T0.getTime() + 7_200_000));
    expect((await deliverDue({ now: new Date(T0.getTime() + 7_200_000) })).claimed).toBe(0);
    expect(r.received).toHaveLength(1);
  });

  it("refuses at connection time a host that resolves to a private address (SSRF)", async () => {
    const { partner, asOwner } = await makeTeam();
    const r = await receiver(() => []);
    // Saved while private targets were allowed; delivered where they are not.
    const { endpoint } = await addEndpoint(asOwner, partner.id, r.url.replace("127.0.0.1", "localhost"));
    await emitTier(partner.id);
    const result = await deliverDue({ now: T0, policy: { allowPrivate: false } });
    expect(result.failed).toBe(1);
    expect(result.items[0]!.error).toMatch(/Refused: localhost resolves to a private or loopback address/);
    expect(r.received).toHaveLength(0);

    const { endpoint: literal } = await addEndpoint(asOwner, partner.id, r.url);
    await emitTier(partner.id, 2, new Date(T0.getTime() + 120_000));
    const second = await deliverDue({ now: new Date(T0.getTime() + 120_000), policy: { allowPrivate: false } });
    expect(second.items.find((i) => i.endpointId === literal.id)?.error).toMatch(/Refused: 127\.0\.0\.1/);
    expect(r.received).toHaveLength(0);
    expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^Refused/) });
  });

  it("sends a test event right away, and a resend keeps the webhook-id", async () => {
    const { partner, asOwner, asMember } = await makeTeam();
    let secret = "";
    const r = await receiver(() => [secret]);
    const created = await addEndpoint(asOwner, partner.id, r.url, ["partner.deal_registered"]);
    secret = created.secret;

    const test = await sendTestEvent({ principal: asOwner, partnerId: partner.id, endpointId: created.endpoint.id, now: T0 });
    expect(test.result).toMatchObject({ status: "succeeded", responseStatus: 200 });
    expect(r.received[0]).toMatchObject({ id: test.deliveryId, verifiedWith: 0 });
    expect(r.received[0]!.json).toMatchObject({ type: "partner.test", data: { endpointId: created.endpoint.id } });

    const again = await resendDelivery({ principal: asOwner, partnerId: partner.id, deliveryId: test.deliveryId, now: new Date(T0.getTime() + 60_000) });
    expect(again.result).toMatchObject({ status: "succeeded" });
    expect(r.received.map((x) => x.id)).toEqual([test.deliveryId, test.deliveryId]);
    const db = await getDb();
    const attempts = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, test.deliveryId));
    expect(attempts.map((a) => [a.number, a.trigger]).sort()).toEqual([
      [1, "schedule"],
      [2, "manual"],
    ]);

    await expect(sendTestEvent({ principal: asMember, partnerId: partner.id, endpointId: created.endpoint.id, now: T0 })).rejects.toMatchObject({
      code: "forbidden",
    });
    const stranger = await makeTeam();
    await expect(
      resendDelivery({ principal: stranger.asOwner, partnerId: stranger.partner.id, deliveryId: test.deliveryId, now: T0 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

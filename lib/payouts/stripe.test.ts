import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/db/client";
import { events, partnerPayoutSettings, payouts } from "@/db/schema";
import { resetEnvForTests } from "@/lib/env";
import { stripeClient, stripeGateway, type PayoutGateway } from "@/lib/integrations/stripe/connect";
import { makeAdmin } from "@/lib/testing/factories";
import { startFakeStripe, type FakeStripe } from "@/lib/testing/fake-stripe";
import { retryPayout, startStripeOnboarding } from "./manage";
import { runPayouts } from "./run";
import { addCommission, makePayee } from "./testing";
import { STALE_MS } from "./transfers";

const RUN = new Date("2026-12-01T06:00:00.000Z");
const OCT = new Date("2026-10-15T12:00:00.000Z");
const later = (ms: number) => new Date(RUN.getTime() + ms);

let stripe: FakeStripe;
let gateway: PayoutGateway;

beforeAll(async () => {
  stripe = await startFakeStripe({ webhookSecret: "whsec_payouts_test" });
  process.env.STRIPE_WEBHOOK_SECRET = stripe.webhookSecret;
  resetEnvForTests();
  gateway = stripeGateway(stripeClient({ secretKey: stripe.secretKey, apiUrl: stripe.url }));
});
afterAll(async () => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
  await stripe.close();
});

async function deliver(signed: { payload: string; header: string }) {
  const res = await stripeWebhook(new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": signed.header, "content-type": "application/json" }, body: signed.payload }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A partner onboarded through the console flow, with payouts enabled by Stripe's account.updated webhook. */
async function onboarded(amounts: number[]) {
  const team = await makePayee();
  const { url } = await startStripeOnboarding({ principal: team.asOwner, partnerId: team.partner.id, gateway, appUrl: "http://localhost:3000", now: RUN });
  expect(url).toMatch(/^https:\/\/connect\.stripe\.com\//);
  const db = await getDb();
  const [s] = await db.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, team.partner.id));
  expect(s!.payoutsEnabled).toBe(false);
  const res = await deliver(stripe.completeOnboarding(s!.stripeAccountId!));
  expect(res).toMatchObject({ status: 200, body: { outcome: "recorded" } });
  for (const a of amounts) await addCommission(team.partner.id, a, OCT);
  return { ...team, accountId: s!.stripeAccountId! };
}

async function payoutOf(partnerId: string) {
  const db = await getDb();
  const [p] = await db.select().from(payouts).where(eq(payouts.partnerId, partnerId));
  return p!;
}

describe("Stripe Connect onboarding", () => {
  it("creates one Express account per partner, and syncs payouts_enabled from account.updated", async () => {
    const team = await makePayee();
    const first = await startStripeOnboarding({ principal: team.asOwner, partnerId: team.partner.id, gateway, appUrl: "http://localhost:3000", now: RUN });
    const second = await startStripeOnboarding({ principal: team.asOwner, partnerId: team.partner.id, gateway, appUrl: "http://localhost:3000", now: RUN });
    expect(first.url).not.toBe(second.url); // a fresh link each time, the same account
    const db = await getDb();
    const [s] = await db.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, team.partner.id));
    expect([...stripe.accounts.values()].filter((a) => a.metadata.partner_id === team.partner.id)).toHaveLength(1);
    await deliver(stripe.completeOnboarding(s!.stripeAccountId!, true));
    const [enabled] = await db.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, team.partner.id));
    expect(enabled!.payoutsEnabled).toBe(true);
    await deliver(stripe.completeOnboarding(s!.stripeAccountId!, false));
    const [disabled] = await db.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.partnerId, team.partner.id));
    expect(disabled!.payoutsEnabled).toBe(false);
  });

  it("a member cannot start onboarding; a forged account.updated is refused", async () => {
    const team = await makePayee();
    await expect(startStripeOnboarding({ principal: team.asMember, partnerId: team.partner.id, gateway, appUrl: "http://localhost:3000", now: RUN })).rejects.toMatchObject({ code: "forbidden" });
    const forged = stripe.signedEvent("account.updated", { id: "acct_x", payouts_enabled: true });
    const res = await deliver({ payload: forged.payload, header: forged.header.replace(/v1=\w+/, "v1=" + "0".repeat(64)) });
    expect(res.status).toBe(400);
  });
});

describe("Stripe transfers", () => {
  it("pays each payout with one Transfer keyed by the payout id", async () => {
    const { partner, accountId } = await onboarded([6_000, 2_000]);
    await runPayouts({ now: RUN, gateway });
    const p = await payoutOf(partner.id);
    expect(p).toMatchObject({ status: "paid", method: "stripe", totalCents: 8_000 });
    const transfers = stripe.transfers.filter((t) => t.destination === accountId);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ amount: 8_000, currency: "usd", transfer_group: p.id, id: p.stripeTransferId });
    const req = stripe.transferRequests().find((r) => r.body.includes(p.id))!;
    expect(req.headers["idempotency-key"]).toBe(`payout-${p.id}-attempt-1`);
    const db = await getDb();
    const types = (await db.select().from(events).where(eq(events.partnerId, partner.id))).map((e) => e.type).sort();
    expect(types).toEqual(["partner.payout.created", "partner.payout.paid"]);
  });

  it("a refusal marks the payout failed with Stripe's reason; a retry pays it once", async () => {
    const { partner, accountId } = await onboarded([7_000]);
    stripe.refuseTransfers(1);
    await runPayouts({ now: RUN, gateway });
    const failed = await payoutOf(partner.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.statusReason).toMatch(/Insufficient funds/);
    const db = await getDb();
    const [ev] = await db.select().from(events).where(eq(events.partnerId, partner.id)).then((r) => r.filter((e) => e.type === "partner.payout.failed"));
    expect(ev!.payload).toMatchObject({ payoutId: failed.id, attempts: 1 });

    // A later run does not retry on its own a payout Stripe refused...
    await runPayouts({ now: later(STALE_MS * 2), gateway });
    expect((await payoutOf(partner.id)).status).toBe("failed");
    // ...an admin does, with the next idempotency key.
    const admin = await makeAdmin();
    await retryPayout({ principal: admin, payoutId: failed.id, gateway, now: later(STALE_MS * 3) });
    const paid = await payoutOf(partner.id);
    expect(paid.status).toBe("paid");
    expect(stripe.transfers.filter((t) => t.destination === accountId)).toHaveLength(1);
    const keys = stripe.transferRequests().filter((r) => r.body.includes(failed.id)).map((r) => r.headers["idempotency-key"]);
    expect(keys).toEqual([`payout-${failed.id}-attempt-1`, `payout-${failed.id}-attempt-2`]);
    await expect(retryPayout({ principal: admin, payoutId: failed.id, gateway, now: later(STALE_MS * 4) })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a crash after Stripe answered, before we recorded it, never pays twice", async () => {
    const made = [await onboarded([5_500]), await onboarded([6_500]), await onboarded([7_500])];
    const before = stripe.transfers.length;
    await expect(runPayouts({ now: RUN, gateway, crashAfterTransfers: 1 })).rejects.toThrow(/injected crash/);
    expect(stripe.transfers.length).toBe(before + 1);
    // Immediately re-run: the in-flight payout is left alone (another instance could be sending it)...
    await runPayouts({ now: later(1_000), gateway });
    // ...and once stale, it is retried with the same key: Stripe replays the same transfer.
    await runPayouts({ now: later(STALE_MS + 2_000), gateway });
    const db = await getDb();
    const all = await db.select().from(payouts).where(inArray(payouts.partnerId, made.map((m) => m.partner.id)));
    expect(all.map((p) => p.status)).toEqual(["paid", "paid", "paid"]);
    for (const m of made) expect(stripe.transfers.filter((t) => t.destination === m.accountId)).toHaveLength(1);
    expect(new Set(all.map((p) => p.stripeTransferId)).size).toBe(3);
  });

  it("a lost answer (Stripe made the transfer, we saw a 500) is resolved by the same key", async () => {
    const { partner, accountId } = await onboarded([9_000]);
    stripe.loseTransferResponses(2); // the first answer and the SDK's own retry
    await runPayouts({ now: RUN, gateway });
    expect((await payoutOf(partner.id)).status).toBe("processing");
    await runPayouts({ now: later(STALE_MS + 1), gateway });
    const p = await payoutOf(partner.id);
    expect(p.status).toBe("paid");
    expect(stripe.transfers.filter((t) => t.destination === accountId)).toHaveLength(1);
    expect(p.stripeTransferId).toBe(stripe.transfers.find((t) => t.destination === accountId)!.id);
    const keys = stripe.transferRequests().filter((r) => r.body.includes(p.id)).map((r) => r.headers["idempotency-key"]);
    expect(keys.length).toBe(3);
    expect(new Set(keys)).toEqual(new Set([`payout-${p.id}-attempt-1`]));
  });

  it("holds the payout of a partner whose Stripe account cannot receive payouts yet", async () => {
    const team = await makePayee();
    await addCommission(team.partner.id, 8_000, OCT);
    await runPayouts({ now: RUN, gateway });
    const p = await payoutOf(team.partner.id);
    expect(p.status).toBe("held");
    expect(p.statusReason).toMatch(/Stripe onboarding/);
  });
});

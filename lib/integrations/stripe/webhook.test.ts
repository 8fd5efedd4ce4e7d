import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/db/client";
import { commissions, conversions, stripeEvents } from "@/db/schema";
import { recordConversion } from "@/lib/attribution/record-conversion";
import type { Principal } from "@/lib/auth/permissions";
import { resetEnvForTests } from "@/lib/env";
import { makeTeam } from "@/lib/testing/factories";

const SECRET = "whsec_test_attribution_secret";
const platform: Principal = { kind: "key", key: { keyId: "key_platform", kind: "platform", partnerId: null, scopes: ["platform:write"], name: "Platform" } };

beforeAll(() => {
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  resetEnvForTests();
});
afterAll(() => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnvForTests();
});

const nowS = () => Math.floor(Date.now() / 1000);
let seq = 0;

function event(type: string, object: object, extra: { id?: string; created?: number; previous_attributes?: object } = {}) {
  return { id: extra.id ?? `evt_${++seq}_${Date.now().toString(36)}`, object: "event", type, created: extra.created ?? nowS() - 60, data: { object, ...(extra.previous_attributes ? { previous_attributes: extra.previous_attributes } : {}) } };
}

async function deliver(body: object, opts: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(body);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, timestamp: opts.timestamp });
  const res = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": header, "content-type": "application/json" }, body: payload }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const invoicePaid = (customer: string, invoice: string, charge: string, amount: number, paidAt = nowS() - 120) =>
  event("invoice.paid", {
    id: invoice,
    object: "invoice",
    customer,
    customer_email: `billing@${customer}.example`,
    currency: "usd",
    amount_paid: amount,
    charge,
    status: "paid",
    status_transitions: { paid_at: paidAt },
    lines: { data: [{ id: `il_${invoice}`, amount, price: { id: "price_pro", lookup_key: "provenance-pro", unit_amount: amount }, period: { start: paidAt, end: paidAt + 30 * 86400 } }] },
  });

const refunded = (customer: string, invoice: string, charge: string, amount: number, refundedTotal: number) =>
  event("charge.refunded", { id: charge, object: "charge", customer, invoice, amount, amount_refunded: refundedTotal, currency: "usd" });

async function attributedCustomer(partnerId: string, customer: string) {
  await recordConversion({ principal: platform, input: { type: "signup", customerId: customer, partnerId }, now: new Date(Date.now() - 3600_000) });
}

async function commissionState(customer: string) {
  const db = await getDb();
  const rows = await db.select().from(commissions).where(eq(commissions.customerId, customer));
  return rows.map((r) => `${r.kind}:${r.grossCents}-${r.refundedCents}=${r.amountCents}:${r.status}`).sort();
}

describe("Stripe webhooks: signature and replay", () => {
  it("a bad signature is a 400 and records nothing", async () => {
    const body = invoicePaid("cus_badsig", "in_badsig", "ch_badsig", 1000);
    const res = await deliver(body, { secret: "whsec_someone_else" });
    expect(res.status).toBe(400);
    const db = await getDb();
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, body.id))).toHaveLength(0);
    expect(await db.select().from(conversions).where(eq(conversions.customerId, "cus_badsig"))).toHaveLength(0);
  });

  it("a timestamp older than 5 minutes is a 400 and records nothing", async () => {
    const body = invoicePaid("cus_old", "in_old", "ch_old", 1000);
    const res = await deliver(body, { timestamp: nowS() - 301 });
    expect(res.status).toBe(400);
    const db = await getDb();
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, body.id))).toHaveLength(0);
    expect((await deliver(body, { timestamp: nowS() - 290 })).status).toBe(200);
  });

  it("a missing signature header is a 400", async () => {
    const res = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: "{}" }));
    expect(res.status).toBe(400);
  });

  it("the same event delivered twice is recorded once", async () => {
    const { partner } = await makeTeam({ tier: "premier" });
    await attributedCustomer(partner.id, "cus_twice");
    const body = invoicePaid("cus_twice", "in_twice", "ch_twice", 49_900);
    expect((await deliver(body)).body).toMatchObject({ duplicate: false, outcome: "matched" });
    expect((await deliver(body)).body).toMatchObject({ duplicate: true });
    const db = await getDb();
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, body.id))).toHaveLength(1);
    expect(await commissionState("cus_twice")).toEqual(["bounty:10000-0=10000:pending", "subscription:14970-0=14970:pending"]);
  });

  it("events for unknown customers are stored as unmatched, and matched once the customer is known", async () => {
    const body = invoicePaid("cus_stranger", "in_stranger", "ch_stranger", 19_900);
    expect((await deliver(body)).body).toMatchObject({ outcome: "unmatched" });
    const db = await getDb();
    const [row] = await db.select().from(conversions).where(eq(conversions.customerId, "cus_stranger"));
    expect(row).toMatchObject({ status: "unmatched", type: "paid", amountCents: 19_900 });
    expect(await commissionState("cus_stranger")).toEqual([]);
  });
});

describe("Stripe webhooks: out-of-order events converge", () => {
  const orders = [
    ["paid", "refund-half", "refund-full"],
    ["refund-half", "paid", "refund-full"],
    ["refund-full", "refund-half", "paid"],
    ["refund-half", "refund-full", "paid"],
    ["paid", "refund-full", "refund-half"],
  ];
  it.each(orders)("order %s, %s, %s ends fully reversed", async (...order) => {
    const { partner } = await makeTeam({ tier: "premier" });
    const c = `cus_order_${++seq}`;
    await attributedCustomer(partner.id, c);
    const events: Record<string, object> = {
      paid: invoicePaid(c, `in_${c}`, `ch_${c}`, 49_900),
      "refund-half": refunded(c, `in_${c}`, `ch_${c}`, 49_900, 24_950),
      "refund-full": refunded(c, `in_${c}`, `ch_${c}`, 49_900, 49_900),
    };
    for (const name of order) expect((await deliver(events[name]!)).status).toBe(200);
    expect(await commissionState(c)).toEqual(["bounty:10000-10000=0:reversed", "subscription:14970-14970=0:reversed"]);
  });

  it.each([
    [["paid", "refund-half"]],
    [["refund-half", "paid"]],
  ])("a partial refund in order %j ends at the same reduced commission", async (order) => {
    const { partner } = await makeTeam({ tier: "premier" });
    const c = `cus_partial_${++seq}`;
    await attributedCustomer(partner.id, c);
    const events: Record<string, object> = { paid: invoicePaid(c, `in_${c}`, `ch_${c}`, 49_900), "refund-half": refunded(c, `in_${c}`, `ch_${c}`, 49_900, 24_950) };
    for (const name of order) await deliver(events[name]!);
    expect(await commissionState(c)).toEqual(["bounty:10000-0=10000:pending", "subscription:14970-7485=7485:pending"]);
  });

  it("a refund after the commission was paid becomes a negative clawback line", async () => {
    const { partner } = await makeTeam({ tier: "premier" });
    const c = `cus_paidout_${++seq}`;
    await attributedCustomer(partner.id, c);
    await deliver(invoicePaid(c, `in_${c}`, `ch_${c}`, 49_900));
    const db = await getDb();
    await db.update(commissions).set({ status: "paid", paidAt: new Date() }).where(eq(commissions.customerId, c));
    await deliver(refunded(c, `in_${c}`, `ch_${c}`, 49_900, 24_950));
    expect(await commissionState(c)).toEqual(["bounty:10000-0=10000:paid", "clawback:-7485-0=-7485:payable", "subscription:14970-0=14970:paid"]);
  });

  it("a mid-period upgrade earns the prorated difference", async () => {
    const { partner } = await makeTeam({ tier: "premier" });
    const c = `cus_upgrade_${++seq}`;
    await attributedCustomer(partner.id, c);
    const start = nowS() - 20 * 86400;
    await deliver(invoicePaid(c, `in_${c}`, `ch_${c}`, 49_900, start));
    const created = start + 10 * 86400;
    const item = (lookup: string, amount: number) => ({ price: { id: `price_${lookup}`, lookup_key: lookup, unit_amount: amount }, quantity: 1, current_period_start: start, current_period_end: start + 30 * 86400 });
    const update = event(
      "customer.subscription.updated",
      { id: `sub_${c}`, object: "subscription", customer: c, status: "active", currency: "usd", items: { data: [item("provenance-enterprise", 99_900)] } },
      { created, previous_attributes: { items: { data: [item("provenance-pro", 49_900)] } } },
    );
    await deliver(update);
    await deliver(update);
    // 20 of 30 days left: -33_267 + 66_600 = +33_333; 30% = 9_999.9 -> 10_000.
    expect(await commissionState(c)).toContain("proration:10000-0=10000:pending");
  });
});

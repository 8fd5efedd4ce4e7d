import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, webhookDeliveries } from "@/db/schema";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { addEndpoint, deliveriesOf } from "@/lib/testing/webhooks";
import { setEndpointEnabled } from "@/lib/webhooks/set-endpoint-status";
import { emit, emitMany } from "./emit";
import { EVENT_REGISTRY, EVENT_TYPES, type EventType } from "./registry";

const tierChange = { from: "advanced", to: "premier", effectiveAt: "2026-03-01T00:00:00.000Z", reason: "Quarterly review" } as const;

describe("the event registry", () => {
  it.each(EVENT_TYPES.map((t) => [t] as const))("%s has a description and an example its schema accepts", (type: EventType) => {
    const def = EVENT_REGISTRY[type];
    expect(def.description.length).toBeGreaterThan(10);
    expect(def.data.safeParse(def.example).success).toBe(true);
  });

  it("lists every event type the program promises", () => {
    expect(EVENT_TYPES.sort()).toEqual(
      [
        "partner.test",
        "partner.deal_registered",
        "partner.deal_expired",
        "partner.attribution_matched",
        "partner.commission.created",
        "partner.payout.created",
        "partner.payout.paid",
        "partner.payout.failed",
        "partner.badge.awarded",
        "partner.badge.revoked",
        "partner.badge.restored",
        "partner.badge_violation_opened",
        "partner.badge_violation_closed",
        "partner.tier.changed",
        "partner.mdf_request.decided",
        "partner.mdf_claim.decided",
        "partner.marketing.reviewed",
        "partner.webinar.lead_registered",
        "partner.agreement_signed",
        "partner.badge.changed",
        "partner.certification.changed",
      ].sort(),
    );
  });
});

describe("emit", () => {
  it("writes the event and one delivery per active endpoint subscribed to its type", async () => {
    const { partner, asOwner } = await makeTeam();
    const other = await makeTeam();
    const all = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/all", ["*"]);
    const tiers = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/tiers", ["partner.tier.changed"]);
    const deals = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/deals", ["partner.deal_registered"]);
    const off = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/off", ["*"]);
    await setEndpointEnabled({ principal: asOwner, partnerId: partner.id, endpointId: off.endpoint.id, enabled: false, now: T0 });
    const foreign = await addEndpoint(other.asOwner, other.partner.id, "https://hooks.example.com/theirs", ["*"]);

    const db = await getDb();
    const emitted = await db.transaction((tx) => emit(tx, { type: "partner.tier.changed", partnerId: partner.id, data: tierChange, now: T0 }));

    expect(emitted.eventId).toMatch(/^evt_/);
    const [event] = await db.select().from(events).where(eq(events.id, emitted.eventId));
    expect(event).toMatchObject({ type: "partner.tier.changed", partnerId: partner.id, payload: tierChange });
    expect(event!.createdAt.toISOString()).toBe(T0.toISOString());

    const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, emitted.eventId));
    expect(rows.map((r) => r.endpointId).sort()).toEqual([all.endpoint.id, tiers.endpoint.id].sort());
    expect(rows.every((r) => r.status === "pending" && r.nextAttemptAt?.getTime() === T0.getTime() && r.id.startsWith("whd_"))).toBe(true);
    expect(await deliveriesOf(deals.endpoint.id)).toHaveLength(0);
    expect(await deliveriesOf(foreign.endpoint.id)).toHaveLength(0);
  });

  it("rolls back with the caller's transaction: no event, no delivery", async () => {
    const { partner, asOwner } = await makeTeam();
    const { endpoint } = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/all");
    const db = await getDb();
    let eventId = "";
    await expect(
      db.transaction(async (tx) => {
        eventId = (await emit(tx, { type: "partner.tier.changed", partnerId: partner.id, data: tierChange, now: T0 })).eventId;
        throw new Error("the change failed after emitting");
      }),
    ).rejects.toThrow("the change failed");
    expect(eventId).toMatch(/^evt_/);
    expect(await db.select().from(events).where(eq(events.id, eventId))).toHaveLength(0);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);
  });

  it("refuses a payload that breaks its schema, naming the field", async () => {
    const { partner } = await makeTeam();
    const db = await getDb();
    await expect(
      db.transaction((tx) =>
        emit(tx, {
          type: "partner.tier.changed",
          partnerId: partner.id,
          data: { ...tierChange, to: "platinum" } as unknown as typeof tierChange,
          now: T0,
        }),
      ),
    ).rejects.toThrow(/Invalid partner\.tier\.changed payload: to:/);
    await expect(
      db.transaction((tx) =>
        emit(tx, { type: "partner.tier.changed", partnerId: partner.id, data: { ...tierChange, extra: 1 } as typeof tierChange, now: T0 }),
      ),
    ).rejects.toThrow(/extra/);
    expect(await db.select().from(events).where(eq(events.partnerId, partner.id))).toHaveLength(0);
  });

  it("sends a test event only to the endpoint that asked, whatever it subscribes to", async () => {
    const { partner, asOwner } = await makeTeam();
    const a = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/a", ["partner.deal_registered"]);
    const b = await addEndpoint(asOwner, partner.id, "https://hooks.example.com/b", ["*"]);
    const db = await getDb();
    const emitted = await db.transaction((tx) =>
      emit(tx, {
        type: "partner.test",
        partnerId: partner.id,
        endpointId: a.endpoint.id,
        data: { message: "hi", endpointId: a.endpoint.id, sentBy: null },
        now: T0,
      }),
    );
    expect(emitted.deliveryIds).toHaveLength(1);
    expect(await deliveriesOf(a.endpoint.id)).toHaveLength(1);
    expect(await deliveriesOf(b.endpoint.id)).toHaveLength(0);
  });
});

describe("emitMany", () => {
  it("writes the events and deliveries one emit() each would: one event per input, one delivery per active subscribed endpoint of its partner", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const quiet = await makeTeam();
    const aAll = await addEndpoint(a.asOwner, a.partner.id, "https://hooks.example.com/a-all", ["*"]);
    const aTiers = await addEndpoint(a.asOwner, a.partner.id, "https://hooks.example.com/a-tiers", ["partner.tier.changed"]);
    await addEndpoint(a.asOwner, a.partner.id, "https://hooks.example.com/a-deals", ["partner.deal_registered"]);
    const aOff = await addEndpoint(a.asOwner, a.partner.id, "https://hooks.example.com/a-off", ["*"]);
    await setEndpointEnabled({ principal: a.asOwner, partnerId: a.partner.id, endpointId: aOff.endpoint.id, enabled: false, now: T0 });
    const bAll = await addEndpoint(b.asOwner, b.partner.id, "https://hooks.example.com/b-all", ["*"]);
    const inputs = [
      { partnerId: a.partner.id, data: tierChange },
      { partnerId: b.partner.id, data: { ...tierChange, reason: "B" } },
      { partnerId: a.partner.id, data: { ...tierChange, reason: "A again" } },
      { partnerId: quiet.partner.id, data: tierChange },
    ];
    const db = await getDb();
    await db.transaction((tx) => emitMany(tx, "partner.tier.changed", T0, inputs));
    await db.transaction((tx) => emitMany(tx, "partner.tier.changed", T0, []));

    const partnerIds = [a.partner.id, b.partner.id, quiet.partner.id];
    const rows = await db.select().from(events).where(inArray(events.partnerId, partnerIds));
    const byKey = (x: { partnerId: string; payload: unknown }, y: { partnerId: string; payload: unknown }) => {
      const key = (r: { partnerId: string; payload: unknown }) => `${r.partnerId}:${(r.payload as { reason: string }).reason}`;
      return key(x) < key(y) ? -1 : 1;
    };
    expect(rows.map((e) => ({ type: e.type, partnerId: e.partnerId, payload: e.payload, createdAt: e.createdAt })).sort(byKey)).toEqual(
      inputs.map((i) => ({ type: "partner.tier.changed", partnerId: i.partnerId, payload: i.data, createdAt: T0 })).sort(byKey),
    );
    expect(rows.every((e) => /^evt_[0-9a-z]{20}$/.test(e.id))).toBe(true);
    const deliveries = await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.partnerId, partnerIds));
    const endpointsOf = (eventId: string) => deliveries.filter((d) => d.eventId === eventId).map((d) => d.endpointId).sort();
    for (const e of rows) {
      const expected = e.partnerId === a.partner.id ? [aAll.endpoint.id, aTiers.endpoint.id] : e.partnerId === b.partner.id ? [bAll.endpoint.id] : [];
      expect(endpointsOf(e.id)).toEqual(expected.sort());
    }
    expect(deliveries).toHaveLength(5);
    expect(deliveries.every((d) => d.status === "pending" && d.eventType === "partner.tier.changed" && d.nextAttemptAt?.getTime() === T0.getTime() && d.createdAt.getTime() === T0.getTime() && d.id.startsWith("whd_"))).toBe(true);
    expect(deliveries.every((d) => rows.find((e) => e.id === d.eventId)!.partnerId === d.partnerId)).toBe(true);
  });

  it("refuses the whole batch when one payload breaks its schema", async () => {
    const { partner } = await makeTeam();
    const db = await getDb();
    await expect(
      db.transaction((tx) =>
        emitMany(tx, "partner.tier.changed", T0, [
          { partnerId: partner.id, data: tierChange },
          { partnerId: partner.id, data: { ...tierChange, to: "platinum" } as unknown as typeof tierChange },
        ]),
      ),
    ).rejects.toThrow(/Invalid partner\.tier\.changed payload: to:/);
    expect(await db.select().from(events).where(eq(events.partnerId, partner.id))).toHaveLength(0);
  });
});
